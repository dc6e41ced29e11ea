// ok (leaks, not fixable): `words` comes from a function of another package
// and the file does not say what it is. It could be an int (range over int,
// len does not compile), a channel or an iterator; leakfix cannot know.
package main

import "strings"

func isStopWord(w string) bool {
	return w == "the" || w == "a" || w == "of"
}

func hasStopWord(line string) bool {
	words := strings.Fields(line)
	hits := make(chan bool)
	for _, w := range words {
		go func() {
			hits <- isStopWord(w)
		}()
	}
	return <-hits
}

func run() {
	_ = hasStopWord("the art of computer programming")
}
