// Package minifier shrinks generated files by type with tdewolff/minify.
// One instance is built at start and shared: it is safe for concurrent use.
package minifier

import (
	"bytes"
	"path"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
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
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepSpecialComments: false})
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

// FileTo minifies data according to the extension of name into dst, which
// is reset first; other files are copied as they are. Reusing dst saves an
// allocation per file.
func (m *Minifier) FileTo(dst *bytes.Buffer, name string, data []byte) error {
	dst.Reset()
	mt, ok := types[path.Ext(name)]
	if !ok {
		dst.Write(data)
		return nil
	}
	dst.Grow(len(data))
	return m.m.Minify(mt, dst, source{bytes.NewReader(data), data})
}

// source is data to minify. Its Bytes method lets the minifier's parser
// use the data where it lies; from a plain reader it reads a copy, grown
// step by step, for every file.
type source struct {
	*bytes.Reader
	data []byte
}

func (s source) Bytes() []byte { return s.data }

// File minifies data according to the extension of name. Other files are
// returned as they are.
func (m *Minifier) File(name string, data []byte) ([]byte, error) {
	mt, ok := types[path.Ext(name)]
	if !ok {
		return data, nil
	}
	var b bytes.Buffer
	b.Grow(len(data))
	if err := m.m.Minify(mt, &b, source{bytes.NewReader(data), data}); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
