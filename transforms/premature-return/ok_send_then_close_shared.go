// ok (no safe edit): after its send the goroutine closes `quit`, which
// another goroutine sends on. Today the close never runs on the leaking
// path; with a buffer it would, and the other sender would panic on the
// closed channel. The fix is graded unsafe and held back.
package main

import "errors"

func load(key string) string { return "v:" + key }

func get(key string) (string, error) {
	result := make(chan string)
	quit := make(chan struct{})
	go func() {
		result <- load(key)
		close(quit)
	}()
	go func() {
		select {
		case quit <- struct{}{}:
		default:
		}
	}()
	if key == "" {
		return "", errors.New("empty key")
	}
	v := <-result
	return v, nil
}

func run() {
	_, _ = get("k")
}
