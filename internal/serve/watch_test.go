package serve

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"plansite/internal/site"
)

// A save that renames a whole file into place is rebuilt after a tenth of
// the quiet time; a file written in place waits all of it, for the rest of
// the writes.
func TestWatchRenamedSaveIsRebuiltSooner(t *testing.T) {
	const debounce = 6 * time.Second
	for _, c := range []struct {
		name    string
		save    func(dir string) error
		quicker bool
	}{
		{"written in place", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "tasks.csv"), []byte("序号\n2\n"), 0o644)
		}, false},
		{"renamed into place", renamedFrom("tasks.csv.new"), true},
		{"renamed from a hidden temporary file", renamedFrom(".~lock.tasks.tmp"), true},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "tasks.csv"), []byte("序号\n1\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			w, err := newWatcher(site.Options{Content: site.Source{Dir: dir}}, io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			defer w.close()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			rebuilt := make(chan struct{}, 1)
			go w.run(ctx, debounce, func() { rebuilt <- struct{}{} })
			if err := c.save(dir); err != nil {
				t.Fatal(err)
			}
			// Half the quiet time: far past a tenth of it, well before all.
			select {
			case <-rebuilt:
				if !c.quicker {
					t.Fatalf("rebuilt before the folder was quiet for %v", debounce)
				}
			case <-time.After(debounce / 2):
				if c.quicker {
					t.Fatalf("not rebuilt within %v of a save that renamed the file into place", debounce/2)
				}
			}
		})
	}
}

// renamedFrom saves tasks.csv as an editor does that writes the file whole
// under the name tmp first.
func renamedFrom(tmp string) func(dir string) error {
	return func(dir string) error {
		if err := os.WriteFile(filepath.Join(dir, tmp), []byte("序号\n2\n"), 0o644); err != nil {
			return err
		}
		return os.Rename(filepath.Join(dir, tmp), filepath.Join(dir, "tasks.csv"))
	}
}
