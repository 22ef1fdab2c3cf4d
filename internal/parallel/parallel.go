// Package parallel runs numbered jobs on every core: a build's pages and
// site-wide files, a portal's plans.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Run runs fn for 0..n-1 on workers goroutines (0: one per core) and
// returns the error of the lowest index that failed, so the message does
// not depend on timing. An index above the lowest that has failed is no
// longer run, so every index below it is. The indexes in first are taken
// before the others, which follow in order.
//
// Each worker takes the next index itself from a counter: handed out over a
// channel by one goroutine, every index woke that goroutine, and Go's
// scheduler, taking it over to the idle core, waits a few microseconds
// each time, which on this kind of virtual machine left a tenth of the
// cores idle through a large build.
func Run(n, workers int, first []int, fn func(int) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var order []int // nil: 0, 1, …
	if len(first) > 0 {
		taken := make([]bool, n)
		order = make([]int, 0, n)
		take := func(i int) {
			if !taken[i] {
				taken[i] = true
				order = append(order, i)
			}
		}
		for _, i := range first {
			take(i)
		}
		for i := range n {
			take(i)
		}
	}
	errs := make([]error, n)
	var lowest atomic.Int64 // the lowest index that failed, n if none
	lowest.Store(int64(n))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Go(func() {
			for {
				k := int(next.Add(1) - 1)
				if k >= n {
					return
				}
				i := k
				if order != nil {
					i = order[k]
				}
				if int64(i) > lowest.Load() {
					continue
				}
				if errs[i] = fn(i); errs[i] == nil {
					continue
				}
				for {
					low := lowest.Load()
					if int64(i) >= low || lowest.CompareAndSwap(low, int64(i)) {
						break
					}
				}
			}
		})
	}
	wg.Wait()
	if low := int(lowest.Load()); low < n {
		return errs[low]
	}
	return nil
}
