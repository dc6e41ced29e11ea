// ok (no leak): testify's `assert.NoError` reports a failure and returns;
// the test goes on to receive the greeting, so the sender never blocks
// for good.
package main

import (
	"errors"

	"github.com/stretchr/testify/assert"
)

type fakeT struct{ failed bool }

func (t *fakeT) Errorf(string, ...any) { t.failed = true }

func dial(addr string) error {
	if addr == "" {
		return errors.New("empty address")
	}
	return nil
}

func testHandshake(t assert.TestingT, addr string) string {
	greeting := make(chan string)
	go func() {
		greeting <- "HELLO " + addr
	}()
	assert.NoError(t, dial(addr))
	return <-greeting
}

func run() {
	_ = testHandshake(&fakeT{}, "")
}
