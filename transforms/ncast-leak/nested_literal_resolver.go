// Positive: the fan-out lives in a function literal assigned to a variable;
// the channel is made inside the literal and ranged names are the literal's
// parameter. It returns on the first answer, so the other resolvers leak.
package main

import "strings"

type resolver struct {
	suffix string
}

func (r *resolver) resolveAll(names []string) string {
	first := func(hosts []string) string {
		addrs := make(chan string)
		for _, h := range hosts {
			go func() {
				addrs <- strings.TrimSuffix(h, ".") + r.suffix
			}()
		}
		return <-addrs
	}
	return first(names)
}

func run() {
	r := &resolver{suffix: ".internal"}
	_ = r.resolveAll([]string{"db.", "cache.", "queue."})
}
