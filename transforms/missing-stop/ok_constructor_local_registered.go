// ok: the constructor registers the value before returning it, so the
// registry may stop it: the caller not stopping it proves nothing.
package main

type flusher struct {
	quit chan struct{}
}

var registry []*flusher

func newFlusher() *flusher {
	f := &flusher{quit: make(chan struct{})}
	registry = append(registry, f)
	return f
}

func (f *flusher) Start() {
	go func() {
		for {
			select {
			case <-f.quit:
				return
			}
		}
	}()
}

func (f *flusher) Close() {
	close(f.quit)
}

func write() {
	f := newFlusher()
	f.Start()
}

func run() {
	write()
	for _, f := range registry {
		f.Close()
	}
	registry = nil
}
