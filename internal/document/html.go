package document

import (
	"io"
	"plansite/internal/problem"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// An HTML page (saved from a portal, or Word's and WPS's "save as web
// page") is read as a stream of tokens, never as a tree, with the text a
// browser shows (lines.go says how whitespace, <br> and blocks become
// lines). Comments are dropped, and with them Word's conditional comments
// (<!--[if gte mso 9]>…<![endif]-->); the text between Word's
// <![if …]> and <![endif]> markers, which browsers show, is kept. The text
// of <script>, <style>, <noscript>, <template>, <textarea>, <svg>, <math>
// and of elements marked hidden or style="display:none" is left out (a
// hidden element ends at its end tag or at the next tag of a table's
// structure, where a browser's parser would close it).
//
// Tables: rows come from <thead> first, then <tbody> and bare rows in
// order, then <tfoot>, as a browser shows them; the first <thead>'s rows
// are the table's HeaderRows. <td> and <th> are alike. colspan and rowspan
// follow HTML's table model: a cell takes the first place no cell above
// reaches into; a missing, zero or unreadable colspan is 1; rowspan="0"
// reaches to the end of its row group and a rowspan never reaches past it
// (said in a warning); a colspan that would overlap a cell reaching down
// from above is narrowed (warned). A table nested in a cell is a table of
// its own, and its text is also the cell's, a line for each of its cells.
// <caption> is the table's Caption. Text outside tables is the document's
// Paragraphs, a line each; <title> is its Title.

// readHTML reads an HTML page.
func readHTML(file string, data []byte, lim limits) (*Document, error) {
	if len(data) > MaxHTML {
		return nil, fileError(file, "the page is %s, over the limit of %s for a web page: is this the wrong file?", byteCount(int64(len(data))), megabytes(MaxHTML))
	}
	text, _, err := decodeHTML(file, data)
	if err != nil {
		return nil, err
	}
	doc := &Document{File: file, Format: "html"}
	h := &htmlReader{z: html.NewTokenizer(strings.NewReader(text)), b: &budget{file: file, lim: lim}, doc: doc}
	if err := h.run(); err != nil {
		return nil, err
	}
	return doc, nil
}

type htmlReader struct {
	z      *html.Tokenizer
	b      *budget
	doc    *Document
	body   lines        // text outside tables
	tables []*htmlTable // open tables, innermost last
	raw    string       // the raw-text element whose text comes next (script, title …)
	title  strings.Builder
	// A hidden element being skipped: its name and how many of that name
	// are open.
	skip      string
	skipDepth int
	pre       int // open <pre> and <listing>
}

// Elements whose start or end is a block boundary.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "center": true, "dd": true,
	"details": true, "dialog": true, "dir": true, "div": true, "dl": true, "dt": true, "fieldset": true,
	"figcaption": true, "figure": true, "footer": true, "form": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "header": true, "hgroup": true, "hr": true, "li": true, "main": true,
	"menu": true, "nav": true, "ol": true, "p": true, "pre": true, "section": true, "summary": true,
	"ul": true, "listing": true, "legend": true, "option": true,
}

// Elements whose text is never shown, skipped whole.
var unshown = map[string]bool{"template": true, "svg": true, "math": true}

// The parts of a table's structure: a hidden element ends at any of them.
var tableTags = map[string]bool{
	"table": true, "caption": true, "thead": true, "tbody": true, "tfoot": true, "tr": true, "td": true, "th": true,
	"body": true, "html": true,
}

var voidTags = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true, "input": true,
	"link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true, "keygen": true,
}

