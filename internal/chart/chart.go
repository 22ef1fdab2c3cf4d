// Package chart draws the site's charts as inline SVG, so they need no
// JavaScript. Each chart is a data model; its SVG method draws it, and the
// page template writes the same model out as a table for screen readers and
// for anyone who prefers numbers to shapes. A test parses both and checks
// that they agree. Its words (titles, descriptions, the labels of rows and
// series) are the labels' [chart], which each chart is given.
package chart

import (
	"sort"
	"strconv"
	"strings"

	"plansite/internal/labels"
	"plansite/internal/plan"
	"plansite/internal/sitepath"
)

// GanttMax is the most tasks the timeline on /years/ draws one by one. A
// larger table gets a bar chart of tasks per year instead: ten thousand rows
// of bars would be neither readable nor light enough for a phone.
const GanttMax = 120

// Gantt is a timeline: one row per task, one column per plan year, a bar for
// each milestone's span of years and a mark at the end of each span.
type Gantt struct {
	ID    string // prefix of the chart's element ids
	Title string
	Desc  string
	Years []int
	Rows  []GanttRow
	Small bool // one task, on its own page: no row labels
	axis  *Axis
}

// GanttRow is one task's milestones.
type GanttRow struct {
	Task  *plan.Task
	Label string // the row's label: 任务7
	Spans []plan.Milestone
}

// Matrix shows which departments lead (filled) or cooperate on (outlined)
// tasks in which action area.
type Matrix struct {
	ID    string
	Title string
	Desc  string
	Areas []*plan.Area
	Rows  []MatrixRow
}

// MatrixRow is one department across the areas.
type MatrixRow struct {
	Dept  *plan.Department
	Cells []MatrixCell // one per area, in the order of Matrix.Areas
}

// MatrixCell counts a department's tasks in one area.
type MatrixCell struct{ Lead, Coop int }

// Bars is a horizontal bar chart; each bar is a stack of one value per series.
type Bars struct {
	ID     string
	Title  string
	Desc   string
	Label  string   // heading of the label column: 部门, 年度
	Series []string // names of the stacked values: 牵头, 配合
	// Classes, when set, colour each series' segment by its own class
	// (the statuses of /progress/), all filled.
	Classes []string
	Rows    []BarRow
}

// BarRow is one bar.
type BarRow struct {
	Label  string
	Target string // site path the label links to in the table
	Values []int  // one per series
}

// Total is the sum of the row's values.
func (r BarRow) Total() int {
	n := 0
	for _, v := range r.Values {
		n += v
	}
	return n
}

// Timeline is the Gantt chart of every task on /years/, or nil when the
// table is too large for one (see YearBars) or has no timeline. perYear is
// the number of tasks active in each of the plan's years; w the words.
func Timeline(pl *plan.Plan, perYear []int, w *labels.Chart) *Gantt {
	if len(pl.Years) == 0 || len(pl.Tasks) > GanttMax {
		return nil
	}
	g := &Gantt{ID: "timeline-chart", Years: pl.Years,
		Title: w.Timeline.Title.Fill(itoa(len(pl.Tasks)), itoa(pl.Years[0]), itoa(pl.Years[len(pl.Years)-1]), YearSpan(pl.Years[0], pl.Years[len(pl.Years)-1]))}
	for _, t := range pl.Tasks {
		if ms := t.DatedMilestones(); len(ms) > 0 {
			g.Rows = append(g.Rows, GanttRow{Task: t, Label: w.Task.Fill(t.ID), Spans: ms})
		}
	}
	g.Desc = w.Timeline.Description.Fill(yearTasks(pl, perYear, w))
	return g
}

// yearTasks says how many tasks are active in each year.
func yearTasks(pl *plan.Plan, perYear []int, w *labels.Chart) string {
	per := make([]string, len(pl.Years))
	for i, y := range pl.Years {
		per[i] = w.YearTasks.Fill(itoa(y), itoa(perYear[i]))
	}
	return strings.Join(per, w.YearSeparator)
}

func itoa(n int) string { return strconv.Itoa(n) }

// YearBars charts how many tasks are active each year. /years/ shows it in
// place of the timeline when the table has more than GanttMax tasks.
// perYear is the number of tasks active in each of the plan's years; w the
// words.
func YearBars(pl *plan.Plan, perYear []int, w *labels.Chart) *Bars {
	if len(pl.Years) == 0 || len(pl.Tasks) <= GanttMax {
		return nil
	}
	wb := &w.YearBars
	b := &Bars{ID: "year-chart", Title: wb.Title, Label: wb.Label, Series: []string{wb.Series}}
	for i, y := range pl.Years {
		b.Rows = append(b.Rows, BarRow{Label: w.Year.Fill(itoa(y)), Target: sitepath.Year(y), Values: []int{perYear[i]}})
	}
	b.Desc = wb.Description.Fill(yearTasks(pl, perYear, w))
	return b
}

