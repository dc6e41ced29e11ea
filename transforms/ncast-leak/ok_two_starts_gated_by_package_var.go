// OK: the senders started two per iteration first wait on a package
// channel nothing in the file closes: they block there, and a buffer would
// free none of them (reported without a fix).
package main

var started = make(chan struct{})

func upload(s string, c chan string) {
	<-started
	c <- s
}

func verify(s string, c chan string) {
	<-started
	c <- s + "v"
}

func sync(shards []string, skip bool) string {
	c := make(chan string)
	for _, s := range shards {
		go upload(s, c)
		go verify(s, c)
	}
	if skip {
		return "skip"
	}
	return <-c
}

func run() {
	_ = sync([]string{"a", "b"}, true)
}
