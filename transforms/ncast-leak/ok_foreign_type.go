// ok (leaks, not fixable): `words` comes from a function of another package
// that leakfix does not know, and the file does not say what it is. It
// could be an int (range over int, len does not compile), a channel or, as
// here, an iterator (strings.FieldsSeq returns an iter.Seq); leakfix cannot
// know.
package main

import "strings"

func isStopWord(w string) bool {
	return w == "the" || w == "a" || w == "of"
}

func hasStopWord(line string) bool {
	words := strings.FieldsSeq(line)
	hits := make(chan bool)
	for w := range words {
		go func() {
			hits <- isStopWord(w)
		}()
	}
	return <-hits
}

func run() {
	_ = hasStopWord("the art of computer programming")
}
