// Positive: a channel made with an explicit capacity of 0 is unbuffered too.
// One planner per step (`for i := range steps`) sends back an action; the
// parent runs actions in arrival order and returns on the first failure,
// leaving the other planners blocked on their sends.
package main

import "fmt"

type step struct {
	name string
	ok   bool
}

func plan(s step) func() error {
	return func() error {
		if !s.ok {
			return fmt.Errorf("step %s failed", s.name)
		}
		return nil
	}
}

func apply(steps []step) error {
	actions := make(chan func() error, 0)
	for i := range steps {
		go func() {
			actions <- plan(steps[i])
		}()
	}
	for range steps {
		act := <-actions
		if err := act(); err != nil {
			return err
		}
	}
	return nil
}

func run() {
	_ = apply([]step{{"mkdir", false}, {"copy", false}, {"chmod", false}})
}
