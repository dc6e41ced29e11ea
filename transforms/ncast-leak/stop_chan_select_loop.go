// Positive: the receive loop is a select between a result and a stop
// channel owned by the caller; once stop is closed the parent returns
// early, and every health check not yet received blocks on its send.
package main

import "errors"

type status struct {
	host    string
	healthy bool
}

var errStopped = errors.New("health: stopped")

func check(host string) status {
	return status{host: host, healthy: len(host) > 3}
}

func checkAll(hosts []string, stop <-chan struct{}) ([]status, error) {
	statuses := make(chan status)
	for _, h := range hosts {
		go func() {
			statuses <- check(h)
		}()
	}
	var out []status
	for range hosts {
		select {
		case s := <-statuses:
			out = append(out, s)
		case <-stop:
			return out, errStopped
		}
	}
	return out, nil
}

func run() {
	stop := make(chan struct{})
	close(stop)
	_, _ = checkAll([]string{"alpha", "beta", "gamma", "delta"}, stop)
}
