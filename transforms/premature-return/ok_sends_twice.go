// ok (leaks, not fixable by capacity 1): the downloader sends a "started"
// event and then the result on the same path. With capacity 1 the second
// send would still block after an early return, so leakfix must not edit.
package main

import (
	"errors"
	"strings"
)

type event struct {
	stage string
	size  int
}

func download(url string, allowHTTP bool) (int, error) {
	events := make(chan event)
	go func() {
		events <- event{stage: "started"}
		events <- event{stage: "done", size: len(url) * 10}
	}()
	if !allowHTTP && strings.HasPrefix(url, "http://") {
		return 0, errors.New("plain http refused")
	}
	<-events
	return (<-events).size, nil
}

func run() {
	_, _ = download("http://example.invalid/file", false)
}
