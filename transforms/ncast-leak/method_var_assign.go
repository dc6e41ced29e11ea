// Positive: a method on a struct fans out one lookup per key; the channel is
// declared with `var found chan []byte` and made later. The parent returns
// the first non-nil value, so lookups finishing later stay blocked.
package main

type shardCache struct {
	data map[string][]byte
}

func (s *shardCache) get(key string) []byte {
	return s.data[key]
}

func (s *shardCache) firstHit(keys []string) []byte {
	var found chan []byte
	found = make(chan []byte)
	for _, k := range keys {
		go func() {
			found <- s.get(k)
		}()
	}
	for range keys {
		if b := <-found; b != nil {
			return b
		}
	}
	return nil
}

func run() {
	s := &shardCache{data: map[string][]byte{"a": []byte("1"), "b": []byte("2"), "c": []byte("3")}}
	_ = s.firstHit([]string{"a", "b", "c"})
}
