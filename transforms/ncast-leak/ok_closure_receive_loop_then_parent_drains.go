// Not fixed: the closure's loop stops at the first error, but the parent
// receives again after calling it; which receive comes first is not the
// order of the text, so the receives are not counted.
package main

import (
	"errors"
	"fmt"
	"time"
)

type thumb struct {
	name string
	err  error
}

func resize(name string) thumb {
	if name == "corrupt.png" {
		return thumb{name: name, err: errors.New("decode: bad header")}
	}
	time.Sleep(10 * time.Millisecond)
	return thumb{name: name}
}

func makeThumbnails(names []string) error {
	ch := make(chan thumb)
	for _, n := range names {
		go func() {
			ch <- resize(n)
		}()
	}
	var firstErr error
	got := 0
	collect := func() {
		for range names {
			r := <-ch
			got++
			if r.err != nil {
				firstErr = fmt.Errorf("thumbnail %s: %w", r.name, r.err)
				return
			}
		}
	}
	collect()
	for ; got < len(names); got++ {
		<-ch
	}
	return firstErr
}

func run() {
	_ = makeThumbnails([]string{"a.png", "corrupt.png", "b.png", "c.png"})
}
