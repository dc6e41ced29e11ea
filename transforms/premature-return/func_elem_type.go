// Positive: element type `func() error`. The setup goroutine hands back one
// cleanup function; in dry-run mode prepare returns before receiving it, so
// the goroutine blocks on the send and its cleanup never runs either.
package main

import (
	"errors"
	"os"
	"path/filepath"
)

func prepare(dir string, dryRun bool) (func() error, error) {
	cleanup := make(chan func() error)
	go func() {
		tmp := filepath.Join(dir, "stage.tmp")
		cleanup <- func() error {
			err := os.Remove(tmp)
			if errors.Is(err, os.ErrNotExist) {
				return nil
			}
			return err
		}
	}()
	if dryRun {
		return func() error { return nil }, nil
	}
	return <-cleanup, nil
}

func run() {
	done, _ := prepare(os.TempDir(), true)
	_ = done()
}
