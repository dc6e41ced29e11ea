// Positive: the runtime's own DoubleSend pattern
// (src/runtime/testdata/testgoroutineleakprofile/commonpatterns.go). Two
// goroutines run one after the other on one channel, each followed by one
// receive; both call a helper that, on an error, sends and falls through
// to a second send. The second goroutine's error makes it send twice: one
// send is left without a receiver. Fix: `return` after the helper's first
// send (safe), so that each goroutine sends exactly once, once per receive.
package main

import "fmt"

func doubleSend(ch chan any, err error) {
	if err != nil {
		// In case of an error, send nil.
		ch <- nil
	}
	ch <- struct{}{}
}

func twice() {
	ch := make(chan any)
	go func() {
		doubleSend(ch, nil)
	}()
	<-ch
	go func() {
		doubleSend(ch, fmt.Errorf("error"))
	}()
	<-ch
}

func run() {
	twice()
}
