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

// listFields is /data/fields/, what each column of tasks.csv and field of
// plan.json holds: a reference of its own, so that /data/ starts with how
// to reuse and cite the data, and the files.
func listFields(k *Kind, w *labels.Page, l *lister) ([]*Page, error) {
	s := l.s
	return []*Page{{Site: s, Path: sitepath.DataFields, Title: w.Title.Fill(),
		Crumbs:      []Link{l.crumb(kindHome, sitepath.Home), l.crumb(kindData, sitepath.Data)},
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
// row (First) or a sub-item's row below it, its cells in the table's
// columns (Cells). Headings are the heading rows that stand above it.
//
// A table whose merges are known (plan.Plan.Merges) is shown with them:
// each merged cell spans its rows and columns, and the cells it covers are
// left out of Cells. Else the area column is taken as merged, as a table
// that leaves it empty below an area's first row means: a row either
// starts an area's cell (AreaSpan rows tall) or lies under the cell of the
// row above (AreaSpan 0).
type PlanRow struct {
	Task     *plan.Task
	Row      plan.Row
	First    bool
	AreaSpan int
	Headings []string
	Cells    []PlanCell
}

// Anchor is the id of a task's own row, which PlanURL links.
func (r PlanRow) Anchor() string { return sitepath.PlanRow(r.Task) }

// PlanCell is one cell of a row of the full table, under its column. Head
// marks the row's header cell: its number (the id column), else the first
// cell that is not the area.
type PlanCell struct {
	CellTag
	Text string
	Head bool
}

// CellTag is what a cell's opening tag depends on, so that a tag is made
// once for all the cells that share it ({{value "plan-cell" $ $c.CellTag}}):
// the full table of a large plan is mostly cells, and each of its pages ran
// a dozen actions a cell. Area marks the area cell of a table whose merges
// are not known, AreaSpan rows tall; Span is a cell's merge in a table
// whose merges are.
type CellTag struct {
	Column plan.Column
	Area   bool
	Span   Span
}

// PlanHeadCell is a cell of the full table's heading, Cols columns wide
// where the heading merges them, Rows rows tall in a heading of two rows.
// A group's cell (责任单位 over 牵头单位 and 配合单位) has the group as its
// Column's Heading.
type PlanHeadCell struct {
	Column plan.Column
	Cols   int
	Rows   int
}

// planHead is the heading of the full table, with the heading's own merged
// cells: one row (top is nil), or of a heading of two rows the upper row
// and the lower.
func planHead(pl *plan.Plan) (top, head []PlanHeadCell) {
	if slices.ContainsFunc(pl.Columns, func(c plan.Column) bool { return c.Group != "" }) {
		cols := headSpans(pl, 2) // a heading merged down over both rows and across columns (项目名称)
		for i, c := range pl.Columns {
			switch {
			case c.Group == "":
				if cols[i] > 0 {
					top = append(top, PlanHeadCell{Column: c, Cols: cols[i], Rows: 2})
				}
			case i == 0 || pl.Columns[i-1].Group != c.Group:
				n := 1
				for n < len(pl.Columns)-i && pl.Columns[i+n].Group == c.Group {
					n++
				}
				top = append(top, PlanHeadCell{Column: plan.Column{Heading: c.Group}, Cols: n, Rows: 1})
				fallthrough
			default:
				head = append(head, PlanHeadCell{Column: c, Cols: 1, Rows: 1})
			}
		}
		return top, head
	}
	cols := headSpans(pl, 1)
	for i, c := range pl.Columns {
		if cols[i] > 0 {
			head = append(head, PlanHeadCell{Column: c, Cols: cols[i], Rows: 1})
		}
	}
	return nil, head
}

// headSpans gives each column of the table's heading, rows tall, the
// number of columns its cell spans where the heading merges cells across
// columns over all its rows, 0 for a column such a cell covers, else 1. A
// heading of two rows merges only columns under no group.
func headSpans(pl *plan.Plan, rows int) []int {
	cols := make([]int, len(pl.Columns))
	for i := range cols {
		cols[i] = 1
	}
	for _, g := range pl.Merges {
		if g.Top != 1 || g.Bottom != rows || g.Left < 1 || g.Right > len(cols) || cols[g.Left-1] != 1 ||
			slices.ContainsFunc(pl.Columns[g.Left-1:g.Right], func(c plan.Column) bool { return c.Group != "" }) {
			continue
		}
		for c := g.Left; c < g.Right; c++ {
			cols[c] = 0
		}
		cols[g.Left-1] = g.Right - g.Left + 1
	}
	return cols
}

// headColumn is the column of a row's header cell: the id column, else
// the first that is not the area.
func headColumn(cols []plan.Column) int {
	head := slices.IndexFunc(cols, func(c plan.Column) bool { return c.Std == col.ID })
	if head < 0 {
		head = slices.IndexFunc(cols, func(c plan.Column) bool { return c.Std != col.Area })
	}
	return head
}

// planRows lists the rows of this page of the table in the table's order,
// with their cells merged as in the original, started again at the top of
// each page.
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
	cols, head := pl.Columns, headColumn(pl.Columns)
	x := p.Site.merges()
	if x.empty() {
		for i := 0; i < len(rows); {
			j := i + 1
			for j < len(rows) && rows[j].Task.Area == rows[i].Task.Area {
				j++
			}
			rows[i].AreaSpan = j - i
			i = j
		}
		for i := range rows {
			r := &rows[i]
			texts := r.Row.Cells(cols)
			r.Cells = make([]PlanCell, 0, len(cols))
			for c, column := range cols {
				cell := PlanCell{CellTag: CellTag{Column: column, Span: Span{1, 1}}, Text: texts[c].Text, Head: c == head}
				if column.Std == col.Area {
					if r.AreaSpan == 0 {
						continue
					}
					cell = PlanCell{CellTag: CellTag{Column: column, Area: true, Span: Span{r.AreaSpan, 1}}}
					if r.Task.Area != nil {
						cell.Text = r.Task.Area.Label
					}
				}
				r.Cells = append(r.Cells, cell)
			}
		}
		return rows
	}
	recs, cut := make([]int, len(rows)), make([]bool, len(rows))
	for i, r := range rows {
		// A merge is cut where a heading row or a group's own table starts.
		recs[i], cut[i] = r.Row.Record, len(r.Headings) > 0 || i > 0 && r.Task.Area != rows[i-1].Task.Area
	}
	spans := x.spans(recs, cut, len(cols))
	for i := range rows {
		r := &rows[i]
		texts := r.Row.Cells(cols)
		r.Cells = make([]PlanCell, 0, len(cols))
		for c, column := range cols {
			sp := Span{1, 1}
			if spans != nil {
				sp = spans[i][c]
			}
			if sp.Rows == 0 {
				continue
			}
			r.Cells = append(r.Cells, PlanCell{CellTag: CellTag{Column: column, Span: sp}, Text: texts[c].Text, Head: c == head})
		}
	}
	return rows
}

// PlanGroup is one group's rows of a page of the full table, under a
// heading of its own (Area nil for the rows before the first group): a
// reader of a long table on a phone finds a group by its heading, and
// jumps to it from the list at the top.
type PlanGroup struct {
	Area *plan.Area
	Rows []PlanRow
}

// Anchor is the id of the group's heading, which the jump list links.
func (g PlanGroup) Anchor() string { return "area-" + strconv.Itoa(g.Area.Ordinal) }

// planGroups splits a page's rows where their group changes. The heading
// rows of a group's first row that name the group or the headings it
// stands under are shown as its heading instead, so they leave the table;
// so do those of the groups the table lists empty above it, each shown as
// a group of its own, without rows.
func planGroups(pl *plan.Plan, rows []PlanRow) []PlanGroup {
	var empty map[string]*plan.Area
	for _, a := range pl.Areas {
		if len(a.Tasks) == 0 {
			if empty == nil {
				empty = map[string]*plan.Area{}
			}
			empty[a.Label] = a
		}
	}
	var out []PlanGroup
	for i, r := range rows {
		if i == 0 || r.Task.Area != rows[i-1].Task.Area {
			if a := r.Task.Area; a != nil {
				shown := []*plan.Area{a}
				for _, h := range r.Headings {
					if e := empty[h]; e != nil {
						out = append(out, PlanGroup{Area: e})
						shown = append(shown, e)
					}
				}
				rows[i].Headings = slices.DeleteFunc(slices.Clone(r.Headings), func(h string) bool {
					return slices.ContainsFunc(shown, func(a *plan.Area) bool { return h == a.Label || slices.Contains(a.Parents, h) })
				})
			}
			out = append(out, PlanGroup{Area: r.Task.Area})
		}
		out[len(out)-1].Rows = append(out[len(out)-1].Rows, rows[i])
	}
	return out
}

// planJump links every group from the top of each page of the full table,
// on the page that holds its first task.
func planJump(p *Page) []Link {
	pl := p.Site.Plan
	var out []Link
	for _, a := range pl.Areas {
		if len(a.Tasks) == 0 {
			continue
		}
		target := sitepath.Page(sitepath.Plan, p.Site.planIndex()[a.Tasks[0]]/PerPage+1)
		if target == p.Path {
			target = ""
		}
		out = append(out, Link{Label: a.Label, Target: target + "#" + PlanGroup{Area: a}.Anchor()})
	}
	return out
}

// TaskJSONURL links a task's own JSON file.
func (p *Page) TaskJSONURL(t *plan.Task) string { return p.Rel(sitepath.TaskJSON(t)) }
