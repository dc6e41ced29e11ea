// Positive: `make(chan struct{}, 0)` is unbuffered. The flushing goroutine
// signals once on done, but only the "sync" mode waits for it; "async" and
// unknown modes return first and leave the goroutine blocked on its send.
package main

import (
	"bufio"
	"fmt"
	"io"
)

func flush(w *bufio.Writer, mode string) error {
	done := make(chan struct{}, 0)
	go func() {
		_ = w.Flush()
		done <- struct{}{}
	}()
	switch mode {
	case "async":
		return nil
	case "sync":
		<-done
		return nil
	}
	return fmt.Errorf("flush: unknown mode %q", mode)
}

func run() {
	w := bufio.NewWriter(io.Discard)
	fmt.Fprint(w, "pending")
	_ = flush(w, "async")
}
