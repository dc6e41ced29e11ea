// Positive: the seed document's timeout-leak example, made compilable.
// The goroutine sends its result once; the parent's select gives up when
// the timeout fires first, and the send blocks forever. Fix: the seed's
// own, a buffer of one.
package main

import "time"

type option struct{ d time.Duration }

func (o option) Timeout() <-chan time.Time { return time.After(o.d) }

func SomeTimeoutOption() option { return option{time.Millisecond} }

func slowResult() any {
	time.Sleep(50 * time.Millisecond)
	return "result"
}

func Example() {
	timeoutOption := SomeTimeoutOption()
	done := make(chan any)
	go func() {
		done <- slowResult()
	}()

	select {
	case <-done:
		return
	case <-timeoutOption.Timeout():
		return
	}
}

func run() {
	Example()
	time.Sleep(100 * time.Millisecond)
}
