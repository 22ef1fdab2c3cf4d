package site

// Reading the pages the tests check, with golang.org/x/net/html.

import (
	"path"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

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

func el(tag string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == tag }
}

func elements(n *html.Node, tag string) []*html.Node { return find(n, el(tag)) }

func byID(n *html.Node, id string) *html.Node {
	if found := find(n, func(e *html.Node) bool { v, ok := attr(e, "id"); return ok && v == id }); len(found) > 0 {
		return found[0]
	}
	return nil
}

// text is the text of n without that of links, buttons and scripts, which
// enhance the official text but are not part of it.
func text(n *html.Node) string {
	return textBut(n, func(e *html.Node) bool { return e.Data == "a" || e.Data == "button" || e.Data == "script" })
}

// fullText is the text content of n, as the DOM's textContent gives it.
func fullText(n *html.Node) string { return textBut(n, func(*html.Node) bool { return false }) }

// textBut is the text of n less that of the elements skip is true for.
func textBut(n *html.Node, skip func(*html.Node) bool) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		if n.Type == html.ElementNode && skip(n) {
			return
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
