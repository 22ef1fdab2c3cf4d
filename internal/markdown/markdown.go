// Package markdown turns the Markdown pages of content/ into HTML: TOML
// front matter between +++ lines, then CommonMark with tables, without raw
// HTML (an editor's stray <script> is escaped, never run).
package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"

	"plansite/internal/plan"
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

// Error is a problem in a Markdown file's front matter.
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	if e.Col > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", plan.FileName(e.File), e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", plan.FileName(e.File), e.Line, e.Msg)
}

const fence = "+++"

// isFence reports whether line is the fence f, allowing trailing spaces.
func isFence(line, f string) bool { return strings.TrimRight(line, " \t\r") == f }

// Split separates the TOML front matter from the body and decodes it, and
// checks that the body embeds nothing from other hosts (foreignImage). A
// page without front matter is all body. Errors name the file and the line
// within it.
func Split(file string, src []byte) (FrontMatter, []byte, error) {
	var fm FrontMatter
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	text := strings.ReplaceAll(string(src), "\r\n", "\n")
	first, rest, _ := strings.Cut(text, "\n")
	if !isFence(first, fence) {
		if isFence(first, "---") {
			return fm, nil, &Error{File: file, Line: 1, Col: 1, Msg: "front matter must be TOML between +++ lines, not YAML between ---"}
		}
		return fm, []byte(text), foreignImage(file, []byte(text), 1)
	}
	var head, body string
	for pos := 0; ; {
		line, after, more := strings.Cut(rest[pos:], "\n")
		if isFence(line, fence) {
			head, body = rest[:pos], after
			break
		}
		if !more {
			return fm, nil, &Error{File: file, Line: 1, Col: 1, Msg: "front matter opened with +++ is never closed (no closing +++ line)"}
		}
		pos += len(line) + 1
	}
	md, err := DecodeTOML(head, &fm)
	if err != nil {
		line, col, msg := TOMLErrorPos(head, err)
		if line == 0 {
			line, col = 1, 1 // the opening +++: the error has no better place
		} else {
			line++ // the opening +++ line comes before the TOML
		}
		return fm, nil, &Error{File: file, Line: line, Col: col, Msg: "front matter: " + msg}
	}
	at := func(key ...string) (int, int) {
		line, col := KeyPos(head, key)
		if line == 0 {
			return 1, 1
		}
		return line + 1, col
	}
	if und := md.Undecoded(); len(und) > 0 {
		line, col := at(und[0]...)
		return fm, nil, &Error{File: file, Line: line, Col: col, Msg: fmt.Sprintf("front matter: unknown key %q (known: title, description, updated, weight)", und[0].String())}
	}
	if p := DateProblem(fm.Updated); fm.Updated != "" && p != "" {
		if p == notDate {
			p = "is not a date YYYY-MM-DD"
		}
		line, col := at("updated")
		return fm, nil, &Error{File: file, Line: line, Col: col, Msg: fmt.Sprintf("front matter: updated %q %s", fm.Updated, p)}
	}
	bodyLine := strings.Count(text[:len(text)-len(body)], "\n") + 1
	return fm, []byte(body), foreignImage(file, []byte(body), bodyLine)
}

// MaxTOMLDepth bounds how deeply a TOML document may nest keys and inline
// tables. BurntSushi/toml takes time quadratic in that depth (a 40 KB dotted
// key took half a minute, 20,000 nested inline tables minutes); settings and
// front matter need two or three levels.
const MaxTOMLDepth = 100

