// Positive: the goroutine is a method of a local value (`go s.lookup(key,
// replies)`); a miss sends an empty reply and falls through to the second
// send. The parent reads one reply. Fix: `return` after the first send.
package main

type store struct{ data map[string]string }

func (s *store) lookup(key string, replies chan string) {
	v, ok := s.data[key]
	if !ok {
		replies <- ""
	}
	replies <- v
}

func get(key string) string {
	s := &store{data: map[string]string{"a": "1"}}
	replies := make(chan string)
	go s.lookup(key, replies)
	return <-replies
}

func run() {
	_ = get("missing")
}
