package minifier

import (
	"bytes"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/svg"
)

// htmlOptions are those of every HTML page: the document and end tags and
// the attributes' quotes stay, for readers and tools that parse the pages
// less leniently than browsers do.
func htmlOptions() html.Minifier {
	return html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepSpecialComments: false}
}

// templateM minifies html/template source: the text between actions is
// minified, the actions ({{…}}) are kept as they are.
var templateM = func() *minify.M {
	m := minify.New()
	o := htmlOptions()
	o.TemplateDelims = html.GoTemplateDelims
	m.Add("text/html", &o)
	m.AddFunc("image/svg+xml", svg.Minify)
	return m
}()

// Template minifies the source of an html/template once, when it is
// parsed, so that the pages made from it need no minifying: the HTML the
// template writes around its actions is then already as the minifier
// would leave it. What the actions write is text, escaped, or HTML made
// minified (Fragment).
func Template(src string) (string, error) {
	var b strings.Builder
	if err := templateM.Minify("text/html", &b, strings.NewReader(src)); err != nil {
		return "", err
	}
	return b.String(), nil
}

var fragmentM = New()

// Fragment minifies a piece of HTML that a template inserts as it is (a
// Markdown page's body, a chart's inline SVG) as it would be minified
// inside a whole page.
func Fragment(src string) (string, error) {
	var b bytes.Buffer
	data := []byte(src)
	b.Grow(len(data))
	if err := fragmentM.m.Minify("text/html", &b, source{bytes.NewReader(data), data}); err != nil {
		return "", err
	}
	return b.String(), nil
}
