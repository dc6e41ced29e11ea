// Same shape as a positive (consumer ranges, parent sends and returns), but the
// make carries `//leakfix:ignore` on the line above, so no edit is made.
// Leaks.
package main

func run() {
	//leakfix:ignore
	ids := make(chan int)
	go func() {
		for id := range ids {
			_ = id
		}
	}()
	ids <- 1
	ids <- 2
}
