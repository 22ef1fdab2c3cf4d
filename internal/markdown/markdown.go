// Package markdown reads the Markdown pages of content/. Split separates a
// page's TOML front matter (between +++ lines) from its body, checks the
// front matter's keys and date, and refuses images the body would fetch
// from other hosts, and warns of raw HTML. A Renderer turns the body into
// HTML: CommonMark with tables, strikethrough and bare links; raw HTML is
// left out (goldmark writes <!-- raw HTML omitted --> in its place), so an
// editor's stray <script> never runs. Reading TOML and dates is config's, shared
// with site.toml so that both place their messages alike.
package markdown

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"

	"plansite/internal/config"
	"plansite/internal/problem"
)

// Page is a Markdown page of the content folder.
type Page struct {
	File string // content/about.md
	Path string // about/
	FrontMatter
	Body []byte // Markdown, front matter removed
}

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
func New() *Renderer { return &Renderer{md: newGoldmark()} }

// newGoldmark is the one Markdown setup, shared by rendering and by the
// checks of Split, so that both read a page alike.
func newGoldmark() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
}

// Render converts Markdown source to HTML.
func (r *Renderer) Render(src []byte) (template.HTML, error) {
	var b bytes.Buffer
	if err := r.md.Convert(src, &b); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

const fence = "+++"

// isFence reports whether line is the fence f, allowing trailing spaces.
func isFence(line, f string) bool { return strings.TrimRight(line, " \t\r") == f }

// Split separates the TOML front matter from the body and decodes it, and
// checks the body (checkBody): nothing embedded from other hosts, a warning
// for raw HTML. A page without front matter is all body. Errors and
// warnings name the file and the line within it.
func Split(file string, src []byte) (FrontMatter, []byte, []problem.Problem, error) {
	var fm FrontMatter
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	text := strings.ReplaceAll(string(src), "\r\n", "\n")
	first, rest, _ := strings.Cut(text, "\n")
	if !isFence(first, fence) {
		if isFence(first, "---") {
			return fm, nil, nil, &problem.Problem{File: file, Line: 1, Col: 1, Msg: "front matter must be TOML between +++ lines, not YAML between ---"}
		}
		warns, err := checkBody(file, []byte(text), 1)
		return fm, []byte(text), warns, err
	}
	var head, body string
	for pos := 0; ; {
		line, after, more := strings.Cut(rest[pos:], "\n")
		if isFence(line, fence) {
			head, body = rest[:pos], after
			break
		}
		if !more {
			return fm, nil, nil, &problem.Problem{File: file, Line: 1, Col: 1, Msg: "front matter opened with +++ is never closed (no closing +++ line)"}
		}
		pos += len(line) + 1
	}
	md, err := config.DecodeTOML(head, &fm)
	if err != nil {
		line, col, msg := config.TOMLErrorPos(head, err)
		if line == 0 {
			line, col = 1, 1 // the opening +++: the error has no better place
		} else {
			line++ // the opening +++ line comes before the TOML
		}
		return fm, nil, nil, &problem.Problem{File: file, Line: line, Col: col, Msg: "front matter: " + msg}
	}
	at := func(key ...string) (int, int) {
		line, col := config.KeyPos(head, key)
		if line == 0 {
			return 1, 1
		}
		return line + 1, col
	}
	if und := md.Undecoded(); len(und) > 0 {
		line, col := at(und[0]...)
		return fm, nil, nil, &problem.Problem{File: file, Line: line, Col: col, Msg: fmt.Sprintf("front matter: unknown key %q (known: title, description, updated, weight)", und[0].String())}
	}
	if p := config.DateProblem(fm.Updated); fm.Updated != "" && p != "" {
		if p == config.NotDate {
			p = "is not a date YYYY-MM-DD"
		}
		line, col := at("updated")
		return fm, nil, nil, &problem.Problem{File: file, Line: line, Col: col, Msg: fmt.Sprintf("front matter: updated %q %s", fm.Updated, p)}
	}
	bodyLine := strings.Count(text[:len(text)-len(body)], "\n") + 1
	warns, err := checkBody(file, []byte(body), bodyLine)
	return fm, []byte(body), warns, err
}
