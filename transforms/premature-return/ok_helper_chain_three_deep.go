// Not fixed: the helper that calls t.Fatalf is three calls away
// (mustParseAddr -> parseOrFail -> fatalIf); the analysis follows a
// test helper and the helper it calls, no further, and refuses what it
// cannot see rather than guess. The receive is then reached on every path
// it knows of, and there is nothing to report.
package main

import (
	"net/netip"
	"runtime"
	"testing"
)

type fakeTB struct{ testing.TB }

func (fakeTB) Helper()               {}
func (fakeTB) Fatalf(string, ...any) { runtime.Goexit() }

func fatalIf(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%v", err)
	}
}

func parseOrFail(t testing.TB, s string) netip.Addr {
	a, err := netip.ParseAddr(s)
	fatalIf(t, err)
	return a
}

func mustParseAddr(t testing.TB, s string) netip.Addr {
	t.Helper()
	return parseOrFail(t, s)
}

func testResolver(t testing.TB, want string) bool {
	answers := make(chan string)
	go func() {
		answers <- "10.0.0.1"
	}()
	a := mustParseAddr(t, want)
	return <-answers == a.String()
}

func run() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = testResolver(fakeTB{}, "10.0.0.1")
	}()
	<-done
}
