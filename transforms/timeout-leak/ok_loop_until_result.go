// ok (no leak): the select is inside a for loop whose ticker case only logs
// progress and continues; the loop ends only when the result arrives, so the
// single send is always received. No buffer needed.
package main

import "time"

func compress(data []byte) []byte {
	time.Sleep(3 * time.Millisecond)
	return data[:len(data)/2]
}

func compressWithProgress(data []byte, logf func(string, ...any)) []byte {
	out := make(chan []byte)
	go func() {
		out <- compress(data)
	}()

	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	waited := 0
	for {
		select {
		case b := <-out:
			return b
		case <-tick.C:
			waited++
			logf("still compressing (%d ticks)", waited)
		}
	}
}

func run() {
	_ = compressWithProgress(make([]byte, 64), func(string, ...any) {})
}
