package site

import (
	"path"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// htmlPages returns every HTML page of the default site, parsed, in order.
func htmlPages(t *testing.T) ([]string, map[string]*html.Node) {
	t.Helper()
	files := generate(t, repoSources())
	docs := map[string]*html.Node{}
	var names []string
	for name, data := range files {
		if path.Ext(name) == ".html" {
			names = append(names, name)
			docs[name] = parseHTML(t, name, data)
		}
	}
	sort.Strings(names)
	return names, docs
}

// TestHeadingOrder: every page has one h1, first, and never skips a level
// on the way down (h2 → h4).
func TestHeadingOrder(t *testing.T) {
	names, docs := htmlPages(t)
	for _, name := range names {
		var levels []int
		walk(docs[name], func(n *html.Node) {
			if len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6' {
				levels = append(levels, int(n.Data[1]-'0'))
			}
		})
		if len(levels) == 0 || levels[0] != 1 {
			t.Errorf("%s: headings %v do not start with h1", name, levels)
			continue
		}
		h1 := 0
		for i, l := range levels {
			if l == 1 {
				h1++
			}
			if i > 0 && l > levels[i-1]+1 {
				t.Errorf("%s: h%d follows h%d (headings %v)", name, l, levels[i-1], levels)
			}
		}
		if h1 != 1 {
			t.Errorf("%s: %d h1 headings", name, h1)
		}
	}
}

// TestCSPSafe: the deployment's Content Security Policy allows only the
// site's own script and style files, so no page may carry an inline script,
// an event handler attribute or a style attribute, inline SVG included.
func TestCSPSafe(t *testing.T) {
	names, docs := htmlPages(t)
	for _, name := range names {
		walk(docs[name], func(n *html.Node) {
			if n.Data == "script" {
				if src, _ := attr(n, "src"); src == "" || strings.TrimSpace(fullText(n)) != "" {
					t.Errorf("%s: inline <script>", name)
				}
			}
			if n.Data == "style" {
				t.Errorf("%s: <style> element", name)
			}
			for _, a := range n.Attr {
				if a.Key == "style" || strings.HasPrefix(a.Key, "on") {
					t.Errorf("%s: <%s %s=%q>", name, n.Data, a.Key, a.Val)
				}
				if strings.HasPrefix(strings.TrimSpace(strings.ToLower(a.Val)), "javascript:") {
					t.Errorf("%s: javascript: URL in <%s %s>", name, n.Data, a.Key)
				}
			}
		})
	}
}

// TestSearchBoxAndSettings: every page has the header search box, a GET
// form to the search page with a labelled q field and a submit button (the
// search page has its own, larger one instead); every page has the reading
// settings, hidden until the script shows them, with aria-pressed buttons.
func TestSearchBoxAndSettings(t *testing.T) {
	names, docs := htmlPages(t)
	for _, name := range names {
		doc := docs[name]
		var forms []*html.Node
		for _, f := range find(doc, el("form")) {
			if mustAttr(f, "role") == "search" {
				forms = append(forms, f)
			}
		}
		header := find(doc, func(n *html.Node) bool { return n.Data == "header" && hasClass(n, "masthead") })
		inHeader := len(header) == 1 && len(find(header[0], el("form"))) == 1
		if name == "search/index.html" {
			if inHeader {
				t.Errorf("%s: two search boxes; the page's own is enough", name)
			}
		} else if !inHeader {
			t.Errorf("%s: no search box in the header", name)
		}
		if len(forms) == 0 {
			t.Errorf("%s: no search form", name)
		}
		for _, f := range forms {
			action := mustAttr(f, "action")
			if name == "404.html" {
				action = strings.TrimPrefix(action, "/")
			} else {
				action = path.Join(path.Dir("/"+name), action) + "/"
				action = strings.TrimPrefix(action, "/")
			}
			// The minifier drops method="get", the default.
			if m := strings.ToLower(mustAttr(f, "method")); action != "search/" || (m != "" && m != "get") {
				t.Errorf("%s: search form goes to %q by %q, want search/ by GET", name, mustAttr(f, "action"), mustAttr(f, "method"))
			}
			inputs := find(f, func(n *html.Node) bool { return n.Data == "input" && mustAttr(n, "name") == "q" })
			if len(inputs) != 1 {
				t.Errorf("%s: search form has %d q fields", name, len(inputs))
				continue
			}
			id := mustAttr(inputs[0], "id")
			labelled := mustAttr(inputs[0], "aria-label") != ""
			for _, l := range find(doc, el("label")) {
				if id != "" && mustAttr(l, "for") == id && strings.TrimSpace(fullText(l)) != "" {
					labelled = true
				}
			}
			if !labelled {
				t.Errorf("%s: search field has no label", name)
			}
			// type="submit" is the default, which the minifier drops.
			if len(find(f, func(n *html.Node) bool {
				return n.Data == "button" && (mustAttr(n, "type") == "submit" || mustAttr(n, "type") == "")
			})) != 1 {
				t.Errorf("%s: search form has no submit button", name)
			}
		}
		bars := find(doc, func(n *html.Node) bool { return mustAttr(n, "id") == "prefs" })
		if len(bars) != 1 {
			t.Errorf("%s: no reading settings", name)
			continue
		}
		if _, hidden := attr(bars[0], "hidden"); !hidden {
			t.Errorf("%s: reading settings not hidden for readers without JavaScript", name)
		}
		var sizes []string
		for _, b := range find(bars[0], el("button")) {
			if mustAttr(b, "aria-pressed") == "" || mustAttr(b, "type") != "button" {
				t.Errorf("%s: settings button %q without aria-pressed or type=button", name, fullText(b))
			}
			if s := mustAttr(b, "data-size"); s != "" && b.FirstChild != nil && b.FirstChild.Type == html.TextNode {
				sizes = append(sizes, b.FirstChild.Data)
			}
		}
		if strings.Join(sizes, "") != "大中小" {
			t.Errorf("%s: size buttons %v, want 大 中 小", name, sizes)
		}
	}
}

// TestSearchPageWithoutScript: before its script runs, the search page
// shows how to find text without it, and hides the empty results area.
func TestSearchPageWithoutScript(t *testing.T) {
	_, docs := htmlPages(t)
	doc := docs["search/index.html"]
	byID := func(id string) *html.Node {
		ns := find(doc, func(n *html.Node) bool { return mustAttr(n, "id") == id })
		if len(ns) != 1 {
			t.Fatalf("search page: %d elements with id %s", len(ns), id)
		}
		return ns[0]
	}
	if _, hidden := attr(byID("search-app"), "hidden"); !hidden {
		t.Error("results area is shown before the script runs")
	}
	nojs := byID("search-nojs")
	if _, hidden := attr(nojs, "hidden"); hidden {
		t.Error("the explanation for readers without JavaScript is hidden")
	}
	s := fullText(nojs)
	for _, want := range []string{"Ctrl+F", "在页面中查找", "全部任务列表"} {
		if !strings.Contains(s, want) {
			t.Errorf("explanation lacks %q: %s", want, s)
		}
	}
	if len(find(nojs, el("a"))) < 2 {
		t.Error("explanation links nowhere")
	}
}
