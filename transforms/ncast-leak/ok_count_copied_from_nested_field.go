// ok (no fix): the count is copied from a field of a field (`n :=
// ix.sub.shards`); only a field of a local gives its type, so the leak is
// reported without a fix, the same with or without the parse shortcut.
package main

func (ix *index) Third() int {
	n := ix.sub.shards
	hits := make(chan int)
	for i := 0; i < n; i++ {
		go func() {
			hits <- i
		}()
	}
	return <-hits
}

type sub struct {
	shards int
}

type index struct {
	sub sub
}

func run() {
	ix := &index{sub{4}}
	_ = ix.Third()
}
