// Positive: latestReport waits for a fresh *Report for at most one tick of a
// shared ticker and otherwise returns the stale one. The select is not in a
// loop, so when tick.C wins the builder goroutine blocks on `reports <- ...`.
package main

import "time"

type Report struct {
	Lines int
	Built time.Time
}

func buildReport(rows []string) *Report {
	time.Sleep(3 * time.Millisecond)
	return &Report{Lines: len(rows), Built: time.Now()}
}

func latestReport(rows []string, tick *time.Ticker, stale *Report) *Report {
	reports := make(chan *Report)
	go func() {
		reports <- buildReport(rows)
	}()
	select {
	case r := <-reports:
		return r
	case <-tick.C:
		return stale
	}
}

func run() {
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	r := latestReport([]string{"a", "b", "c"}, tick, &Report{})
	_ = r.Lines
}
