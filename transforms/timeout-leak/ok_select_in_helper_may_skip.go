// ok (refused): the helper returns before its select when no wait is asked
// for, so a call may not receive at all. leakfix counts a helper's select at
// the call only when the helper reaches it on every path, and makes no
// finding here (called with wait false, the sender would leak: that path is
// in the helper, which leakfix does not follow).
package main

import "time"

func maybeWait(c <-chan int, wait bool) int {
	if !wait {
		return 0
	}
	select {
	case v := <-c:
		return v
	case <-time.After(time.Second):
		return -1
	}
}

func value() int {
	c := make(chan int)
	go func() {
		c <- 5
	}()
	return maybeWait(c, true)
}

func run() {
	_ = value()
}
