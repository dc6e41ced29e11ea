// Positive: a write is sent to every replica of a fixed-size array, one
// goroutine each; the parent returns as soon as a quorum of acks arrived,
// leaving the remaining ack senders blocked on the unbuffered channel.
package main

type replica struct {
	addr string
	down bool
}

func (r replica) write(key string) bool {
	return !r.down && key != ""
}

func quorumWrite(replicas [5]replica, key string) bool {
	acks := make(chan bool)
	for _, r := range replicas {
		go func() {
			acks <- r.write(key)
		}()
	}
	need, got := len(replicas)/2+1, 0
	for i := 0; i < len(replicas); i++ {
		if <-acks {
			got++
			if got == need {
				return true
			}
		}
	}
	return false
}

func run() {
	var rs [5]replica
	for i := range rs {
		rs[i] = replica{addr: "node" + string(rune('a'+i))}
	}
	_ = quorumWrite(rs, "user/42")
}
