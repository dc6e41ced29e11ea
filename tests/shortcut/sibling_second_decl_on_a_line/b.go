package main

func g() {}; func work(out chan<- int) { out <- 1 }
