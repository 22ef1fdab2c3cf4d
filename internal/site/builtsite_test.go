package site_test

// Helpers of the tests of citations, sharing and open data: build
// the bundled site from the repository's folders and read its HTML with
// golang.org/x/net/html.

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"
	"golang.org/x/net/html"

	"plansite/internal/site"
)

// siteConfig is the part of content/site.toml the tests build their
// expectations from, read here independently of the loader under test.
type siteConfig struct {
	Title      string `toml:"title"`
	SiteName   string `toml:"site_name"`
	Attachment string `toml:"attachment"`
	Issuer     string `toml:"issuer"`
	Date       string `toml:"date"`
	Updated    string `toml:"updated"`
	BaseURL    string `toml:"base_url"`
}

// builtSite is a site built in memory, its files by path.
type builtSite struct {
	files map[string][]byte
	paths []string // sorted
	cfg   siteConfig
	docs  map[string]*html.Node // parsed pages, by path
}

func (b *builtSite) file(t *testing.T, p string) []byte {
	t.Helper()
	data, ok := b.files[p]
	if !ok {
		t.Fatalf("the site has no file %s", p)
	}
	return data
}

// doc parses an HTML file once; tests must not change the tree.
func (b *builtSite) doc(t *testing.T, p string) *html.Node {
	t.Helper()
	if n, ok := b.docs[p]; ok {
		return n
	}
	n, err := html.Parse(bytes.NewReader(b.file(t, p)))
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	b.docs[p] = n
	return n
}

// htmlPages lists the site's HTML files.
func (b *builtSite) htmlPages() []string {
	var out []string
	for _, p := range b.paths {
		if strings.HasSuffix(p, ".html") {
			out = append(out, p)
		}
	}
	return out
}

// repoFS reads a folder of the repository into memory, so a test can change
// a file without touching the repository.
func repoFS(t *testing.T, dir string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	root := os.DirFS(dir)
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(root, p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// buildContent builds the site from the given content folder and the
// repository's templates and static files.
func buildContent(t *testing.T, content fstest.MapFS) *builtSite {
	t.Helper()
	out := t.TempDir()
	_, err := site.Build(site.Options{
		Content:   site.Source{FS: content, Name: "content"},
		Templates: site.Source{FS: os.DirFS("../../templates"), Name: "templates"},
		Static:    site.Source{FS: os.DirFS("../../static"), Name: "static"},
		Version:   "test",
	}, out, nil)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	b := &builtSite{files: map[string][]byte{}, docs: map[string]*html.Node{}}
	err = fs.WalkDir(os.DirFS(out), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path.Join(out, p))
		b.files[p] = data
		b.paths = append(b.paths, p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(b.paths)
	if _, err := toml.Decode(string(content["site.toml"].Data), &b.cfg); err != nil {
		t.Fatal(err)
	}
	return b
}

var (
	defaultOnce sync.Once
	defaultSite *builtSite
)

// bundled is the default site, built once for all the tests.
func bundled(t *testing.T) *builtSite {
	t.Helper()
	defaultOnce.Do(func() {
		// A failure here fails the first test that asks; the others
		// then report that there is no site.
		defaultSite = buildContent(t, repoFS(t, "../../content"))
	})
	if defaultSite == nil {
		t.Fatal("the bundled site did not build")
	}
	return defaultSite
}

// Reading HTML.

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

// walk calls fn on every element under n.
func walk(n *html.Node, fn func(*html.Node)) {
	if n.Type == html.ElementNode {
		fn(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func elements(n *html.Node, tag string) []*html.Node {
	var out []*html.Node
	walk(n, func(e *html.Node) {
		if e.Data == tag {
			out = append(out, e)
		}
	})
	return out
}

func byID(n *html.Node, id string) *html.Node {
	var found *html.Node
	walk(n, func(e *html.Node) {
		if v, ok := attr(e, "id"); ok && v == id && found == nil {
			found = e
		}
	})
	return found
}

func ids(n *html.Node) map[string]bool {
	out := map[string]bool{}
	walk(n, func(e *html.Node) {
		if v, ok := attr(e, "id"); ok {
			out[v] = true
		}
	})
	return out
}

// text is the text content of n, as the DOM's textContent gives it.
func text(n *html.Node) string {
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

// metas maps the name or property of every <meta> in the head to its
// contents, in order.
func metas(doc *html.Node) map[string][]string {
	out := map[string][]string{}
	for _, m := range elements(doc, "meta") {
		key, ok := attr(m, "property")
		if !ok {
			key, ok = attr(m, "name")
		}
		if ok {
			v, _ := attr(m, "content")
			out[key] = append(out[key], v)
		}
	}
	return out
}

// links maps rel to the hrefs of the <link> elements with that rel.
func links(doc *html.Node) map[string][]string {
	out := map[string][]string{}
	for _, l := range elements(doc, "link") {
		rel, _ := attr(l, "rel")
		href, _ := attr(l, "href")
		out[rel] = append(out[rel], href)
	}
	return out
}

// kindOf reads a page's kind from its body class (kind-task …).
func kindOf(doc *html.Node) string {
	for _, b := range elements(doc, "body") {
		v, _ := attr(b, "class")
		for _, c := range strings.Fields(v) {
			if strings.HasPrefix(c, "kind-") {
				return strings.TrimPrefix(c, "kind-")
			}
		}
	}
	return ""
}

// pagePath is the site path of an HTML file: tasks/7/index.html → tasks/7/.
func pagePath(file string) string {
	if path.Base(file) == "index.html" {
		d := path.Dir(file)
		if d == "." {
			return ""
		}
		return d + "/"
	}
	return file
}

// resolve turns a link on the page at file into a site file path and a
// fragment; ok is false for links that leave the site.
func resolve(file, href string) (target, frag string, ok bool) {
	if strings.Contains(href, "://") || strings.HasPrefix(href, "mailto:") || strings.HasPrefix(href, "//") {
		return "", "", false
	}
	if i := strings.IndexByte(href, '#'); i >= 0 {
		href, frag = href[:i], href[i+1:]
	}
	if i := strings.IndexByte(href, '?'); i >= 0 {
		href = href[:i]
	}
	if href == "" {
		return file, frag, true
	}
	p := path.Join(path.Dir(file), href)
	if strings.HasSuffix(href, "/") || p == "." {
		if p == "." {
			return "index.html", frag, true
		}
		return p + "/index.html", frag, true
	}
	return p, frag, true
}
