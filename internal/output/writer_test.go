package output

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plansite/internal/foldertest"
)

// realTemp is a new temporary folder by its real path.
func realTemp(t *testing.T) string {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func put(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// site is a small site: its files and the marker.
func site(version string) []File {
	return []File{
		{Path: "index.html", Data: []byte("home " + version)},
		{Path: "tasks/1/index.html", Data: []byte("task 1 " + version)},
		{Path: "static/style.css", Data: []byte("css " + version)},
		Marker(),
	}
}

// names lists the entries of dir.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var n []string
	for _, e := range entries {
		n = append(n, e.Name())
	}
	return n
}

// A folder that holds anything the last build did not write is refused, the
// first such entry named (depth first, names in byte order), and nothing in
// it changes. A file the build wrote, edited since or removed, is still the
// build's.
func TestRefusesWhatNoBuildWrote(t *testing.T) {
	cases := []struct {
		name   string
		change func(t *testing.T, dir string)
		want   string // "" : accepted
	}{
		{"the site as built", func(t *testing.T, dir string) {}, ""},
		{"a file edited by hand", func(t *testing.T, dir string) { put(t, filepath.Join(dir, "index.html"), "edited") }, ""},
		{"a file removed", func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, "tasks/1/index.html")) }, ""},
		{"a file added at the top", func(t *testing.T, dir string) { put(t, filepath.Join(dir, "user.html"), "mine") },
			`the folder holds the file "user.html", which the last build did not write (its .plansite-build lists what it wrote); replacing the folder would delete it. Move it out of the folder`},
		{"a file added in a folder of the site", func(t *testing.T, dir string) { put(t, filepath.Join(dir, "tasks/1/notes.txt"), "mine") },
			`holds the file "tasks/1/notes.txt", which the last build did not write`},
		{"the first of several, in order", func(t *testing.T, dir string) {
			put(t, filepath.Join(dir, "tasks/z.txt"), "mine")
			put(t, filepath.Join(dir, "tasks/1/b.txt"), "mine")
			put(t, filepath.Join(dir, "zz.txt"), "mine")
		}, `holds the file "tasks/1/b.txt"`},
		{"a folder added", func(t *testing.T, dir string) { os.Mkdir(filepath.Join(dir, "uploads"), 0o755) },
			`holds the folder "uploads", which the last build did not write`},
		{"a link where a file was", func(t *testing.T, dir string) {
			p := filepath.Join(dir, "index.html")
			os.Remove(p)
			os.Symlink("/etc/hostname", p)
		}, `holds the symbolic link "index.html"`},
		{"a folder where a file was", func(t *testing.T, dir string) {
			p := filepath.Join(dir, "index.html")
			os.Remove(p)
			os.Mkdir(p, 0o755)
		}, `holds the folder "index.html"`},
		{"a forged marker", func(t *testing.T, dir string) { put(t, filepath.Join(dir, MarkerName), "x\n") },
			`its .plansite-build file is not a marker plansite wrote, so plansite did not make the folder; replacing the folder would delete the file "index.html" and all else it holds. Choose another folder`},
		{"a marker listing out of order", func(t *testing.T, dir string) { put(t, filepath.Join(dir, MarkerName), header+"z.html\nindex.html\n") },
			"its .plansite-build file does not list the files of a build, one a line in order"},
		// An older plansite's marker lists nothing: the folder is replaced
		// when it holds only files the new site has.
		{"the marker of an older plansite", func(t *testing.T, dir string) { put(t, filepath.Join(dir, MarkerName), oldMarkerText) }, ""},
		{"the marker of an older plansite and a file of the user's", func(t *testing.T, dir string) {
			put(t, filepath.Join(dir, MarkerName), oldMarkerText)
			put(t, filepath.Join(dir, "user.html"), "mine")
		}, `its .plansite-build file was written by an older plansite, which did not list the files it wrote, and it holds the file "user.html", which this build does not write; ` +
			"replacing the folder would delete it. If the folder holds only a site that plansite built, empty it once by hand and build again; else choose another folder"},
		{"the marker of an older plansite and a page the new site lacks", func(t *testing.T, dir string) {
			put(t, filepath.Join(dir, MarkerName), oldMarkerText)
			put(t, filepath.Join(dir, "tasks/9/index.html"), "an old page")
		}, `and it holds the folder "tasks/9", which this build does not write`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(realTemp(t), "public")
			if err := writeSite(dir, site("1")...); err != nil {
				t.Fatal(err)
			}
			tc.change(t, dir)
			before := foldertest.Snapshot(t, filepath.Dir(dir))
			err := writeSite(dir, site("2")...)
			after := foldertest.Snapshot(t, filepath.Dir(dir))
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if got := after["public/index.html"]; got.Data != "home 2" {
					t.Errorf("the site was not replaced: public/index.html is %v", got)
				}
				return
			}
			if err == nil || !strings.HasPrefix(err.Error(), "-out ") || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v\nwant %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("the message has more than one line: %q", err)
			}
			foldertest.Unchanged(t, "after the refusal", before, after)
		})
	}
}