// TaskTimeline is the small timeline of one task's page; w the words,
// axis the plan's, shared by all of its task pages.
func TaskTimeline(pl *plan.Plan, t *plan.Task, w *labels.Chart, axis *Axis) *Gantt {
	if t == nil || len(pl.Years) == 0 {
		return nil
	}
	ms := t.DatedMilestones()
	if len(ms) == 0 {
		return nil
	}
	wt := &w.TaskTimeline
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = wt.Clause.Fill(m.Years(), m.Detail)
	}
	return &Gantt{ID: "task-timeline", Years: pl.Years, Small: true, axis: axis,
		Rows:  []GanttRow{{Task: t, Label: w.Task.Fill(t.ID), Spans: ms}},
		Title: wt.Title.Fill(t.ID),
		Desc:  wt.Description.Fill(strings.Join(parts, wt.ClauseSeparator))}
}

// DeptMatrix is the department × area chart of /departments/, a row for
// each of depts in their order: the page passes them in groups, so that
// district governments stand apart from municipal departments. w are the
// words, area the site's word for the plan's groups; alone, when not nil,
// the words of a plan whose units all lead.
func DeptMatrix(pl *plan.Plan, depts []*plan.Department, w *labels.Chart, area *labels.AreaWords, alone *labels.UnitsAlone) *Matrix {
	if len(pl.Areas) == 0 {
		return nil
	}
	m := &Matrix{ID: "matrix-chart", Areas: pl.Areas,
		Title: w.Matrix.Title.Fill(itoa(len(pl.Departments)), itoa(len(pl.Areas)), area.Counter, area.Noun)}
	col := map[*plan.Area]int{}
	for i, a := range pl.Areas {
		col[a] = i
	}
	for _, d := range depts {
		r := MatrixRow{Dept: d, Cells: make([]MatrixCell, len(pl.Areas))}
		for _, t := range d.Lead {
			if i, ok := col[t.Area]; ok {
				r.Cells[i].Lead++
			}
		}
		for _, t := range d.Coop {
			if i, ok := col[t.Area]; ok {
				r.Cells[i].Coop++
			}
		}
		m.Rows = append(m.Rows, r)
	}
	if alone != nil {
		m.Desc = alone.MatrixDescription.Fill(itoa(len(m.Rows)), itoa(len(pl.Areas)), area.Counter, area.Noun)
	} else {
		m.Desc = w.Matrix.Description.Fill(itoa(len(m.Rows)), itoa(len(pl.Areas)), area.Counter, area.Noun)
	}
	return m
}

// DeptBars charts each department's lead and cooperating tasks, most
// first; w the words. With alone (a plan whose units all lead) it charts
// the tasks each undertakes, in one series.
func DeptBars(pl *plan.Plan, w *labels.Chart, alone *labels.UnitsAlone) *Bars {
	if len(pl.Departments) == 0 {
		return nil
	}
	wd := &w.DepartmentBars
	b := &Bars{ID: "dept-chart", Title: wd.Title.Fill(), Label: wd.Label.Fill(), Series: []string{wd.Lead, wd.Coop}}
	if alone != nil {
		b.Series = []string{alone.Lead}
	}
	for _, d := range pl.Departments {
		b.Rows = append(b.Rows, BarRow{Label: d.Name, Target: sitepath.Dept(d), Values: []int{len(d.Lead), len(d.Coop)}[:len(b.Series)]})
	}
	sort.SliceStable(b.Rows, func(i, j int) bool { return b.Rows[i].Total() > b.Rows[j].Total() })
	top := b.Rows[0]
	if alone != nil {
		b.Desc = alone.BarsDescription.Fill(top.Label, itoa(top.Values[0]))
	} else {
		b.Desc = wd.Description.Fill(top.Label, itoa(top.Values[0]), itoa(top.Values[1]))
	}
	return b
}

// YearSpan writes the years from first to last as labels say them: 2020–2022,
// or 2017 for a plan of one year.
func YearSpan(first, last int) string {
	if first == last {
		return itoa(first)
	}
	return itoa(first) + "–" + itoa(last)
}
