package p

func f() { c := make(chan int); go func() { c <- 1 }() }; func g() {}
