// Positive: the channel is declared but never made; the goroutine ranging
// over it blocks forever. Report only.
package main

import "fmt"

func watch(events []string) {
	var ch chan string
	go func() {
		for e := range ch {
			fmt.Println(e)
		}
	}()
	fmt.Println(len(events))
}

func run() {
	watch([]string{"a", "b"})
}
