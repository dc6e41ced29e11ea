// ok (leaks, but not edited): the worker sends twice on one path ("started"
// then the outcome). Capacity 1 would still leave the second send blocked once
// the parent has given up on the default case, so this is not a 1-buffer fix.
package main

import "time"

func startBuild(target string) string {
	events := make(chan string)
	go func() {
		events <- "started " + target
		time.Sleep(time.Millisecond)
		events <- "finished " + target
	}()

	select {
	case e := <-events:
		return e
	default:
		return "queued " + target
	}
}

func run() {
	_ = startBuild("//app:server")
}
