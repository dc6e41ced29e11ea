// ok: `log` here is a local logger whose Panicf only records the message;
// it is not the standard library's log.Panicf, so the close is reached.
package main

import "fmt"

type recorder struct{ lines []string }

func (r *recorder) Panicf(format string, args ...any) {
	r.lines = append(r.lines, fmt.Sprintf(format, args...))
}

func check(cfg map[string]string) int {
	log := &recorder{}
	done := make(chan struct{})
	go func() {
		<-done
	}()
	if cfg["addr"] == "" {
		log.Panicf("config: missing addr in %v", cfg)
	}
	close(done)
	return len(log.lines)
}

func run() {
	_ = check(map[string]string{})
}
