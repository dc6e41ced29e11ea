// ok (leaks, not fixable here): the result channel is stored in a struct
// literal field (job{done: done}) and so escapes; who receives it is no
// longer visible in this function, and leakfix must not edit.
package main

import "errors"

type job struct {
	id   int
	done chan error
}

func (j *job) wait() error {
	return <-j.done
}

func submit(id int, queueFull bool) (*job, error) {
	done := make(chan error)
	j := &job{id: id, done: done}
	go func() {
		done <- nil
	}()
	if queueFull {
		return nil, errors.New("queue full")
	}
	return j, nil
}

func run() {
	j, err := submit(1, true)
	if err == nil {
		_ = j.wait()
	}
}
