package pages

import (
	"html/template"
	"strings"
	"testing"
)

// A template run in a set of its own writes what it writes run in its
// whole set, the templates it calls included, and leaves that set as
// parsed: the kinds' sets copy from it.
func TestNamedSets(t *testing.T) {
	const src = `{{define "link"}}<a href="{{.}}" title="{{template "quote" .}}">{{template "text" .}}</a>{{end}}` +
		`{{define "text"}}<b>{{.}}</b>{{end}}` +
		`{{define "quote"}}“{{.}}”{{end}}` +
		`{{define "other"}}{{template "text" "x"}}<script>var v = {{.}};</script>{{end}}`
	whole := template.Must(template.New("base").Funcs(funcs).Parse(src))
	from := template.Must(template.New("base").Funcs(funcs).Parse(src))
	sets := newNamedSets(from, funcs)
	for _, name := range []string{"link", "other", "text", "link"} {
		for _, data := range []any{"a<b>&\"c'", "x y"} {
			var want, got strings.Builder
			if err := whole.ExecuteTemplate(&want, name, data); err != nil {
				t.Fatal(err)
			}
			if err := sets.ExecuteTemplate(&got, name, data); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("%s on %q: %s, in the whole set %s", name, data, got.String(), want.String())
			}
		}
	}
	if _, err := from.Clone(); err != nil {
		t.Errorf("the set copied from has run: %v", err)
	}
	err := sets.ExecuteTemplate(&strings.Builder{}, "nope", nil)
	if err == nil || !strings.Contains(err.Error(), `"nope" is undefined`) {
		t.Errorf("an undefined template: %v", err)
	}
}
