// Positive: the ranged field is promoted through two embedded structs
// (`c.nodes` is `c.topology.members.nodes`); each node answers a ping, the
// parent takes the first. Capacity len(c.nodes).
package main

type members struct {
	nodes []string
}

type topology struct {
	*members
	zone string
}

type cluster struct {
	topology
	name string
}

func ping(node string) string { return "pong from " + node }

func (c *cluster) anyAlive() string {
	replies := make(chan string)
	for _, n := range c.nodes {
		go func() {
			replies <- ping(n)
		}()
	}
	return <-replies
}

func run() {
	c := &cluster{topology: topology{members: &members{nodes: []string{"a", "b"}}}, name: "c1"}
	_ = c.anyAlive()
}
