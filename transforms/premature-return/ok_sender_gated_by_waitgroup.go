// ok (reported, no fix): the goroutine first waits on a WaitGroup of the
// parent (`gate.Wait()`), which the parent releases only after its early
// return: on that path the goroutine blocks at the Wait, not at the send,
// and a buffer would free nothing. Reported without a fix.
package main

import (
	"errors"
	"fmt"
	"sync"
)

func get(key string) (string, error) {
	var gate sync.WaitGroup
	gate.Add(1)
	c := make(chan string)
	go func() {
		gate.Wait()
		c <- "v:" + key
	}()
	if key == "" {
		return "", errors.New("empty key")
	}
	gate.Done()
	return <-c, nil
}

func run() {
	v, err := get("")
	fmt.Println(v, err)
	v, err = get("k")
	fmt.Println(v, err)
}
