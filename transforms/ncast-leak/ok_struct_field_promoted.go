// ok (no edit): the field comes from an embedded struct, which leakfix does
// not follow, so its type is not known. The leak is reported without a fix.
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
