package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// markdownParser parses for the checks; a goldmark parser is safe for
// concurrent use once built.
var markdownParser = sync.OnceValue(func() parser.Parser { return newGoldmark().Parser() })

// foreignImage refuses an image of the Markdown body src that a reader's
// browser would fetch from another host (https://other.example/a.png,
// //other.example/a.png, reference-style images alike) or from any other
// scheme (data:, file:): the site's pages request files from the site
// only, and its Content-Security-Policy would block them anyway. Links to
// other hosts are fine: a reader follows them by choice. Raw HTML such as
// <img> is never rendered, so it needs no check. firstLine is the line of
// the file that src starts on.
func foreignImage(file string, src []byte, firstLine int) error {
	doc := markdownParser().Parse(text.NewReader(src))
	var found error
	from := 0 // where the last text seen ends: an image's "![" comes after it
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			from = max(from, n.Segment.Stop)
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
			line := firstLine + bytes.Count(src[:off], []byte("\n"))
			col := utf8.RuneCount(src[bytes.LastIndexByte(src[:off], '\n')+1:off]) + 1
			msg := fmt.Sprintf("the image %q is on another host; the site requests nothing from other hosts: copy the image into static/ and link it as /static/…", short(dest))
			if !host {
				msg = fmt.Sprintf("the image %q is not a file of the site; the site requests nothing from elsewhere: copy the image into static/ and link it as /static/…", short(dest))
			}
			found = &Error{File: file, Line: line, Col: col, Msg: msg}
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
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
