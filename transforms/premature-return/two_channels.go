// Positive: the resolver sends on two channels: errc is buffered and always
// read, addrs is unbuffered. When errc carries an error resolve returns
// before reading addrs, so the resolver blocks on its one addrs send.
package main

import (
	"fmt"
	"net/netip"
	"strings"
)

var hosts = map[string]string{
	"db":    "10.0.0.5,10.0.0.6",
	"cache": "10.0.1.9",
}

func lookupStatic(host string) ([]netip.Addr, error) {
	raw, ok := hosts[host]
	if !ok {
		return nil, fmt.Errorf("unknown host %q", host)
	}
	var out []netip.Addr
	for _, s := range strings.Split(raw, ",") {
		a, err := netip.ParseAddr(s)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

func resolve(host string) (netip.Addr, error) {
	addrs := make(chan []netip.Addr)
	errc := make(chan error, 1)
	go func() {
		a, err := lookupStatic(host)
		errc <- err
		addrs <- a
	}()
	if err := <-errc; err != nil {
		return netip.Addr{}, err
	}
	return (<-addrs)[0], nil
}

func run() {
	_, _ = resolve("mail")
}
