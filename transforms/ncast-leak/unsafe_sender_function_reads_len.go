// Unsafe: the senders' function prints how many values wait in the channel
// (`len(c)`), which a buffer changes: the fix, `make(chan string,
// 2*len(shards))`, is graded unsafe and says why.
package main

import "fmt"

func upload(s string, c chan string) {
	fmt.Println("backlog", len(c))
	c <- s
}

func verify(s string, c chan string) {
	c <- s + "v"
}

func first(shards []string) string {
	c := make(chan string)
	for _, s := range shards {
		go upload(s, c)
		go verify(s, c)
	}
	return <-c
}

func run() {
	_ = first([]string{"a", "b"})
}
