// ok (leaks, not fixable here): the channel is assigned to another variable
// (w.results = results) that outlives the call; the escape means this
// function's early return is not the whole story, so leakfix must not edit.
package main

import "errors"

type watcher struct {
	results chan bool
}

func (w *watcher) check(addr string, offline bool) error {
	results := make(chan bool)
	w.results = results
	go func() {
		results <- len(addr) > 0
	}()
	if offline {
		return errors.New("offline")
	}
	if !<-results {
		return errors.New("empty address")
	}
	return nil
}

func run() {
	w := &watcher{}
	_ = w.check("10.0.0.1:80", true)
}
