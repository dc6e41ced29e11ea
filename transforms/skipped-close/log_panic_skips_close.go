// Positive: log.Panicf panics like the panic builtin (a caller up the stack
// recovers); it skips `close(done)`, and the goroutine waiting for that
// close blocks forever. Fix: `defer close(done)` after the make, and the
// old close removed.
package main

import "log"

func check(cfg map[string]string) {
	done := make(chan struct{})
	go func() {
		<-done
	}()
	if cfg["addr"] == "" {
		log.Panicf("config: missing addr in %v", cfg)
	}
	close(done)
}

func run() {
	defer func() { _ = recover() }()
	check(map[string]string{})
}
