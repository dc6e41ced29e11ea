// The channel is assigned to another variable (`sendTo := vals`) and closed
// through that alias. A tool tracking only the name `vals` would see no close
// and add one, causing a double close panic. No leak.
package main

func run() {
	vals := make(chan int)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for v := range vals {
			_ = v
		}
	}()

	sendTo := vals
	for i := range 3 {
		sendTo <- i
	}
	close(sendTo)
	<-done
}
