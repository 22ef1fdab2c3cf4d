package main

import (
	"os"
	"path/filepath"
	"plansite/internal/foldertest"
	"strings"
	"testing"
)

// The site folder is an argument, before, between or after the flags, and
// every command reads DIR/content: never the bundled plan in its place.
func TestSiteFolderArgument(t *testing.T) {
	abs, _ := filepath.Abs("../../examples/district-plan")
	out := filepath.Join(t.TempDir(), "site")
	t.Chdir(t.TempDir()) // a folder without content/
	code, stdout, stderr := runArgs("check", abs)
	if code != 0 || !strings.Contains(stdout, abs+"/content: 0 error(s)") || strings.Contains(stdout+stderr, "bundled") {
		t.Errorf("check DIR: exit %d, %s%s", code, stdout, stderr)
	}
	code, _, stderr = runArgs("build", abs, "-out", out, "-base-url", "https://example.org/p/")
	if code != 0 || strings.Contains(stderr, "bundled") {
		t.Fatalf("build DIR -out …: exit %d, %s", code, stderr)
	}
	home, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil || strings.Contains(string(home), "广州") {
		t.Errorf("build DIR built something else (%v)", err)
	}
	// Without -out the site goes to DIR/public.
	site := filepath.Join(t.TempDir(), "mysite")
	os.MkdirAll(filepath.Join(site, "content"), 0o755)
	for _, f := range []string{"tasks.csv", "site.toml"} {
		data, _ := os.ReadFile(filepath.Join(abs, "content", f))
		os.WriteFile(filepath.Join(site, "content", f), data, 0o644)
	}
	if code, _, stderr := runArgs("build", "-base-url", "https://example.org/p/", site); code != 0 {
		t.Fatalf("build -flag DIR: exit %d, %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(site, "public", "index.html")); err != nil {
		t.Errorf("build DIR wrote no DIR/public: %v", err)
	}
}

// Each wrong way of giving the folder ends in one line that says what to
// do, writes nothing and names no file that is not there.
func TestSiteFolderMistakes(t *testing.T) {
	content, _ := filepath.Abs("../../content")
	empty := t.TempDir()
	file := filepath.Join(empty, "notes.txt")
	os.WriteFile(file, []byte("x"), 0o644)
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"two folders", []string{"build", "a", "b"}, 2, `plansite build: takes DIR, but was given 2 arguments: "a", "b"`},
		{"a folder that is not there", []string{"check", filepath.Join(empty, "nosuch")}, 1, "no such folder; make a site there with plansite new"},
		{"a content folder that is not there", []string{"build", "-content", "nosuch"}, 1, "-content nosuch: no such folder; plansite new DIR [DOCUMENT] makes a site whose content folder is DIR/content"},
		{"a file", []string{"build", file}, 1, "is a file, not a site folder"},
		{"a folder without content", []string{"serve", empty}, 1, "has no content folder: a site folder holds content/"},
		{"the content folder itself", []string{"check", content}, 1, "is a content folder (it holds the table), not a site folder: give the folder above it, or -content " + content},
		{"serve's address without a host", []string{"serve", "-addr", "18314", empty}, 1, `-addr "18314": give a host and a port, such as 127.0.0.1:1313`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(empty)
			code, stdout, stderr := runArgs(tc.args...)
			msg := stdout + stderr
			if code != tc.code || !strings.Contains(msg, tc.want) || strings.Count(msg, "\n") != 1 {
				t.Errorf("exit %d, %q; want exit %d and one line with %q", code, msg, tc.code, tc.want)
			}
			entries, _ := os.ReadDir(empty)
			if len(entries) != 1 {
				t.Errorf("the folder now holds %d entries", len(entries))
			}
		})
	}
}

// Run inside content/, a command refuses instead of building the bundled
// plan into content/public.
func TestInsideContentFolder(t *testing.T) {
	dir := foldertest.Copy(t, "../../content")
	t.Chdir(dir)
	code, _, stderr := runArgs("build")
	if code != 1 || !strings.Contains(stderr, "this folder is a content folder") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("it wrote content/public")
	}
}

// In a folder without content/, a command uses the bundled example and
// says so once; its messages name no file that is not on disk.
func TestBundledExampleSaysSo(t *testing.T) {
	t.Chdir(t.TempDir())
	code, stdout, _ := runArgs("check")
	if code != 0 || strings.Count(stdout, "using the bundled example") != 1 {
		t.Fatalf("exit %d, %q", code, stdout)
	}
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if strings.HasPrefix(line, "content/") {
			t.Errorf("names a file that is not there: %s", line)
		}
	}
	if !strings.Contains(stdout, "<bundled>/content: 0 error(s), 0 warning(s)") {
		t.Errorf("the bundled content is not named as bundled, or does not check clean: %q", stdout)
	}
}

// check reports what build would refuse, of every input at once: a broken
// template beside a repeated 序号, as build does.
func TestCheckIsBuild(t *testing.T) {
	site := t.TempDir()
	foldertest.CopyInto(t, "../../content", site)
	foldertest.CopyInto(t, "../../templates", site)
	tasks := filepath.Join(site, "content", "tasks.csv")
	data, _ := os.ReadFile(tasks)
	os.WriteFile(tasks, []byte(strings.Replace(string(data), "\n3,", "\n2,", 1)), 0o644)
	os.WriteFile(filepath.Join(site, "templates", "area.html"), []byte("{{define \"main\"}}\n<h1>{{.Title}</h1>{{end}}"), 0o644)
	want := []string{"/content/tasks.csv:4:1: error: 序号 2 appears twice", "/templates/area.html:2: error: "}
	code, stdout, _ := runArgs("check", site)
	_, _, buildErr := runArgs("build", site, "-out", filepath.Join(t.TempDir(), "public"))
	for _, w := range want {
		if code != 1 || !strings.Contains(stdout, w) {
			t.Errorf("check: exit %d, %q lacks %q", code, stdout, w)
		}
		if !strings.Contains(buildErr, w) {
			t.Errorf("build: %q lacks %q", buildErr, w)
		}
	}
}
