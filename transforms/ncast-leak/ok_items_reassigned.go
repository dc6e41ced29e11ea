// ok (leaks, not fixable): the slice grows between the make and the loop,
// so len(urls) evaluated at the make is smaller than the number of
// goroutines; capacity len(urls) would still leave senders blocked.
package main

import "net/url"

func anyHost(urls []string, fallback string) string {
	hosts := make(chan string)
	urls = append(urls, fallback)
	for _, raw := range urls {
		go func() {
			u, err := url.Parse(raw)
			if err != nil {
				hosts <- ""
				return
			}
			hosts <- u.Host
		}()
	}
	return <-hosts
}

func run() {
	_ = anyHost([]string{"https://a.example/x", "https://b.example/y"}, "https://c.example")
}
