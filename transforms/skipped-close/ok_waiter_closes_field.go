// ok (leaks, not fixed): once `stop` is closed, the helper's goroutine
// closes `s.conns`, which the error path closes itself before returning; a
// deferred close of stop would release the goroutine there too and panic on
// the second close. Reported without a fix. (Found by a review.)
package main

import (
	"errors"
	"fmt"
)

type stub struct {
	addr  string
	conns chan int
}

// startStub starts the fake server; once stop is closed it shuts the
// connection queue.
func startStub(stop <-chan struct{}) *stub {
	s := &stub{addr: "127.0.0.1:2525", conns: make(chan int, 4)}
	go func() {
		<-stop
		close(s.conns)
	}()
	return s
}

func dial(addr string, fail bool) error {
	if fail {
		return errors.New("dial failed " + addr)
	}
	return nil
}

func check(fail bool) error {
	stop := make(chan struct{})
	st := startStub(stop)
	if err := dial(st.addr, fail); err != nil {
		close(st.conns)
		return err
	}
	st.conns <- 1
	fmt.Println("dialled", len(st.conns))
	close(stop)
	return nil
}

func run() {
	fmt.Println(check(false))
	fmt.Println(check(true))
}
