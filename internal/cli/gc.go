package cli

import (
	"os"
	"runtime"
	"runtime/debug"
	"sync"
)

// deferGC turns the collector off until the heap first reaches limit bytes,
// then on at percent (as GOGC would set it) for the rest of the process. A
// build of a small table (the real one allocates about 25 MB in all) then
// never collects, which was a fifth of its time, and holds no more memory
// than with the collector, whose workers cost memory too; a large table's
// build collects once past the limit. The limit's first collection runs a
// finalizer, which sets percent and the usual memory limit. Only the first
// call of a process does anything: a second before that collection would
// take the deferred settings for the usual.
// GOGC or GOMEMLIMIT in the environment leaves the collector as they say.
func deferGC(limit int64, percent int) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	gcOnce.Do(func() { deferGCNow(limit, percent) })
}

var gcOnce sync.Once

func deferGCNow(limit int64, percent int) {
	debug.SetGCPercent(-1)
	old := debug.SetMemoryLimit(limit)
	// Big enough, and with a pointer, not to share a block of the tiny
	// allocator, whose objects' finalizers may never run.
	sentinel := &struct {
		p *byte
		_ [64]byte
	}{}
	runtime.SetFinalizer(sentinel, func(any) {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(old)
	})
}