// The attack: a web root of other files that got a copy of a site's marker
// (rsync -a public/ /srv/www/) must not be emptied by the next build into it.
func TestMarkerCopiedIntoOtherFiles(t *testing.T) {
	root := realTemp(t)
	pub, www := filepath.Join(root, "public"), filepath.Join(root, "www")
	if err := writeSite(pub, site("1")...); err != nil {
		t.Fatal(err)
	}
	put(t, filepath.Join(www, "user.html"), "important")
	put(t, filepath.Join(www, "other-app/index.php"), "important")
	for rel, f := range foldertest.Read(t, pub) {
		put(t, filepath.Join(www, filepath.FromSlash(rel)), string(f.Data))
	}
	before := foldertest.Snapshot(t, www)
	_, err := CheckTarget(www, nil)
	if err == nil || !strings.Contains(err.Error(), `holds the folder "other-app", which the last build did not write`) {
		t.Fatalf("CheckTarget(www) = %v", err)
	}
	if err := writeSite(www, site("2")...); err == nil {
		t.Fatal("the build replaced the web root")
	}
	foldertest.Unchanged(t, "the web root", before, foldertest.Snapshot(t, www))
}

// A file added to the target while the site is being made is not deleted:
// Commit checks the target again.
func TestCommitChecksAgain(t *testing.T) {
	dir := filepath.Join(realTemp(t), "public")
	if err := writeSite(dir, site("1")...); err != nil {
		t.Fatal(err)
	}
	tg, err := CheckTarget(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	w, err := NewWriter(context.Background(), tg)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range site("2") {
		if err := w.Write(f); err != nil {
			t.Fatal(err)
		}
	}
	put(t, filepath.Join(dir, "late.html"), "mine")
	before := foldertest.Snapshot(t, filepath.Dir(dir))
	if err := w.Commit(); err == nil || !strings.Contains(err.Error(), `holds the file "late.html"`) {
		t.Fatalf("Commit: %v", err)
	}
	after := foldertest.Snapshot(t, filepath.Dir(dir))
	for p := range after {
		if strings.HasPrefix(p, ".public.") {
			t.Errorf("%s is left", p)
			delete(after, p)
		}
	}
	for p := range before {
		if strings.HasPrefix(p, ".public.") {
			delete(before, p)
		}
	}
	foldertest.Unchanged(t, "after the refused commit", before, after)
}

// The site's marker lists exactly what was written, sorted; the Writer's
// own temporary folders are gone after a commit and after an abort.
func TestWriterMarkerAndTempFolders(t *testing.T) {
	root := realTemp(t)
	dir := filepath.Join(root, "public")
	if err := writeSite(dir, site("1")...); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, MarkerName))
	if err != nil {
		t.Fatal(err)
	}
	if want := header + "index.html\nstatic/style.css\ntasks/1/index.html\n"; string(b) != want {
		t.Errorf("marker %q\nwant %q", b, want)
	}
	if n := names(t, root); len(n) != 1 {
		t.Errorf("beside the site: %q", n)
	}
	tg, err := CheckTarget(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	w, err := NewWriter(context.Background(), tg)
	if err != nil {
		t.Fatal(err)
	}
	if n := names(t, root); len(n) != 2 || !strings.HasPrefix(n[0], ".public.new-") {
		t.Errorf("while writing: %q", n)
	}
	w.Abort()
	if n := names(t, root); len(n) != 1 {
		t.Errorf("after Abort: %q", n)
	}
}

// A build stopped by its context writes nothing more, replaces nothing and
// removes what it wrote.
func TestWriterStops(t *testing.T) {
	root := realTemp(t)
	dir := filepath.Join(root, "public")
	if err := writeSite(dir, site("1")...); err != nil {
		t.Fatal(err)
	}
	before := foldertest.Snapshot(t, root)
	tg, err := CheckTarget(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	cause := errors.New("stopped by the test")
	ctx, cancel := context.WithCancelCause(context.Background())
	w, err := NewWriter(ctx, tg)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(File{Path: "index.html", Data: []byte("new")}); err != nil {
		t.Fatal(err)
	}
	cancel(cause)
	if err := w.Write(File{Path: "a.html", Data: []byte("new")}); !errors.Is(err, cause) {
		t.Errorf("Write after the end: %v", err)
	}
	if err := w.WriteStream("b.json", func(wr io.Writer) error { _, err := wr.Write([]byte("{}")); return err }); !errors.Is(err, cause) {
		t.Errorf("WriteStream after the end: %v", err)
	}
	w.Write(Marker())
	if err := w.Commit(); !errors.Is(err, cause) {
		t.Errorf("Commit after the end: %v", err)
	}
	foldertest.Unchanged(t, "after the stopped build", before, foldertest.Snapshot(t, root))
}

// A stream already under way stops at its next buffer once the build is
// stopped, rather than writing hundreds of megabytes first.
func TestWriteStreamStops(t *testing.T) {
	dir := filepath.Join(realTemp(t), "public")
	tg, err := CheckTarget(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	w, err := NewWriter(ctx, tg)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	chunk := []byte(strings.Repeat("x", 1<<10))
	written := 0
	err = w.WriteStream("plan.json", func(wr io.Writer) error {
		for i := 0; i < 1<<20; i++ { // a gigabyte, were it not stopped
			if i == 100 {
				cancel()
			}
			if _, err := wr.Write(chunk); err != nil {
				return err
			}
			written++
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || written > 200 {
		t.Errorf("WriteStream: %v after %d KB", err, written)
	}
}

// writeWith writes the files with a fresh Writer into dir.
func writeWith(t *testing.T, dir string, files []File) *Writer {
	t.Helper()
	tg, err := CheckTarget(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	w, err := NewWriter(context.Background(), tg)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if err := w.Write(f); err != nil {
			t.Fatal(err)
		}
	}
	return w
}
