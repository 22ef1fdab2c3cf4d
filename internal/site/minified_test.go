package site

import (
	"bytes"
	"path"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestPagesAreMinified: pages are not minified whole any more; their
// templates are, once, when they are parsed (pages.Parse), and the charts
// and Markdown bodies they insert are minified where they are made. This
// test minifies every built page again and holds the result to the page.
//
// The two are the same document: the same tags, in the same order, with
// the same attributes and values, and the same text. The bytes may differ
// in two ways only, both of which the minifier itself treats as
// insignificant, as it rewrites them in any page:
//   - White space next to a template action ({{…}}), mostly a line break
//     between two actions or between an action and a tag. While minifying
//     the template the minifier cannot know what the action will write,
//     so it keeps that white space; once it sees the page, it drops white
//     space between block elements and collapses runs in text.
//   - Characters html/template writes as references (&#43; for +, &#34;
//     and &#39; for quotes in text), which the minifier writes as the
//     characters. The tokenizer below decodes both spellings alike.
//
// Also, a cell's text is now written as it is: minifying whole pages used
// to collapse runs of white space in it, blank lines of cells shown with
// white-space: pre-line included. Such runs are compared collapsed.
func TestPagesAreMinified(t *testing.T) {
	_, mini := engines()
	for name, o := range streamSites(t) {
		var size, minSize, pages int
		for p, data := range generate(t, o) {
			if path.Ext(p) != ".html" {
				continue
			}
			pages++
			var m bytes.Buffer
			// A copy: the minifier may rewrite its input in place.
			if err := mini.Minify(&m, p, bytes.Clone(data)); err != nil {
				t.Fatalf("%s: %s: %v", name, p, err)
			}
			size, minSize = size+len(data), minSize+m.Len()
			if diff := sameDocument(data, m.Bytes()); diff != "" {
				t.Errorf("%s: %s changes when minified again: %s", name, p, diff)
			}
		}
		// The white space kept beside actions is a few bytes a page.
		if extra := float64(size-minSize) / float64(minSize); extra > 0.005 || pages < 20 {
			t.Errorf("%s: %d pages of %d bytes, %d once minified again (%.2f%% more)", name, pages, size, minSize, 100*extra)
		}
	}
}

// sameDocument compares two HTML documents token by token, ignoring white
// space between tags and collapsing runs of it in text, and returns the
// first difference, or "" for none.
func sameDocument(a, b []byte) string {
	ta, tb := tokens(a), tokens(b)
	for i := 0; i < len(ta) || i < len(tb); i++ {
		if i >= len(ta) || i >= len(tb) {
			return "one ends first"
		}
		if ta[i] != tb[i] {
			return ta[i] + " ≠ " + tb[i]
		}
	}
	return ""
}

// tokens lists a document's tokens as strings: tags with their attributes
// decoded and sorted as written, text with its white space collapsed.
func tokens(doc []byte) []string {
	z := html.NewTokenizer(bytes.NewReader(doc))
	var out []string
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		tok := z.Token()
		switch tt {
		case html.TextToken:
			text := strings.Join(strings.Fields(tok.Data), " ")
			if text != "" {
				out = append(out, "text "+text)
			}
		case html.CommentToken:
			out = append(out, "comment "+tok.Data)
		default:
			var s strings.Builder
			s.WriteString(tok.Type.String() + " " + tok.Data)
			for _, a := range tok.Attr {
				s.WriteString(" " + a.Key + "=" + a.Val)
			}
			out = append(out, s.String())
		}
	}
}
