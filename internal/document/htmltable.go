package document

import (
	"fmt"
	"plansite/internal/problem"
)

// htmlTable is an HTML table being read. Its rows come in row groups
// (<thead>, <tbody>, <tfoot>, or bare rows, an implied <tbody>): a rowspan
// never reaches out of its group, so each group is a grid of its own, and
// the groups are put together in the order a browser shows them when the
// table ends.
type htmlTable struct {
	num, index, parent, before int
	groups                     []*rowGroup
	cur                        *rowGroup // the open group, or nil
	cell                       *htmlCell // the open cell, or nil
	offset                     int       // rows in the groups before cur, for messages
	caption                    lines
	captionOpen, hasCaption    bool
}

type rowGroup struct {
	kind    string // thead, tbody, tfoot
	g       grid
	rowOpen bool
	cursor  int     // where the next cell of the open row may go
	reaches []reach // cells that reach into rows not read yet
}

// reach is a cell whose rowspan reaches further down: its origin, and how
// many rows more it covers (-1: to the end of its group, rowspan="0").
type reach struct{ row, col, left int }

type htmlCell struct {
	lines lines
	r, c  int // its place in its group's grid
}

// columns writes a number of columns: "1 column", "3 columns".
func columns(n int) string {
	if n == 1 {
		return "1 column"
	}
	return fmt.Sprintf("%d columns", n)
}

func (h *htmlReader) table() *htmlTable {
	if len(h.tables) == 0 {
		return nil
	}
	return h.tables[len(h.tables)-1]
}

func (h *htmlReader) startTable() error {
	// A <table> right inside a table, not in a cell, ends that table, as a
	// browser's parser has it.
	if tb := h.table(); tb != nil && tb.cell == nil && !tb.captionOpen {
		if err := h.endTable(); err != nil {
			return err
		}
	}
	h.each(func(l *lines) { l.block() })
	if err := h.flushBody(); err != nil {
		return err
	}
	if len(h.tables) >= h.b.lim.nesting {
		return errorAt(h.b.file, h.table().num, 0, 0, "tables are nested more than %d deep, over the limit: is this the wrong file?", h.b.lim.nesting)
	}
	num, err := h.b.addTable()
	if err != nil {
		return err
	}
	tb := &htmlTable{num: num, index: len(h.doc.Tables), before: len(h.doc.Paragraphs)}
	if outer := h.table(); outer != nil {
		tb.parent = outer.num
	}
	h.doc.Tables = append(h.doc.Tables, Table{})
	h.tables = append(h.tables, tb)
	return nil
}

func (h *htmlReader) endTable() error {
	tb := h.table()
	if tb == nil {
		return nil // a stray </table>
	}
	if err := h.endGroup(); err != nil {
		return err
	}
	h.tables = h.tables[:len(h.tables)-1]
	// A browser shows the first <thead> first and the first <tfoot> last.
	var head, foot *rowGroup
	var order []*rowGroup
	for _, g := range tb.groups {
		switch {
		case g.kind == "thead" && head == nil:
			head = g
		case g.kind == "tfoot" && foot == nil:
			foot = g
		default:
			order = append(order, g)
		}
	}
	if head != nil {
		order = append([]*rowGroup{head}, order...)
	}
	if foot != nil {
		order = append(order, foot)
	}
	var rows [][]Cell
	for _, g := range order {
		off := len(rows)
		for _, row := range g.g.rows {
			for c := range row {
				row[c].OriginRow += off
			}
			rows = append(rows, row)
		}
	}
	t := Table{Parent: tb.parent, Before: tb.before}
	if head != nil {
		t.HeaderRows = len(head.g.rows)
	}
	if tb.hasCaption {
		t.Caption = tb.caption.String()
	}
	all := grid{b: h.b, table: tb.num, rows: rows}
	if err := all.finish(&t, func(w problem.Problem) { h.doc.Warnings = append(h.doc.Warnings, w) }); err != nil {
		return err
	}
	h.doc.Tables[tb.index] = t
	h.each(func(l *lines) { l.block() })
	return nil
}

func (h *htmlReader) caption(open bool) error {
	tb := h.table()
	if tb == nil || tb.cell != nil {
		return nil // a caption outside a table, or in a cell, is ignored as a browser ignores it
	}
	if open {
		if err := h.endGroup(); err != nil {
			return err
		}
		tb.captionOpen, tb.hasCaption = true, true
		return nil
	}
	tb.captionOpen = false
	return nil
}

