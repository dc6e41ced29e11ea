// The channel is handed to signal.Notify, a function in another package whose
// body is not analysed: the runtime may send on it at any time, so closing it
// on return could panic. The watcher goroutine leaks; no edit.
package main

import (
	"os"
	"os/signal"
	"syscall"
)

func watch() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGUSR2)
	go func() {
		for s := range sigs {
			_ = s.String()
		}
	}()
	signal.Stop(sigs)
}

func run() {
	watch()
}
