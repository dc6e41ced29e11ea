// ok (no leak): a launch loop plus one more sender, and the parent
// receives once per replica and once more, so every send is taken.
package main

func fromReplica(r, key string) string { return r + ":" + key }

func fromCache(key string) string { return "cache:" + key }

func all(replicas []string, key string) []string {
	answers := make(chan string)
	for _, r := range replicas {
		go func() {
			answers <- fromReplica(r, key)
		}()
	}
	go func() {
		answers <- fromCache(key)
	}()
	var out []string
	for range len(replicas) + 1 {
		out = append(out, <-answers)
	}
	return out
}

func run() {
	_ = all([]string{"a", "b"}, "k")
}
