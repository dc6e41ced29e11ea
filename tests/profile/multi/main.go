// A program with several goroutine leaks, for leakfix's --profile tests
// (tests/profile.rs): it leaks, then writes the goroutineleak and goroutine
// profiles in the three forms the runtime has (debug=0, 1, 2), and a heap
// profile, to $PROFILE_DIR. With $DEEP_LEAKS=N it instead leaks N goroutines
// blocked under a deep stack and writes one large debug=2 goroutine
// profile.
package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"sync"
	"time"
)

// fetch leaks its sender when it fails: premature-return fixes it.
func fetch(fail bool) (int, error) {
	c := make(chan int)
	go func() {
		c <- 42
	}()
	if fail {
		return 0, errors.New("fail")
	}
	return <-c, nil
}

// never leaks the same way, but main never calls it with true.
func never(fail bool) (int, error) {
	c := make(chan int)
	go func() {
		c <- 7
	}()
	if fail {
		return 0, errors.New("fail")
	}
	return <-c, nil
}

// viaWorker leaks a worker that sends on the channel it is handed.
func viaWorker(fail bool) (int, error) {
	c := make(chan int)
	go worker(c)
	if fail {
		return 0, errors.New("fail")
	}
	return <-c, nil
}

func worker(c chan int) {
	c <- 1
}

// viaHelper leaks a goroutine that sends through a helper.
func viaHelper(fail bool) (int, error) {
	c := make(chan int)
	go func() {
		reply(c, 2)
	}()
	if fail {
		return 0, errors.New("fail")
	}
	return <-c, nil
}

func reply(c chan int, v int) {
	c <- v
}

type server struct {
	results chan int
}

// handle sends on a field nobody receives from: no transform's pattern.
func (s *server) handle(v int) {
	go func() {
		s.results <- v
	}()
}

// waitBoth leaks a goroutine waiting in a select on two channels.
func waitBoth(a, b chan int) {
	go func() {
		select {
		case <-a:
		case <-b:
		}
	}()
}

// locked leaves goroutines blocked on a mutex, not on a channel.
func locked(mu *sync.Mutex) {
	go func() {
		mu.Lock()
	}()
}

// deep blocks in a send under depth more frames.
func deep(c chan int, depth int) {
	if depth == 0 {
		c <- depth
		return
	}
	deep(c, depth-1)
}

func main() {
	dir := os.Getenv("PROFILE_DIR")
	if n, _ := strconv.Atoi(os.Getenv("DEEP_LEAKS")); n > 0 {
		c := make(chan int)
		for i := 0; i < n; i++ {
			go deep(c, 40)
		}
		time.Sleep(500 * time.Millisecond)
		f, err := os.Create(filepath.Join(dir, "large.debug2"))
		if err != nil {
			panic(err)
		}
		if err := pprof.Lookup("goroutine").WriteTo(f, 2); err != nil {
			panic(err)
		}
		f.Close()
		return
	}
	for i := 0; i < 5; i++ {
		fetch(true)
	}
	_, _ = never(false)
	for i := 0; i < 2; i++ {
		viaWorker(true)
	}
	for i := 0; i < 4; i++ {
		viaHelper(true)
	}
	s := &server{results: make(chan int)}
	for i := 0; i < 3; i++ {
		s.handle(i)
	}
	waitBoth(make(chan int), make(chan int))
	var mu sync.Mutex
	mu.Lock()
	locked(&mu)
	time.Sleep(100 * time.Millisecond)
	runtime.GC()
	for _, name := range []string{"goroutineleak", "goroutine"} {
		for _, debug := range []int{0, 1, 2} {
			f, err := os.Create(filepath.Join(dir, fmt.Sprintf("%s.debug%d", name, debug)))
			if err != nil {
				panic(err)
			}
			if err := pprof.Lookup(name).WriteTo(f, debug); err != nil {
				panic(err)
			}
			f.Close()
		}
	}
	f, err := os.Create(filepath.Join(dir, "heap.debug0"))
	if err != nil {
		panic(err)
	}
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		panic(err)
	}
	f.Close()
}
