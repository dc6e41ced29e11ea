// ok (no leak): same first-wins fan-out as a positive, but the channel
// already has capacity len(backends), so every sender can complete after
// the parent has returned.
package main

type backend struct {
	name   string
	weight int
}

func score(b backend) int { return b.weight * 10 }

func pickBackend(backends []backend) int {
	scores := make(chan int, len(backends))
	for _, b := range backends {
		go func() {
			scores <- score(b)
		}()
	}
	return <-scores
}

func run() {
	_ = pickBackend([]backend{{"a", 1}, {"b", 2}, {"c", 3}})
}
