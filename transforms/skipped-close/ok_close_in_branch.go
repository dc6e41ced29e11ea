// ok (no edit): the close is conditional, not the end of the normal path;
// when to close is the author's choice.
package main

func serve(n int) {
	done := make(chan struct{})
	go func() {
		<-done
	}()
	if n > 0 {
		close(done)
	}
}

func run() {
	serve(1)
}
