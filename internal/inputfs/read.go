package inputfs

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"

	"plansite/internal/plan"
	"plansite/internal/problem"
)

// A Limit is the most a reader takes of one file into memory, and how the
// message that refuses a larger one names the file's kind and says what to
// do.
type Limit struct {
	Bytes  int64
	What   string // "a table", "a Markdown page"
	Advice string // "no real table is that large; is this the wrong file?"
}

// ReadFile reads the file name of fsys whole, refusing it, before reading
// more than lim allows, with an error that names the file as file, its
// size and the limit. A file that grows while it is read, or a device
// whose size says nothing, is stopped at the limit too. Any other error is
// located with ReadError and what ("cannot read the task table: ").
func ReadFile(fsys fs.FS, name, file string, lim Limit, what string) ([]byte, error) {
	data, err := readAll(fsys, name, lim.Bytes)
	var big *tooLarge
	switch {
	case errors.As(err, &big):
		size := "more than " + plan.GroupDigits(int(lim.Bytes))
		if big.size > lim.Bytes {
			size = plan.GroupDigits(int(big.size))
		}
		return nil, &problem.Problem{File: file,
			Msg: fmt.Sprintf("the file has %s bytes; plansite reads %s of at most %s (%s bytes): %s",
				size, lim.What, Size(lim.Bytes), plan.GroupDigits(int(lim.Bytes)), lim.Advice)}
	case err != nil:
		return nil, ReadError(file, what, err)
	}
	return data, nil
}

// tooLarge is a file over the limit readAll was given.
type tooLarge struct{ size int64 }

func (e *tooLarge) Error() string { return fmt.Sprintf("file of %d bytes is over the limit", e.size) }

// readAll reads a file of fsys whole, at most limit bytes (-1: any size).
func readAll(fsys fs.FS, name string, limit int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("is a directory")}
	}
	size := info.Size()
	if limit >= 0 && size > limit {
		return nil, &tooLarge{size}
	}
	r := io.Reader(f)
	if limit >= 0 {
		r = io.LimitReader(f, limit+1)
	}
	data, err := readSized(r, size)
	if err != nil {
		return nil, err
	}
	if limit >= 0 && int64(len(data)) > limit {
		return nil, &tooLarge{-1}
	}
	return data, nil
}

// readSized reads r to its end, in one read into a buffer of the size the
// file says it has when that is true, else as io.ReadAll does.
func readSized(r io.Reader, size int64) ([]byte, error) {
	if size <= 0 {
		return io.ReadAll(r)
	}
	data := make([]byte, size+1) // one more, to see a file longer than it says
	n, err := io.ReadFull(r, data)
	switch err {
	case io.EOF, io.ErrUnexpectedEOF:
		return data[:n], nil
	case nil:
		return io.ReadAll(io.MultiReader(bytes.NewReader(data), r))
	}
	return nil, err
}

// Size writes a number of bytes as people read it: 1 MB, 64 KB, 2.1 GB.
func Size(n int64) string {
	const k = 1 << 10
	switch {
	case n >= k*k*k:
		return trim(float64(n)/(k*k*k)) + " GB"
	case n >= k*k:
		return trim(float64(n)/(k*k)) + " MB"
	case n >= k:
		return trim(float64(n)/k) + " KB"
	}
	return fmt.Sprintf("%d bytes", n)
}

func trim(f float64) string {
	s := fmt.Sprintf("%.1f", f)
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		s = s[:len(s)-2]
	}
	return s
}

// Walk calls fn with the name of every file of fsys below dir, in lexical
// order, skipping hidden entries. A link to a folder inside fsys is
// followed, its files named under the link, as the folder's would be if it
// were copied there; a link back to a folder it is in is refused, since
// its files would have no end. Errors are located with prefix, the
// folder's name in messages.
func Walk(fsys fs.FS, prefix string, fn func(name string) error) error {
	return walk(fsys, prefix, ".", nil, nil, fn)
}

// WalkSkipping is Walk that leaves out the folders for which skip is true,
// and all below them, without reading them: a portal's own pages are
// found beside its plans' folders, which are read as plans.
func WalkSkipping(fsys fs.FS, prefix string, skip func(dir string) bool, fn func(name string) error) error {
	return walk(fsys, prefix, ".", nil, skip, fn)
}

// walk walks the folder dir, whose ancestors (folders and followed links)
// are above.
func walk(fsys fs.FS, prefix, dir string, above []fs.FileInfo, skip func(string) bool, fn func(string) error) error {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return ReadError(path.Join(prefix, dir), "cannot read: ", err)
	}
	here, err := fs.Stat(fsys, dir)
	if err != nil {
		return ReadError(path.Join(prefix, dir), "cannot read: ", err)
	}
	above = append(above, here)
	for _, e := range entries {
		if Hidden(e.Name()) {
			continue
		}
		p := path.Join(dir, e.Name())
		if skip != nil && skip(p) {
			continue
		}
		isDir := e.IsDir()
		if e.Type()&fs.ModeSymlink != 0 {
			info, err := fs.Stat(fsys, p)
			if err != nil {
				return ReadError(path.Join(prefix, p), "cannot read: ", err)
			}
			isDir = info.IsDir()
			for _, a := range above {
				if isDir && os.SameFile(a, info) {
					return &problem.Problem{File: problem.FileName(path.Join(prefix, p)),
						Msg: "the link leads to a folder it is in, so the folder would hold itself without end; remove the link"}
				}
			}
		}
		if isDir {
			if len(above) > maxDepth {
				return &problem.Problem{File: problem.FileName(path.Join(prefix, p)), Msg: fmt.Sprintf("folders are nested more than %d deep; is a link leading round in a circle?", maxDepth)}
			}
			if err := walk(fsys, prefix, p, above, skip, fn); err != nil {
				return err
			}
			continue
		}
		if err := fn(p); err != nil {
			return err
		}
	}
	return nil
}

// maxDepth bounds the nesting of folders, a last guard against links in a
// circle that os.SameFile cannot see (a file system that is not the OS's).
const maxDepth = 64

// ReadError locates an error reading file (named as in messages): msg,
// then the reason. When the folder itself refused the file (a link leading
// outside it, a named pipe) its error names the place already and is kept
// whole; any other reason gets the file's name, which fs errors give
// relative to the folder only, or not at all.
func ReadError(file, msg string, err error) error {
	var pe *problem.Problem
	if errors.As(err, &pe) {
		return pe
	}
	return &problem.Problem{File: file, Msg: msg + Reason(err).Error()}
}
