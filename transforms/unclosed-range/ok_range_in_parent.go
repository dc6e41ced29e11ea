// The parent itself ranges over the unclosed channel and breaks out once it
// has counted one result per producer. No goroutine ranges over it, so this
// transform does not apply. No leak.
package main

func run() {
	hosts := []string{"a.example", "b.example", "c.example"}
	lens := make(chan int)
	for _, h := range hosts {
		go func() {
			lens <- len(h)
		}()
	}

	got, total := 0, 0
	for n := range lens {
		total += n
		got++
		if got == len(hosts) {
			break
		}
	}
	_ = total
}
