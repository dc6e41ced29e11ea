// ok: the middle `if` sends without returning too, so a path may send three
// times, and one without the error sends twice: not the single fall-through
// this transform fixes with one `return`. No edit.
package main

import "strconv"

func parse(s string, out chan int) {
	n, err := strconv.Atoi(s)
	if err != nil {
		out <- -1
	}
	if n > 100 {
		out <- 100
	}
	out <- n
}

func value(s string) int {
	c := make(chan int)
	go parse(s, c)
	v := <-c
	return v
}

func run() {
	_ = value("7")
}
