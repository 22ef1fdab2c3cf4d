package output

import (
	"fmt"
	"os"
	"path/filepath"
)

// rename is os.Rename; tests replace it to fail as a mount point does.
var rename = os.Rename

// swapFolder puts the folder src in the place of the folder dir. The
// previous site first moves into a temporary folder beside dir, marked, so
// that a build killed between the two renames leaves it to be removed by
// the next; dir is briefly missing, never half-written. It returns that
// folder, for the caller to remove. The caller holds the lock of dir's
// parent.
func swapFolder(src, dir, prefix string) (*tempDir, error) {
	var old *tempDir
	if _, err := os.Lstat(dir); err == nil {
		if old, err = makeTemp(filepath.Dir(dir), prefix+oldInfix); err != nil {
			return nil, err
		}
		if err := os.Remove(old.site()); err != nil {
			old.remove()
			return nil, err
		}
		if err := rename(dir, old.site()); err != nil {
			old.remove()
			return nil, err
		}
	}
	if err := rename(src, dir); err != nil {
		if old != nil {
			if rerr := rename(old.site(), dir); rerr != nil {
				// Left marked and unlocked: the next build's
				// check says what holds the place.
				old.lock.Close()
				return nil, fmt.Errorf("%v; the previous site could not be put back either and is in %s: %v", err, old.path, rerr)
			}
			old.remove()
		}
		return nil, err
	}
	return old, nil
}

// swapContents puts the entries of the folder src in the folder dir in place
// of dir's own, for a dir that cannot be renamed: a mount point. Each entry
// moves alone, the previous ones into a temporary folder inside dir, on the
// same file system. The marker leaves last and arrives first, so that at
// every moment dir holds a marker and some of the files it lists (or
// nothing), and whatever stops the swap, the next build replaces what is
// there. It returns the temporary folder that holds the previous entries,
// for the caller to remove. The caller holds dir's lock.
func swapContents(src, dir string) (*tempDir, error) {
	old, err := makeTemp(dir, mountPrefix+oldInfix)
	if err != nil {
		return nil, err
	}
	outs, err := siteEntries(dir, false)
	if err != nil {
		old.remove()
		return nil, err
	}
	ins, err := siteEntries(src, true)
	if err != nil {
		old.remove()
		return nil, err
	}
	type move struct{ from, to string }
	var done []move
	undo := func(err error) error {
		for i := len(done) - 1; i >= 0; i-- {
			if rerr := rename(done[i].to, done[i].from); rerr != nil {
				old.lock.Close()
				return fmt.Errorf("%v; putting the previous site back failed too, and part of it is in %s: %v", err, old.path, rerr)
			}
		}
		old.remove()
		return err
	}
	for _, name := range outs {
		m := move{filepath.Join(dir, name), filepath.Join(old.site(), name)}
		if err := rename(m.from, m.to); err != nil {
			return nil, undo(err)
		}
		done = append(done, m)
	}
	for _, name := range ins {
		m := move{filepath.Join(src, name), filepath.Join(dir, name)}
		if err := rename(m.from, m.to); err != nil {
			return nil, undo(err)
		}
		done = append(done, m)
	}
	return old, nil
}

// siteEntries lists the names in the folder dir that belong to its site:
// all but the temporary folders of builds, with the marker first or last.
func siteEntries(dir string, markerFirst bool) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	marker := false
	for _, e := range entries {
		switch name := e.Name(); {
		case name == MarkerName:
			marker = true
		case e.IsDir() && isTempName(name) && isTemp(filepath.Join(dir, name)):
		default:
			names = append(names, name)
		}
	}
	if marker && markerFirst {
		names = append([]string{MarkerName}, names...)
	} else if marker {
		names = append(names, MarkerName)
	}
	return names, nil
}
