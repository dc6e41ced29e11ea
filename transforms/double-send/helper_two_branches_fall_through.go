// Positive: both `if`s send without returning and fall through to the
// final send, so a path sends two or three times while the parent receives
// once. A `return` after each branch's send leaves one send on every path;
// each skips only the later test (no call) and sends: safe. (Until
// 2026-12-04 this was an ok fixture: only one fall-through was fixed.)
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
	_ = value("x")
	_ = value("500")
}
