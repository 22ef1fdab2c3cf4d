package site

import (
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
)

// parallel runs every index once, and after failures reports the lowest
// failed index's error, every index below it having run.
func TestParallel(t *testing.T) {
	for _, workers := range []int{0, 1, 2, 7} {
		for _, n := range []int{0, 1, 5, 1000} {
			runs := make([]atomic.Int32, n)
			if err := parallel(n, workers, func(i int) error { runs[i].Add(1); return nil }); err != nil {
				t.Fatal(err)
			}
			for i := range runs {
				if c := runs[i].Load(); c != 1 {
					t.Fatalf("workers %d, n %d: index %d ran %d times", workers, n, i, c)
				}
			}
		}
		for _, fail := range []int{0, 3, 499, 999} {
			runs := make([]atomic.Int32, 1000)
			err := parallel(1000, workers, func(i int) error {
				runs[i].Add(1)
				if i >= fail && i%2 == fail%2 {
					return fmt.Errorf("index %d", i)
				}
				return nil
			})
			if want := fmt.Sprintf("index %d", fail); err == nil || err.Error() != want {
				t.Errorf("workers %d, failing from %d: %v, want %s", workers, fail, err, want)
			}
			for i := range fail {
				if runs[i].Load() != 1 {
					t.Errorf("workers %d, failing from %d: index %d did not run once", workers, fail, i)
				}
			}
		}
	}
	if err := parallel(3, 2, func(int) error { return errors.New("x") }); err == nil || err.Error() != "x" {
		t.Errorf("all failing: %v", err)
	}
}
