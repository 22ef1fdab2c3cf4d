package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"

	"plansite/internal/plan"
)

// Folder returns the input folder dir on disk, kind being content,
// templates or static. It is read through an os.Root, so a link that leads
// out of the folder (to /etc/passwd, to a Markdown file elsewhere, to
// another folder) is refused rather than read and published: its error is a
// *plan.Error naming the folder and the file. Links that stay inside work.
//
// The Root stays open as long as the Source is used: plansite serve reads
// the same folder at every rebuild, and an open Root follows the folder as
// the watcher does (by the folder itself, not by its name).
func Folder(kind, dir string) (Source, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return Source{}, err
	}
	// os does not export the error of a path that escapes a Root; take it
	// from the one path that always does.
	_, err = root.Lstat("..")
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		root.Close()
		return Source{}, fmt.Errorf("%s: cannot confine reads to the folder: %v", dir, err)
	}
	f := &folderFS{root: root, fsys: root.FS(), name: dir, kind: kind, escapes: pe.Err}
	return Source{FS: f, Name: dir, Dir: dir}, nil
}

// folderFS is an input folder read through an os.Root. It implements the
// interfaces that fs.ReadFile, fs.ReadDir, fs.Stat and fs.WalkDir use, so
// every reader of the folder goes through its checks.
type folderFS struct {
	root       *os.Root
	fsys       fs.FS
	name, kind string
	escapes    error // os.Root's error for a path that leaves it
}

// refuse turns os.Root's bare "path escapes from parent" into an error that
// says where and why; other errors are left to the reader, who locates them.
func (f *folderFS) refuse(name string, err error) error {
	if err != nil && errors.Is(err, f.escapes) {
		return f.outside(name)
	}
	return err
}

func (f *folderFS) outside(name string) error {
	return &plan.Error{File: fmt.Sprintf("%s/%q", f.name, name),
		Msg: fmt.Sprintf("cannot read: the link leads outside the %s folder", f.kind)}
}

func (f *folderFS) Open(name string) (fs.File, error) {
	file, err := f.fsys.Open(name)
	if err != nil {
		return nil, f.refuse(name, err)
	}
	return file, nil
}

func (f *folderFS) ReadFile(name string) ([]byte, error) {
	data, err := fs.ReadFile(f.fsys, name)
	return data, f.refuse(name, err)
}

func (f *folderFS) Stat(name string) (fs.FileInfo, error) {
	info, err := fs.Stat(f.fsys, name)
	return info, f.refuse(name, err)
}

// Lstat and ReadLink make the folder an fs.ReadLinkFS, as os.Root's is, so
// that listing and Lstat agree; neither follows a link.
func (f *folderFS) Lstat(name string) (fs.FileInfo, error) {
	info, err := fs.Lstat(f.fsys, name)
	return info, f.refuse(name, err)
}

func (f *folderFS) ReadLink(name string) (string, error) {
	target, err := fs.ReadLink(f.fsys, name)
	return target, f.refuse(name, err)
}

// ReadDir refuses a folder that holds a link leading outside, even one no
// reader would open: fs.WalkDir does not follow links, so a link to a folder
// outside would otherwise be skipped without a word, and a file that is not
// read today may be published tomorrow.
func (f *folderFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(f.fsys, name)
	if err != nil {
		return nil, f.refuse(name, err)
	}
	for _, e := range entries {
		if e.Type()&fs.ModeSymlink == 0 {
			continue
		}
		p := path.Join(name, e.Name())
		if _, err := f.root.Stat(p); err != nil && errors.Is(err, f.escapes) {
			return nil, f.outside(p)
		}
	}
	return entries, nil
}

// readError locates an error reading file p of the folder src. A link
// leading outside the folder was refused with its place named already (see
// Folder); any other reason gets the file's name, which fs errors give
// relative to the folder only, or not at all.
func readError(src Source, p string, err error) error {
	var pe *plan.Error
	if errors.As(err, &pe) {
		return pe
	}
	var fe *fs.PathError
	if errors.As(err, &fe) {
		err = fe.Err
	}
	return &plan.Error{File: path.Join(src.Name, p), Msg: "cannot read: " + err.Error()}
}
