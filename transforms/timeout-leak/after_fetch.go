// Positive: the quote channel is unbuffered and fetchQuote's only receive is a
// select beside time.After. When the timeout wins, fetchQuote returns and the
// goroutine blocks forever on its single send `ch <- ...`.
package main

import (
	"errors"
	"time"
)

var errQuoteTimeout = errors.New("quote: timed out")

func slowQuote(symbol string) int {
	time.Sleep(3 * time.Millisecond)
	return len(symbol) * 100
}

func fetchQuote(symbol string, limit time.Duration) (int, error) {
	ch := make(chan int)
	go func() {
		ch <- slowQuote(symbol)
	}()
	select {
	case q := <-ch:
		return q, nil
	case <-time.After(limit):
		return 0, errQuoteTimeout
	}
}

func run() {
	if _, err := fetchQuote("ACME", time.Millisecond); err != nil {
		_ = err.Error()
	}
}
