package document

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"

	"plansite/internal/plan"
	"plansite/internal/problem"
)

// A .docx file (Word, WPS, LibreOffice) is read from its main part,
// word/document.xml, as a stream of XML tokens: only the text kept and the
// table being built are held, never the tree.
//
// What Word shows, with tracked changes in the final view (as Word prints
// with "No Markup"): inserted text (w:ins) and moved-in text (w:moveTo) are
// read, deleted text (w:del, w:delText) and moved-out text (w:moveFrom) are
// not, a deleted paragraph mark joins its paragraph to the next, a deleted
// row (w:trPr/w:del) is left out. Field codes (w:instrText, and what lies
// between a field's begin and separate marks) are not text; a field's
// result is. Hidden text (w:vanish on the run) is left out. Content
// controls (w:sdt), hyperlinks, smart tags, custom XML and simple fields
// are read through. Of mc:AlternateContent the first Choice is read, else
// the Fallback, never both. Pictures, shapes and text boxes (w:drawing,
// w:pict, w:object) are not part of the text, nor ruby text (w:rt) above
// the characters it annotates, nor headers, footers, footnotes and comments
// (other parts). Run text: w:t as written, w:tab and w:ptab "\t", w:br and
// w:cr "\n" (page and column breaks too), w:noBreakHyphen U+2011,
// w:softHyphen U+00AD, w:sym its character code (a symbol font's code is a
// private-use character, shown as the font draws it).
//
// A cell's paragraphs are joined with "\n". A table nested in a cell is
// read as a table of its own and its paragraphs are also the cell's, in
// order. Merges: w:gridSpan and the legacy w:hMerge across, w:vMerge down
// (restart, continue), w:gridBefore and w:gridAfter leave padded places;
// leading rows marked w:tblHeader are the table's HeaderRows.

// The namespaces of WordprocessingML (transitional and strict) and of
// markup compatibility.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

func isW(n xml.Name) bool { return n.Space == nsW || n.Space == nsWStrict }

// readDocx reads a .docx file.
func readDocx(file string, data []byte, lim limits) (*Document, error) {
	zr, err := openZip(file, "Word file", data)
	if err != nil {
		return nil, err
	}
	name := mainPart(zr)
	zf := zipPart(zr, name)
	if zf == nil {
		return nil, fileError(file, "the file is a zip file without %s, so not a Word document; open it in Word or WPS and save it as .docx", plan.QuoteCell(name))
	}
	rc, err := openPart(zf)
	if err != nil {
		return nil, fileError(file, "cannot read the Word file's %s: %v; the file is damaged", name, err)
	}
	defer rc.Close()
	doc := &Document{File: file, Format: "docx"}
	if err := readDocumentXML(file, name, rc, doc, lim); err != nil {
		return nil, err
	}
	return doc, nil
}

// mainPart is the name of the part that holds the document's body: the
// target of the package's officeDocument relationship, else the name Word
// gives it.
func mainPart(zr *zip.Reader) string {
	const usual = "word/document.xml"
	zf := zipPart(zr, "_rels/.rels")
	if zf == nil || zf.UncompressedSize64 > 1<<20 {
		return usual
	}
	rc, err := openPart(zf)
	if err != nil {
		return usual
	}
	defer rc.Close()
	var rels struct {
		Rel []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.NewDecoder(rc).Decode(&rels) != nil {
		return usual
	}
	for _, r := range rels.Rel {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			return strings.TrimPrefix(path.Clean("/"+r.Target), "/")
		}
	}
	return usual
}

// readDocumentXML reads the body of a document.xml into doc.
func readDocumentXML(file, part string, r io.Reader, doc *Document, lim limits) error {
	x := &docxReader{
		d:   xml.NewDecoder(r),
		b:   &budget{file: file, lim: lim},
		doc: doc,
	}
	if err := x.run(); err != nil {
		var pe *problem.Problem
		if errors.As(err, &pe) {
			return pe
		}
		line, _ := x.d.InputPos()
		msg := err.Error()
		if se, ok := err.(*xml.SyntaxError); ok {
			line, msg = se.Line, se.Msg
		}
		return fileError(file, "cannot read the Word file: its text (%s) is damaged at line %d: %s; open it in Word or WPS and save it again", part, line, msg)
	}
	return nil
}

