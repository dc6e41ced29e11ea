// Positive, unsafe fix: the runtime's DoubleSend shape, where the helper
// also has a third caller on another channel (buffered, one receive). The
// `return` in the helper changes that call too (it then sends once), so
// the fix is graded unsafe and applied only with --unsafe-fixes.
package main

import "fmt"

func doubleSend(ch chan any, err error) {
	if err != nil {
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

	ch1 := make(chan any, 1)
	go func() {
		doubleSend(ch1, fmt.Errorf("error"))
	}()
	<-ch1
}

func run() {
	twice()
}
