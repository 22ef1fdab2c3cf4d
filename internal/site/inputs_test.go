//go:build unix

package site

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"plansite/internal/foldertest"
)

// diskSources copies the repository's three folders to a temporary folder
// and opens them as a build on disk does.
func diskSources(t *testing.T) (Options, string) {
	t.Helper()
	top := t.TempDir()
	var o Options
	for _, in := range []struct {
		name string
		src  *Source
	}{{"content", &o.Content}, {"templates", &o.Templates}, {"static", &o.Static}} {
		dir := filepath.Join(top, in.name)
		if err := os.Rename(foldertest.Copy(t, "../../"+in.name), dir); err != nil {
			t.Fatal(err)
		}
		src, err := Folder(in.name, dir)
		if err != nil {
			t.Fatal(err)
		}
		*in.src = src
	}
	o.Version = "test"
	return o, top
}

// buildWithin builds o into out and fails the test if that takes longer
// than a build of the real table ever could.
func buildWithin(t *testing.T, o Options, out string) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, err := Build(o, out, nil)
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(20 * time.Second):
		t.Fatal("the build does not end")
		return nil
	}
}

// A named pipe anywhere in an input folder, read or not, fails the build at
// once with the pipe named, and the previous site is kept.
func TestNamedPipeInInputs(t *testing.T) {
	for _, place := range []string{"content/tasks.csv", "content/departments.csv", "content/about.md",
		"content/notes/draft.md", "content/site.toml", "static/img/logo.png", "templates/task.html"} {
		t.Run(place, func(t *testing.T) {
			o, top := diskSources(t)
			out := filepath.Join(t.TempDir(), "public")
			if err := buildWithin(t, o, out); err != nil {
				t.Fatal(err)
			}
			before := foldertest.Snapshot(t, out)
			p := filepath.Join(top, place)
			os.Remove(p)
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Fatal(err)
			}
			err := buildWithin(t, o, out)
			_, inFolder, _ := strings.Cut(place, "/")
			want := `/"` + inFolder + `": error: it is a named pipe (FIFO)`
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("got %v, want …%s…", err, want)
			}
			foldertest.Unchanged(t, "the previous site", before, foldertest.Snapshot(t, out))
		})
	}
}

// A link to a folder inside static/ publishes that folder's files under
// the link's name too.
func TestStaticLinkToFolder(t *testing.T) {
	o, top := diskSources(t)
	os.MkdirAll(filepath.Join(top, "static", "assets", "img"), 0o755)
	os.WriteFile(filepath.Join(top, "static", "assets", "img", "map.png"), []byte("png"), 0o644)
	if err := os.Symlink("assets/img", filepath.Join(top, "static", "img")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if err := buildWithin(t, o, out); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"static/img/map.png", "static/assets/img/map.png"} {
		if data, err := os.ReadFile(filepath.Join(out, p)); err != nil || string(data) != "png" {
			t.Errorf("%s: %q, %v", p, data, err)
		}
	}
}

// A static file that is not minified is copied as a stream: building a
// site with a 512 MB file allocates a small part of that, and the copy is
// whole.
func TestStaticFileStreamed(t *testing.T) {
	o, top := diskSources(t)
	const size = 512 << 20
	big := filepath.Join(top, "static", "video.mp4")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// Sparse: no disk is used, and reading it gives zeros.
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out := filepath.Join(t.TempDir(), "public")
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if err := buildWithin(t, o, out); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > size/4 {
		t.Errorf("the build allocated %d MB for a %d MB file", alloc>>20, size>>20)
	}
	if st, err := os.Stat(filepath.Join(out, "static", "video.mp4")); err != nil || st.Size() != size {
		t.Errorf("the copy: %v, %v", st, err)
	}
}
