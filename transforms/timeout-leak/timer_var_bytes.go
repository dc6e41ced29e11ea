// Positive: `var body = make(chan []byte)` is unbuffered; readBody waits for it
// in a select beside a time.NewTimer channel. When the timer fires first the
// reader goroutine is stuck on its one send.
package main

import (
	"bytes"
	"io"
	"time"
)

type slowReader struct{ r io.Reader }

func (s slowReader) Read(p []byte) (int, error) {
	time.Sleep(2 * time.Millisecond)
	return s.r.Read(p)
}

func readBody(r io.Reader, d time.Duration) ([]byte, bool) {
	var body = make(chan []byte)
	go func() {
		b, _ := io.ReadAll(r)
		body <- b
	}()

	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case b := <-body:
		return b, true
	case <-t.C:
		return nil, false
	}
}

func run() {
	r := slowReader{bytes.NewReader([]byte("hello, world"))}
	if _, ok := readBody(r, time.Millisecond); !ok {
		return
	}
}
