// Package inputfs reads the folders a site is made from (content,
// templates, static) as an input should be read: confined to its folder,
// files and folders only, links to folders inside it followed, and never
// more of a file than its reader allows. A hostile or mistaken folder (a
// link to /etc/passwd, a named pipe, a 4 GB page) gets a located error at
// once instead of being published, hanging the build or exhausting memory.
package inputfs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"plansite/internal/problem"
	"strings"
	"unicode/utf8"
)

// Open returns the folder dir on disk, kind being content, templates or
// static. It is read through an os.Root, so a link that leads out of the
// folder (to /etc/passwd, to a Markdown file elsewhere, to another folder)
// is refused rather than read and published: its error is a *problem.Problem
// naming the folder and the file. Links that stay inside work.
//
// The Root stays open as long as the folder is used: plansite serve reads
// the same folder at every rebuild, and an open Root follows the folder as
// the watcher does (by the folder itself, not by its name).
func Open(kind, dir string) (fs.FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	// os does not export the error of a path that escapes a Root; take it
	// from the one path that always does.
	_, err = root.Lstat("..")
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		root.Close()
		return nil, fmt.Errorf("%s: cannot confine reads to the folder: %v", dir, err)
	}
	return &folder{root: root, fsys: root.FS(), name: dir, kind: kind, escapes: pe.Err}, nil
}

// folder is an input folder read through an os.Root. It implements the
// interfaces that fs.ReadFile, fs.ReadDir, fs.Stat and fs.WalkDir use, so
// every reader of the folder goes through its checks.
type folder struct {
	root       *os.Root
	fsys       fs.FS
	name, kind string
	escapes    error // os.Root's error for a path that leaves it
}

// refuse turns os.Root's bare "path escapes from parent" into an error that
// says where and why; other errors are left to the reader, who locates them.
func (f *folder) refuse(name string, err error) error {
	if err != nil && errors.Is(err, f.escapes) {
		return f.problem(name, fmt.Sprintf("cannot read: the link leads outside the %s folder", f.kind))
	}
	return err
}

// problem is an error about the entry name of the folder. The name is
// quoted, whatever it holds: it may be a link's, which the reader did not
// choose.
func (f *folder) problem(name, msg string) error {
	return &problem.Problem{File: fmt.Sprintf("%s/%q", f.name, name), Msg: msg}
}

// Open opens a file without waiting for a writer (a named pipe would
// otherwise block the build for ever) and refuses anything that is not a
// regular file or a folder, checked on what was opened, so that nothing
// swapped in between a check and the open gets through.
func (f *folder) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	file, err := f.root.OpenFile(name, openFlags, 0)
	if err != nil {
		return nil, f.refuse(name, err)
	}
	info, err := file.Stat()
	if err != nil {
		file.Close()
		return nil, err
	}
	if !info.Mode().IsRegular() && !info.IsDir() {
		file.Close()
		return nil, f.problem(name, notAFile(info.Mode()))
	}
	return file, nil
}

func (f *folder) ReadFile(name string) ([]byte, error) {
	return readAll(f, name, -1)
}

func (f *folder) Stat(name string) (fs.FileInfo, error) {
	info, err := fs.Stat(f.fsys, name)
	return info, f.refuse(name, err)
}

// Lstat and ReadLink make the folder an fs.ReadLinkFS, as os.Root's is, so
// that listing and Lstat agree; neither follows a link.
func (f *folder) Lstat(name string) (fs.FileInfo, error) {
	info, err := fs.Lstat(f.fsys, name)
	return info, f.refuse(name, err)
}

func (f *folder) ReadLink(name string) (string, error) {
	target, err := fs.ReadLink(f.fsys, name)
	return target, f.refuse(name, err)
}

// ReadDir refuses a folder that holds something no build can use, even if
// no reader would open it, so the problem shows at once and the same way in
// build, check and serve: a link leading outside (fs.WalkDir does not
// follow links, so a link to a folder outside would otherwise be skipped
// without a word, and a file not read today may be published tomorrow), a
// link that leads nowhere, a named pipe, socket or device, and a name that
// is not UTF-8 (it can be neither an address nor a message). Hidden
// entries (.git, an editor's lock file) are skipped by every reader and
// left alone.
func (f *folder) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(f.fsys, name)
	if err != nil {
		return nil, f.refuse(name, err)
	}
	for _, e := range entries {
		if Hidden(e.Name()) {
			continue
		}
		p := path.Join(name, e.Name())
		if !utf8.ValidString(e.Name()) {
			return nil, f.problem(p, "the name is not UTF-8 text, so it can be neither an address nor a message; rename it")
		}
		mode := e.Type()
		if mode&fs.ModeSymlink != 0 {
			info, err := f.root.Stat(p)
			switch {
			case err != nil && errors.Is(err, f.escapes):
				return nil, f.refuse(p, err)
			case errors.Is(err, fs.ErrNotExist):
				return nil, f.problem(p, "the link leads to nothing; remove it or make it point to a file")
			case err != nil:
				return nil, f.problem(p, "cannot read: "+Reason(err).Error())
			}
			mode = info.Mode()
		}
		if mode.Type() != 0 && !mode.IsDir() {
			return nil, f.problem(p, notAFile(mode))
		}
	}
	return entries, nil
}

// notAFile says what an entry is that plansite will not read, and why.
func notAFile(mode fs.FileMode) string {
	what := "not a regular file"
	switch {
	case mode&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		what = "a socket"
	case mode&fs.ModeDevice != 0:
		what = "a device"
	}
	return "it is " + what + ", not a file or a folder; reading it could wait for ever or never end. Remove it from the folder"
}

// Hidden reports whether an entry is hidden: every reader of an input
// folder skips it, as the preview's watcher does.
func Hidden(name string) bool { return strings.HasPrefix(name, ".") }

// Reason is the reason of a *fs.PathError, whose path is relative to the
// folder and would name the file a second time, wrongly.
func Reason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
