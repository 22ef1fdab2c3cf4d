package document

import (
	"encoding/xml"
	"strconv"
	"strings"

	"plansite/internal/plan"
	"plansite/internal/problem"
)

// docxTable is a table of a .docx being read: its grid grows a cell at a
// time, as each w:tc ends.
type docxTable struct {
	num, index int // its number (1-based) and its place in Document.Tables
	parent     int
	before     int
	g          grid
	headerRows int
	row        *docxRow  // the open row, or nil
	cell       *docxCell // the open cell, or nil
}

type docxRow struct {
	started       bool // its grid row exists
	deleted       bool
	before, after int // w:gridBefore, w:gridAfter
	header        bool
	col           int // the grid column of the next cell
	lastOrigin    int // the column of the last cell placed in this row that may widen, or -1
}

// merge is a cell's w:vMerge or w:hMerge.
type merge int

const (
	noMerge merge = iota
	restart
	continues
)

type docxCell struct {
	span           int
	vMerge, hMerge merge
	text           strings.Builder
	paras, size    int
}

// add appends a paragraph to the cell's text, after a "\n" when it is not
// the first.
func (c *docxCell) add(text string, b *budget, tb *docxTable) error {
	if c.paras > 0 {
		c.text.WriteByte('\n')
	}
	c.paras++
	c.text.WriteString(text)
	c.size = c.text.Len()
	if c.size > b.lim.cellText {
		return b.cellTooLong(tb.num, tb.g.last()+1, tb.row.col+1)
	}
	return nil
}

// table is the innermost open table, or nil.
func (x *docxReader) table() *docxTable {
	if len(x.tables) == 0 {
		return nil
	}
	return x.tables[len(x.tables)-1]
}

// openCell is the innermost open table when it has a cell open, or nil.
func (x *docxReader) openCell() *docxTable {
	if tb := x.table(); tb != nil && tb.cell != nil {
		return tb
	}
	return nil
}

func (x *docxReader) startTable() error {
	if err := x.flushCarry(); err != nil {
		return err
	}
	if err := x.release(); err != nil {
		return err
	}
	x.afterTable = false
	if len(x.tables) >= x.b.lim.nesting {
		return errorAt(x.b.file, x.table().num, 0, 0, "tables are nested more than %d deep, over the limit: is this the wrong file?", x.b.lim.nesting)
	}
	num, err := x.b.addTable()
	if err != nil {
		return err
	}
	tb := &docxTable{num: num, index: len(x.doc.Tables), before: len(x.doc.Paragraphs)}
	tb.g = grid{b: x.b, table: num}
	if outer := x.table(); outer != nil {
		tb.parent = outer.num
	}
	x.doc.Tables = append(x.doc.Tables, Table{})
	x.tables = append(x.tables, tb)
	return nil
}

func (x *docxReader) startRow() error {
	tb := x.table()
	if tb == nil {
		return nil // a row outside a table: its text is read through
	}
	if tb.row != nil {
		if err := x.endRow(); err != nil {
			return err
		}
	}
	tb.row = &docxRow{lastOrigin: -1}
	return nil
}

// rowProps reads w:trPr. A deleted row is skipped whole.
func (x *docxReader) rowProps() error {
	tb := x.table()
	if tb == nil || tb.row == nil || tb.row.started {
		return x.d.Skip()
	}
	row := tb.row
	err := x.walk(func(t xml.StartElement, depth int, _ string) {
		if depth != 1 {
			return
		}
		switch t.Name.Local {
		case "gridBefore":
			row.before = count(t, x.b.lim.cols)
		case "gridAfter":
			row.after = count(t, x.b.lim.cols)
		case "tblHeader":
			row.header = on(t)
		case "del":
			row.deleted = true
		}
	})
	if err != nil || !row.deleted {
		return err
	}
	tb.row = nil
	return x.d.Skip() // the rest of the w:tr
}

// count reads a number of grid columns from w:val, 0 when it is none, at
// most max+1 (which the grid refuses).
func count(t xml.StartElement, max int) int {
	n, err := strconv.Atoi(attr(t, "val"))
	if err != nil || n < 0 {
		return 0
	}
	return min(n, max+1)
}

// ensureRow makes the grid row of the open row, with its w:gridBefore.
func (x *docxReader) ensureRow(tb *docxTable) error {
	if tb.row == nil {
		tb.row = &docxRow{lastOrigin: -1} // a cell outside a row begins one
	}
	if tb.row.started {
		return nil
	}
	tb.row.started = true
	if err := tb.g.newRow(); err != nil {
		return err
	}
	tb.row.col = tb.row.before
	return tb.g.pad(tb.g.last(), 0, tb.row.before)
}

func (x *docxReader) startCell() error {
	tb := x.table()
	if tb == nil {
		return nil
	}
	if tb.cell != nil {
		if err := x.endCell(); err != nil {
			return err
		}
	}
	if err := x.ensureRow(tb); err != nil {
		return err
	}
	tb.cell = &docxCell{span: 1}
	return nil
}

// cellProps reads w:tcPr: the cell's width in grid columns and its merges.
func (x *docxReader) cellProps() error {
	tb := x.openCell()
	if tb == nil {
		return x.d.Skip()
	}
	c := tb.cell
	return x.walk(func(t xml.StartElement, depth int, _ string) {
		if depth != 1 {
			return
		}
		switch t.Name.Local {
		case "gridSpan":
			c.span = max(1, count(t, x.b.lim.cols))
		case "vMerge":
			c.vMerge = mergeOf(t)
		case "hMerge":
			c.hMerge = mergeOf(t)
		}
	})
}

