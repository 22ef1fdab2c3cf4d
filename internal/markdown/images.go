package markdown

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"plansite/internal/plan"
	"plansite/internal/problem"
)

// markdownParser parses for the checks; a goldmark parser is safe for
// concurrent use once built.
var markdownParser = sync.OnceValue(func() parser.Parser { return newGoldmark().Parser() })

// checkBody reads the Markdown body src of file, which starts on line
// firstLine of the file, for what a page may not do or will not show.
//
// It refuses an image that a reader's browser would fetch from another host
// (https://other.example/a.png, //other.example/a.png, reference-style
// images alike) or from any other scheme (data:, file:): the site's pages
// request files from the site only, and its Content-Security-Policy would
// block them anyway. Links to other hosts are fine: a reader follows them
// by choice.
//
// It warns of raw HTML (<div>, <br>, <script>): the renderer leaves it out
// of the page, so that nothing in content can run, and an editor who wrote
// it should know it is not shown. One warning a page, at the first, with
// how many more there are.
func checkBody(file string, src []byte, firstLine int) ([]problem.Problem, error) {
	doc := markdownParser().Parse(text.NewReader(src))
	var found error
	var raw []int // offsets of raw HTML
	from := 0     // where the last text seen ends: an image's "![" comes after it
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			from = max(from, n.Segment.Stop)
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				raw = append(raw, n.Segments.At(0).Start)
			}
		case *ast.HTMLBlock:
			if n.Lines().Len() > 0 {
				raw = append(raw, n.Lines().At(0).Start)
			}
		case *ast.Image:
			dest := string(n.Destination)
			host, scheme := foreignURL(dest)
			if !host && !scheme {
				return ast.WalkContinue, nil
			}
			off := from
			if i := bytes.Index(src[from:], []byte("![")); i >= 0 {
				off += i
			}
			line, col := position(src, off, firstLine)
			msg := fmt.Sprintf("the image %q is on another host; the site requests nothing from other hosts: copy the image into static/ and link it as /static/…", short(dest))
			if !host {
				msg = fmt.Sprintf("the image %q is not a file of the site; the site requests nothing from elsewhere: copy the image into static/ and link it as /static/…", short(dest))
			}
			found = &problem.Problem{File: file, Line: line, Col: col, Msg: msg}
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if found != nil || len(raw) == 0 {
		return nil, found
	}
	slices.Sort(raw)
	line, col := position(src, raw[0], firstLine)
	tag := src[raw[0]:]
	if i := bytes.IndexByte(tag, '>'); i >= 0 {
		tag = tag[:i+1]
	}
	more := ""
	if n := len(raw) - 1; n > 0 {
		more = fmt.Sprintf(" (and %d more on this page)", n)
	}
	return []problem.Problem{{Severity: problem.Warning, File: file, Line: line, Col: col,
		Msg: fmt.Sprintf("raw HTML %s%s is left out of the page: plansite publishes no HTML from content, so that nothing in it can run; write it in Markdown", plan.QuoteCell(string(tag)), more)}}, nil
}

// position is the line and column (in characters) of the byte off of src,
// whose first line is firstLine of its file.
func position(src []byte, off, firstLine int) (line, col int) {
	line = firstLine + bytes.Count(src[:off], []byte("\n"))
	col = utf8.RuneCount(src[bytes.LastIndexByte(src[:off], '\n')+1:off]) + 1
	return line, col
}

// foreignURL reports whether a browser would fetch the address dest from
// another host, or through a scheme (data:, file:, …) rather than from
// the site. It reads dest as browsers do: spaces and control characters at
// the ends dropped, tabs and line breaks inside dropped, a backslash read
// as a slash (so /\other.example is //other.example).
func foreignURL(dest string) (host, scheme bool) {
	d := strings.TrimFunc(dest, func(r rune) bool { return r <= ' ' })
	d = strings.NewReplacer("\t", "", "\n", "", "\r", "", `\`, "/").Replace(d)
	if strings.HasPrefix(d, "//") {
		return true, false
	}
	// A scheme is a letter, then letters, digits, +, - and ., then a colon,
	// all before any /, ? or #.
	for i, c := range d {
		switch {
		case c == ':' && i > 0:
			return strings.HasPrefix(d[i+1:], "//"), true
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false, false
		}
	}
	return false, false
}

// short cuts an address to a length fit for a message: a data: address
// can be megabytes.
func short(s string) string {
	if utf8.RuneCountInString(s) <= 100 {
		return s
	}
	return string([]rune(s)[:100]) + "…"
}
