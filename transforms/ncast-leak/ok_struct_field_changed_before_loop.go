// ok (no edit): the field the loop ranges over is changed between the make
// and the loop, so len(s.replicas) at the make would count the wrong
// number of senders. The leak is reported without a fix.
package main

type store struct {
	replicas []string
}

func read(replica, key string) string { return replica + ":" + key }

func (s *store) get(key, extra string) string {
	answers := make(chan string)
	s.replicas = append(s.replicas, extra)
	for _, r := range s.replicas {
		go func() {
			answers <- read(r, key)
		}()
	}
	return <-answers
}

func run() {
	s := &store{replicas: []string{"a", "b"}}
	_ = s.get("k", "c")
}
