// Package markdown turns the Markdown pages of content/ into HTML: TOML
// front matter between +++ lines, then CommonMark with tables, without raw
// HTML (an editor's stray <script> is escaped, never run).
package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// FrontMatter is the header of a Markdown page.
type FrontMatter struct {
	Title       string `toml:"title"`
	Description string `toml:"description"`
	Updated     string `toml:"updated"` // YYYY-MM-DD
	Weight      int    `toml:"weight"`  // order in the navigation; 0 keeps it out
}

// Renderer converts Markdown. Build it once and reuse it: goldmark's parser
// setup is the expensive part.
type Renderer struct{ md goldmark.Markdown }

// New returns a Renderer. Raw HTML in the source is not passed through.
func New() *Renderer {
	return &Renderer{md: goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)}
}

// Render converts Markdown source to HTML.
func (r *Renderer) Render(src []byte) (template.HTML, error) {
	var b bytes.Buffer
	if err := r.md.Convert(src, &b); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// Error is a problem in a Markdown file's front matter.
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	if e.Col > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

const fence = "+++"

// Split separates the TOML front matter from the body and decodes it. A
// page without front matter is all body. Errors name the file and the line
// within it.
func Split(file string, src []byte) (FrontMatter, []byte, error) {
	var fm FrontMatter
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	text := strings.ReplaceAll(string(src), "\r\n", "\n")
	if !strings.HasPrefix(text, fence+"\n") && text != fence {
		if strings.HasPrefix(text, "---\n") {
			return fm, nil, &Error{File: file, Line: 1, Col: 1, Msg: "front matter must be TOML between +++ lines, not YAML between ---"}
		}
		return fm, []byte(text), nil
	}
	rest := text[len(fence)+1:]
	end := strings.Index(rest, "\n"+fence+"\n")
	var head, body string
	switch {
	case strings.HasPrefix(rest, fence+"\n"):
		head, body = "", rest[len(fence)+1:]
	case end >= 0:
		head, body = rest[:end+1], rest[end+len(fence)+2:]
	case strings.HasSuffix(rest, "\n"+fence):
		head, body = rest[:len(rest)-len(fence)], ""
	default:
		return fm, nil, &Error{File: file, Line: 1, Col: 1, Msg: "front matter opened with +++ is never closed"}
	}
	md, err := toml.Decode(head, &fm)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			// +1: the opening +++ line comes before the TOML.
			return fm, nil, &Error{File: file, Line: pe.Position.Line + 1, Col: pe.Position.Col, Msg: "front matter: " + pe.Message}
		}
		return fm, nil, &Error{File: file, Line: 2, Msg: "front matter: " + err.Error()}
	}
	if und := md.Undecoded(); len(und) > 0 {
		return fm, nil, &Error{File: file, Line: 2, Msg: fmt.Sprintf("front matter: unknown key %q (known: title, description, updated, weight)", und[0].String())}
	}
	if fm.Updated != "" && !IsDate(fm.Updated) {
		return fm, nil, &Error{File: file, Line: 2, Msg: fmt.Sprintf("front matter: updated %q is not a date YYYY-MM-DD", fm.Updated)}
	}
	return fm, []byte(body), nil
}

// IsDate reports whether s is a date written YYYY-MM-DD.
func IsDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range s {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	m, d := (s[5]-'0')*10+s[6]-'0', (s[8]-'0')*10+s[9]-'0'
	return m >= 1 && m <= 12 && d >= 1 && d <= 31
}
