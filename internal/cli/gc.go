package cli

import (
	"os"
	"runtime"
	"runtime/debug"
	"sync"
)

// deferGC turns the collector off until the heap first reaches limit bytes,
// then back to its usual pace. A build of a small table (the real one
// allocates about 25 MB in all) then never collects, which was a fifth of its
// time, and holds no more memory than with the collector, whose workers
// cost memory too; a large table's build collects as always once past the
// limit. The limit's first collection runs a finalizer, which restores the
// usual settings. Only the first call of a process does anything: a second
// before that collection would take the deferred settings for the usual.
// GOGC or GOMEMLIMIT in the environment leaves the collector as they say.
func deferGC(limit int64) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	gcOnce.Do(func() { deferGCNow(limit) })
}

var gcOnce sync.Once

func deferGCNow(limit int64) {
	gc := debug.SetGCPercent(-1)
	old := debug.SetMemoryLimit(limit)
	// Big enough, and with a pointer, not to share a block of the tiny
	// allocator, whose objects' finalizers may never run.
	sentinel := &struct {
		p *byte
		_ [64]byte
	}{}
	runtime.SetFinalizer(sentinel, func(any) {
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(old)
	})
}
