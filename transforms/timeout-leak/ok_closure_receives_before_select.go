// ok: the closure takes the one value with a plain receive before its
// select, so no path leaves the sender blocked: no finding (a call that is
// both a receive and a select's case is not counted as either).
package main

import (
	"fmt"
	"time"
)

func slow() int {
	time.Sleep(5 * time.Millisecond)
	return 7
}

func fetch() int {
	c := make(chan int)
	go func() {
		c <- slow()
	}()
	wait := func() int {
		<-c
		select {
		case v := <-c:
			return v
		case <-time.After(time.Millisecond):
			return -1
		}
	}
	return wait()
}

func run() {
	fmt.Println(fetch())
}
