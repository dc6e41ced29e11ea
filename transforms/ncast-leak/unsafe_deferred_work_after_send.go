// Positive, unsafe fix: each probe defers `charge(m)`, which runs after its
// send; with a buffer every slower probe would be charged too (charged 1
// becomes 3), as when the call is written after the send. Graded unsafe,
// and the message says the goroutine does more after its send. (Found by a
// review.)
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

var charged atomic.Int64

func probe(m string) int { return len(m) }

// charge bills one probe: it must run only for a probe whose result was used.
func charge(m string) { charged.Add(1) }

func fastestMirror(mirrors []string) int {
	c := make(chan int)
	for _, m := range mirrors {
		go func() {
			defer charge(m)
			c <- probe(m)
		}()
	}
	return <-c
}

func run() {
	before := charged.Load()
	_ = fastestMirror([]string{"a", "bb", "ccc"})
	time.Sleep(20 * time.Millisecond)
	fmt.Println("charged", charged.Load()-before)
}
