// Positive: the select sits in a for loop, but the loop is only repeated for
// heartbeat ticks; ctx.Done() returns. So the loop can end before the result
// arrives and the export goroutine is left blocked on `res <- ...`.
package main

import (
	"context"
	"time"
)

type exportResult struct {
	rows int
	err  error
}

func export(table string) exportResult {
	time.Sleep(3 * time.Millisecond)
	return exportResult{rows: len(table)}
}

func exportWithHeartbeat(ctx context.Context, table string, beat func()) (int, error) {
	res := make(chan exportResult)
	go func() {
		res <- export(table)
	}()

	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case r := <-res:
			return r.rows, r.err
		case <-tick.C:
			beat()
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
}

func run() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	beats := 0
	_, _ = exportWithHeartbeat(ctx, "orders", func() { beats++ })
}
