// Positive: a panic on the way (recovered by the caller) skips the final
// close, so the goroutine waiting on `stop` blocks forever. A deferred
// close runs while the panic unwinds. Fix: `defer close(stop)` after the
// make, and the old close removed.
package main

func ticker(stop chan struct{}) {}

func process(n int) {
	stop := make(chan struct{})
	go func() {
		<-stop
		ticker(nil)
	}()
	if n < 0 {
		panic("negative")
	}
	close(stop)
}

func run() {
	defer func() { _ = recover() }()
	process(-1)
}
