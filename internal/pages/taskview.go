package pages

import col "plansite/internal/column"

// OriginalCell is a cell of a task's row as the table writes it, under its
// column's heading, for the 原表记载 block of the task page, with its merge
// (Span) when the table's merged cells span the task's rows. Made before
// the page is rendered: in the template, choosing each cell took five
// calls (and, eq, eq, Cell, Text) by reflection per column and row.
type OriginalCell struct {
	Heading, Text string
	Span          Span
}

// original lists the task's rows cell by cell in the table's columns, and
// whether merged cells of the table span them, which the page then shows
// as a table, as /plan/ does: each merged cell once, the cells it covers
// left out. Else the area cell of its first row is the area's label, as
// the table merges it.
func original(p *Page) ([][]OriginalCell, bool) {
	t, cols := p.Task, p.Site.Plan.Columns
	var spans [][]Span
	if x := p.Site.merges(); !x.empty() {
		recs := make([]int, len(t.Rows))
		for k, row := range t.Rows {
			recs[k] = row.Record
		}
		spans = x.spans(recs, make([]bool, len(recs)), len(cols))
	}
	merged := false
	for _, row := range spans {
		for _, sp := range row {
			merged = merged || sp != (Span{1, 1})
		}
	}
	rows := make([][]OriginalCell, len(t.Rows))
	for k, row := range t.Rows {
		cells := make([]OriginalCell, 0, len(cols))
		texts := row.Cells(cols)
		for i, c := range cols {
			cell := OriginalCell{Heading: c.Label(), Text: texts[i].Text, Span: Span{1, 1}}
			switch {
			case merged:
				if cell.Span = spans[k][i]; cell.Span.Rows == 0 {
					continue
				}
			case c.Std == col.Area && k == 0:
				cell.Text = ""
				if t.Area != nil {
					cell.Text = t.Area.Label
				}
			}
			cells = append(cells, cell)
		}
		rows[k] = cells
	}
	return rows, merged
}
