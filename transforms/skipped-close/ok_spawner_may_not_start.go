// ok (refused): the helper returns before starting its goroutine when it is
// disabled, so a call may start nothing. leakfix follows only helpers whose
// one `go` statement every call reaches, and makes no finding here (with
// n < 0 and the watcher enabled, the goroutine would wait forever).
package main

import "fmt"

func startWatcher(stop <-chan struct{}, enabled bool) error {
	if !enabled {
		return nil
	}
	go func() {
		<-stop
	}()
	return nil
}

func check(enabled bool, n int) error {
	stop := make(chan struct{})
	if err := startWatcher(stop, enabled); err != nil {
		return err
	}
	if n < 0 {
		return fmt.Errorf("bad n %d", n)
	}
	close(stop)
	return nil
}

func run() {
	_ = check(true, 1)
}
