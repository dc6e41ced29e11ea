// ok: the sender sends on exactly one of `vals` and the struct field
// `j.errs`, and the select receives both: every path takes the one send. A
// field the sender also sends on may be such a partner, so leakfix makes no
// finding. (Found by a review.)
package main

import (
	"fmt"
	"strconv"
)

type job struct {
	errs chan error
}

func parse(s string) (int, error) {
	vals := make(chan int)
	j := &job{errs: make(chan error)}
	go func() {
		n, err := strconv.Atoi(s)
		if err != nil {
			j.errs <- err
			return
		}
		vals <- n
	}()
	select {
	case v := <-vals:
		return v, nil
	case err := <-j.errs:
		return 0, err
	}
}

func run() {
	fmt.Println(parse("12"))
	fmt.Println(parse("x"))
}
