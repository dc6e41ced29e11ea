// Reported without a fix: `strings` here is a parameter, not the standard
// package, so `strings.Fields` is not the known function returning a
// slice; it is an interface method, whose result type leakfix does not
// read. The number of goroutines cannot be written from what it knows.
package main

import "errors"

type splitter interface {
	Fields(s string) []string
}

type spaces struct{}

func (spaces) Fields(s string) []string { return []string{s, s} }

func check(strings splitter, line string) error {
	fields := strings.Fields(line)
	errs := make(chan error)
	for _, f := range fields {
		go func(f string) {
			if f == "" {
				errs <- errors.New("empty")
				return
			}
			errs <- nil
		}(f)
	}
	for range fields {
		if err := <-errs; err != nil {
			return err
		}
	}
	return nil
}

func run() {
	_ = check(spaces{}, "")
}
