// ok (no edit): `retry` calls its func parameter synchronously, maybe
// twice; nothing starts a goroutine, and the sends happen in the parent.
package main

func retry(f func()) {
	f()
}

func load(key string) string { return "v:" + key }

func get(key string) string {
	result := make(chan string, 1)
	retry(func() {
		result <- load(key)
	})
	if key == "" {
		return ""
	}
	return <-result
}

func run() {
	_ = get("k")
}
