// ok (no leak): the timeout case logs that the call is slow and then receives
// from the same channel anyway. Both select cases end up receiving the single
// send, so nothing can leak.
package main

import "time"

func render(tpl string) string {
	time.Sleep(2 * time.Millisecond)
	return "<p>" + tpl + "</p>"
}

func renderWarnSlow(tpl string, warnAfter time.Duration, logf func(string, ...any)) string {
	html := make(chan string)
	go func() {
		html <- render(tpl)
	}()

	select {
	case h := <-html:
		return h
	case <-time.After(warnAfter):
		logf("render of %q is slow", tpl)
		return <-html
	}
}

func run() {
	_ = renderWarnSlow("hi", time.Millisecond, func(string, ...any) {})
}
