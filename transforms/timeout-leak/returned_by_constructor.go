// Positive: fetchQuote returns a receive-only channel fed by the one
// goroutine it starts. quoteOrCached waits on it beside ctx.Done(); once the
// context is done first, that goroutine can never deliver its quote. The
// fix buffers the channel where fetchQuote makes it (callers can only
// receive from it, and the sender does nothing after its send).
package main

import (
	"context"
	"time"
)

type quote struct {
	symbol string
	price  float64
}

func fetchQuote(symbol string) <-chan quote {
	out := make(chan quote)
	go func() {
		time.Sleep(2 * time.Millisecond)
		out <- quote{symbol: symbol, price: 42}
	}()
	return out
}

func quoteOrCached(ctx context.Context, symbol string, cached quote) quote {
	q := fetchQuote(symbol)
	select {
	case v := <-q:
		return v
	case <-ctx.Done():
		return cached
	}
}

func run() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_ = quoteOrCached(ctx, "GO", quote{})
}