// DecodeTOML is toml.Decode with a bound on nesting (MaxTOMLDepth), so that
// no file can stall a build. A document nested too deeply gives a
// toml.ParseError placed at the line that goes too deep.
func DecodeTOML(src string, v any) (toml.MetaData, error) {
	depth, off := 0, 0 // open inline tables, which TOML 1.1 lets span lines
	for i, l := range strings.Split(src, "\n") {
		dots := 0
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "[") && !strings.HasPrefix(t, "[\"") {
			dots = strings.Count(t, ".") // [a.b.c]
		} else if key, _, ok := strings.Cut(l, "="); ok {
			dots = strings.Count(key, ".") // a.b.c = 1
		}
		for _, c := range l {
			switch c {
			case '{':
				depth++
			case '}':
				depth--
			}
			if depth > MaxTOMLDepth {
				break
			}
		}
		if dots > MaxTOMLDepth || depth > MaxTOMLDepth {
			return toml.MetaData{}, toml.ParseError{
				Message:  fmt.Sprintf("keys or tables nested more than %d deep", MaxTOMLDepth),
				Position: toml.Position{Line: i + 1, Col: 1, Start: off, Len: 1},
				Line:     i + 1,
			}
		}
		off += len(l) + 1
	}
	return toml.Decode(src, v)
}

// typeError is how BurntSushi/toml words a value of the wrong type: a plain
// error, not a ParseError, with the line inside the message.
var typeError = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "((?:[^"\\]|\\.)*)"\): (.*)$`)

// TOMLErrorPos locates an error that toml.Decode returned for src: its line
// and character (not byte) column, 0 when unknown, and a message for people.
func TOMLErrorPos(src string, err error) (line, col int, msg string) {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		line, col = pe.Position.Line, pe.Position.Col
		if s := pe.Position.Start; s >= 0 && s <= len(src) && line > 0 {
			lineStart := strings.LastIndexByte(src[:s], '\n') + 1
			col = utf8.RuneCountInString(src[lineStart:s]) + 1
		}
		return line, col, pe.Message
	}
	m := typeError.FindStringSubmatch(err.Error())
	if m == nil {
		return 0, 0, err.Error()
	}
	key, msg := m[2], m[3]
	if strings.Contains(msg, "time.Time") {
		msg += `; write dates in quotes, such as "2020-02-27"`
	}
	line, col = KeyPos(src, strings.Split(key, "."))
	if line == 0 {
		line, _ = strconv.Atoi(m[1])
	}
	return line, col, key + ": " + msg
}

// KeyPos finds the line and character column where the TOML document src
// sets key (or opens it as a table); 0, 0 when it cannot tell. It reads
// simple documents (key = value lines, [table] headers), which is what site
// configuration and front matter are; it only serves to place messages.
func KeyPos(src string, key []string) (line, col int) {
	want := strings.Join(key, ".")
	table := ""
	for i, l := range strings.Split(src, "\n") {
		t := strings.TrimSpace(l)
		indent := len(l) - len(strings.TrimLeft(l, " \t")) + 1 // spaces and tabs are one byte each
		var full string
		switch {
		case strings.HasPrefix(t, "["):
			name, _, _ := strings.Cut(strings.TrimLeft(t, "["), "]") // [table] # comment
			table = normalizeKey(name)
			full = table
		case strings.Contains(t, "=") && !strings.HasPrefix(t, "#"):
			k, _, _ := strings.Cut(t, "=")
			full = normalizeKey(k)
			if table != "" {
				full = table + "." + full
			}
		default:
			continue
		}
		if full == want {
			return i + 1, indent
		}
	}
	return 0, 0
}

// normalizeKey writes a dotted TOML key without spaces or quotes.
func normalizeKey(k string) string {
	parts := strings.Split(k, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}

// IsDate reports whether s is a day of the calendar written YYYY-MM-DD.
func IsDate(s string) bool { return DateProblem(s) == "" }

// notDate is DateProblem's answer for text not written YYYY-MM-DD.
const notDate = "is not YYYY-MM-DD"

// DateProblem says what is wrong with s as a date YYYY-MM-DD, to follow the
// date in a message, or "" when nothing is. The form is checked first, since
// time.Parse takes a sign in the year; time.Parse then refuses days the
// calendar does not have, such as 2023-02-31.
func DateProblem(s string) string {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return notDate
	}
	for i, c := range s {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return notDate
		}
	}
	if _, err := time.Parse(time.DateOnly, s); err == nil {
		return ""
	}
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[5:7])
	if m < 1 || m > 12 {
		return fmt.Sprintf("is not a day of the calendar: there is no month %s", s[5:7])
	}
	days := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return fmt.Sprintf("is not a day of the calendar: %s has %d days", s[:7], days)
}
