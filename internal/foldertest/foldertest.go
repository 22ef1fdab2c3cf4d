// Package foldertest is for tests only: it reads a folder into memory, copies
// one to a temporary folder, turns a txtar fixture into a folder in memory,
// and records a folder whole, so that a test can show a refused build left
// it as it was. It imports nothing of plansite, so that the tests of every
// package, down to the lowest, can use it.
//
// Paths given to it are the OS's, relative to the test's own folder as
// usual ("../../content"); paths inside a folder are slash-separated, as in
// an fs.FS.
package foldertest

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// Read reads every file below dir into memory, so that a test can change a
// file without touching the repository, or build from a folder it made.
// Folders are not listed; a link to a file reads as the file.
func Read(t testing.TB, dir string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	root := os.DirFS(dir)
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(root, p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// Copy copies every file below src, but those whose paths skip lists
// ("tasks.csv"), into a new temporary folder of the same name as src,
// removed with the test, and returns the copy's path. The name is kept so
// that messages name the copy's files as they would the original's
// (content/tasks.csv).
func Copy(t testing.TB, src string, skip ...string) string {
	t.Helper()
	return CopyInto(t, src, t.TempDir(), skip...)
}

// CopyInto is Copy into dir: the copy is dir/ and src's name, which must
// not exist yet.
func CopyInto(t testing.TB, src, dir string, skip ...string) string {
	t.Helper()
	dst := filepath.Join(dir, filepath.Base(src))
	if _, err := os.Lstat(dst); err == nil {
		t.Fatalf("copying %s: %s exists already", src, dst)
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	for p, f := range Read(t, src) {
		if slices.Contains(skip, p) {
			continue
		}
		target := filepath.Join(dst, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(target, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// Txtar is the folder a txtar archive describes (golang.org/x/tools/txtar):
// each "-- name --" line starts a file of that path. A test can write a
// small content folder in its own source this way. Its comment, the text
// before the first file, is ignored; a path given twice is an error.
func Txtar(t testing.TB, archive string) fstest.MapFS {
	t.Helper()
	ar := txtar.Parse([]byte(archive))
	if len(ar.Files) == 0 {
		t.Fatal("the txtar archive has no file")
	}
	m := fstest.MapFS{}
	for _, f := range ar.Files {
		if !fs.ValidPath(f.Name) {
			t.Fatalf("txtar: %q is not a path inside a folder", f.Name)
		}
		if _, dup := m[f.Name]; dup {
			t.Fatalf("txtar: %s is given twice", f.Name)
		}
		m[f.Name] = &fstest.MapFile{Data: bytes.Clone(f.Data)}
	}
	return m
}

// Tree is a folder recorded whole by Snapshot: every entry below it, by
// slash path.
type Tree map[string]Entry

// Entry is one file, folder or symbolic link of a Tree.
type Entry struct {
	Type fs.FileMode // its type bits: 0 for a file, fs.ModeDir, fs.ModeSymlink …
	Data string      // a file's content, a link's target
}

// String says what the entry is, briefly, for a test's message.
func (e Entry) String() string {
	switch e.Type {
	case 0:
		return fmt.Sprintf("a file of %d bytes %.40q", len(e.Data), e.Data)
	case fs.ModeDir:
		return "a folder"
	case fs.ModeSymlink:
		return "a link to " + e.Data
	}
	return e.Type.String()
}

// Snapshot records every file with its content, every folder and every
// symbolic link with its target below dir, links not followed.
func Snapshot(t testing.TB, dir string) Tree {
	t.Helper()
	tree := Tree{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		e := Entry{Type: d.Type()}
		switch {
		case e.Type == fs.ModeSymlink:
			e.Data, err = os.Readlink(p)
		case e.Type == 0:
			var b []byte
			b, err = os.ReadFile(p)
			e.Data = string(b)
		}
		tree[filepath.ToSlash(rel)] = e
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

// Changes lists how after differs from before, one line an entry, sorted:
// an entry made, removed or changed. None means the folder is as it was.
func Changes(before, after Tree) []string {
	var out []string
	for p, was := range before {
		switch now, ok := after[p]; {
		case !ok:
			out = append(out, fmt.Sprintf("%s: removed (was %v)", p, was))
		case now != was:
			out = append(out, fmt.Sprintf("%s: is %v, was %v", p, now, was))
		}
	}
	for p, now := range after {
		if _, ok := before[p]; !ok {
			out = append(out, fmt.Sprintf("%s: made (%v)", p, now))
		}
	}
	slices.Sort(out)
	return out
}

// Unchanged fails the test, naming what (public/, the web root) and each
// change, unless after is exactly before.
func Unchanged(t testing.TB, what string, before, after Tree) {
	t.Helper()
	for _, c := range Changes(before, after) {
		t.Errorf("%s changed: %s", what, c)
	}
}
