package document

import (
	"fmt"
	"plansite/internal/problem"
	"strings"
)

// budget counts what a whole document has used of its limits, across its
// tables, so that a reader stops at the first place that goes over.
type budget struct {
	file                      string
	lim                       limits
	tables, rows, cells, text int
}

func (b *budget) addTable() (int, error) {
	if b.tables >= b.lim.tables {
		return 0, fileError(b.file, "the document has more than %d tables, over the limit: no task table needs that many; is this the wrong file?", b.lim.tables)
	}
	b.tables++
	return b.tables, nil
}

func (b *budget) addText(n, table, row, col int) error {
	b.text += n
	if b.text > b.lim.text {
		return errorAt(b.file, table, row, col, "the document holds more than %s of text, over the limit: no task table is that long; is this the wrong file?", megabytes(int64(b.lim.text)))
	}
	return nil
}

// cellTooLong is the error for a cell whose text passes the limit.
func (b *budget) cellTooLong(table, row, col int) error {
	size := fmt.Sprintf("%d bytes", b.lim.cellText)
	if b.lim.cellText%1024 == 0 {
		size = fmt.Sprintf("%d KB", b.lim.cellText>>10)
	}
	return errorAt(b.file, table, row, col, "the cell holds more than %s of text, over the limit of a cell: is a table's text pasted into one cell, or is this the wrong file?", size)
}

// grid builds one table's places, row by row. A place is a hole (the zero
// Cell) until a cell, a covered part of a merge or padding fills it; holes
// left at the end are padding the document did not ask for, and reported.
type grid struct {
	b     *budget
	table int // the table's number, for messages
	rows  [][]Cell
}

func (g *grid) newRow() error {
	if g.b.rows >= g.b.lim.rows {
		return errorAt(g.b.file, g.table, 0, 0, "the document has more than %d table rows, over the limit: no task table is that long; is this the wrong file?", g.b.lim.rows)
	}
	g.b.rows++
	g.rows = append(g.rows, nil)
	return nil
}

// last is the index of the row begun last.
func (g *grid) last() int { return len(g.rows) - 1 }

// grow makes row r reach column c (0-based), with holes.
func (g *grid) grow(r, c int) error {
	if c >= g.b.lim.cols {
		return errorAt(g.b.file, g.table, r+1, 0, "the row reaches past %d columns, the limit of a table: no task table is that wide; is this the wrong file?", g.b.lim.cols)
	}
	if n := c + 1 - len(g.rows[r]); n > 0 {
		g.b.cells += n
		if g.b.cells > g.b.lim.cells {
			return errorAt(g.b.file, g.table, r+1, c+1, "the document's tables have more than %d cells, over the limit: no task table is that large; is this the wrong file?", g.b.lim.cells)
		}
		g.rows[r] = append(g.rows[r], make([]Cell, n)...)
	}
	return nil
}

// free tells whether nothing fills row r at column c yet.
func (g *grid) free(r, c int) bool {
	return c >= len(g.rows[r]) || isHole(&g.rows[r][c])
}

func isHole(c *Cell) bool { return c.RowSpan == 0 && !c.Covered && !c.Padded }

// place puts a cell's origin at row r, column c, spanning colspan columns of
// that row (the places must be free).
func (g *grid) place(r, c, colspan int, text string) error {
	if err := g.grow(r, c+colspan-1); err != nil {
		return err
	}
	if err := g.b.addText(len(text), g.table, r+1, c+1); err != nil {
		return err
	}
	g.rows[r][c] = Cell{Text: text, RowSpan: 1, ColSpan: colspan, OriginRow: r, OriginCol: c}
	for k := c + 1; k < c+colspan; k++ {
		g.rows[r][k] = Cell{Covered: true, OriginRow: r, OriginCol: c}
	}
	return nil
}

// extend makes the cell whose origin is at (or, oc) reach one row further
// down, into row r, which must be the row right below it; the places it
// covers there must be free.
func (g *grid) extend(r, or, oc int) error {
	o := g.rows[or][oc]
	if err := g.grow(r, oc+o.ColSpan-1); err != nil {
		return err
	}
	g.rows[or][oc].RowSpan++
	for k := oc; k < oc+o.ColSpan; k++ {
		g.rows[r][k] = Cell{Covered: true, OriginRow: or, OriginCol: oc}
	}
	return nil
}

// pad fills n places of row r from column c with padding the document asks
// for (Word's gridBefore and gridAfter).
func (g *grid) pad(r, c, n int) error {
	if n <= 0 {
		return nil
	}
	if err := g.grow(r, c+n-1); err != nil {
		return err
	}
	for k := c; k < c+n; k++ {
		g.rows[r][k] = Cell{RowSpan: 1, ColSpan: 1, OriginRow: r, OriginCol: k, Padded: true}
	}
	return nil
}

// finish makes every row as wide as the widest, fills the holes with
// padding, and reports the rows that had holes.
func (g *grid) finish(t *Table, warn func(problem.Problem)) error {
	width := 0
	for _, row := range g.rows {
		width = max(width, len(row))
	}
	var short []int
	for r := range g.rows {
		if width > 0 {
			if err := g.grow(r, width-1); err != nil {
				return err
			}
		}
		holes := 0
		for c := range g.rows[r] {
			if isHole(&g.rows[r][c]) {
				holes++
				g.rows[r][c] = Cell{RowSpan: 1, ColSpan: 1, OriginRow: r, OriginCol: c, Padded: true}
			}
		}
		if holes > 0 {
			short = append(short, r)
		}
	}
	t.Rows, t.Cols = g.rows, width
	if len(short) > 0 {
		warn(shortRows(g.b.file, g.table, width, short))
	}
	return nil
}

// shortRows is the warning for the rows that had fewer cells than the table
// has columns.
func shortRows(file string, table, width int, rows []int) problem.Problem {
	if len(rows) == 1 {
		return problem.Problem{Severity: problem.Warning, File: file, Ref: Ref(table, rows[0]+1, 0), Msg: fmt.Sprintf("the row has fewer cells than the table's %d columns: empty cells are added where it has none", width)}
	}
	const shown = 5
	var names []string
	for _, r := range rows[:min(len(rows), shown)] {
		names = append(names, fmt.Sprint(r+1))
	}
	list := strings.Join(names, ", ")
	if len(rows) > shown {
		list += fmt.Sprintf(" and %d more", len(rows)-shown)
	}
	return problem.Problem{Severity: problem.Warning, File: file, Ref: Ref(table, 0, 0), Msg: fmt.Sprintf("rows %s have fewer cells than the table's %d columns: empty cells are added where they have none", list, width)}
}
