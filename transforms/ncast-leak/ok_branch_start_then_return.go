// ok: the branch that starts one lookup also receives it and returns;
// the other path starts two and receives both. Every path receives what
// it starts.
package main

func lookup(zone string) string { return "addr." + zone }

func resolve(zone string, single bool) []string {
	got := make(chan string)
	if single {
		go func() { got <- lookup(zone) }()
		return []string{<-got}
	}
	go func() { got <- lookup(zone) }()
	go func() { got <- lookup("backup." + zone) }()
	return []string{<-got, <-got}
}

func run() {
	_ = resolve("eu", true)
	_ = resolve("eu", false)
}
