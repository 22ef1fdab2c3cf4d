package parallel

import (
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
)

// Run runs every index once, whatever it takes first (an index named
// twice there too), and after failures reports the lowest failed index's
// error, every index below it having run.
func TestRun(t *testing.T) {
	firsts := [][]int{nil, {}, {999, 500, 3}, {0}, {998, 2, 998}}
	for _, workers := range []int{0, 1, 2, 7} {
		for _, first := range firsts {
			for _, n := range []int{0, 1, 5, 1000} {
				var f []int
				for _, i := range first {
					if i < n {
						f = append(f, i)
					}
				}
				runs := make([]atomic.Int32, n)
				if err := Run(n, workers, f, func(i int) error { runs[i].Add(1); return nil }); err != nil {
					t.Fatal(err)
				}
				for i := range runs {
					if c := runs[i].Load(); c != 1 {
						t.Fatalf("workers %d, first %v, n %d: index %d ran %d times", workers, f, n, i, c)
					}
				}
			}
			for _, fail := range []int{0, 3, 499, 999} {
				runs := make([]atomic.Int32, 1000)
				err := Run(1000, workers, first, func(i int) error {
					runs[i].Add(1)
					if i >= fail && i%2 == fail%2 {
						return fmt.Errorf("index %d", i)
					}
					return nil
				})
				if want := fmt.Sprintf("index %d", fail); err == nil || err.Error() != want {
					t.Errorf("workers %d, first %v, failing from %d: %v, want %s", workers, first, fail, err, want)
				}
				for i := range runs {
					if c := runs[i].Load(); i < fail && c != 1 || c > 1 {
						t.Errorf("workers %d, first %v, failing from %d: index %d ran %d times", workers, first, fail, i, c)
					}
				}
			}
		}
	}
	if err := Run(3, 2, nil, func(int) error { return errors.New("x") }); err == nil || err.Error() != "x" {
		t.Errorf("all failing: %v", err)
	}
}
