package pages

import (
	"html/template"
	"slices"
	"strings"
	"testing"
)

// A kind's set holds the kind's file and the templates of base.html's set
// that its page reaches, and runs as if the file had been parsed into a
// copy of the whole set.
func TestKindTemplates(t *testing.T) {
	const base = `<p>{{block "title" .}}base title{{end}}</p>{{template "layout" .}}` +
		`{{define "layout"}}<main>{{template "main" .}}</main>{{template "foot" .}}{{end}}` +
		`{{define "main"}}base main{{end}}` +
		`{{define "foot"}}<footer>{{if .}}{{template "note" .}}{{end}}</footer>{{end}}` +
		`{{define "note"}}{{.}}{{end}}` +
		`{{define "fragment-only"}}never called with template{{end}}`
	for _, c := range []struct {
		name, kind, want string
		has, lacks       []string
	}{
		{
			name: "the kind's block, called through a template of base",
			kind: `{{define "main"}}kind main{{end}}`,
			want: `<p>base title</p><main>kind main</main><footer>x</footer>`,
			has:  []string{"layout", "main", "foot", "note"},
		},
		{
			name:  "a definition in the file replaces base's everywhere it is called",
			kind:  `{{define "title"}}kind title{{end}}{{define "foot"}}<footer>own</footer>{{end}}{{define "main"}}m{{end}}`,
			want:  `<p>kind title</p><main>m</main><footer>own</footer>`,
			lacks: []string{"note"},
		},
		{
			name: "an empty definition leaves base's",
			kind: `{{define "main"}}{{end}}{{define "title"}}t{{end}}`,
			want: `<p>t</p><main>base main</main><footer>x</footer>`,
		},
		{
			name: "the file's own templates, called from its blocks",
			kind: `{{define "main"}}{{template "row" .}}{{template "note" "n"}}{{end}}{{define "row"}}<b>{{.}}</b>{{end}}`,
			want: `<p>base title</p><main><b>x</b>n</main><footer>x</footer>`,
			has:  []string{"row", "note"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			from := template.Must(template.New("templates/base.html").Funcs(funcs).Parse(base))
			set, err := kindTemplates(from, funcs, kindFile{"templates/k.html", c.kind})
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			if err := set.Execute(&b, "x"); err != nil {
				t.Fatal(err)
			}
			if b.String() != c.want {
				t.Errorf("page %q, want %q", b.String(), c.want)
			}
			// As parsed into a copy of the whole set, the old way.
			whole := template.Must(template.Must(from.Clone()).New("templates/k.html").Parse(c.kind))
			var w strings.Builder
			if err := whole.ExecuteTemplate(&w, "templates/base.html", "x"); err != nil {
				t.Fatal(err)
			}
			if w.String() != b.String() {
				t.Errorf("page %q, parsed into the whole set %q", b.String(), w.String())
			}
			var names []string
			for _, x := range set.Templates() {
				names = append(names, x.Name())
			}
			if slices.Contains(names, "fragment-only") {
				t.Errorf("the set holds a template its page never calls: %v", names)
			}
			for _, n := range c.has {
				if !slices.Contains(names, n) {
					t.Errorf("the set lacks %q, which its page calls: %v", n, names)
				}
			}
			for _, n := range c.lacks {
				if slices.Contains(names, n) {
					t.Errorf("the set holds %q, which only a replaced template calls: %v", n, names)
				}
			}
			// The set's templates are copies: running it escapes them,
			// and base's are left as parsed.
			if strings.Contains(from.Lookup("foot").Tree.Root.String(), "_html_template") {
				t.Error("running the kind's set escaped base's own templates")
			}
		})
	}
}
