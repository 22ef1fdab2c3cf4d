package foldertest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// folder writes files (slash path → text) below a new temporary folder.
func folder(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, text := range files {
		target := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(target, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func texts(m fstest.MapFS) map[string]string {
	out := map[string]string{}
	for p, f := range m {
		out[p] = string(f.Data)
	}
	return out
}

func same(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

var files = map[string]string{
	"site.toml":        "title = \"x\"\n",
	"tasks.csv":        "序号,主要措施\n1,甲。\n",
	"pages/about.md":   "+++\n+++\n关于",
	"pages/deep/a.txt": "",
	".hidden":          "h",
}

func TestRead(t *testing.T) {
	dir := folder(t, files)
	if err := os.Symlink("tasks.csv", filepath.Join(dir, "link.csv")); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"link.csv": files["tasks.csv"]}
	for p, text := range files {
		want[p] = text
	}
	if got := texts(Read(t, dir)); !same(got, want) {
		t.Errorf("Read: %v\nwant %v", got, want)
	}
}

func TestCopy(t *testing.T) {
	parent := folder(t, nil)
	src := filepath.Join(parent, "content")
	for p, text := range files {
		target := filepath.Join(src, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(target, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, skip := range [][]string{nil, {"tasks.csv", "pages/deep/a.txt"}} {
		dst := Copy(t, src, skip...)
		if filepath.Base(dst) != "content" || filepath.Dir(dst) == parent {
			t.Errorf("Copy made %s: want a new folder named content", dst)
		}
		want := map[string]string{}
		for p, text := range files {
			if !slices.Contains(skip, p) {
				want[p] = text
			}
		}
		if got := texts(Read(t, dst)); !same(got, want) {
			t.Errorf("Copy skipping %v: %v\nwant %v", skip, got, want)
		}
		// The copy is a copy: changing it leaves the original.
		os.WriteFile(filepath.Join(dst, "site.toml"), []byte("changed"), 0o644)
		if b, _ := os.ReadFile(filepath.Join(src, "site.toml")); string(b) != files["site.toml"] {
			t.Error("changing the copy changed the original")
		}
	}
	into := folder(t, nil)
	if dst := CopyInto(t, src, into); dst != filepath.Join(into, "content") {
		t.Errorf("CopyInto made %s", dst)
	}
}

func TestTxtar(t *testing.T) {
	got := texts(Txtar(t, "a comment\n-- site.toml --\ntitle = \"x\"\n-- pages/about.md --\n关于\n-- empty.csv --\n"))
	want := map[string]string{"site.toml": "title = \"x\"\n", "pages/about.md": "关于\n", "empty.csv": ""}
	if !same(got, want) {
		t.Errorf("Txtar: %q\nwant %q", got, want)
	}
}

func TestSnapshotChanges(t *testing.T) {
	dir := folder(t, files)
	os.Symlink("tasks.csv", filepath.Join(dir, "link.csv"))
	os.Mkdir(filepath.Join(dir, "empty"), 0o755)
	before := Snapshot(t, dir)
	if n := len(before); n != len(files)+4 { // and link.csv, empty, pages, pages/deep
		t.Errorf("the snapshot has %d entries: %v", n, before)
	}
	if e := before["link.csv"]; e.String() != "a link to tasks.csv" {
		t.Errorf("link.csv: %v", e)
	}
	if c := Changes(before, Snapshot(t, dir)); len(c) != 0 {
		t.Errorf("nothing changed, yet: %v", c)
	}
	for _, tc := range []struct {
		change func(dir string)
		want   string
	}{
		{func(dir string) { os.WriteFile(filepath.Join(dir, "tasks.csv"), []byte("序号\n"), 0o644) }, "tasks.csv: is a file of 7 bytes"},
		{func(dir string) { os.WriteFile(filepath.Join(dir, "new.txt"), nil, 0o644) }, "new.txt: made (a file of 0 bytes"},
		{func(dir string) { os.Remove(filepath.Join(dir, "pages/deep/a.txt")) }, "pages/deep/a.txt: removed"},
		{func(dir string) { os.Remove(filepath.Join(dir, "empty")) }, "empty: removed (was a folder)"},
		{func(dir string) {
			os.Remove(filepath.Join(dir, "link.csv"))
			os.Symlink("site.toml", filepath.Join(dir, "link.csv"))
		}, "link.csv: is a link to site.toml, was a link to tasks.csv"},
	} {
		d := folder(t, files)
		os.Symlink("tasks.csv", filepath.Join(d, "link.csv"))
		os.Mkdir(filepath.Join(d, "empty"), 0o755)
		tc.change(d)
		c := Changes(before, Snapshot(t, d))
		if len(c) != 1 || !strings.HasPrefix(c[0], tc.want) {
			t.Errorf("changes %q, want one starting %q", c, tc.want)
		}
	}
}
