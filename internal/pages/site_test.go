package pages

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"

	"plansite/internal/load"
	"plansite/internal/markdown"
)

// rendered is a site made from content, every page rendered with the
// bundled templates: its HTML by the page's path.
type rendered struct {
	s     *Context
	pages map[string]string
}

func render(t *testing.T, content fstest.MapFS) rendered {
	t.Helper()
	c, tmpl := loadWithTemplates(t, content)
	s := testContext(c, tmpl)
	list, err := Pages(s, markdown.New())
	if err != nil {
		t.Fatal(err)
	}
	r := rendered{s, map[string]string{}}
	var b bytes.Buffer
	for _, p := range list {
		if err := tmpl.RenderTo(&b, p); err != nil {
			t.Fatalf("%s: %v", p.Path, err)
		}
		r.pages[p.Path] = b.String()
	}
	return r
}

// loadWithTemplates reads content and the bundled templates.
func loadWithTemplates(t *testing.T, content fs.FS) (*load.Content, *Templates) {
	t.Helper()
	c, _, err := load.Read(content, "content")
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := Parse(os.DirFS("../../templates"), "templates")
	if err != nil {
		t.Fatal(err)
	}
	return c, tmpl
}

// testContext is the site of content c with the templates tmpl, at
// https://example.org/p/.
func testContext(c *load.Content, tmpl *Templates) *Context {
	return &Context{Plan: c.Plan, Config: c.Config, BaseURL: "https://example.org/p/", BasePath: "/p/", Pages: c.Pages, Progress: c.Progress,
		Labels: tmpl.Labels, Assets: map[string]string{"style.css": "static/style.css", "favicon.svg": "static/favicon.svg",
			"prefs.js": "static/prefs.js", "search.js": "static/search.js", "cite.js": "static/cite.js"}}
}

// page is the page at path, parsed.
func (r rendered) page(t *testing.T, path string) *html.Node {
	t.Helper()
	text, ok := r.pages[path]
	if !ok {
		t.Fatalf("no page %q", path)
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// all are the elements under n that match.
func all(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func tag(name string) func(*html.Node) bool { return func(n *html.Node) bool { return n.Data == name } }

func classed(class string) func(*html.Node) bool {
	return func(n *html.Node) bool { return strings.Contains(" "+attr(n, "class")+" ", " "+class+" ") }
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// text is the text of n, its elements' included.
func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// content is a content folder: site.toml and the files given.
func content(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{"site.toml": {Data: []byte("title = \"示例计划\"\nattachment = \"附件\"\ndate = \"2023-03-01\"\nbase_url = \"https://example.org/p/\"\n")}}
	for name, data := range files {
		m[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return m
}
