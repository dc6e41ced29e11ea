// ok (no edit): the function itself also receives from the channel, so it
// is not only a close signal.
package main

import "errors"

func serve(fail bool) error {
	c := make(chan int)
	go func() {
		<-c
	}()
	if fail {
		return errors.New("setup failed")
	}
	c <- 1
	close(c)
	<-c
	return nil
}

func run() {
	_ = serve(false)
}
