// ok (no leak): the same fetch-with-timeout shape, but the result channel
// already has capacity 1, so the sender completes even after the timeout.
// leakfix must not touch an already-buffered make.
package main

import (
	"errors"
	"time"
)

func loadConfig(path string) (map[string]string, error) {
	time.Sleep(2 * time.Millisecond)
	if path == "" {
		return nil, errors.New("no path")
	}
	return map[string]string{"path": path}, nil
}

type cfgResult struct {
	cfg map[string]string
	err error
}

func loadConfigWithin(path string, d time.Duration) (map[string]string, error) {
	res := make(chan cfgResult, 1)
	go func() {
		cfg, err := loadConfig(path)
		res <- cfgResult{cfg, err}
	}()
	select {
	case r := <-res:
		return r.cfg, r.err
	case <-time.After(d):
		return nil, errors.New("config load timed out")
	}
}

func run() {
	_, _ = loadConfigWithin("/etc/app.conf", time.Millisecond)
}
