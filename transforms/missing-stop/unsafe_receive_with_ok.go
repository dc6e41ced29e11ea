// Positive: the stop case receives with `, ok`; the goroutine returns only
// there. Fix (unsafe): `defer l.Stop()`.
package main

type logger struct {
	lines chan string
	quit  chan struct{}
	n     int
}

func (l *logger) Start() {
	go func() {
		for {
			select {
			case <-l.lines:
				l.n++
			case _, ok := <-l.quit:
				if !ok {
					return
				}
			}
		}
	}()
}

func (l *logger) Stop() {
	close(l.quit)
}

func logAll(msgs []string) {
	l := &logger{lines: make(chan string), quit: make(chan struct{})}
	l.Start()
	for _, m := range msgs {
		l.lines <- m
	}
}

func run() {
	logAll([]string{"a"})
}
