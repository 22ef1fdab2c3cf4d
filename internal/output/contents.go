package output

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// foreign returns the first entry of the folder dir that the manifest m does
// not list (nil m: the first entry), as a slash-separated path, or "" when
// every entry is a file m lists, a folder that holds one, the marker or a
// temporary folder of a build. Entries are visited depth first, each
// folder's in byte order of their names, so the answer does not depend on
// the file system. Only names and types are read (one getdents per folder,
// no stat per file): a file a build wrote and someone then edited is still
// the build's, and is replaced.
func foreign(dir string, m *manifest) (string, fs.FileMode, error) {
	return foreignIn(dir, "", m)
}

func foreignIn(dir, rel string, m *manifest) (string, fs.FileMode, error) {
	entries, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		return "", 0, err
	}
	for _, e := range entries {
		p := e.Name()
		if rel != "" {
			p = rel + "/" + p
		}
		t := e.Type()
		switch {
		case rel == "" && p == MarkerName && t.IsRegular():
			continue
		case rel == "" && t.IsDir() && isTempName(p) && isTemp(filepath.Join(dir, p)):
			continue // another build's, or a stale one removed before the swap
		case m == nil:
			return p, t, nil
		case t.IsRegular() && m.files[p]:
			continue
		case t.IsDir() && m.dirs[p]:
			f, ft, err := foreignIn(dir, p, m)
			if f != "" || err != nil {
				return f, ft, err
			}
		default:
			return p, t, nil
		}
	}
	return "", 0, nil
}

// The temporary folders of a build whose output is a mount point are made
// inside it, under these names; those of any other build beside it, named
// after it.
const (
	mountPrefix = ".plansite."
	newInfix    = "new-"
	oldInfix    = "old-"
)

func isTempName(name string) bool {
	rest, ok := strings.CutPrefix(name, mountPrefix)
	return ok && (strings.HasPrefix(rest, newInfix) || strings.HasPrefix(rest, oldInfix))
}

// isTemp reports whether the folder dir is a build's temporary folder: it
// holds the temporary marker.
func isTemp(dir string) bool {
	f, err := openNoFollow(filepath.Join(dir, MarkerName))
	if err != nil {
		return false
	}
	defer f.Close()
	return hasTempHeader(f)
}

func hasTempHeader(f *os.File) bool {
	b := make([]byte, len(tempHeader)+1)
	n, _ := f.ReadAt(b, 0)
	return string(b[:n]) == tempHeader
}

// entryType names an entry's type for a message.
func entryType(t fs.FileMode) string {
	switch {
	case t.IsDir():
		return "folder"
	case t&fs.ModeSymlink != 0:
		return "symbolic link"
	case t.IsRegular():
		return "file"
	}
	return "special file"
}