func (h *htmlReader) run() error {
	for {
		tt := h.z.Next()
		switch tt {
		case html.ErrorToken:
			return h.end()
		case html.TextToken:
			if err := h.text(string(h.z.Text())); err != nil {
				return err
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := h.z.TagName()
			tag := string(name)
			hidden := false
			var attrs tagAttrs
			if hasAttr {
				attrs, hidden = readAttrs(h.z)
			}
			if err := h.start(tag, attrs, hidden, tt == html.SelfClosingTagToken); err != nil {
				return err
			}
		case html.EndTagToken:
			name, _ := h.z.TagName()
			if err := h.endTag(string(name)); err != nil {
				return err
			}
		}
	}
}

// tagAttrs are the attributes the reader uses.
type tagAttrs struct{ colspan, rowspan string }

func readAttrs(z *html.Tokenizer) (a tagAttrs, hidden bool) {
	for more := true; more; {
		var k, v []byte
		k, v, more = z.TagAttr()
		switch string(k) {
		case "colspan":
			a.colspan = string(v)
		case "rowspan":
			a.rowspan = string(v)
		case "hidden":
			hidden = true
		case "style":
			hidden = hidden || displayNone(string(v))
		}
	}
	return a, hidden
}

// displayNone tells whether a style attribute says display: none.
func displayNone(style string) bool {
	for _, decl := range strings.Split(style, ";") {
		k, v, ok := strings.Cut(decl, ":")
		if ok && strings.EqualFold(strings.TrimSpace(k), "display") {
			v = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important"))
			if strings.EqualFold(v, "none") {
				return true
			}
		}
	}
	return false
}

func (h *htmlReader) start(tag string, a tagAttrs, hidden, selfClosing bool) error {
	if h.skip != "" {
		if !tableTags[tag] {
			if tag == h.skip && !voidTags[tag] && !selfClosing {
				h.skipDepth++
			}
			return nil
		}
		h.skip, h.skipDepth = "", 0
	}
	switch tag {
	case "script", "style", "noscript", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext":
		h.raw = tag // the tokenizer gives their content as one raw text
		return nil
	}
	if (hidden || unshown[tag]) && !voidTags[tag] && !selfClosing && !tableTags[tag] {
		h.skip, h.skipDepth = tag, 1
		return nil
	}
	switch tag {
	case "br":
		return h.feed(func(l *lines) { l.br() })
	case "pre", "listing":
		h.each(func(l *lines) { l.block() })
		h.pre++
	case "table":
		return h.startTable()
	case "caption":
		return h.caption(true)
	case "thead", "tbody", "tfoot":
		return h.startGroup(tag)
	case "tr":
		return h.startRow()
	case "td", "th":
		return h.startCell(a)
	default:
		if blockTags[tag] {
			h.each(func(l *lines) { l.block() })
		}
	}
	return nil
}

func (h *htmlReader) endTag(tag string) error {
	if h.raw != "" && tag == h.raw {
		h.raw = ""
		return nil
	}
	if h.skip != "" {
		if !tableTags[tag] {
			if tag == h.skip {
				if h.skipDepth--; h.skipDepth == 0 {
					h.skip = ""
				}
			}
			return nil
		}
		h.skip, h.skipDepth = "", 0
	}
	switch tag {
	case "br": // </br> is a <br> to a browser
		return h.feed(func(l *lines) { l.br() })
	case "pre", "listing":
		h.each(func(l *lines) { l.block() })
		h.pre = max(0, h.pre-1)
	case "table":
		return h.endTable()
	case "caption":
		return h.caption(false)
	case "thead", "tbody", "tfoot":
		return h.endGroup()
	case "tr":
		return h.endRow()
	case "td", "th":
		return h.endCell()
	default:
		if blockTags[tag] {
			h.each(func(l *lines) { l.block() })
		}
	}
	return nil
}

func (h *htmlReader) text(s string) error {
	switch {
	case h.raw == "title":
		h.title.WriteString(s)
		return nil
	case h.raw != "" || h.skip != "":
		return nil
	}
	return h.feed(func(l *lines) { l.text(s, h.pre > 0) })
}

// feed adds to every text that shows what comes now (each), and stops
// one that grows past its limit.
func (h *htmlReader) feed(fn func(*lines)) error {
	var err error
	h.each(func(l *lines) {
		fn(l)
		if err == nil {
			err = h.checkSize(l)
		}
	})
	return err
}

// checkSize stops a cell, or the text outside tables, that grows past its
// limit.
func (h *htmlReader) checkSize(l *lines) error {
	if l == &h.body {
		if l.size > h.b.lim.text {
			return h.b.addText(l.size, 0, 0, 0)
		}
		return nil
	}
	for _, tb := range h.tables {
		if tb.cell != nil && &tb.cell.lines == l && l.size > h.b.lim.cellText {
			return h.b.cellTooLong(tb.num, tb.offset+tb.cell.r+1, tb.cell.c+1)
		}
	}
	if l.size > h.b.lim.cellText {
		return h.b.cellTooLong(h.tables[len(h.tables)-1].num, 0, 0) // a caption
	}
	return nil
}

// each calls fn with every text that shows what comes now: every open cell
// (a nested table's text is also its outer cell's), an open caption, else
// the text outside tables.
func (h *htmlReader) each(fn func(*lines)) {
	any := false
	for _, tb := range h.tables {
		if tb.cell != nil {
			fn(&tb.cell.lines)
			any = true
		} else if tb.captionOpen {
			fn(&tb.caption)
			any = true
		}
	}
	if !any {
		fn(&h.body)
	}
}

// end finishes the page: tables left open end where it ends, as in a
// browser.
func (h *htmlReader) end() error {
	if err := h.z.Err(); err != nil && err != io.EOF {
		return fileError(h.b.file, "cannot read the page: %v", err)
	}
	for len(h.tables) > 0 {
		if err := h.endTable(); err != nil {
			return err
		}
	}
	if err := h.flushBody(); err != nil {
		return err
	}
	h.doc.Title = strings.Join(strings.FieldsFunc(h.title.String(), isHTMLSpace), " ")
	return nil
}

// flushBody adds the finished lines outside tables to the paragraphs.
func (h *htmlReader) flushBody() error {
	for _, p := range h.body.take() {
		if err := h.b.addText(len(p), 0, 0, 0); err != nil {
			return err
		}
		h.doc.Paragraphs = append(h.doc.Paragraphs, p)
	}
	return nil
}

// span reads a colspan or rowspan: ok is false when it is missing or not a
// number.
func span(s string) (n int, ok bool) {
	s = strings.TrimSpace(s)
	end := 0
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	if end == 0 {
		return 0, false
	}
	n, err := strconv.Atoi(s[:end]) // "2px" is 2, as browsers read it
	if err != nil {
		return 65534, true // too many digits: the largest a browser takes
	}
	return n, true
}

func warnf(doc *Document, file string, table, row, col int, msg string) {
	doc.Warnings = append(doc.Warnings, problem.Problem{Severity: problem.Warning, File: file, Ref: Ref(table, row, col), Msg: msg})
}
