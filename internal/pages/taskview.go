package pages

import col "plansite/internal/column"

// OriginalCell is a cell of a task's row as the table writes it, under its
// column's heading, for the 原表记载 block of the task page. Made before
// the page is rendered: in the template, choosing each cell took five
// calls (and, eq, eq, Cell, Text) by reflection per column and row.
type OriginalCell struct {
	Heading, Text string
}

// original lists the task's rows cell by cell in the table's columns; the
// area cell of its first row is the area's label, as the table merges it.
func original(p *Page) [][]OriginalCell {
	t := p.Task
	rows := make([][]OriginalCell, len(t.Rows))
	for k, row := range t.Rows {
		cells := make([]OriginalCell, len(p.Site.Plan.Columns))
		texts := row.Cells(p.Site.Plan.Columns)
		for i, c := range p.Site.Plan.Columns {
			cells[i].Heading = c.Heading
			switch {
			case c.Std == col.Area && k == 0:
				if t.Area != nil {
					cells[i].Text = t.Area.Label
				}
			default:
				cells[i].Text = texts[i].Text
			}
		}
		rows[k] = cells
	}
	return rows
}
