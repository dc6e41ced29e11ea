// ok: each goroutine sends only when its lookup succeeds, and the parent's
// select also waits on the Done channel of context.Background(), which is
// nil and never fires: the select always receives, and with goroutines that
// may not send, one receive can be right. No finding.
package main

import "context"

func lookup(id int) (int, bool) { return id * 3, id == 2 }

func anyFound(ids []int) int {
	ctx := context.Background()
	c := make(chan int)
	for _, id := range ids {
		go func() {
			if v, ok := lookup(id); ok {
				c <- v
			}
		}()
	}
	select {
	case v := <-c:
		return v
	case <-ctx.Done():
		return 0
	}
}

func run() {
	_ = anyFound([]int{1, 2, 3})
}
