// Positive: the sender's sends sit inside a loop, but each is followed by
// return, so every path sends at most once. When the timeout wins, the
// goroutine blocks forever on its one send.
package main

import (
	"errors"
	"time"
)

func readBlock(i int) bool {
	time.Sleep(5 * time.Millisecond)
	return i < 10
}

func drain(blocks int, limit time.Duration) error {
	result := make(chan error)
	go func() {
		for i := 0; i < blocks; i++ {
			if !readBlock(i) {
				result <- errors.New("short read")
				return
			}
		}
		result <- nil
	}()
	select {
	case err := <-result:
		return err
	case <-time.After(limit):
		return errors.New("timeout")
	}
}

func run() {
	_ = drain(3, time.Millisecond)
}
