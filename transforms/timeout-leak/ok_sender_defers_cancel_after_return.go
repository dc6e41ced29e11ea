// ok (no edit by default): the sender defers `cancel()` of the context the
// select waits on, and its error send is followed by `return`: the
// deferred cancel runs after that send too, so buffering `errc` could let
// `ctx.Done()` win over a ready error. Both fixes are graded unsafe.
// (From the 2026-12-04 review, where `errc` was wrongly graded safe.)
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func query(id int) (string, error) {
	if id%2 == 1 {
		return "", errors.New("no rows")
	}
	return fmt.Sprintf("row%d", id), nil
}

// fetch runs the query and ends the request's context when done.
func fetch(cancel context.CancelFunc, id int, rowc chan<- string, errc chan<- error) {
	defer cancel()
	row, err := query(id)
	if err != nil {
		errc <- err
		return
	}
	rowc <- row
}

func lookup(id int) (string, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rowc := make(chan string)
	errc := make(chan error)
	go fetch(cancel, id, rowc, errc)
	time.Sleep(2 * time.Millisecond)
	select {
	case row := <-rowc:
		return row, nil
	case err := <-errc:
		return "", err
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func run() {
	counts := map[string]int{}
	for i := 0; i < 40; i++ {
		_, err := lookup(i)
		counts[fmt.Sprint(err)]++
	}
	fmt.Println(counts)
}
