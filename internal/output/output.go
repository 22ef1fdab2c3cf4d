// Package output writes a built site to its folder all at once: the files go
// to a new folder beside the target, which then takes the target's place, so
// a build that fails leaves the previous site exactly as it was.
package output

import (
	"bufio"
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

// Writer writes a site file by file into a new folder beside its target,
// from any number of goroutines, so that a large site need never be held in
// memory whole; Commit then puts the folder in the target's place.
type Writer struct {
	dir, tmp string
	made     sync.Map    // folders already created → true
	marked   atomic.Bool // the marker is written
}

// NewWriter starts writing a site that will replace the folder dir. It
// replaces whatever is there: check dir with CheckTarget first.
func NewWriter(dir string) (*Writer, error) {
	dir = filepath.Clean(dir)
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	w := &Writer{dir: dir, tmp: tmp}
	w.made.Store(tmp, true)
	return w, nil
}

// Write writes one file. It is safe for concurrent use.
func (w *Writer) Write(f File) error {
	target, err := w.place(f.Path)
	if err != nil {
		return err
	}
	if err := writeFile(target, f.Data); err != nil {
		return err
	}
	if f.Path == MarkerName {
		w.marked.Store(true)
	}
	return nil
}

// WriteStream writes one file as write produces it, so that a file of
// hundreds of megabytes (the feed, plan.json of a large table) need never be
// held in memory whole. It is safe for concurrent use.
func (w *Writer) WriteStream(p string, write func(io.Writer) error) error {
	target, err := w.place(p)
	if err != nil {
		return err
	}
	return CreateFile(target, write)
}

// place checks the site path p and makes the folders the file goes in; it
// returns the file's name on disk.
func (w *Writer) place(p string) (string, error) {
	if err := CheckPath(p); err != nil {
		return "", err
	}
	target := filepath.Join(w.tmp, filepath.FromSlash(p))
	return target, w.mkdir(filepath.Dir(target))
}

// CreateFile creates (or truncates) the file name and writes to it, through
// a buffer, what write produces.
func CreateFile(name string, write func(io.Writer) error) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 64<<10)
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

// Commit replaces the target folder with what was written, which must
// include the marker: without it the next build would refuse to replace the
// folder.
func (w *Writer) Commit() error {
	if !w.marked.Load() {
		w.Abort()
		return fmt.Errorf("internal error: the site has no %s file", MarkerName)
	}
	if err := swap(w.tmp, w.dir); err != nil {
		os.RemoveAll(w.tmp)
		return err
	}
	return nil
}

// Abort removes what was written and leaves the target as it was.
func (w *Writer) Abort() { os.RemoveAll(w.tmp) }

// swap puts the folder tmp in the place of dir. Between the two renames the
// target is briefly missing; it is never half-written.
func swap(tmp, dir string) error {
	old := ""
	if _, err := os.Lstat(dir); err == nil {
		o, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".old-")
		if err != nil {
			return err
		}
		old = filepath.Join(o, "site")
		if err := os.Rename(dir, old); err != nil {
			os.Remove(o)
			return err
		}
		defer os.RemoveAll(o)
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		return err
	}
	return nil
}