// docxReader holds what is open while the tokens stream by.
type docxReader struct {
	d   *xml.Decoder
	b   *budget
	doc *Document

	paras  []*docxPara  // open paragraphs, innermost last
	tables []*docxTable // open tables, innermost last
	fields []bool       // open fields: true while in the field's code
	alts   []bool       // open mc:AlternateContent: true once a branch is read
	// carry is the text of a paragraph whose mark was deleted: it begins
	// the next paragraph.
	carry    string
	carrying bool
	// Word must end a cell with a paragraph, so a table nested at the end
	// of a cell is followed by an empty one that nobody wrote: an empty
	// paragraph right after a table is held, and dropped if the cell ends
	// there.
	afterTable, held bool
}

type docxPara struct {
	text     strings.Builder
	hidden   bool // the run being read is hidden text
	markGone bool // the paragraph mark is deleted: the next paragraph continues it
}

func (x *docxReader) run() error {
	for {
		tok, err := x.d.Token()
		if err == io.EOF {
			return x.endBody()
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			err = x.start(t)
		case xml.EndElement:
			err = x.end(t)
		}
		if err != nil {
			return err
		}
	}
}

// start handles an element's start tag; an element it reads whole or skips
// is consumed to its end tag here.
func (x *docxReader) start(t xml.StartElement) error {
	if t.Name.Space == nsMC {
		return x.alternate(t)
	}
	if !isW(t.Name) {
		return nil // read through: its w: content is what counts
	}
	switch t.Name.Local {
	case "p":
		if err := x.release(); err != nil {
			return err
		}
		x.paras = append(x.paras, &docxPara{})
	case "pPr":
		return x.paragraphProps()
	case "rPr":
		return x.runProps()
	case "t":
		return x.text()
	case "tab", "ptab":
		return x.write("\t")
	case "br", "cr":
		return x.write("\n")
	case "noBreakHyphen":
		return x.write("\u2011")
	case "softHyphen":
		return x.write("\u00ad")
	case "sym":
		return x.write(symbol(t))
	case "fldChar":
		x.fieldChar(attr(t, "fldCharType"))
	case "tbl":
		return x.startTable()
	case "tblPr", "tblPrEx", "tblGrid":
		return x.d.Skip()
	case "tr":
		return x.startRow()
	case "trPr":
		return x.rowProps()
	case "tc":
		return x.startCell()
	case "tcPr":
		return x.cellProps()
	case "del", "moveFrom", "delText", "delInstrText", "instrText", "drawing", "pict", "object",
		"rt", "sectPr", "sdtPr", "sdtEndPr", "customXmlPr", "smartTagPr", "fldData",
		"footnoteReference", "endnoteReference", "commentReference":
		return x.d.Skip()
	}
	return nil
}

func (x *docxReader) end(t xml.EndElement) error {
	if t.Name.Space == nsMC && t.Name.Local == "AlternateContent" && len(x.alts) > 0 {
		x.alts = x.alts[:len(x.alts)-1]
		return nil
	}
	if !isW(t.Name) {
		return nil
	}
	switch t.Name.Local {
	case "p":
		return x.endPara()
	case "r":
		if p := x.para(); p != nil {
			p.hidden = false
		}
	case "tc":
		return x.endCell()
	case "tr":
		return x.endRow()
	case "tbl":
		return x.endTable()
	}
	return nil
}

// alternate reads mc:AlternateContent once: its first Choice, else its
// Fallback; every other branch is skipped.
func (x *docxReader) alternate(t xml.StartElement) error {
	switch t.Name.Local {
	case "AlternateContent":
		x.alts = append(x.alts, false)
	case "Choice", "Fallback":
		if len(x.alts) == 0 {
			return x.d.Skip()
		}
		if x.alts[len(x.alts)-1] {
			return x.d.Skip()
		}
		x.alts[len(x.alts)-1] = true
	}
	return nil
}

// para is the innermost open paragraph, or nil.
func (x *docxReader) para() *docxPara {
	if len(x.paras) == 0 {
		return nil
	}
	return x.paras[len(x.paras)-1]
}

