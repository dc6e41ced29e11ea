package main

func work(out chan<- int) { out <- 1 }
