package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plansite/internal/foldertest"
)

// secret is text outside the input folders that must never be published.
const secret = "SECRET-7f3a9c-never-publish"

// inputFolders copies the bundled content, templates and static files into
// dir and returns the build arguments that use them and write to dir/public.
func inputFolders(t *testing.T, dir string) []string {
	t.Helper()
	for _, name := range []string{"content", "templates", "static"} {
		foldertest.CopyInto(t, filepath.Join("../..", name), dir)
	}
	return []string{"build", "-content", filepath.Join(dir, "content"), "-templates", filepath.Join(dir, "templates"),
		"-static", filepath.Join(dir, "static"), "-out", filepath.Join(dir, "public")}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// TestLinksOutsideAreRefused puts in each input folder a link that leads
// out of it: the build must fail naming the folder and the file, and leave
// the previous site as it was, without the secret.
func TestLinksOutsideAreRefused(t *testing.T) {
	dir := t.TempDir()
	args := inputFolders(t, dir)
	out := filepath.Join(dir, "public")
	if code, _, stderr := runArgs(args...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	before := foldertest.Snapshot(t, out)

	outside := filepath.Join(dir, "outside")
	files := map[string]string{
		"passwd":          "root:x:0:0:" + secret + "\n",
		"leak.md":         "+++\ntitle = \"泄露\"\n+++\n" + secret + "\n",
		"task.html":       `{{define "main"}}<h1>{{.Title}}</h1>` + secret + `{{end}}`,
		"folder/data.txt": secret + "\n",
	}
	for name, text := range files {
		p := filepath.Join(outside, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		name, link, target, want string
		replaces                 bool // the link takes the place of a bundled file
	}{
		{"file in static", "static/passwd", filepath.Join(outside, "passwd"),
			`static/"passwd": error: cannot read: the link leads outside the static folder`, false},
		{"relative link in static", "static/passwd", "../outside/passwd", `static/"passwd": error: cannot read: the link leads outside the static folder`, false},
		{"folder in static", "static/more", filepath.Join(outside, "folder"), `static/"more": error: cannot read: the link leads outside the static folder`, false},
		{"file in a subfolder of static", "static/img/logo.png", "../../outside/passwd", `static/"img/logo.png": error: cannot read`, false},
		{"Markdown page in content", "content/leak.md", filepath.Join(outside, "leak.md"),
			`content/"leak.md": error: cannot read: the link leads outside the content folder`, false},
		{"folder in content", "content/notes", filepath.Join(outside, "folder"), `content/"notes": error: cannot read: the link leads outside the content folder`, false},
		{"task table in content", "content/tasks.csv", filepath.Join(outside, "passwd"), `content/"tasks.csv": error: cannot read`, true},
		{"template", "templates/task.html", filepath.Join(outside, "task.html"),
			`templates/"task.html": error: cannot read: the link leads outside the templates folder`, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			link := filepath.Join(dir, c.link)
			var saved []byte
			if c.replaces {
				var err error
				if saved, err = os.ReadFile(link); err != nil {
					t.Fatal(err)
				}
				os.Remove(link)
			}
			symlink(t, c.target, link)
			defer func() {
				os.Remove(link)
				if c.replaces {
					os.WriteFile(link, saved, 0o644)
				}
			}()
			code, stdout, stderr := runArgs(args...)
			// The message starts with the place, once: no reader may put
			// its own in front of it.
			if want := dir + "/" + c.want; code != 1 || !strings.HasPrefix(stderr, want) {
				t.Errorf("exit %d, stderr %q; want exit 1 and %q", code, stderr, want)
			}
			if strings.Contains(stdout+stderr, secret) {
				t.Errorf("the secret is in the messages: %q", stdout+stderr)
			}
			after := foldertest.Snapshot(t, out)
			foldertest.Unchanged(t, "public/", before, after)
			for p, e := range after {
				if strings.Contains(e.Data, secret) {
					t.Errorf("public/%s holds the secret", p)
				}
			}
		})
	}
	// plansite check refuses the link too, as an error at its place.
	symlink(t, filepath.Join(outside, "leak.md"), filepath.Join(dir, "content", "leak.md"))
	code, stdout, _ := runArgs("check", "-content", filepath.Join(dir, "content"))
	if want := dir + `/content/"leak.md": error: cannot read: the link leads outside the content folder`; code != 1 || !strings.HasPrefix(stdout, want) {
		t.Errorf("check: exit %d, %q; want exit 1 and %q", code, stdout, want)
	}
}

// TestLinksInsideWork: a link that stays in its folder is read as the file
// it leads to.
func TestLinksInsideWork(t *testing.T) {
	dir := t.TempDir()
	args := inputFolders(t, dir)
	symlink(t, "style.css", filepath.Join(dir, "static", "again.css"))
	symlink(t, "../favicon.svg", filepath.Join(dir, "static", "img", "icon.svg"))
	symlink(t, "about.md", filepath.Join(dir, "content", "about-us.md"))
	task := filepath.Join(dir, "templates", "task.html")
	if err := os.MkdirAll(filepath.Join(dir, "templates", "kinds"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(task, filepath.Join(dir, "templates", "kinds", "task.html")); err != nil {
		t.Fatal(err)
	}
	symlink(t, "kinds/task.html", task)
	if code, _, stderr := runArgs(args...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	site := foldertest.Read(t, filepath.Join(dir, "public"))
	for link, file := range map[string]string{"static/again.css": "static/style.css", "static/img/icon.svg": "static/favicon.svg"} {
		if l, f := site[link], site[file]; l == nil || f == nil || !bytes.Equal(l.Data, f.Data) {
			t.Errorf("%s is not a copy of %s", link, file)
		}
	}
	for _, p := range []string{"about-us/index.html", "tasks/1/index.html"} {
		if site[p] == nil {
			t.Errorf("%s is missing", p)
		}
	}
}
