// Positive: the ranged field is promoted from an embedded struct of the
// package (`s.replicas` is `s.base.replicas`); every replica answers, the
// parent takes the first answer. Capacity len(s.replicas).
package main

type base struct {
	replicas []string
}

type store struct {
	base
}

func read(replica, key string) string { return replica + ":" + key }

func (s *store) get(key string) string {
	answers := make(chan string)
	for _, r := range s.replicas {
		go func() {
			answers <- read(r, key)
		}()
	}
	return <-answers
}

func run() {
	s := &store{base{replicas: []string{"a", "b", "c"}}}
	_ = s.get("k")
}
