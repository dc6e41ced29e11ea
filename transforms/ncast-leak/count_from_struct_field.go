// Positive: the loop ranges over a slice field of the receiver, declared
// in a struct type of the package, right after the make; every replica
// answers, the parent takes the first answer. Capacity len(s.replicas).
package main

type store struct {
	name     string
	replicas []string
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
	s := &store{name: "kv", replicas: []string{"a", "b", "c"}}
	_ = s.get("k")
}
