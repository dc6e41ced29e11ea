// ok: the select's other case waits on `done`, which the sender closes in a
// defer after its send; unbuffered, the value is always taken first, and a
// buffer would let `done` win with the value unread (a changed result).
// leakfix refuses a select whose other case a goroutine signals. (Found by a
// review.)
package main

import (
	"errors"
	"fmt"
	"time"
)

var errNotFound = errors.New("not found")

func find(key string) (int, bool) {
	if key == "" {
		return 0, false
	}
	return len(key), true
}

// lookup returns the value for key, errNotFound when the finder ends
// without one, or an error after the timeout.
func lookup(key string, timeout time.Duration) (int, error) {
	c := make(chan int)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if v, ok := find(key); ok {
			c <- v
		}
	}()
	time.Sleep(time.Millisecond)
	select {
	case v := <-c:
		return v, nil
	case <-done:
		return 0, errNotFound
	case <-time.After(timeout):
		return 0, errors.New("timeout")
	}
}

func run() {
	got := map[string]int{}
	for range 200 {
		v, err := lookup("abc", time.Second)
		got[fmt.Sprint(v, err)]++
	}
	fmt.Println(got)
}
