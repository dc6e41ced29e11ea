// ok (no leak): nothing leaves before the close.
package main

func work() {}

func serve() {
	done := make(chan struct{})
	go func() {
		<-done
	}()
	work()
	close(done)
}

func run() {
	serve()
}
