// Positive: one validator goroutine per entry of a map; the parent's receive
// loop returns on the first error, so validators whose results were never
// read stay blocked on the unbuffered errc.
package main

import "fmt"

type section struct {
	keys []string
}

func validate(name string, s section) error {
	if len(s.keys) == 0 {
		return fmt.Errorf("config: section %q is empty", name)
	}
	return nil
}

func validateConfig(sections map[string]section) error {
	var errc = make(chan error)
	for name, s := range sections {
		go func() {
			errc <- validate(name, s)
		}()
	}
	for range sections {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

func run() {
	_ = validateConfig(map[string]section{
		"server":  {},
		"storage": {},
		"auth":    {},
		"logging": {keys: []string{"level"}},
	})
}
