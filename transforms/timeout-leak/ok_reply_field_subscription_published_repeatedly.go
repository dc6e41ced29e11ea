// Not fixed: the broker answers waiting subscribers on every publish,
// ranging over a slice it keeps, so a subscription gets an answer per
// publish; it is not the channel the caller sent its request on.
package main

import (
	"context"
	"time"
)

type request struct {
	topic string
	reply chan string
}

type broker struct {
	subs    chan request
	pubs    chan string
	waiting []request
}

// publish hands the value to every subscriber.
func (b *broker) publish(v string) {
	for _, r := range b.waiting {
		r.reply <- r.topic + ":" + v
	}
}

func (b *broker) loop() {
	for {
		select {
		case r := <-b.subs:
			b.waiting = append(b.waiting, r)
		case v, ok := <-b.pubs:
			if !ok {
				return
			}
			b.publish(v)
		}
	}
}

// Watch receives updates until ctx is done.
func (b *broker) Watch(ctx context.Context, topic string, seen chan<- string) {
	req := request{topic: topic, reply: make(chan string)}
	b.subs <- req
	for {
		select {
		case v := <-req.reply:
			seen <- v
		case <-ctx.Done():
			return
		}
	}
}

func run() {
	b := &broker{subs: make(chan request), pubs: make(chan string)}
	go b.loop()
	ctx, cancel := context.WithCancel(context.Background())
	seen := make(chan string, 10)
	go b.Watch(ctx, "t", seen)
	time.Sleep(time.Millisecond)
	b.pubs <- "1"
	<-seen
	cancel()
	time.Sleep(time.Millisecond)
	for _, v := range []string{"2", "3", "4"} {
		select {
		case b.pubs <- v:
		case <-time.After(5 * time.Millisecond):
		}
	}
}
