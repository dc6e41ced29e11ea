// Positive: the parent hands the channel to a helper of the file that waits
// for one value or a timeout (`awaitAck(acks, d)`); when the timeout wins,
// the goroutine's single send blocks forever. The helper reaches its select
// once on every path, so the call is where the parent receives; capacity 1
// lets the send complete.
package main

import (
	"errors"
	"time"
)

type ack struct{ offset int }

var errAckTimeout = errors.New("ack timeout")

func awaitAck(acks <-chan ack, d time.Duration) (ack, error) {
	select {
	case a := <-acks:
		return a, nil
	case <-time.After(d):
		return ack{}, errAckTimeout
	}
}

func appendSlow(msg string) int {
	time.Sleep(20 * time.Millisecond)
	return len(msg)
}

func publish(msg string) (int, error) {
	acks := make(chan ack)
	go func() {
		acks <- ack{offset: appendSlow(msg)}
	}()
	a, err := awaitAck(acks, time.Millisecond)
	if err != nil {
		return 0, err
	}
	return a.offset, nil
}

func run() {
	_, _ = publish("hello")
}
