package site

import (
	"io/fs"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"plansite/internal/output"
)

// repoSources are the repository's own content, templates and static folders.
func repoSources() Options {
	return Options{
		Content:   Source{FS: os.DirFS("../../content"), Name: "content"},
		Templates: Source{FS: os.DirFS("../../templates"), Name: "templates"},
		Static:    Source{FS: os.DirFS("../../static"), Name: "static"},
		Version:   "test",
	}
}

// made is a site made into memory by the pipeline Build writes with.
type made struct {
	Files []output.File // sorted by path
	*Result
}

// makeSite makes the site of o into memory.
func makeSite(o Options) (*made, error) {
	b, err := prepare(o)
	if err != nil {
		return nil, err
	}
	m := &memory{files: map[string][]byte{}}
	r, err := b.write(m, nil)
	if err != nil {
		return nil, err
	}
	files := make([]output.File, 0, len(m.files))
	for _, p := range m.paths() {
		files = append(files, output.File{Path: p, Data: m.files[p]})
	}
	return &made{files, r}, nil
}

func generate(t *testing.T, o Options) map[string][]byte {
	t.Helper()
	r, err := makeSite(o)
	if err != nil {
		t.Fatal(err)
	}
	return filesMap(r.Files)
}

func filesMap(fs []output.File) map[string][]byte {
	m := make(map[string][]byte, len(fs))
	for _, f := range fs {
		m[f.Path] = f.Data
	}
	return m
}

func parseHTML(t *testing.T, name string, data []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(string(data)))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, class string) bool {
	v, _ := attr(n, "class")
	for _, c := range strings.Fields(v) {
		if c == class {
			return true
		}
	}
	return false
}

// walk calls fn for every element below n.
func walk(n *html.Node, fn func(*html.Node)) {
	if n.Type == html.ElementNode {
		fn(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

// find returns the elements below n for which match is true.
func find(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	walk(n, func(e *html.Node) {
		if match(e) {
			out = append(out, e)
		}
	})
	return out
}

// text is the text of n without that of links, buttons and hidden parts,
// which enhance the official text but are not part of it.
func text(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		if n.Type == html.ElementNode && (n.Data == "a" || n.Data == "button" || n.Data == "script") {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

// fullText includes the text of links.
func fullText(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

func el(tag string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == tag }
}

// hashDir returns the content of every file below dir.
func hashDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			b, err := os.ReadFile(dir + "/" + p)
			if err != nil {
				return err
			}
			m[p] = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}