func (h *htmlReader) startGroup(kind string) error {
	tb := h.table()
	if tb == nil {
		return nil
	}
	if err := h.endGroup(); err != nil {
		return err
	}
	h.newGroup(tb, kind)
	return nil
}

func (h *htmlReader) newGroup(tb *htmlTable, kind string) *rowGroup {
	tb.captionOpen = false
	tb.offset = 0
	for _, g := range tb.groups {
		tb.offset += len(g.g.rows)
	}
	g := &rowGroup{kind: kind, g: grid{b: h.b, table: tb.num}}
	tb.groups = append(tb.groups, g)
	tb.cur = g
	return g
}

// endGroup ends the open row group: cells still reaching down stop here.
func (h *htmlReader) endGroup() error {
	tb := h.table()
	if tb == nil {
		return nil
	}
	if err := h.endRow(); err != nil {
		return err
	}
	g := tb.cur
	if g == nil {
		return nil
	}
	tb.cur = nil
	for _, r := range g.reaches {
		if r.left > 0 {
			o := g.g.rows[r.row][r.col]
			warnf(h.doc, h.b.file, tb.num, tb.offset+r.row+1, r.col+1, fmt.Sprintf("the cell's rowspan reaches %d rows past the last row of its part of the table; it covers the %d there are", r.left, o.RowSpan))
		}
	}
	return nil
}

func (h *htmlReader) startRow() error {
	tb := h.table()
	if tb == nil {
		return nil // a <tr> outside a table is ignored, as a browser ignores it
	}
	if err := h.endRow(); err != nil {
		return err
	}
	g := tb.cur
	if g == nil {
		g = h.newGroup(tb, "tbody")
	}
	if err := g.g.newRow(); err != nil {
		return err
	}
	g.rowOpen, g.cursor = true, 0
	r := g.g.last()
	kept := g.reaches[:0]
	for _, re := range g.reaches {
		if err := g.g.extend(r, re.row, re.col); err != nil {
			return err
		}
		if re.left > 0 {
			re.left--
		}
		if re.left != 0 {
			kept = append(kept, re)
		}
	}
	g.reaches = kept
	return nil
}

func (h *htmlReader) endRow() error {
	if err := h.endCell(); err != nil {
		return err
	}
	if tb := h.table(); tb != nil && tb.cur != nil {
		tb.cur.rowOpen = false
	}
	return nil
}

func (h *htmlReader) startCell(a tagAttrs) error {
	tb := h.table()
	if tb == nil {
		return nil // a cell outside a table is ignored, as a browser ignores it
	}
	if err := h.endCell(); err != nil {
		return err
	}
	if tb.cur == nil || !tb.cur.rowOpen {
		if err := h.startRow(); err != nil {
			return err
		}
	}
	g := tb.cur
	r := g.g.last()
	col := g.cursor
	for !g.g.free(r, col) {
		col++
	}
	colspan, ok := span(a.colspan)
	if !ok || colspan == 0 {
		colspan = 1
	}
	colspan = min(colspan, 1000) // as HTML clamps it
	cs := 1
	for cs < colspan && g.g.free(r, col+cs) {
		cs++
	}
	if cs < colspan {
		warnf(h.doc, h.b.file, tb.num, tb.offset+r+1, col+1, fmt.Sprintf("the cell's colspan %d overlaps a cell reaching down from above; it is read as %s wide", colspan, columns(cs)))
	}
	rowspan, ok := span(a.rowspan)
	switch {
	case !ok:
		rowspan = 1
	case rowspan == 0:
		rowspan = -1 // to the end of the group
	}
	rowspan = min(rowspan, 65534) // as HTML clamps it
	if err := g.g.place(r, col, cs, ""); err != nil {
		return err
	}
	g.cursor = col + cs
	if rowspan != 1 {
		left := rowspan - 1
		if rowspan < 0 {
			left = -1
		}
		g.reaches = append(g.reaches, reach{row: r, col: col, left: left})
	}
	h.each(func(l *lines) { l.block() })
	tb.cell = &htmlCell{r: r, c: col}
	return nil
}

func (h *htmlReader) endCell() error {
	tb := h.table()
	if tb == nil || tb.cell == nil {
		return nil
	}
	c := tb.cell
	tb.cell = nil
	text := c.lines.String()
	if err := h.b.addText(len(text), tb.num, tb.offset+c.r+1, c.c+1); err != nil {
		return err
	}
	tb.cur.g.rows[c.r][c.c].Text = text
	h.each(func(l *lines) { l.block() })
	return nil
}
