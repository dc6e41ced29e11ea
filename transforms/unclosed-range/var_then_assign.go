// `var out chan []byte` is declared first and made later with `out = make(...)`.
// A writer goroutine ranges over out; run pushes chunks itself and returns,
// leaving the writer blocked on the never-closed channel.
package main

import (
	"bytes"
	"errors"
)

func encode(s string) ([]byte, error) {
	if s == "" {
		return nil, errors.New("empty chunk")
	}
	return []byte(s), nil
}

func run() {
	var out chan []byte
	var buf bytes.Buffer
	out = make(chan []byte)
	go func() {
		for chunk := range out {
			_ = len(chunk)
		}
	}()

	for _, s := range []string{"he", "", "llo"} {
		b, err := encode(s)
		if err != nil {
			buf.WriteString(err.Error())
			continue
		}
		out <- b
	}
}
