package output

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// links makes, in a new folder: data/y, data/content (a file in it),
// content (another), and links x → data/y (relative), abs → data/y
// (absolute), chain → x, loop → loop, gone → nowhere.
func links(t *testing.T) string {
	t.Helper()
	root := realTemp(t)
	put(t, filepath.Join(root, "data/y/keep"), "y")
	put(t, filepath.Join(root, "data/content/tasks.csv"), "the real content")
	put(t, filepath.Join(root, "content/tasks.csv"), "another content")
	for link, target := range map[string]string{
		"x": "data/y", "abs": filepath.Join(root, "data/y"), "chain": "x", "loop": "loop", "gone": "nowhere",
		"data/y/up": "../..",
	} {
		if err := os.Symlink(target, filepath.Join(root, link)); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// resolve goes where the OS goes: each link replaced by its target before
// the next name, so a .. after a link leaves the link's target.
func TestResolve(t *testing.T) {
	root := links(t)
	t.Chdir(root)
	at := func(p string) string { return filepath.Join(root, filepath.FromSlash(p)) }
	cases := []struct{ in, want, err string }{
		{"content", at("content"), ""},
		{"./content/", at("content"), ""},
		{"x", at("data/y"), ""},
		{"x/..", at("data"), ""},
		{"x/../content", at("data/content"), ""},
		{"x/../content/public", at("data/content/public"), ""},
		{"abs/../content", at("data/content"), ""},
		{"chain/../content", at("data/content"), ""},
		{"data/y/up/content", at("content"), ""},
		{at("x") + "/../content", at("data/content"), ""},
		{"new/deeper", at("new/deeper"), ""},
		{"x/new", at("data/y/new"), ""},
		{"gone", at("nowhere"), ""},
		{"content/../data/y/../content", at("data/content"), ""},
		{"new/../content", "", "new does not exist, so the .. after it leads nowhere"},
		{"loop/x", "", "too many symbolic links"},
		{"content/tasks.csv/x", "", "not a directory"},
	}
	for _, tc := range cases {
		got, err := resolve(tc.in)
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("resolve(%q) = %q, %v; want an error with %q", tc.in, got, err, tc.err)
		case tc.err == "" && (err != nil || got != tc.want):
			t.Errorf("resolve(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

// With x a link to data/y, x/../content is data/content for the OS, which
// opens the content there: a site built into data/content/public would be
// inside it. The check sees it as the OS does.
func TestCheckTargetFollowsLinksFirst(t *testing.T) {
	root := links(t)
	t.Chdir(root)
	opened, err := os.Stat(filepath.Join(root, "data/content"))
	if err != nil {
		t.Fatal(err)
	}
	in := []Input{{Name: "content", Dir: "x/../content", Opened: opened}}
	_, err = CheckTarget("data/content/public", in)
	if err == nil || !strings.Contains(err.Error(), `the output folder is inside the content folder "x/../content"`) {
		t.Errorf("CheckTarget = %v", err)
	}
	_, err = CheckTarget("x/../content", []Input{{Name: "content", Dir: "data/content"}})
	if err == nil || !strings.Contains(err.Error(), "the output folder is the content folder") {
		t.Errorf("out x/../content = %v", err)
	}
	// The folder the build opened is the one the check found.
	other, err := os.Stat(filepath.Join(root, "content"))
	if err != nil {
		t.Fatal(err)
	}
	in[0].Opened = other
	_, err = CheckTarget("public", in)
	if want := `-content "x/../content": the folder changed while the build opened it`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("another folder opened: %v, want %q", err, want)
	}
}

// The Writer writes where the check looked: x/../out is data/out.
func TestWriterWritesToTheResolvedFolder(t *testing.T) {
	root := links(t)
	t.Chdir(root)
	tg, err := CheckTarget("x/../out", nil)
	if err != nil {
		t.Fatal(err)
	}
	if tg.Real != filepath.Join(root, "data/out") {
		t.Errorf("Real = %q", tg.Real)
	}
	w, err := NewWriter(context.Background(), tg)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range site("1") {
		if err := w.Write(f); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "data/out/index.html")); err != nil {
		t.Error(err)
	}
	if _, err := os.Lstat(filepath.Join(root, "out")); !os.IsNotExist(err) {
		t.Errorf("./out: %v", err)
	}
	// A link to a previous site is followed: the site it leads to is
	// replaced, and the link stays.
	if err := os.Symlink("data/out", filepath.Join(root, "live")); err != nil {
		t.Fatal(err)
	}
	if err := writeSite(filepath.Join(root, "live"), site("2")...); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(root, "data/out/index.html")); string(b) != "home 2" {
		t.Errorf("data/out/index.html = %q", b)
	}
	if st, err := os.Lstat(filepath.Join(root, "live")); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
}
