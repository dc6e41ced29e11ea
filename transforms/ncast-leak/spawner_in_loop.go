// Positive: probeAsync starts one goroutine per call, each sending once on
// the channel it is handed; the loop calls it for every host, and the
// parent returns at the first failure, leaving the other senders blocked.
// Fix: capacity len(hosts).
package main

import "errors"

type result struct {
	host string
	err  error
}

func probe(host string) error {
	if host == "" {
		return errors.New("empty host")
	}
	return nil
}

func probeAsync(host string, out chan<- result) {
	go func() {
		out <- result{host: host, err: probe(host)}
	}()
}

func probeAll(hosts []string) error {
	results := make(chan result)
	for _, h := range hosts {
		probeAsync(h, results)
	}
	for range hosts {
		if r := <-results; r.err != nil {
			return r.err
		}
	}
	return nil
}

func run() {
	_ = probeAll([]string{"", "a", "b", "c"})
}
