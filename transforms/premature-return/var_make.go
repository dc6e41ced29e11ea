// Positive: `var out = make(chan *bytes.Buffer)`. The renderer goroutine
// sends its buffer once, but render returns early when the context is
// already cancelled and nobody ever receives the buffer.
package main

import (
	"bytes"
	"context"
)

func render(ctx context.Context, rows []string) (string, error) {
	var out = make(chan *bytes.Buffer)
	go func() {
		var b bytes.Buffer
		for _, r := range rows {
			b.WriteString(r)
			b.WriteByte('\n')
		}
		out <- &b
	}()
	if err := ctx.Err(); err != nil {
		return "", err
	}
	return (<-out).String(), nil
}

func run() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _ = render(ctx, []string{"a", "b", "c"})
}