func mergeOf(t xml.StartElement) merge {
	if attr(t, "val") == "restart" {
		return restart
	}
	return continues
}

// endCell places the cell in the grid: as its own cell, or as the
// continuation of a merge across (w:hMerge) or down (w:vMerge).
func (x *docxReader) endCell() error {
	tb := x.openCell()
	if tb == nil {
		return nil
	}
	if err := x.flushCarry(); err != nil {
		return err
	}
	x.held, x.afterTable = false, false
	c, row, g := tb.cell, tb.row, &tb.g
	tb.cell = nil
	r, col, text := g.last(), row.col, c.text.String()
	row.col += c.span
	hidden := func(how string) {
		if text != "" {
			x.doc.Warnings = append(x.doc.Warnings, problem.Problem{Severity: problem.Warning, File: x.b.file, Ref: Ref(tb.num, r+1, col+1),
				Msg: "the cell continues the merged cell " + how + ", so Word does not show its own text " + plan.QuoteCell(text) + "; it is left out"})
		}
	}
	if c.hMerge == continues && row.lastOrigin >= 0 && g.rows[r][row.lastOrigin].RowSpan == 1 {
		o := row.lastOrigin
		if err := g.grow(r, col+c.span-1); err != nil {
			return err
		}
		g.rows[r][o].ColSpan += c.span
		for k := col; k < col+c.span; k++ {
			g.rows[r][k] = Cell{Covered: true, OriginRow: r, OriginCol: o}
		}
		hidden("to its left")
		return nil
	}
	if c.vMerge == continues {
		if or, ok := x.above(tb, r, col, c.span); ok {
			row.lastOrigin = -1
			hidden("above it")
			return g.extend(r, or, col)
		}
		x.doc.Warnings = append(x.doc.Warnings, problem.Problem{Severity: problem.Warning, File: x.b.file, Ref: Ref(tb.num, r+1, col+1),
			Msg: "the cell continues a vertical merge, but no cell of the same columns is above it: it is read as a cell of its own"})
	}
	row.lastOrigin = col
	return g.place(r, col, c.span, text)
}

// above finds the origin row of a merged cell right above row r that a
// cell at col, span columns wide, can continue.
func (x *docxReader) above(tb *docxTable, r, col, span int) (int, bool) {
	g := &tb.g
	if r == 0 || col >= len(g.rows[r-1]) {
		return 0, false
	}
	up := g.rows[r-1][col]
	if isHole(&up) || up.Padded {
		return 0, false
	}
	o := g.rows[up.OriginRow][up.OriginCol] // an origin points at itself
	if up.OriginCol != col || o.ColSpan != span || up.OriginRow+o.RowSpan != r {
		return 0, false
	}
	return up.OriginRow, true
}

func (x *docxReader) endRow() error {
	tb := x.table()
	if tb == nil || tb.row == nil {
		return nil
	}
	if tb.cell != nil {
		if err := x.endCell(); err != nil {
			return err
		}
	}
	if err := x.ensureRow(tb); err != nil {
		return err
	}
	row := tb.row
	tb.row = nil
	if row.header && tb.g.last() == tb.headerRows {
		tb.headerRows++
	}
	return tb.g.pad(tb.g.last(), row.col, row.after)
}

func (x *docxReader) endTable() error {
	tb := x.table()
	if tb == nil {
		return nil
	}
	if err := x.endRow(); err != nil {
		return err
	}
	x.tables = x.tables[:len(x.tables)-1]
	t := Table{HeaderRows: tb.headerRows, Parent: tb.parent, Before: tb.before}
	if err := tb.g.finish(&t, func(w problem.Problem) { x.doc.Warnings = append(x.doc.Warnings, w) }); err != nil {
		return err
	}
	x.doc.Tables[tb.index] = t
	x.afterTable = true
	return nil
}

// paragraphProps reads w:pPr for one thing: a deleted paragraph mark
// (w:rPr/w:del or w:moveFrom), which joins the paragraph to the next.
func (x *docxReader) paragraphProps() error {
	p := x.para()
	return x.walk(func(t xml.StartElement, depth int, parent string) {
		if p != nil && depth == 2 && parent == "rPr" && isW(t.Name) && (t.Name.Local == "del" || t.Name.Local == "moveFrom") {
			p.markGone = true
		}
	})
}

// runProps reads a run's w:rPr for one thing: hidden text (w:vanish).
func (x *docxReader) runProps() error {
	p := x.para()
	return x.walk(func(t xml.StartElement, depth int, _ string) {
		if p != nil && depth == 1 && isW(t.Name) && t.Name.Local == "vanish" && on(t) {
			p.hidden = true
		}
	})
}

// walk reads the rest of the element just started, calling fn for each
// element inside it with its depth (1 for a child) and, below that, the
// local name of the child it is in.
func (x *docxReader) walk(fn func(t xml.StartElement, depth int, parent string)) error {
	depth, child := 0, ""
	for {
		tok, err := x.d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 1 {
				child = t.Name.Local
				fn(t, 1, "")
			} else {
				fn(t, depth, child)
			}
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}
