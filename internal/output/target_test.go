package output

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tree makes a folder with a content, a templates and a static folder, a
// previous build and a home folder, each holding a file.
func tree(t *testing.T) (root string, inputs []Input) {
	t.Helper()
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"content/tasks.csv", "templates/page.html", "static/site.css", "public/index.html", "public/" + MarkerName, "home/notes.txt", "other/keep.txt"} {
		p := filepath.Join(root, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The previous build's marker lists its file.
	if err := os.WriteFile(filepath.Join(root, "public", MarkerName), encodeMarker([]string{"index.html"}), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"empty", "other/sub"} {
		if err := os.Mkdir(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("HOME", filepath.Join(root, "home"))
	for _, name := range []string{"content", "templates", "static"} {
		inputs = append(inputs, Input{Name: name, Dir: filepath.Join(root, name)})
	}
	return root, inputs
}

func TestCheckTargetRefuses(t *testing.T) {
	root, inputs := tree(t)
	at := func(p string) string { return filepath.Join(root, p) }
	if err := os.Symlink(at("content"), at("link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(at("nowhere"), at("dangling")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(at("file"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(at("site/static"), 0o755); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, out, want string
	}{
		{"the content folder", at("content"), "the output folder is the content folder; it would be deleted. Choose another folder, such as public"},
		{"the templates folder", at("templates") + "/", "the output folder is the templates folder"},
		{"the static folder", at("static/../static"), "the output folder is the static folder"},
		{"inside the content folder", at("content/public"), "the output folder is inside the content folder " + quote(at("content")) + "; the site would be mixed into the input of the next build. Choose a folder outside it, such as public"},
		{"inside, not yet made", at("static/a/b"), "the output folder is inside the static folder"},
		{"a link to the content folder", at("link"), "the output folder is the content folder"},
		{"inside a link to the content folder", at("link/public"), "the output folder is inside the content folder"},
		{"the home folder", at("home"), "the output folder is the home folder; it would be deleted"},
		{"the root folder", "/", "the output folder is the root folder"},
		{"a folder not made by plansite", at("other"), `the folder is not empty (it holds the file "keep.txt") and has no .plansite-build file, so plansite did not make it`},
		{"a file", at("file"), "it is a file, not a folder; it would be replaced"},
		{"a broken link", at("dangling"), "it is a broken symbolic link"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := CheckTarget(tc.out, inputs)
			if err == nil {
				t.Fatalf("CheckTarget(%q) accepted it", tc.out)
			}
			prefix := "-out " + quote(tc.out) + ": "
			if !strings.HasPrefix(err.Error(), prefix) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q\nwant %q…%q", err, prefix, tc.want)
			}
		})
	}
	// A folder that holds an input (here not the home folder too).
	_, err := CheckTarget(at("site"), []Input{{Name: "static", Dir: at("site/static")}})
	if want := "the output folder holds the static folder " + quote(at("site/static")) + "; it would be deleted"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("a folder holding the static folder: %v, want %q", err, want)
	}
}

// The current folder, as . or by its name, and any folder that holds it or
// the home folder are refused even when nothing is read from them.
func TestCheckTargetRefusesCurrentAndHome(t *testing.T) {
	root, _ := tree(t)
	t.Chdir(filepath.Join(root, "other"))
	for _, tc := range []struct{ out, want string }{
		{".", "the output folder is the current folder; it would be deleted"},
		{"", "the output folder is the current folder"},
		{filepath.Join(root, "other"), "the output folder is the current folder"},
		{"sub/..", "the output folder is the current folder"},
		{"nosuch/..", "/other/nosuch does not exist, so the .. after it leads nowhere"},
		{"..", "the output folder holds the current folder"},
		{filepath.Join(root, "home", ".."), "the output folder holds the current folder"},
	} {
		_, err := CheckTarget(tc.out, nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("CheckTarget(%q) = %v, want %q", tc.out, err, tc.want)
		}
	}
	t.Chdir(root)
	if _, err := CheckTarget("home/..", nil); err == nil || !strings.Contains(err.Error(), "current folder") {
		t.Errorf("home/..: %v", err)
	}
	t.Chdir(filepath.Join(root, "content"))
	if _, err := CheckTarget("../home/..", nil); err == nil || !strings.Contains(err.Error(), "holds the current folder") {
		t.Errorf("../home/..: %v", err)
	}
	t.Setenv("HOME", filepath.Join(root, "home", "me"))
	if _, err := CheckTarget(filepath.Join(root, "home"), nil); err == nil || !strings.Contains(err.Error(), "holds the home folder") {
		t.Errorf("the folder above the home folder: %v", err)
	}
}

func TestCheckTargetAccepts(t *testing.T) {
	root, inputs := tree(t)
	for _, out := range []string{"public", "empty", "new", "new/deeper", "home/public"} {
		if _, err := CheckTarget(filepath.Join(root, out), inputs); err != nil {
			t.Errorf("%s: %v", out, err)
		}
	}
	// An embedded input has no folder to protect.
	if _, err := CheckTarget(filepath.Join(root, "empty"), []Input{{Name: "content"}}); err != nil {
		t.Error(err)
	}
	// A name that merely starts like an input's is another folder.
	if _, err := CheckTarget(filepath.Join(root, "content2"), inputs); err != nil {
		t.Error(err)
	}
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `\`, `\\`) + `"` }

// Every site the Writer puts in place carries the marker, so the next build
// may replace it; one without it is never committed.
func TestCommitNeedsMarker(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if err := writeSite(dir, File{Path: "index.html", Data: []byte("x")}); err == nil {
		t.Fatal("a site without the marker was committed")
	}
	if entries, _ := os.ReadDir(filepath.Dir(dir)); len(entries) != 0 {
		t.Errorf("the refused site left %d entries", len(entries))
	}
	if err := writeSite(dir, File{Path: "index.html", Data: []byte("x")}, Marker()); err != nil {
		t.Fatal(err)
	}
	if _, err := CheckTarget(dir, nil); err != nil {
		t.Errorf("a site the Writer made is refused: %v", err)
	}
}

// writeSite replaces the folder dir with exactly the given files.
func writeSite(dir string, files ...File) error {
	tg, err := CheckTarget(dir, nil)
	if err != nil {
		return err
	}
	w, err := NewWriter(context.Background(), tg)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := w.Write(f); err != nil {
			w.Abort()
			return err
		}
	}
	return w.Commit()
}
