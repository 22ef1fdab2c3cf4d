package site

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"plansite/internal/foldertest"
	"plansite/internal/output"
)

// Build, which writes each page as it is rendered, writes exactly the files
// the pipeline makes in memory; a failed build leaves the folder as it was.
func TestBuildWritesWhatMemoryHolds(t *testing.T) {
	want := generateDir(t, "../../content")
	out := filepath.Join(t.TempDir(), "public")
	var calls, last int
	st, err := Build(Options{Content: dirSource("../../content"), Templates: dirSource("../../templates"), Static: dirSource("../../static"), Workers: 3},
		out, func(done, total int) { calls++; last = done })
	if err != nil {
		t.Fatal(err)
	}
	if st.Files != len(want.Files) || calls != len(want.Files) || last != len(want.Files) {
		t.Errorf("Build reports %d files and %d progress calls up to %d, want %d", st.Files, calls, last, len(want.Files))
	}
	// On disk the marker lists every other file the build wrote.
	var listed []string
	for _, f := range want.Files {
		if f.Path != output.MarkerName {
			listed = append(listed, f.Path)
		}
	}
	sort.Strings(listed)
	for i, f := range want.Files {
		if f.Path == output.MarkerName {
			want.Files[i].Data = []byte(string(f.Data) + strings.Join(listed, "\n") + "\n")
		}
	}
	sameSite(t, "Build", want.Files, readTree(t, out))

	dir := foldertest.Copy(t, "../../content")
	data, _ := os.ReadFile(filepath.Join(dir, "tasks.csv"))
	os.WriteFile(filepath.Join(dir, "tasks.csv"), []byte(strings.Replace(string(data), "\n2,", "\n1,", 1)), 0o644)
	if _, err := Build(Options{Content: dirSource(dir), Templates: dirSource("../../templates"), Static: dirSource("../../static")}, out, nil); err == nil {
		t.Fatal("a broken table built")
	}
	sameSite(t, "after a failed build", want.Files, readTree(t, out))
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("the failed build left %d entries beside public/", len(entries)-1)
	}
}

// readTree reads the files below dir as a site's files.
func readTree(t *testing.T, dir string) []output.File {
	t.Helper()
	var files []output.File
	for p, f := range foldertest.Read(t, dir) {
		files = append(files, output.File{Path: p, Data: f.Data})
	}
	return files
}

// Build checks its output folder before it writes anything, while it reads
// the content: a build into its own content folder is refused, with that
// error even when the content could not be built, and no file of the
// folder changes.
func TestBuildRefusesItsInput(t *testing.T) {
	dir := foldertest.Copy(t, "../../content")
	os.WriteFile(filepath.Join(dir, "tasks.csv"), []byte("序号,主要措施\nx,措施。\n"), 0o644)
	before := readTree(t, dir)
	o := Options{Content: dirSource(dir), Templates: dirSource("../../templates"), Static: dirSource("../../static")}
	for _, out := range []string{dir, filepath.Join(dir, "public")} {
		_, err := Build(o, out, nil)
		if err == nil || !strings.HasPrefix(err.Error(), "-out ") || !strings.Contains(err.Error(), "content folder") {
			t.Errorf("Build into %s: %v, want the content folder refused", out, err)
		}
		sameSite(t, "the content folder", before, readTree(t, dir))
		entries, _ := os.ReadDir(filepath.Dir(dir))
		if len(entries) != 1 {
			t.Errorf("the refused build left %d entries beside the content folder", len(entries)-1)
		}
	}
}

// A build whose context ends, before it starts writing or in the middle,
// returns the context's cause, and leaves the previous site as it was and
// nothing beside it.
func TestBuildContextStops(t *testing.T) {
	o := Options{Content: dirSource("../../content"), Templates: dirSource("../../templates"), Static: dirSource("../../static"), Workers: 2}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(o, out, nil); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)
	stop := errors.New("stopped by the test")
	for _, at := range []int{0, 10} {
		ctx, cancel := context.WithCancelCause(context.Background())
		if at == 0 {
			cancel(stop)
		}
		_, err := BuildContext(ctx, o, out, func(done, total int) {
			if done == at {
				cancel(stop)
			}
		})
		if !errors.Is(err, stop) {
			t.Errorf("stopped after %d files: %v", at, err)
		}
		sameSite(t, fmt.Sprintf("stopped after %d files", at), before, readTree(t, out))
		if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
			t.Errorf("stopped after %d files: %d entries beside public/", at, len(entries)-1)
		}
		cancel(nil)
	}
}
