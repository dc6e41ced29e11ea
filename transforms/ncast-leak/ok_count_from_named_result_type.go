// ok (no edit): the result type is a named type of the package, whose
// underlying type leakfix does not read, so len(targets) is not known to
// be valid: the leak is reported without a fix.
package main

type targetList []string

func discover() targetList { return targetList{"a", "b", "c"} }

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
