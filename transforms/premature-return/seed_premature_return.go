// Positive: the seed document's premature-return example, made
// compilable. The goroutine sends its error once; the parent returns at
// `if a > 0` before `err := <-c`, so the send blocks forever. Fix: the
// seed's own, `make(chan error, 1)`.
package main

import "errors"

func doWork() error { return errors.New("failed") }

func Example(a int) error {
	c := make(chan error)
	go func() {
		err := doWork()
		c <- err
	}()

	// do something

	if a > 0 {
		return nil
	}

	// do something

	err := <-c
	return err
}

func run() {
	_ = Example(1)
}
