// Not a leak: each goroutine's answer is received before anything can
// return; the early return comes after the first answer and before the
// second goroutine starts.
package main

import "errors"

func lookup(zone string) (string, error) {
	if zone == "" {
		return "", errors.New("no zone")
	}
	return "addr." + zone, nil
}

type answer struct {
	addr string
	err  error
}

func resolveBoth(zone string) (string, string, error) {
	answers := make(chan answer)
	go func() {
		addr, err := lookup(zone)
		answers <- answer{addr, err}
	}()
	first := <-answers
	if first.err != nil {
		return "", "", first.err
	}
	go func() {
		addr, err := lookup("backup." + zone)
		answers <- answer{addr, err}
	}()
	second := <-answers
	return first.addr, second.addr, second.err
}

func run() {
	_, _, _ = resolveBoth("")
	_, _, _ = resolveBoth("eu")
}
