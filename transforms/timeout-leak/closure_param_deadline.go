// Positive: the goroutine sends on its parameter `out`, which is bound to errc.
// The context deadline has already passed, so migrate takes ctx.Done() and
// returns; the goroutine then blocks forever on `out <- ...`.
package main

import (
	"context"
	"fmt"
	"time"
)

func applyMigration(version int) error {
	time.Sleep(2 * time.Millisecond)
	if version < 0 {
		return fmt.Errorf("bad migration version %d", version)
	}
	return nil
}

func migrate(ctx context.Context, version int) error {
	errc := make(chan error)
	go func(out chan<- error) {
		out <- applyMigration(version)
	}(errc)

	select {
	case err := <-errc:
		if err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func run() {
	ctx, cancel := context.WithTimeout(context.Background(), 0)
	defer cancel()
	_ = migrate(ctx, 7)
}
