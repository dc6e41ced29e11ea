// Positive: the targets come from a function of the package whose
// declared result is a slice, so len(targets) is the number of senders;
// the parent takes the first reply and returns. Capacity len(targets).
package main

func discover() []string { return []string{"a", "b", "c"} }

func ping(target string) string { return "pong from " + target }

func firstReply() string {
	targets := discover()
	replies := make(chan string)
	for _, t := range targets {
		go func() {
			replies <- ping(t)
		}()
	}
	return <-replies
}

func run() {
	_ = firstReply()
}
