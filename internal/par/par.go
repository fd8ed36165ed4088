// Package par runs the same work over many items on every core.
package par

import (
	"runtime"
	"sync"
)

// Each calls fn(i) for every i in [0, n), on as many goroutines as there
// are cores, and returns when all calls have returned.
func Each(n int, fn func(i int)) {
	EachWith(n, func() struct{} { return struct{}{} }, func(_ struct{}, i int) { fn(i) })
}

// EachWith is Each for work that needs a value of its own per goroutine,
// such as a renderer or a buffer: newWorker is called once per goroutine.
func EachWith[W any](n int, newWorker func() W, fn func(w W, i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := newWorker()
			for i := range next {
				fn(w, i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
