// ok: the other case of the receiving select waits on a channel closed
// after every sender is done (wg.Wait, then close). A sender that succeeds
// returns only once its value is taken, so -1 cannot win over a found value;
// with a buffer both cases could be ready and the select could answer -1.
// leakfix refuses a select whose other case a goroutine signals. (Found by a
// review.)
package main

import (
	"fmt"
	"sync"
	"time"
)

func lookup(id int) (int, error) {
	if id != 2 {
		return 0, fmt.Errorf("no %d", id)
	}
	return id * 3, nil
}

// anyFound returns a value some lookup found, or -1 when every lookup failed.
func anyFound(ids []int) int {
	c := make(chan int)
	allFailed := make(chan struct{})
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := lookup(id)
			if err != nil {
				return
			}
			c <- v
		}()
	}
	go func() {
		wg.Wait()
		close(allFailed)
	}()
	time.Sleep(2 * time.Millisecond)
	select {
	case v := <-c:
		return v
	case <-allFailed:
		return -1
	}
}

func run() {
	got := map[int]int{}
	for range 200 {
		got[anyFound([]int{1, 2, 3})]++
	}
	fmt.Println(got)
}
