// Positive: after validating its input, resolve waits for the lookup with a
// select over the result, ctx.Done() and a time.After budget, assigning into a
// named result. The timeout path returns and leaves the sender blocked.
package main

import (
	"context"
	"errors"
	"net/netip"
	"time"
)

var errBudget = errors.New("resolve: budget exceeded")

func lookupAddr(host string) netip.Addr {
	time.Sleep(3 * time.Millisecond)
	if host == "localhost" {
		return netip.MustParseAddr("127.0.0.1")
	}
	return netip.MustParseAddr("10.0.0.1")
}

func resolve(ctx context.Context, host string, budget time.Duration) (addr netip.Addr, err error) {
	if host == "" {
		return netip.Addr{}, errors.New("resolve: empty host")
	}
	addrs := make(chan netip.Addr)
	go func() {
		addrs <- lookupAddr(host)
	}()

	select {
	case addr = <-addrs:
	case <-ctx.Done():
		err = ctx.Err()
	case <-time.After(budget):
		err = errBudget
	}
	return addr, err
}

func run() {
	_, _ = resolve(context.Background(), "", time.Millisecond)
	_, _ = resolve(context.Background(), "example.com", time.Millisecond)
}
