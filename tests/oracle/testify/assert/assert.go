// Package assert is a stand-in for github.com/stretchr/testify/assert:
// its assertions report a failure and return false, and the test goes on.
package assert

import "fmt"

// TestingT is what the assertions need of a *testing.T.
type TestingT interface {
	Errorf(format string, args ...any)
}

// NoError reports a failure if err is not nil, and says whether it was nil.
func NoError(t TestingT, err error, msgAndArgs ...any) bool {
	if err != nil {
		t.Errorf("unexpected error: %v %v", err, fmt.Sprint(msgAndArgs...))
		return false
	}
	return true
}
