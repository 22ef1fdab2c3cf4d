package pages

import (
	"strings"
	"testing"
	"testing/fstest"

	"plansite/internal/foldertest"
)

func TestSameActions(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"", "", true},
		{"<p>a</p>", "<p>b</p>", true},
		{"<p> {{.X}} </p>\n{{if .Y}}y{{end}}", "<p>{{.X}}</p>{{if .Y}}y{{end}}", true},
		{"<!-- {{.X}} --><p>{{.Y}}</p>", "<p>{{.Y}}</p>", false},
		{"<p>{{.X}}</p>", "<p>{{.Z}}</p>", false},
		{"<p>{{.X}}</p>", "<p>{{ .X }}</p>", false},
		{"{{.X}}{{.Y}}", "{{.Y}}{{.X}}", false},
		{"<p>{{.X</p>", "<p>{{.X</p>", true},
		{"<p>{{.X</p>", "<p>{{.X </p>", false},
		{"{{.X}}", "", false},
	} {
		if got := sameActions(c.a, c.b); got != c.want {
			t.Errorf("sameActions(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// The minifier drops an HTML comment, and an action inside it: the file
// as written still does not parse, and Parse says where, as it says of an
// error anywhere else in the file.
func TestParseFindsErrorsInWhatMinifyingDrops(t *testing.T) {
	broken := "<!-- {{.Title -->\n"
	for _, name := range []string{"base.html", "pager.html", "task.html", "progress.html"} {
		t.Run(name, func(t *testing.T) {
			fsys := foldertest.Read(t, "../../templates")
			text := string(fsys[name].Data)
			if name == "base.html" {
				text = broken + text
			} else {
				text = strings.Replace(text, "{{end}}", "{{end}}"+broken, 1)
			}
			fsys[name] = &fstest.MapFile{Data: []byte(text)}
			_, err := Parse(fsys, "templates")
			if err == nil || !strings.Contains(err.Error(), "templates/"+name+":") || strings.Contains(err.Error(), "minified") {
				t.Fatalf("error %v, want one at templates/%s as written", err, name)
			}
		})
	}
	// As written and minified, the bundled templates parse.
	if _, err := Parse(foldertest.Read(t, "../../templates"), "templates"); err != nil {
		t.Fatal(err)
	}
}
