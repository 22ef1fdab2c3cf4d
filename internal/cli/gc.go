package cli

import (
	"io/fs"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
)

// Headroom of a build's collector. Most of a build's allocation is short-
// lived (each page's rendering), while what it keeps (the model, about ten
// times the table's bytes) is small: collecting at the usual headroom made
// a tenth to a fifth of a large build's CPU time. So a build collects at
// gcPercent, four times the usual headroom, under a memory limit set from
// the table's size, which keeps the peak near what the heap needs: at
// 10,000 tasks (5 MB of table) 28% less CPU for about 100 MB more memory;
// at 100,000 (50 MB) the limit, 2 GB, is what bounds the headroom, and
// half that spent a quarter of the CPU collecting (make bench). A base of
// 160 MB instead of 64 held 65 MB more at 10,000 tasks for no CPU time
// that interleaved runs could tell.
const (
	gcPercent    = 400
	gcBase       = 64 << 20 // bytes of memory limit for any table
	gcPerByte    = 40       // and per byte of the content folder
	gcFirstLimit = 64 << 20 // no collection at all before this much heap
)

// gcLimit is the memory limit of a build of the content folder of size
// bytes: about three times what the heap keeps of it, and more for a small
// table, whose build never reaches it.
func gcLimit(size int64) int64 { return gcBase + gcPerByte*size }

// contentSize adds up the sizes of the files of a content folder, those
// of a portal's plans (plans/<id>/) too: counting only the top, a portal's
// limit was the 160 MB of an empty table, and a 60-plan portal's build
// collected without end.
func contentSize(fsys fs.FS) int64 {
	var n int64
	fs.WalkDir(fsys, ".", func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // a folder that cannot be read adds nothing; the build says why
		}
		if info, err := d.Info(); err == nil && info.Mode().IsRegular() {
			n += info.Size()
		}
		return nil
	})
	return n
}

// deferGC turns the collector off until the heap first reaches
// gcFirstLimit bytes, then on at gcPercent (as GOGC would set it) under the
// memory limit limit for the rest of the process. A build of a small table
// (the real one allocates about 25 MB in all) then never collects, which
// was a fifth of its time, and holds no more memory than with the
// collector, whose workers cost memory too; a large table's build collects
// once past it. The first collection runs a finalizer, which sets the
// headroom. Only the first call of a process does anything.
// GOGC or GOMEMLIMIT in the environment leaves the collector as they say.
func deferGC(limit int64) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	gcOnce.Do(func() { deferGCNow(limit) })
}

var gcOnce sync.Once

func deferGCNow(limit int64) {
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(min(limit, gcFirstLimit))
	// Big enough, and with a pointer, not to share a block of the tiny
	// allocator, whose objects' finalizers may never run.
	sentinel := &struct {
		p *byte
		_ [64]byte
	}{}
	runtime.SetFinalizer(sentinel, func(any) {
		debug.SetGCPercent(gcPercent)
		debug.SetMemoryLimit(limit)
	})
}
