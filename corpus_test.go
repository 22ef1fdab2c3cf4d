package plansite_test

import (
	"bytes"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"plansite/internal/foldertest"
	"plansite/internal/site"
)

// TestBadInputCorpus builds each case of testdata/bad over the bundled
// content. A case is a txtar archive: its files replace those of the same
// name in content/, templates/ or static/; its comment holds the lines the
// error must contain ("want: …") and, for inputs too large to keep, what to
// expand ("repeat: TEXT COUNT" turns every @@REPEAT@@ into TEXT repeated)
// and which files to remove ("delete: templates/year.html").
// Every case must fail with its message and leave the previous site as it
// was.
func TestBadInputCorpus(t *testing.T) {
	cases, err := filepath.Glob("testdata/bad/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 20 {
		t.Fatalf("only %d cases in testdata/bad", len(cases))
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(options(t, nil), out, nil); err != nil {
		t.Fatal(err)
	}
	before := foldertest.Snapshot(t, out)
	for _, file := range cases {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			wants, files := parseCase(t, ar)
			if len(wants) == 0 {
				t.Fatal("the case says nothing it wants")
			}
			_, err = site.Build(options(t, files), out, nil)
			if err == nil {
				t.Fatal("the build succeeded")
			}
			for _, w := range wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n\t%s\ndoes not contain\n\t%s", err, w)
				}
			}
			foldertest.Unchanged(t, "public/", before, foldertest.Snapshot(t, out))
		})
	}
}

func parseCase(t *testing.T, ar *txtar.Archive) ([]string, map[string][]byte) {
	var wants []string
	repeat := ""
	files := map[string][]byte{} // nil data: remove the file
	for _, line := range strings.Split(string(ar.Comment), "\n") {
		switch {
		case strings.HasPrefix(line, "want: "):
			wants = append(wants, strings.TrimPrefix(line, "want: "))
		case strings.HasPrefix(line, "delete: "):
			files[strings.TrimPrefix(line, "delete: ")] = nil
		case strings.HasPrefix(line, "repeat: "):
			f := strings.Fields(strings.TrimPrefix(line, "repeat: "))
			n, err := strconv.Atoi(f[1])
			if len(f) != 2 || err != nil {
				t.Fatalf("bad repeat line %q", line)
			}
			repeat = strings.Repeat(f[0], n)
		}
	}
	for _, f := range ar.Files {
		data := append([]byte{}, f.Data...) // never nil: nil means delete
		if repeat != "" {
			data = bytes.ReplaceAll(data, []byte("@@REPEAT@@"), []byte(repeat))
		}
		files[f.Name] = data
	}
	return wants, files
}

// options are the repository's folders with the case's files laid over them.
func options(t *testing.T, files map[string][]byte) site.Options {
	t.Helper()
	var o site.Options
	for _, in := range []struct {
		name string
		src  *site.Source
	}{{"content", &o.Content}, {"templates", &o.Templates}, {"static", &o.Static}} {
		m := foldertest.Read(t, in.name)
		for f, data := range files {
			if rest, ok := strings.CutPrefix(f, in.name+"/"); ok && data == nil {
				delete(m, rest)
			} else if ok {
				m[rest] = &fstest.MapFile{Data: data}
			}
		}
		*in.src = site.Source{FS: m, Name: in.name}
	}
	return o
}
