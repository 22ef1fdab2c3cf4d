package site

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"plansite/internal/plan"
)

// A folder read through Folder behaves as an fs.FS should, links inside
// included, and refuses a link out of it with a located error, whether the
// link is read, listed or walked.
func TestFolder(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(dir, "secret.txt")
	static := filepath.Join(dir, "static")
	os.MkdirAll(filepath.Join(static, "img"), 0o755)
	os.WriteFile(outside, []byte("secret"), 0o644)
	os.WriteFile(filepath.Join(static, "a.css"), []byte("a{}"), 0o644)
	os.Symlink("a.css", filepath.Join(static, "b.css"))
	os.Symlink("../a.css", filepath.Join(static, "img", "c.css"))
	src, err := Folder("static", static)
	if err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(src.FS, "a.css", "b.css", "img/c.css"); err != nil {
		t.Fatal(err)
	}

	if err := os.Symlink(outside, filepath.Join(static, "img", "leak.txt")); err != nil {
		t.Fatal(err)
	}
	want := static + `/"img/leak.txt": cannot read: the link leads outside the static folder`
	_, readErr := fs.ReadFile(src.FS, "img/leak.txt")
	_, statErr := fs.Stat(src.FS, "img/leak.txt")
	_, openErr := src.FS.Open("img/leak.txt")
	_, listErr := fs.ReadDir(src.FS, "img")
	walkErr := fs.WalkDir(src.FS, ".", func(p string, d fs.DirEntry, err error) error { return err })
	for what, err := range map[string]error{"read": readErr, "stat": statErr, "open": openErr, "list": listErr, "walk": walkErr} {
		var pe *plan.Error
		if !errors.As(err, &pe) || err.Error() != want {
			t.Errorf("%s: %v, want %s", what, err, want)
		}
	}
}
