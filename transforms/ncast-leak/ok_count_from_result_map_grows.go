// ok (no edit): the result is a map, and the loop body adds entries to it,
// so len(owners) at the make is not the number of iterations (Go may or
// may not visit entries added during the range). Reported without a fix.
package main

func owners() map[string]string { return map[string]string{"a": "x", "b": "y"} }

func notify(owner string) string { return "notified " + owner }

func notifyFirst() string {
	m := owners()
	acks := make(chan string)
	for k, v := range m {
		m[k+"-copy"] = v
		go func() {
			acks <- notify(v)
		}()
	}
	return <-acks
}

func run() {
	_ = notifyFirst()
}
