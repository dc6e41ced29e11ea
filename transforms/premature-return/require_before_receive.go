// Positive: testify's `require.NoError` ends the test goroutine (with
// t.FailNow) when the dial fails, before the greeting is received; the
// goroutine sending it then blocks forever.
package main

import (
	"errors"
	"runtime"

	"github.com/stretchr/testify/require"
)

// fakeT stands in for *testing.T: FailNow ends the goroutine, as it does.
type fakeT struct{ failed bool }

func (t *fakeT) Errorf(string, ...any) { t.failed = true }
func (t *fakeT) FailNow()              { runtime.Goexit() }

func dial(addr string) (string, error) {
	if addr == "" {
		return "", errors.New("empty address")
	}
	return "conn:" + addr, nil
}

func testHandshake(t require.TestingT, addr string) {
	greeting := make(chan string)
	go func() {
		greeting <- "HELLO " + addr
	}()
	conn, err := dial(addr)
	require.NoError(t, err)
	require.Equal(t, "HELLO "+addr, <-greeting, conn)
}

func run() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		testHandshake(&fakeT{}, "")
	}()
	<-done
}
