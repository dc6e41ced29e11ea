// ok (no leak): `require` here is a local value whose NoError only logs,
// not testify's package: the call cannot end the goroutine, and the parent
// goes on to receive.
package main

import (
	"errors"
	"fmt"

	"github.com/stretchr/testify/require"
)

type lenient struct{ t require.TestingT }

func (l lenient) NoError(err error) {
	if err != nil {
		l.t.Errorf("error: %v", err)
	}
}

type fakeT struct{}

func (fakeT) Errorf(f string, a ...any) { fmt.Printf(f+"\n", a...) }
func (fakeT) FailNow()                  {}

func check(t require.TestingT, err error) {
	got := make(chan int)
	go func() {
		got <- 1
	}()
	require := lenient{t}
	require.NoError(err)
	<-got
}

func strict(t require.TestingT) {
	require.NoError(t, nil)
}

func run() {
	check(fakeT{}, errors.New("boom"))
	strict(fakeT{})
}
