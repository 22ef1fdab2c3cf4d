package pages

import (
	"bytes"
	"html/template"
	"io/fs"
	"os"
	"strings"
	"testing"
	"text/template/parse"

	"plansite/internal/markdown"
)

// Only the escapers that change nothing are dropped: those after a
// function that returns HTML, written between tags.
func TestDropHTMLEscapers(t *testing.T) {
	fm := template.FuncMap{
		"h": func(s string) template.HTML { return template.HTML(s) },
		"s": func(s string) string { return s },
	}
	const src = `<p>{{h .}}</p><p title="{{h .}}">{{s .}}</p><a href="{{h .}}">{{h . | print}}</a><script>var x = {{h .}};</script>`
	set := template.Must(template.New("t").Funcs(fm).Parse(src))
	data := `<b title="x">a&amp;b</b> "q" javascript:1`
	var before, after bytes.Buffer
	if err := set.Execute(&before, data); err != nil {
		t.Fatal(err)
	}
	n := escapers(set)
	dropHTMLEscapers(set, htmlFuncs(fm))
	if got := escapers(set); got != n-1 {
		t.Errorf("%d HTML escapers left of %d, want one dropped, the <p>'s", got, n)
	}
	if err := set.Execute(&after, data); err != nil {
		t.Fatal(err)
	}
	if before.String() != after.String() {
		t.Errorf("dropping the escapers changed the output:\n%s\n%s", before.String(), after.String())
	}
}

// escapers counts the HTML escapers of set's actions.
func escapers(set *template.Template) int {
	n := 0
	var walk func(parse.Node)
	walk = func(node parse.Node) {
		switch node := node.(type) {
		case *parse.ListNode:
			if node != nil {
				for _, c := range node.Nodes {
					walk(c)
				}
			}
		case *parse.ActionNode:
			for _, c := range node.Pipe.Cmds {
				if isIdent(c, htmlEscaper) {
					n++
				}
			}
		case *parse.IfNode:
			walk(node.List)
			walk(node.ElseList)
		case *parse.RangeNode:
			walk(node.List)
			walk(node.ElseList)
		case *parse.WithNode:
			walk(node.List)
			walk(node.ElseList)
		}
	}
	for _, t := range set.Templates() {
		if t.Tree != nil {
			walk(t.Tree.Root)
		}
	}
	return n
}

// Every page of the bundled table and of a table with progress reports is
// the same byte for byte whether the escapers are dropped or not, and
// some are.
func TestDroppedEscapersChangeNoPage(t *testing.T) {
	for _, dir := range []string{"../../content", "../../examples/progress-demo/content"} {
		t.Run(dir, func(t *testing.T) {
			kept := renderAll(t, os.DirFS(dir), false)
			dropped := renderAll(t, os.DirFS(dir), true)
			for path, page := range kept.pages {
				if dropped.pages[path] != page {
					t.Errorf("/%s differs when the escapers are dropped", path)
				}
			}
			if dropped.escapers >= kept.escapers {
				t.Errorf("the task template has %d HTML escapers with dropping, %d without", dropped.escapers, kept.escapers)
			}
		})
	}
}

type allPages struct {
	pages    map[string]string
	escapers int // in the task page's template, once rendered
}

func renderAll(t *testing.T, content fs.FS, drop bool) allPages {
	t.Helper()
	c, tmpl := loadWithTemplates(t, content)
	tmpl.keepEscapers = !drop
	list, err := Pages(testContext(c, tmpl), markdown.New())
	if err != nil {
		t.Fatal(err)
	}
	r := allPages{pages: map[string]string{}}
	var b bytes.Buffer
	for _, p := range list {
		if err := tmpl.RenderTo(&b, p); err != nil {
			t.Fatalf("%s: %v", p.Path, err)
		}
		r.pages[p.Path] = b.String()
		if strings.HasPrefix(p.Path, "tasks/") {
			r.escapers = escapers(tmpl.kinds[p.Kind].tmpl)
		}
	}
	return r
}

// htmlText escapes as html/template does a string between tags.
func TestHTMLText(t *testing.T) {
	tmpl := template.Must(template.New("t").Parse(`<p>{{.}}</p>`))
	for _, s := range []string{"", "配合部门", `a<b>&"c'+d`, "x\x00y", "&amp;", "+1 + 2", "＋全角", "\xff"} {
		var b strings.Builder
		if err := tmpl.Execute(&b, s); err != nil {
			t.Fatal(err)
		}
		if want := strings.TrimSuffix(strings.TrimPrefix(b.String(), "<p>"), "</p>"); htmlText(s) != want {
			t.Errorf("htmlText(%q) = %q, html/template writes %q", s, htmlText(s), want)
		}
	}
}
