// Positive: one goroutine per stripe, counted by an int field (`i <
// l.parallelism`); the parent returns on the first failed stripe and the
// other senders block forever. The loop is right after the make and calls
// nothing outside its go statement, and nothing assigns the field, so the
// bound is the number of goroutines (clamped at 0: the field is signed).
package main

import "errors"

type stripe struct {
	rows int
	err  error
}

type loader struct {
	parallelism int
	rows        []int
}

func (l *loader) stripe(i int) (int, error) {
	if l.rows[i] < 0 {
		return 0, errors.New("corrupt row")
	}
	return l.rows[i], nil
}

func (l *loader) load() (int, error) {
	res := make(chan stripe)
	for i := 0; i < l.parallelism; i++ {
		go func(i int) {
			n, err := l.stripe(i)
			res <- stripe{rows: n, err: err}
		}(i)
	}
	total := 0
	for i := 0; i < l.parallelism; i++ {
		s := <-res
		if s.err != nil {
			return 0, s.err
		}
		total += s.rows
	}
	return total, nil
}

func run() {
	l := &loader{parallelism: 4, rows: []int{-1, 2, 3, 4}}
	_, _ = l.load()
}
