// ok (no edit): a local type `outcome` (a map keyed by channels) shadows the
// file's struct of that name: in `outcome{out: "worker"}` the key is the
// channel itself, which escapes to a drainer, and nothing leaks.
package main

import (
	"errors"
	"fmt"
)

type outcome struct {
	out string
}

func drain(t map[chan string]string) {
	for c := range t {
		go func() { <-c }()
	}
}

func submit(payload string, reg chan<- map[chan string]string) (string, error) {
	type outcome map[chan string]string
	out := make(chan string)
	reg <- outcome{out: "worker"}
	go func() {
		out <- payload + "!"
	}()
	if payload == "" {
		return "", errors.New("empty payload")
	}
	return <-out, nil
}

func run() {
	reg := make(chan map[chan string]string, 1)
	_, err := submit("", reg)
	drain(<-reg)
	fmt.Println(err, outcome{}.out)
}
