// ok (no edit): the struct also embeds a type of another package, which
// could promote a field of the same name at the same depth as far as the
// package shows, so the field's type is not known. The leak is reported
// without a fix.
package main

import "container/list"

type base struct {
	replicas []string
}

type store struct {
	*list.List
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
	s := &store{List: list.New(), base: base{replicas: []string{"a", "b", "c"}}}
	_ = s.get("k")
}
