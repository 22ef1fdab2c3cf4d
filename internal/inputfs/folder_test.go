package inputfs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"plansite/internal/problem"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"
)

// A folder read through Open behaves as an fs.FS should, links inside
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
	fsys, err := Open("static", static)
	if err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(fsys, "a.css", "b.css", "img/c.css"); err != nil {
		t.Fatal(err)
	}

	if err := os.Symlink(outside, filepath.Join(static, "img", "leak.txt")); err != nil {
		t.Fatal(err)
	}
	want := static + `/"img/leak.txt": error: cannot read: the link leads outside the static folder`
	_, readErr := fs.ReadFile(fsys, "img/leak.txt")
	_, statErr := fs.Stat(fsys, "img/leak.txt")
	_, openErr := fsys.Open("img/leak.txt")
	_, listErr := fs.ReadDir(fsys, "img")
	walkErr := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error { return err })
	for what, err := range map[string]error{"read": readErr, "stat": statErr, "open": openErr, "list": listErr, "walk": walkErr} {
		var pe *problem.Problem
		if !errors.As(err, &pe) || err.Error() != want {
			t.Errorf("%s: %v, want %s", what, err, want)
		}
	}
}

// mkdirs makes a folder with the given files (name → content; a name ending
// in / is a folder) and returns it.
func mkdirs(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// walked lists what Walk gives, or its error.
func walked(fsys fs.FS) ([]string, error) {
	var got []string
	err := Walk(fsys, "static", func(p string) error {
		got = append(got, p)
		return nil
	})
	return got, err
}

// A link to a folder inside is followed, its files named under the link;
// hidden entries are skipped; the order is lexical, as fs.WalkDir's.
func TestWalkFollowsLinksInside(t *testing.T) {
	dir := mkdirs(t, map[string]string{"b.css": "b", "assets/img/x.png": "x", ".git/config": "c", ".hidden.css": "h", "assets/.swp": "s"})
	if err := os.Symlink("assets/img", filepath.Join(dir, "img")); err != nil {
		t.Fatal(err)
	}
	// An editor's lock file: a hidden link that leads nowhere.
	os.Symlink("user@host.1234", filepath.Join(dir, ".#b.css"))
	fsys, err := Open("static", dir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := walked(fsys)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"assets/img/x.png", "b.css", "img/x.png"}
	if !slices.Equal(got, want) {
		t.Errorf("walked %q, want %q", got, want)
	}
	data, err := fs.ReadFile(fsys, "img/x.png")
	if err != nil || string(data) != "x" {
		t.Errorf("reading through the link: %q, %v", data, err)
	}
}

// A link to a folder it is in would make the folder hold itself without
// end: refused, directly or through a second link.
func TestWalkRefusesLoops(t *testing.T) {
	for _, c := range []struct {
		name  string
		links map[string]string // link → target
		want  string
	}{
		{"to itself", map[string]string{"sub/loop": "."}, `static/sub/loop: error: the link leads to a folder it is in`},
		{"to the top", map[string]string{"sub/up": ".."}, `static/sub/up: error: the link leads to a folder it is in`},
		{"through two links", map[string]string{"a/tob": "../b", "b/toa": "../a"}, `static/a/tob/toa: error: the link leads to a folder it is in`},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := mkdirs(t, map[string]string{"sub/x.css": "x", "a/": "", "b/": ""})
			for link, target := range c.links {
				if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
					t.Fatal(err)
				}
			}
			fsys, err := Open("static", dir)
			if err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { _, err := walked(fsys); done <- err }()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), c.want) {
					t.Errorf("got %v, want %s", err, c.want)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("the walk does not end")
			}
		})
	}
}

// A name that is not UTF-8 is refused at once, quoted, with what to do.
func TestNotUTF8Name(t *testing.T) {
	dir := mkdirs(t, map[string]string{"img/a.png": "a"})
	if err := os.WriteFile(filepath.Join(dir, "img", "b\xff.png"), nil, 0o644); err != nil {
		t.Skip("this file system takes only UTF-8 names:", err)
	}
	fsys, err := Open("static", dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = walked(fsys)
	want := dir + `/"img/b\xff.png": error: the name is not UTF-8 text`
	if err == nil || !strings.HasPrefix(err.Error(), want) || !utf8.ValidString(err.Error()) {
		t.Errorf("got %q, want it to start with %q", err, want)
	}
}

// A link that leads nowhere is named, not skipped or misread.
func TestDanglingLink(t *testing.T) {
	dir := mkdirs(t, map[string]string{"a.css": "a"})
	os.Symlink("gone.css", filepath.Join(dir, "b.css"))
	fsys, err := Open("static", dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = walked(fsys)
	if want := dir + `/"b.css": error: the link leads to nothing`; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("got %v, want %s…", err, want)
	}
}

// ReadFile refuses a file over its limit before reading it, and names the
// file, its size and the limit; a file at the limit is read.
func TestReadFileLimit(t *testing.T) {
	m := fstest.MapFS{"big.md": {Data: make([]byte, 3<<20)}, "ok.md": {Data: []byte("1234")}}
	lim := Limit{Bytes: 1 << 20, What: "a Markdown page", Advice: "split it"}
	_, err := ReadFile(m, "big.md", "content/big.md", lim, "")
	if want := "content/big.md: error: the file has 3,145,728 bytes; plansite reads a Markdown page of at most 1 MB (1,048,576 bytes): split it"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	data, err := ReadFile(m, "ok.md", "content/ok.md", Limit{Bytes: 4, What: "x"}, "")
	if err != nil || string(data) != "1234" {
		t.Errorf("at the limit: %q, %v", data, err)
	}
}
