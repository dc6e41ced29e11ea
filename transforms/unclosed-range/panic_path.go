// run recovers from a panic raised by validate after it has sent a couple of
// metrics to a recorder goroutine that ranges over them. Both the panicking
// and the normal path leave the unclosed metrics channel behind.
package main

import "fmt"

type metric struct {
	name  string
	value float64
}

func validate(v float64) {
	if v < 0 {
		panic(fmt.Sprintf("negative metric %v", v))
	}
}

func record(values []float64) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()

	metrics := make(chan metric)
	go func() {
		var sum float64
		for m := range metrics {
			sum += m.value
		}
		_ = sum
	}()

	for i, v := range values {
		validate(v)
		metrics <- metric{name: fmt.Sprint("m", i), value: v}
	}
	return nil
}

func run() {
	_ = record([]float64{1, 2, -1, 3})
	_ = record([]float64{5})
}
