package plan

import (
	"cmp"
	"fmt"
	"slices"

	"plansite/internal/column"
	"plansite/internal/problem"
)

// Merge is a merged cell of the task table as the document had it: the
// rows and columns it covers, both counted from 1 as a spreadsheet counts
// them (row 1 is the heading). A CSV table lists its merges in merges.csv,
// as plansite import writes it; a workbook says them itself. A merged
// cell's text is in every row it covers (each task row carries its own
// 重点任务 and 牵头单位), and only in the first of the columns it covers.
type Merge struct {
	Top, Left, Bottom, Right int
	File                     string // where the merge is listed, for messages
	Line, Col                int
}

// Name is the merge as a spreadsheet range: B3:B9.
func (m Merge) Name() string { return cellName(m.Top, m.Left) + ":" + cellName(m.Bottom, m.Right) }

func cellName(row, col int) string { return fmt.Sprintf("%s%d", colName(col), row) }

// colName is a column's name as a spreadsheet shows it: 1 is A, 27 is AA.
func colName(col int) string {
	name := ""
	for ; col > 0; col = (col - 1) / 26 {
		name = string(rune('A'+(col-1)%26)) + name
	}
	return name
}

// merges is what the table's merges say of its rows: which continue the
// task above because its 序号 is merged over them, and which are one cell
// across the whole table, a heading.
type merges struct {
	continues map[int]bool // records whose 序号 cell continues one above
	headings  map[int]bool // records that are one cell across the table
	// below are the cells, by record and column (from 1), that a merge
	// covers under its top row in its first column: they repeat its text.
	below map[[2]int]bool
	shown []Merge // the merges that hold, for the pages
}

// checkMerges reads the table's merges against its rows: each must lie in
// the table (else an error at its line), and its cells must say what the
// document's merged cell said, its text in every row and only in its first
// column; a merge whose cells say otherwise (the table was edited since) is
// a warning and is not shown.
func (b *builder) checkMerges() merges {
	m := merges{continues: map[int]bool{}, headings: map[int]bool{}, below: map[[2]int]bool{}}
	if len(b.in.Merges) == 0 {
		return m
	}
	ncols := len(b.p.Columns)
	byRecord := make(map[int][]Cell, len(b.in.Rows))
	last := 1
	for _, r := range b.in.Rows {
		byRecord[r.Record] = r.Cells(b.p.Columns)
		last = max(last, r.Record)
	}
	idCol := 0
	for i, c := range b.p.Columns {
		if c.Std == column.ID {
			idCol = i + 1
		}
	}
	for _, g := range b.in.Merges {
		at := func(format string, args ...any) *problem.Problem {
			return &problem.Problem{File: g.File, Line: g.Line, Col: g.Col, Msg: fmt.Sprintf("%s: ", g.Name()) + fmt.Sprintf(format, args...)}
		}
		if g.Bottom > last || g.Right > ncols {
			b.errs = append(b.errs, at("the table has %d rows and %d columns; the merge reaches past them (rows count from 1 at the heading, as a spreadsheet shows the table)", last, ncols))
			continue
		}
		if g.Top == 1 {
			if why := g.headingDiffers(b.p.Columns); why != "" {
				w := at("%s, so the heading was changed since the merge was listed; it is not shown merged. Correct the heading, or remove the line", why)
				w.Severity = problem.Warning
				b.warns = append(b.warns, *w)
				continue
			}
			m.shown = append(m.shown, g) // the heading's own merges
			continue
		}
		if why := g.differs(byRecord); why != "" {
			w := at("%s, so the table was changed since the merge was listed; it is not shown merged. Correct the cells, or remove the line", why)
			w.Severity = problem.Warning
			b.warns = append(b.warns, *w)
			continue
		}
		m.shown = append(m.shown, g)
		for r := g.Top + 1; r <= g.Bottom; r++ {
			m.below[[2]int{r, g.Left}] = true
		}
		if g.Left == 1 && g.Right == ncols && g.Top == g.Bottom {
			m.headings[g.Top] = true
		}
		if idCol >= g.Left && idCol <= g.Right {
			for r := g.Top + 1; r <= g.Bottom; r++ {
				m.continues[r] = true
			}
		}
	}
	return m
}

// headingDiffers says how the heading's cells a merge of the heading
// covers differ from what the document's merged cell put in them, or "":
// only its first column may have a heading, and in a heading of two rows
// the merge covers both or lies in the upper.
func (g Merge) headingDiffers(cols []Column) string {
	two := slices.ContainsFunc(cols, func(c Column) bool { return c.Group != "" })
	for c := g.Left + 1; c <= g.Right; c++ {
		col, own := cols[c-1], ""
		switch {
		case !two || g.Bottom > 1: // the merge covers the column's own heading
			own = cmp.Or(TrimSpace(col.Heading), TrimSpace(col.Group))
		case col.Group != cols[g.Left-1].Group: // the upper row of two: one group
			own = TrimSpace(col.Group)
		}
		if own != "" {
			return fmt.Sprintf("column %s is headed %s, where only the merge's first column has a heading", colName(c), QuoteCell(own))
		}
	}
	return ""
}

// differs says how the cells a merge covers differ from what the document's
// merged cell put in them, or "".
func (g Merge) differs(byRecord map[int][]Cell) string {
	top := byRecord[g.Top]
	if top == nil {
		return fmt.Sprintf("row %d is not a row of the table", g.Top)
	}
	text := top[g.Left-1].Text
	for r := g.Top; r <= g.Bottom; r++ {
		cells := byRecord[r]
		if cells == nil {
			return fmt.Sprintf("row %d is not a row of the table", r)
		}
		if cells[g.Left-1].Text != text {
			return fmt.Sprintf("%s says %s where %s says %s", cellName(r, g.Left), QuoteCell(cells[g.Left-1].Text), cellName(g.Top, g.Left), QuoteCell(text))
		}
		for c := g.Left + 1; c <= g.Right; c++ {
			if TrimSpace(cells[c-1].Text) != "" {
				return fmt.Sprintf("%s holds text, where only the merge's first column does", cellName(r, c))
			}
		}
	}
	return ""
}
