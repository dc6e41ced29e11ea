// Positive: a test helper, mustParseAddr(t, ...), calls a second helper
// that t.Fatalf's on a bad address, ending the test goroutine before the
// answer is received; the fake resolver then blocks on its send forever.
package main

import (
	"fmt"
	"net/netip"
	"runtime"
	"testing"
)

type fakeTB struct{ testing.TB }

func (fakeTB) Helper()               {}
func (fakeTB) Fatalf(string, ...any) { runtime.Goexit() }
func (fakeTB) Logf(string, ...any)   {}

func fatalIf(t testing.TB, err error, what string) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func mustParseAddr(t testing.TB, s string) netip.Addr {
	t.Helper()
	a, err := netip.ParseAddr(s)
	fatalIf(t, err, "parse "+s)
	return a
}

func fakeResolve(host string) []string {
	return []string{"10.0.0.1", "10.0.0.2", host}
}

func testResolverOrder(t testing.TB, host, want string) {
	answers := make(chan []string)
	go func() {
		answers <- fakeResolve(host)
	}()
	wantAddr := mustParseAddr(t, want)
	got := <-answers
	if got[0] != wantAddr.String() {
		t.Logf("%s", fmt.Sprint("got ", got))
	}
}

func run() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		testResolverOrder(fakeTB{}, "db.internal", "not-an-ip")
	}()
	<-done
}
