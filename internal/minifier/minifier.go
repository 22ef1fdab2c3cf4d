// Package minifier shrinks generated files by type with tdewolff/minify.
// One instance is built at start and shared: it is safe for concurrent use.
package minifier

import (
	"bytes"
	"io"
	"path"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// Minifier minifies by file extension.
type Minifier struct{ m *minify.M }

// New builds the minifier for HTML, CSS, JS, SVG, JSON and XML.
func New() *Minifier {
	m := minify.New()
	o := htmlOptions()
	m.Add("text/html", &o)
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return &Minifier{m: m}
}

var types = map[string]string{
	".html": "text/html", ".css": "text/css", ".js": "application/javascript", ".svg": "image/svg+xml",
	".json": "application/json", ".xml": "application/xml", ".webmanifest": "application/manifest+json",
}

// Minifies reports whether Minify changes a file called name; any other
// file is passed through as it is, and may be copied as a stream instead.
func (m *Minifier) Minifies(name string) bool {
	_, ok := types[path.Ext(name)]
	return ok
}

// Minify writes data to w minified according to the extension of name;
// other files are written as they are. Writing into the caller's writer
// lets a worker reuse one buffer for every page and a stream minify piece
// by piece.
func (m *Minifier) Minify(w io.Writer, name string, data []byte) error {
	mt, ok := types[path.Ext(name)]
	if !ok {
		_, err := w.Write(data)
		return err
	}
	if b, ok := w.(*bytes.Buffer); ok {
		b.Grow(len(data))
	}
	return m.m.Minify(mt, w, source{bytes.NewReader(data), data})
}

// source is data to minify. Its Bytes method lets the minifier's parser
// use the data where it lies; from a plain reader it reads a copy, grown
// step by step, for every file.
type source struct {
	*bytes.Reader
	data []byte
}

func (s source) Bytes() []byte { return s.data }
