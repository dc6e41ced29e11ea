// Positive: the counting consumer is a closure variable started once
// (`go consume()`); the senders are counted by wg.Add(1) each. After the
// Wait every item is in and nothing closes the channel. Fix: close(events)
// after the Wait.
package main

import "sync"

type event struct{ id int }

func publish(ids []int) int {
	wg := new(sync.WaitGroup)
	events := make(chan event)
	total := 0
	consume := func() {
		for e := range events {
			total += e.id
			wg.Done()
		}
	}
	go consume()
	for _, id := range ids {
		wg.Add(1)
		go func() {
			events <- event{id}
		}()
	}
	wg.Wait()
	return total
}

func run() {
	_ = publish([]int{1, 2, 3})
}
