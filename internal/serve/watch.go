package serve

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"plansite/internal/site"
)

// watcher follows the input folders that are on disk (an embedded default
// has nothing to watch), subfolders included.
type watcher struct {
	w   *fsnotify.Watcher
	log io.Writer
}

func newWatcher(o site.Options, log io.Writer) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{w: fw, log: log}
	for _, src := range []site.Source{o.Content, o.Templates, o.Static} {
		if src.Dir == "" {
			continue
		}
		if err := w.addTree(src.Dir); err != nil {
			fw.Close()
			return nil, err
		}
		fmt.Fprintf(log, "watching %s\n", src.Dir)
	}
	return w, nil
}

// addTree watches dir and every folder below it: fsnotify watches one
// folder at a time.
func (w *watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != dir && ignored(p) {
				return filepath.SkipDir
			}
			return w.w.Add(p)
		}
		return nil
	})
}

func (w *watcher) close() { w.w.Close() }

// ignored is true for the files editors write beside the one being edited
// (.file.swp, file~, #file#, vim's 4913) and for hidden files.
func ignored(p string) bool {
	base := filepath.Base(p)
	return strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasPrefix(base, "#") ||
		strings.HasSuffix(base, ".swp") || strings.HasSuffix(base, ".tmp") || base == "4913"
}

// run calls rebuild once the folders have been quiet for debounce after a
// change, until ctx ends. A file renamed into place, as most editors and
// office suites save, is whole at once: the rebuild then waits only a
// tenth of that, for the rest of the same save.
func (w *watcher) run(ctx context.Context, debounce time.Duration, rebuild func()) {
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	renamed := false // the event before was a rename, whatever its file
	for {
		select {
		case ev, ok := <-w.w.Events:
			if !ok {
				return
			}
			afterRename := renamed
			renamed = ev.Op.Has(fsnotify.Rename)
			if ignored(ev.Name) || ev.Op == fsnotify.Chmod {
				continue
			}
			if ev.Op.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					w.addTree(ev.Name)
				}
			}
			if afterRename && ev.Op.Has(fsnotify.Create) {
				// The other half of a rename: a save that replaced the file.
				timer.Reset(debounce / 10)
				continue
			}
			timer.Reset(debounce)
		case err, ok := <-w.w.Errors:
			if !ok {
				return
			}
			fmt.Fprintln(w.log, "watch:", err)
		case <-timer.C:
			rebuild()
		case <-ctx.Done():
			return
		}
	}
}
