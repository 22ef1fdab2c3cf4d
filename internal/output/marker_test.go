package output

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The header of a site's marker, written out here rather than taken from
// the code under test.
const header = "plansite-build 2\n" +
	"# plansite build wrote this folder: the files listed below, one a line.\n" +
	"# The next build replaces them. It refuses a folder that holds anything else.\n" +
	"# Do not publish this file: rsync -a --exclude .plansite-build public/ DEST/\n"

func TestReadMarker(t *testing.T) {
	cases := []struct {
		name, text string
		state      markerState
		files      []string // the manifest's files, sorted
	}{
		{"no files", header, siteMarker, nil},
		{"files and folders", header + "404.html\ntasks/1/index.html\ntasks/1/index.json\n", siteMarker,
			[]string{"404.html", "tasks/1/index.html", "tasks/1/index.json"}},
		{"a quoted path", header + "\"a\\nb.css\"\nz.html\n", siteMarker, []string{"a\nb.css", "z.html"}},
		{"Chinese names as they are", header + "static/图.png\n", siteMarker, []string{"static/图.png"}},
		{"the old fixed text", "# This folder was made by plansite build.\n# The next build replaces it whole: files added here by hand are deleted.\n", oldMarker, nil},
		{"other text", "x\n", notAMarker, nil},
		{"empty", "", notAMarker, nil},
		{"the header cut short", header[:40], notAMarker, nil},
		{"the old text and more", "# This folder was made by plansite build.\n# The next build replaces it whole: files added here by hand are deleted.\nuser.html\n", notAMarker, nil},
		{"the temporary marker", tempHeader, notAMarker, nil},
		{"out of order", header + "b.html\na.html\n", notAManifest, nil},
		{"twice", header + "a.html\na.html\n", notAManifest, nil},
		{"a path that leaves the site", header + "../user.html\n", notAManifest, nil},
		{"an absolute path", header + "/etc/passwd\n", notAManifest, nil},
		{"an unclean path", header + "a//b.html\n", notAManifest, nil},
		{"an empty line", header + "\na.html\n", notAManifest, nil},
		{"the marker itself", header + ".plansite-build\n", notAManifest, nil},
		{"no final line break", header + "a.html", notAManifest, nil},
		{"a bad quote", header + "\"a\n", notAManifest, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, MarkerName), []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			state, m, err := readMarker(dir)
			if err != nil {
				t.Fatal(err)
			}
			if state != tc.state {
				t.Fatalf("state %d, want %d", state, tc.state)
			}
			if state != siteMarker {
				return
			}
			var files []string
			for p := range m.files {
				files = append(files, p)
			}
			slices.Sort(files)
			if !slices.Equal(files, tc.files) {
				t.Errorf("files %q, want %q", files, tc.files)
			}
		})
	}
}

// A marker that is a folder or a link is none; a missing one is told apart.
func TestReadMarkerNotAFile(t *testing.T) {
	dir := t.TempDir()
	if state, _, err := readMarker(dir); err != nil || state != noMarker {
		t.Errorf("no marker: %d, %v", state, err)
	}
	real := filepath.Join(t.TempDir(), "real")
	if err := os.WriteFile(real, []byte(header), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, filepath.Join(dir, MarkerName)); err != nil {
		t.Fatal(err)
	}
	if state, _, err := readMarker(dir); err != nil || state != notAMarker {
		t.Errorf("a link: %d, %v", state, err)
	}
	dir = t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, MarkerName), 0o755); err != nil {
		t.Fatal(err)
	}
	if state, _, err := readMarker(dir); err != nil || state != notAMarker {
		t.Errorf("a folder: %d, %v", state, err)
	}
}

// The manifest is the header and the paths in byte order, each once, so that
// two builds of one input write the same bytes whatever order their workers
// finished in; a path that would break its line is quoted, and reads back.
func TestEncodeMarker(t *testing.T) {
	got := string(encodeMarker(sortedPaths([]string{"tasks/2/index.html", "a\nb.css", "404.html", "tasks/10/index.html", "404.html", `"q".html`})))
	// Sorted by the paths themselves: "\"q\".html" < "404.html" < "a\nb.css".
	want := header + "\"\\\"q\\\".html\"\n" + "404.html\n" + "\"a\\nb.css\"\n" + "tasks/10/index.html\n" + "tasks/2/index.html\n"
	if got != want {
		t.Errorf("marker\n%s\nwant\n%s", got, want)
	}
	if string(Marker().Data) != header {
		t.Errorf("Marker() = %q, want the header", Marker().Data)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, MarkerName), []byte(got), 0o644); err != nil {
		t.Fatal(err)
	}
	state, m, err := readMarker(dir)
	if err != nil || state != siteMarker {
		t.Fatalf("reading it back: %d, %v", state, err)
	}
	for _, p := range []string{"a\nb.css", `"q".html`, "404.html", "tasks/10/index.html", "tasks/2/index.html"} {
		if !m.files[p] {
			t.Errorf("%q is not listed", p)
		}
	}
	for _, d := range []string{"tasks", "tasks/10", "tasks/2"} {
		if !m.dirs[d] {
			t.Errorf("folder %q is not known", d)
		}
	}
	if len(m.files) != 5 || len(m.dirs) != 3 || strings.Count(got, "\n") != strings.Count(header, "\n")+5 {
		t.Errorf("%d files, %d folders", len(m.files), len(m.dirs))
	}
}
