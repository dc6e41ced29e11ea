// Positive: a boolean check sends `false` when the file is missing and
// falls through to `true`; the parent reads one answer. Fix: `return`
// after the first send.
package main

func exists(files map[string]bool, name string) bool {
	found := make(chan bool)
	go func() {
		if !files[name] {
			found <- false
		}
		found <- true
	}()
	return <-found
}

func run() {
	_ = exists(map[string]bool{}, "a")
}
