// ok (no edit): the promoted field grows between the make and the loop,
// so `len(s.replicas)` at the make would count too few senders. The leak
// is reported without a fix.
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
	s.replicas = append(s.replicas, "backup")
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
