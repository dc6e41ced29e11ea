// Positive: between starting the checksum goroutine and receiving from it,
// importBundle calls mustDecode, a helper of the file that panics on bad
// input (the Go `must` convention). The caller recovers, and the checksum
// goroutine stays blocked on its unbuffered send. A call of a `must` helper
// whose body panics is an exit, as a `panic` written in place is.
package main

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
)

type bundle struct {
	Name  string   `json:"name"`
	Files []string `json:"files"`
}

func mustDecode(raw []byte) bundle {
	var b bundle
	if err := json.Unmarshal(raw, &b); err != nil {
		panic(fmt.Sprintf("bundle: %v", err))
	}
	return b
}

func importBundle(raw []byte) (bundle, [32]byte) {
	sumc := make(chan [32]byte)
	go func() {
		sumc <- sha256.Sum256(raw)
	}()
	b := mustDecode(raw)
	return b, <-sumc
}

func tryImport(raw []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("import failed: %v", r)
		}
	}()
	importBundle(raw)
	return nil
}

func run() {
	_ = tryImport([]byte(`{"name": "broken",`))
}
