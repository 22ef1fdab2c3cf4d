package pages

import (
	"slices"
	"strconv"
	"sync"

	col "plansite/internal/column"
	"plansite/internal/labels"
	"plansite/internal/plan"
	"plansite/internal/sitepath"
)

// The reference pages: the whole table as one printable page (/plan/) and
// the open data page (/data/).

// listPlan is /plan/. A table longer than PerPage rows is split over
// plan/page/2/ and on, like every list that grows with the table: tens of
// megabytes of HTML in one page is more than a phone can load, and
// /data/tasks.csv holds the whole table in one file anyway.
func listPlan(k *Kind, w *labels.Page, l *lister) ([]*Page, error) {
	s := l.s
	c := s.Config
	return paged(&Page{Site: s, Path: sitepath.Plan, Title: w.Title.Fill(), Crumbs: []Link{l.crumb(kindHome, sitepath.Home)},
		Description: w.Description.Fill(c.Title, c.Attachment, strconv.Itoa(len(s.Plan.Tasks)))}, len(s.Plan.Tasks)), nil
}

// listData is /data/.
func listData(k *Kind, w *labels.Page, l *lister) ([]*Page, error) {
	s := l.s
	return []*Page{{Site: s, Path: sitepath.Data, Title: w.Title.Fill(), Crumbs: []Link{l.crumb(kindHome, sitepath.Home)},
		Description: w.Description.Fill(s.Config.Attachment)}}, nil
}

// PlanURL links a task's row in the full table, on the page of the table
// that holds it.
func (p *Page) PlanURL(t *plan.Task) string {
	n := 1
	if ts := p.Site.Plan.Tasks; len(ts) > PerPage {
		n = p.Site.planIndex()[t]/PerPage + 1
	}
	return p.Rel(sitepath.Page(sitepath.Plan, n)) + "#" + sitepath.PlanRow(t)
}

// planIndex is each task's position in the table, worked out once per site.
type planIndex struct {
	once sync.Once
	pos  map[*plan.Task]int
}

func (s *Context) planIndex() map[*plan.Task]int {
	s.planIdx.once.Do(func() {
		s.planIdx.pos = make(map[*plan.Task]int, len(s.Plan.Tasks))
		for i, t := range s.Plan.Tasks {
			s.planIdx.pos[t] = i
		}
	})
	return s.planIdx.pos
}

// PlanRow is a row of the full table as the original has it: a task's own
// row (First) or a sub-item's row below it. The area column is a merged
// cell in the original, so a row either starts an area's cell (AreaSpan
// rows tall) or lies under the cell of the row above (AreaSpan 0). In a
// table whose groups are heading rows, Heading is the heading that stands
// above the row.
type PlanRow struct {
	Task     *plan.Task
	Row      plan.Row
	First    bool
	AreaSpan int
	Headings []string
}

// Anchor is the id of a task's own row, which PlanURL links.
func (r PlanRow) Anchor() string { return sitepath.PlanRow(r.Task) }

// Cells are the row's cells in the table's columns, in its order.
func (r PlanRow) Cells(cols []plan.Column) []PlanCell {
	cells := make([]PlanCell, len(cols))
	head := slices.IndexFunc(cols, func(c plan.Column) bool { return c.Std == col.ID })
	if head < 0 {
		head = slices.IndexFunc(cols, func(c plan.Column) bool { return c.Std != col.Area })
	}
	texts := r.Row.Cells(cols)
	for i, c := range cols {
		cells[i] = PlanCell{Column: c, Text: texts[i].Text, Head: i == head}
	}
	return cells
}

// PlanCell is one cell of a row of the full table, under its column. Head
// marks the row's header cell: its number (the id column), else the first
// cell that is not the merged area.
type PlanCell struct {
	Column plan.Column
	Text   string
	Head   bool
}

// planRows lists the rows of this page of the table in the table's order
// with their area cells merged as in the original: one cell for each run
// of rows in one area, started again at the top of each page.
func planRows(p *Page) []PlanRow {
	pl := p.Site.Plan
	var rows []PlanRow
	for i, t := range items(p, pl.Tasks, 0) {
		for k, r := range t.Rows {
			row := PlanRow{Task: t, Row: r, First: k == 0}
			if k == 0 {
				row.Headings = t.Headings
				if i == 0 && len(t.Headings) == 0 && !pl.HasColumn(col.Area) && t.Area != nil {
					// A page that starts inside a group repeats its heading.
					row.Headings = []string{t.Area.Label}
				}
			}
			rows = append(rows, row)
		}
	}
	for i := 0; i < len(rows); {
		j := i + 1
		for j < len(rows) && rows[j].Task.Area == rows[i].Task.Area {
			j++
		}
		rows[i].AreaSpan = j - i
		i = j
	}
	return rows
}

// TaskJSONURL links a task's own JSON file.
func (p *Page) TaskJSONURL(t *plan.Task) string { return p.Rel(sitepath.TaskJSON(t)) }
