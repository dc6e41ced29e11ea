// ok: a nil channel's case in a select with a default is never chosen,
// the usual way to switch a case off.
package main

func poll() {
	var in chan int
	go func() {
		select {
		case v := <-in:
			_ = v
		default:
		}
	}()
}

func run() {
	poll()
}
