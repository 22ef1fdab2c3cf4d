package pages

import (
	"bytes"
	"errors"
	"io/fs"

	"plansite/internal/inputfs"
	"plansite/internal/labels"
)

// ParseAgain is Parse of the templates folder fsys, named dir, for a
// build after the one that parsed it into prev (nil for none): when every
// file Parse read is as it was and every file it found missing still is,
// it is prev itself, which has let go of what it made for the sites
// before. A preview server's rebuild after a change to the table so
// neither parses the templates nor escapes each kind's set again.
func ParseAgain(fsys fs.FS, dir string, prev *Templates) (*Templates, error) {
	if prev == nil || prev.dir != dir || !prev.read.unchanged(fsys) {
		return Parse(fsys, dir)
	}
	prev.forget()
	return prev, nil
}

// unchanged reports whether fsys holds the files f read, as read.
func (f *folderSource) unchanged(fsys fs.FS) bool {
	for name, text := range f.written {
		data, err := inputfs.ReadFile(fsys, name, name, TemplateLimit, "")
		if err != nil || string(data) != text {
			return false
		}
	}
	for _, name := range f.missing {
		if _, err := fs.Stat(fsys, name); !errors.Is(err, fs.ErrNotExist) {
			return false
		}
	}
	data, found, err := labels.ReadData(fsys, f.dir)
	return err == nil && found == f.hasLabels && bytes.Equal(data, f.labels)
}

// forget lets go of the fragments, items and values made for the sites
// rendered so far: they are kept by site, and would keep those sites.
func (t *Templates) forget() {
	t.frags.mu.Lock()
	clear(t.frags.cache)
	clear(t.frags.items)
	t.frags.mu.Unlock()
	t.vals.mu.Lock()
	clear(t.vals.cache)
	t.vals.mu.Unlock()
}
