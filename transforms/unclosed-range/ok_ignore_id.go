// Ignored for this transform by id on the make line itself
// (`//leakfix:ignore unclosed-range`), so no edit is made. Leaks.
package main

import "bytes"

func run() {
	var buf bytes.Buffer
	chunks := make(chan []byte) //leakfix:ignore unclosed-range
	go func() {
		for c := range chunks {
			_ = bytes.ToUpper(c)
		}
	}()
	buf.WriteString("abc")
	chunks <- buf.Bytes()
}
