// ok (no edit): the `must` method recovers its own panic (a deferred
// recover returning 0), so the call returns and the final close is always
// reached.
package main

import "strconv"

type loader struct {
	loaded int
}

func (l *loader) mustParse(s string) (n int) {
	defer func() {
		if recover() != nil {
			n = 0
		}
	}()
	v, err := strconv.Atoi(s)
	if err != nil {
		panic(err)
	}
	return v
}

func (l *loader) load(counts []string) {
	finished := make(chan struct{})
	go func() {
		<-finished
	}()
	for _, c := range counts {
		l.loaded += l.mustParse(c)
	}
	close(finished)
}

func run() {
	l := &loader{}
	l.load([]string{"1", "x"})
}
