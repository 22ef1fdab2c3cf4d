// Package output writes a built site to its folder all at once: the files go
// to a temporary folder, which then takes the target's place, so a build
// that fails, or is stopped, leaves the previous site exactly as it was.
//
// plansite replaces only what it wrote. The marker at the top of every site
// (MarkerName) lists its files, and a build refuses a folder that holds
// anything else (CheckTarget). Temporary folders carry a marker of their own,
// locked while their build runs, so that a later build removes those of
// builds that were killed and leaves those of builds still running. A target
// that is a mount point, which cannot be renamed, is filled from a temporary
// folder inside it.
package output

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
)

// File is one file of the site, at a slash-separated path inside it.
type File struct {
	Path string
	Data []byte
}

// CheckPath rejects a path that is absolute, unclean or leaves the site.
func CheckPath(p string) error {
	if p == "" || !fs.ValidPath(p) || strings.Contains(p, `\`) || path.Clean(p) != p {
		return fmt.Errorf("output path %q is not a clean path inside the site", p)
	}
	return nil
}

// Writer writes a site file by file into a temporary folder, from any number
// of goroutines, so that a large site need never be held in memory whole;
// Commit then puts it in the target's place.
type Writer struct {
	ctx    context.Context
	target *Target
	// The temporary folders go in dir, their names starting with prefix:
	// beside the target (.public.new-…), or inside it when it is a mount
	// point (.plansite.new-…).
	dir, prefix string
	tmp         *tempDir
	site        string      // the folder the site is written to, in tmp
	made        sync.Map    // folders already created → true
	marked      atomic.Bool // the site's files include the marker
	mu          sync.Mutex
	paths       []string // every file written but the marker
}

// NewWriter starts writing a site that will replace the folder t, which
// CheckTarget accepted. It first removes the temporary folders that stopped
// builds left, then makes its own. When ctx ends, writing stops: Write
// fails with ctx's cause, and Commit replaces nothing.
func NewWriter(ctx context.Context, t *Target) (*Writer, error) {
	w := &Writer{ctx: ctx, target: t, dir: t.Real, prefix: mountPrefix}
	if !t.mount {
		w.dir, w.prefix = filepath.Dir(t.Real), "."+filepath.Base(t.Real)+"."
		if err := os.MkdirAll(w.dir, 0o755); err != nil {
			return nil, err
		}
	}
	unlock, err := lockFolder(ctx, w.dir)
	if err != nil {
		return nil, err
	}
	defer unlock()
	if err := removeStale(w.dir, w.prefix); err != nil {
		return nil, err
	}
	if w.tmp, err = makeTemp(w.dir, w.prefix+newInfix); err != nil {
		return nil, err
	}
	w.site = w.tmp.site()
	// The folder becomes the site: readable by the web server whatever
	// the umask, as every file in it is.
	if err := os.Chmod(w.site, 0o755); err != nil {
		w.tmp.remove()
		return nil, err
	}
	w.made.Store(w.site, true)
	return w, nil
}

// stop returns the cause of ctx's end once it has ended, else nil.
func (w *Writer) stop() error {
	if w.ctx.Err() != nil {
		return context.Cause(w.ctx)
	}
	return nil
}

// Write writes one file. It is safe for concurrent use. The marker is
// noted, not written: Commit writes it with the list of files.
func (w *Writer) Write(f File) error {
	if err := w.stop(); err != nil {
		return err
	}
	if f.Path == MarkerName {
		w.marked.Store(true)
		return nil
	}
	target, err := w.place(f.Path)
	if err != nil {
		return err
	}
	if err := writeFile(target, f.Data); err != nil {
		return err
	}
	w.record(f.Path)
	return nil
}

// WriteStream writes one file as write produces it, so that a file of
// hundreds of megabytes (the feed, plan.json of a large table) need never be
// held in memory whole. It is safe for concurrent use.
func (w *Writer) WriteStream(p string, write func(io.Writer) error) error {
	if err := w.stop(); err != nil {
		return err
	}
	target, err := w.place(p)
	if err != nil {
		return err
	}
	if err := createFile(target, write, w.stop); err != nil {
		return err
	}
	w.record(p)
	return nil
}

func (w *Writer) record(p string) {
	w.mu.Lock()
	w.paths = append(w.paths, p)
	w.mu.Unlock()
}

// place checks the site path p and makes the folders the file goes in; it
// returns the file's name on disk.
func (w *Writer) place(p string) (string, error) {
	if err := CheckPath(p); err != nil {
		return "", err
	}
	if p == MarkerName {
		return "", fmt.Errorf("output path %s is the marker, which the build writes itself", p)
	}
	target := filepath.Join(w.site, filepath.FromSlash(p))
	return target, w.mkdir(filepath.Dir(target))
}

// CreateFile creates (or truncates) the file name and writes to it, through
// a buffer, what write produces.
func CreateFile(name string, write func(io.Writer) error) error {
	return createFile(name, write, nil)
}

// createFile is CreateFile that gives up, with stop's error, as soon as
// stop returns one.
func createFile(name string, write func(io.Writer) error, stop func() error) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	var dst io.Writer = f
	if stop != nil {
		dst = stopping{f, stop}
	}
	bw := bufio.NewWriterSize(dst, 64<<10)
	if err := write(bw); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// stopping is a file that refuses to be written once its build is stopped,
// so that a stream of hundreds of megabytes ends within one buffer.
type stopping struct {
	w    io.Writer
	stop func() error
}

func (s stopping) Write(b []byte) (int, error) {
	if err := s.stop(); err != nil {
		return 0, err
	}
	return s.w.Write(b)
}

// mkdir makes the folder d and those above it inside the site, each once,
// with a single mkdir call apiece. Workers may race to make the same folder;
// the loser finds it made.
func (w *Writer) mkdir(d string) error {
	if _, ok := w.made.Load(d); ok {
		return nil
	}
	if parent := filepath.Dir(d); parent != d {
		if err := w.mkdir(parent); err != nil {
			return err
		}
	}
	if err := os.Mkdir(d, 0o755); err != nil && !os.IsExist(err) {
		return err
	}
	w.made.Store(d, true)
	return nil
}

// Commit writes the marker, with the list of every file written, and puts
// the site in the target's place. The site's files must include the marker:
// without it the next build would refuse to replace the folder. The target
// is checked again first, under the folder's lock: a file added to it while
// the site was being made is never deleted.
func (w *Writer) Commit() error {
	if err := w.stop(); err != nil {
		w.Abort()
		return err
	}
	if !w.marked.Load() {
		w.Abort()
		return fmt.Errorf("internal error: the site has no %s file", MarkerName)
	}
	w.paths = sortedPaths(w.paths)
	if err := writeFile(filepath.Join(w.site, MarkerName), encodeMarker(w.paths)); err != nil {
		w.Abort()
		return err
	}
	unlock, err := lockFolder(w.ctx, w.dir)
	if err != nil {
		w.Abort()
		return err
	}
	old, err := w.swap()
	unlock()
	// Removed outside the lock: their markers, locked until then, keep
	// other builds off them, and a large site takes seconds to remove.
	w.tmp.remove()
	if old != nil {
		old.remove()
	}
	return err
}

// manifest is the list of what was written, as the check reads a marker's.
func (w *Writer) manifest() *manifest {
	m := newManifest()
	for _, p := range w.paths {
		m.add(p)
	}
	return m
}

// swap checks the target again and puts the site in its place, returning
// the temporary folder that holds the previous site, to be removed. The
// caller holds the lock of w.dir.
func (w *Writer) swap() (*tempDir, error) {
	if err := w.target.checkContents(w.manifest); err != nil {
		return nil, err
	}
	if w.target.mount {
		return swapContents(w.site, w.target.Real)
	}
	old, err := swapFolder(w.site, w.target.Real, w.prefix)
	if !moveRefused(err) {
		return old, err
	}
	// A mount point that isMountPoint could not tell.
	if old, err = swapContents(w.site, w.target.Real); moveRefused(err) {
		err = refusal(w.target.Dir, fmt.Sprintf("it is a mount point, and the new site, made beside it, cannot be moved into it (%v)", err),
			"Build into a folder inside it, or into another folder and copy that in")
	}
	return old, err
}

// Abort removes what was written and leaves the target as it was.
func (w *Writer) Abort() {
	w.tmp.remove()
}
