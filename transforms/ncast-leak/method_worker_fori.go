// Positive: a struct method starts n render workers with `for i := 0; i < n;
// i++`; each worker is another method of the same type sending one
// *bytes.Buffer on its parameter. The parent returns the first page over
// the limit, so later pages block forever.
package main

import (
	"bytes"
	"fmt"
)

type renderer struct {
	title string
}

func (r *renderer) page(i int, out chan *bytes.Buffer) {
	var b bytes.Buffer
	for j := 0; j <= i; j++ {
		fmt.Fprintf(&b, "%s page %d line %d\n", r.title, i, j)
	}
	out <- &b
}

func (r *renderer) firstLarge(n, limit int) *bytes.Buffer {
	pages := make(chan *bytes.Buffer)
	for i := 0; i < n; i++ {
		go r.page(i, pages)
	}
	for i := 0; i < n; i++ {
		if b := <-pages; b.Len() > limit {
			return b
		}
	}
	return nil
}

func run() {
	r := &renderer{title: "report"}
	_ = r.firstLarge(4, 0)
}
