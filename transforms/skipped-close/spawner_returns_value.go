// Positive: a test helper starts the fake server's goroutine and returns
// the stub (`stub := startStub(stop)`); the goroutine waits on `<-stop`
// until the close at the end of the test, which t.Fatalf skips when the
// send fails. Fix: `defer close(stop)` after the make.
package main

import (
	"errors"
	"runtime"
	"testing"
)

type fakeTB struct{ testing.TB }

func (fakeTB) Helper()               {}
func (fakeTB) Fatalf(string, ...any) { runtime.Goexit() }

type smtpStub struct {
	addr string
}

func startStub(stop <-chan struct{}) *smtpStub {
	s := &smtpStub{addr: "127.0.0.1:2525"}
	go func() {
		<-stop
	}()
	return s
}

func sendMail(addr, to string) error {
	if to == "" {
		return errors.New("smtp: no recipient")
	}
	return nil
}

func testSendWelcomeMail(t testing.TB) {
	stop := make(chan struct{})
	stub := startStub(stop)
	if err := sendMail(stub.addr, ""); err != nil {
		t.Fatalf("send: %v", err)
	}
	close(stop)
}

func run() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		testSendWelcomeMail(fakeTB{})
	}()
	<-done
}
