// ok (leaks, not fixable): on its error path a goroutine first reports a
// warning and then its result, two sends on one path; the number of values
// is not the number of goroutines, so len(tables) is not enough.
package main

import "fmt"

type msg struct {
	table string
	warn  bool
}

func migrate(tables []string) error {
	msgs := make(chan msg)
	for _, t := range tables {
		go func() {
			if len(t) < 3 {
				msgs <- msg{table: t, warn: true}
			}
			msgs <- msg{table: t}
		}()
	}
	for range tables {
		if m := <-msgs; m.warn {
			return fmt.Errorf("migrate: short table name %q", m.table)
		}
	}
	return nil
}

func run() {
	_ = migrate([]string{"ab", "cd", "users"})
}
