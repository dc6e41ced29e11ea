// Package require is a stand-in for github.com/stretchr/testify/require,
// which the oracle cannot download: a few of its assertions, with the same
// behaviour on failure (report, then t.FailNow(), which in a test ends the
// goroutine with runtime.Goexit).
package require

import "fmt"

// TestingT is what the assertions need of a *testing.T.
type TestingT interface {
	Errorf(format string, args ...any)
	FailNow()
}

// NoError fails the test now if err is not nil.
func NoError(t TestingT, err error, msgAndArgs ...any) {
	if err != nil {
		t.Errorf("unexpected error: %v %v", err, fmt.Sprint(msgAndArgs...))
		t.FailNow()
	}
}

// True fails the test now if value is false.
func True(t TestingT, value bool, msgAndArgs ...any) {
	if !value {
		t.Errorf("should be true %v", fmt.Sprint(msgAndArgs...))
		t.FailNow()
	}
}

// Equal fails the test now if expected and actual differ.
func Equal(t TestingT, expected, actual any, msgAndArgs ...any) {
	if expected != actual {
		t.Errorf("not equal: %v != %v %v", expected, actual, fmt.Sprint(msgAndArgs...))
		t.FailNow()
	}
}
