// ok (no edit): the method stores the callback it is handed (`w.onDone =
// done`) before calling it; code elsewhere may call it again, so its
// sends cannot all be seen. Nothing is claimed.
package main

import "errors"

type watcher struct {
	onDone func(int)
}

func (w *watcher) watch(done func(int)) {
	w.onDone = done
	done(1)
}

func (w *watcher) wait(fail bool) (int, error) {
	res := make(chan int)
	go w.watch(func(v int) { res <- v })
	if fail {
		return 0, errors.New("failed")
	}
	return <-res, nil
}

func run() {
	w := &watcher{}
	_, _ = w.wait(false)
}
