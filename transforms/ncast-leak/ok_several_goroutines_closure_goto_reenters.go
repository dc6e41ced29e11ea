// Not a leak: after three go statements the closure's counting loop
// re-enters itself with goto on an error; all three values are received.
package main

import (
	"errors"
	"fmt"
	"time"
)

func step(i int) error {
	time.Sleep(time.Duration(i) * time.Millisecond)
	if i == 1 {
		return errors.New("step 1 failed")
	}
	return nil
}

func pipeline() error {
	errc := make(chan error)
	go func() { errc <- step(1) }()
	go func() { errc <- step(2) }()
	go func() { errc <- step(3) }()
	var errs []error
	wait := func() {
		i := 0
	again:
		for ; i < 3; i++ {
			if err := <-errc; err != nil {
				errs = append(errs, err)
				i++
				goto again
			}
		}
	}
	wait()
	return errors.Join(errs...)
}

func run() {
	fmt.Println(pipeline())
}
