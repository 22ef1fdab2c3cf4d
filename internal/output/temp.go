package output

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// tempDir is a temporary folder of a build: the marker, locked for as long
// as the build uses the folder, and a site under site/. The marker is there
// from the folder's first moment, so that whatever ends the build (a signal,
// a crash, running out of memory) the next build knows the folder for a
// build's and, finding it unlocked, removes it.
type tempDir struct {
	path string
	lock *os.File
}

// makeTemp makes a temporary folder in dir, named prefix followed by
// random characters. The caller holds dir's lock (lockFolder), so no other
// build sees the folder before it is marked.
func makeTemp(dir, prefix string) (*tempDir, error) {
	p, err := os.MkdirTemp(dir, prefix)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(p, MarkerName), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		os.Remove(p)
		return nil, err
	}
	t := &tempDir{path: p, lock: f}
	if _, err := tryLock(f); err != nil {
		t.remove()
		return nil, err
	}
	if _, err := f.WriteString(tempHeader); err != nil {
		t.remove()
		return nil, err
	}
	if err := os.Mkdir(t.site(), 0o755); err != nil {
		t.remove()
		return nil, err
	}
	return t, nil
}

// site is the folder inside that holds a site.
func (t *tempDir) site() string { return filepath.Join(t.path, "site") }

// remove removes the folder and all it holds, then lets its lock go.
func (t *tempDir) remove() error {
	err := os.RemoveAll(t.path)
	t.lock.Close()
	return err
}

// removeStale removes the temporary folders in dir named prefix then new-
// or old- that carry the temporary marker and that no build holds: what
// builds that were killed, or crashed, left behind. A folder without the
// marker is removed only when empty (a build that died between making the
// folder and marking it). The caller holds dir's lock.
func removeStale(dir, prefix string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !e.IsDir() || !(strings.HasPrefix(rest, newInfix) || strings.HasPrefix(rest, oldInfix)) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		f, err := openNoFollow(filepath.Join(p, MarkerName))
		if err != nil {
			os.Remove(p) // fails unless empty
			continue
		}
		if !hasTempHeader(f) {
			f.Close()
			continue
		}
		// A file system without locks cannot tell a stale folder
		// from a live one: it is left.
		free, err := tryLock(f)
		if err == nil && free {
			err = os.RemoveAll(p)
		} else {
			err = nil
		}
		f.Close()
		if err != nil {
			return fmt.Errorf("cannot remove %s, left by a build that was stopped: %v", p, err)
		}
	}
	return nil
}