// write adds run text to the open paragraph, unless it is hidden or part of
// a field's code.
func (x *docxReader) write(s string) error {
	p := x.para()
	if p == nil || p.hidden || s == "" {
		return nil
	}
	for _, code := range x.fields {
		if code {
			return nil
		}
	}
	p.text.WriteString(s)
	// A cell's text is bounded by the cell limit, other text by the whole.
	if tb := x.openCell(); tb != nil {
		if tb.cell.size+p.text.Len() > x.b.lim.cellText {
			return x.b.cellTooLong(tb.num, tb.g.last()+1, tb.row.col+1)
		}
	} else if p.text.Len() > x.b.lim.text {
		return x.b.addText(p.text.Len(), 0, 0, 0)
	}
	return nil
}

// text reads a w:t element's characters, exactly as written.
func (x *docxReader) text() error {
	var b strings.Builder
	for {
		tok, err := x.d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
			if b.Len() > x.b.lim.text {
				return x.b.addText(b.Len(), 0, 0, 0)
			}
		case xml.StartElement:
			if err := x.d.Skip(); err != nil {
				return err
			}
		case xml.EndElement:
			return x.write(b.String())
		}
	}
}

// fieldChar follows a field's marks: its code lies between begin and
// separate, its result between separate and end.
func (x *docxReader) fieldChar(kind string) {
	switch kind {
	case "begin":
		x.fields = append(x.fields, true)
	case "separate":
		if n := len(x.fields); n > 0 {
			x.fields[n-1] = false
		}
	case "end":
		if n := len(x.fields); n > 0 {
			x.fields = x.fields[:n-1]
		}
	}
}

// endPara sends a finished paragraph where it belongs: to every open cell
// (a nested table's text is also its outer cell's), else to the document's
// paragraphs.
func (x *docxReader) endPara() error {
	p := x.para()
	if p == nil {
		return nil
	}
	x.paras = x.paras[:len(x.paras)-1]
	text := p.text.String()
	if x.carrying {
		text, x.carry, x.carrying = x.carry+text, "", false
	}
	if p.markGone {
		x.carry, x.carrying = text, true
		return nil
	}
	if text == "" && x.afterTable {
		x.held, x.afterTable = true, false
		return nil
	}
	x.afterTable = false
	return x.emit(text)
}

// release sends a held empty paragraph on, since more follows it in its
// cell.
func (x *docxReader) release() error {
	if !x.held {
		return nil
	}
	x.held, x.afterTable = false, false
	return x.emit("")
}

// emit adds a paragraph's text to the open cells, or to the document.
func (x *docxReader) emit(text string) error {
	inCell := false
	for _, tb := range x.tables {
		if tb.cell == nil {
			continue
		}
		inCell = true
		if err := tb.cell.add(text, x.b, tb); err != nil {
			return err
		}
	}
	if inCell || text == "" {
		return nil
	}
	if err := x.b.addText(len(text), 0, 0, 0); err != nil {
		return err
	}
	x.doc.Paragraphs = append(x.doc.Paragraphs, text)
	return nil
}

// flushCarry ends a carried paragraph that has no next paragraph to join
// where it is (its cell ends, a table begins): it stands alone, as Word
// shows it.
func (x *docxReader) flushCarry() error {
	if !x.carrying {
		return nil
	}
	text := x.carry
	x.carry, x.carrying = "", false
	return x.emit(text)
}

// endBody finishes the document: a carried paragraph stands alone; tables
// left open by a damaged file are an error.
func (x *docxReader) endBody() error {
	if err := x.flushCarry(); err != nil {
		return err
	}
	if len(x.tables) > 0 {
		return errors.New("the file ends inside a table")
	}
	return nil
}

// attr is the value of an element's attribute (w:val and the like), by
// local name.
func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local && (a.Name.Space == "" || isW(a.Name)) {
			return a.Value
		}
	}
	return ""
}

// on reads an on/off property: present without a value, or true, 1, on.
func on(t xml.StartElement) bool {
	switch attr(t, "val") {
	case "false", "0", "off", "none":
		return false
	}
	return true
}

// symbol is the character a w:sym stands for.
func symbol(t xml.StartElement) string {
	var r rune
	for _, c := range attr(t, "char") {
		v := strings.IndexRune("0123456789abcdef", c|0x20)
		if v < 0 || r > 0x10ffff>>4 {
			return ""
		}
		r = r<<4 | rune(v)
	}
	if r == 0 || r > 0x10ffff || r >= 0xd800 && r < 0xe000 {
		return ""
	}
	return string(r)
}
