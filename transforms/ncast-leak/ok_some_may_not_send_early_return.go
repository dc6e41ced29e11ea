// ok: each goroutine sends only when its item matches, and the parent may
// return before receiving; that return may be the path where no goroutine
// sends at all (nothing matched), so the code does not show that any
// sender is left blocked. No finding.
package main

func matches(s string) bool { return len(s) > 3 }

func firstMatch(items []string, quick bool) string {
	c := make(chan string)
	for _, s := range items {
		go func() {
			if matches(s) {
				c <- s
			}
		}()
	}
	if quick {
		return ""
	}
	return <-c
}

func run() {
	_ = firstMatch([]string{"a", "bb"}, true)
}
