// Package chart draws the site's charts as inline SVG, so they need no
// JavaScript. Each chart is a data model; its SVG method draws it, and the
// page template writes the same model out as a table for screen readers and
// for anyone who prefers numbers to shapes. A test parses both and checks
// that they agree.
package chart

import (
	"fmt"
	"sort"
	"strings"

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
}

// GanttRow is one task's milestones.
type GanttRow struct {
	Task  *plan.Task
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
// the number of tasks active in each of the plan's years.
func Timeline(pl *plan.Plan, perYear []int) *Gantt {
	if len(pl.Years) == 0 || len(pl.Tasks) > GanttMax {
		return nil
	}
	g := &Gantt{ID: "timeline-chart", Years: pl.Years,
		Title: fmt.Sprintf("%d项任务的时间安排（%d–%d年）", len(pl.Tasks), pl.Years[0], pl.Years[len(pl.Years)-1])}
	for _, t := range pl.Tasks {
		if ms := t.DatedMilestones(); len(ms) > 0 {
			g.Rows = append(g.Rows, GanttRow{Task: t, Spans: ms})
		}
	}
	var per []string
	for i, y := range pl.Years {
		per = append(per, fmt.Sprintf("%d年%d项", y, perYear[i]))
	}
	g.Desc = fmt.Sprintf("甘特图：每行一项任务，横条是时间节点覆盖的年份，菱形标在每个时间节点的截止年份。各年推进的任务数：%s。下表列出同样的数据。", strings.Join(per, "，"))
	return g
}

// YearBars charts how many tasks are active each year. /years/ shows it in
// place of the timeline when the table has more than GanttMax tasks.
// perYear is the number of tasks active in each of the plan's years.
func YearBars(pl *plan.Plan, perYear []int) *Bars {
	if len(pl.Years) == 0 || len(pl.Tasks) <= GanttMax {
		return nil
	}
	b := &Bars{ID: "year-chart", Title: "各年度推进的任务数", Label: "年度", Series: []string{"任务数"}}
	var per []string
	for i, y := range pl.Years {
		n := perYear[i]
		b.Rows = append(b.Rows, BarRow{Label: fmt.Sprintf("%d年", y), Target: sitepath.Year(y), Values: []int{n}})
		per = append(per, fmt.Sprintf("%d年%d项", y, n))
	}
	b.Desc = fmt.Sprintf("条形图：每年推进的任务数。%s。下表列出同样的数据。", strings.Join(per, "，"))
	return b
}

// TaskTimeline is the small timeline of one task's page.
func TaskTimeline(pl *plan.Plan, t *plan.Task) *Gantt {
	if t == nil || len(pl.Years) == 0 {
		return nil
	}
	ms := t.DatedMilestones()
	if len(ms) == 0 {
		return nil
	}
	var parts []string
	for _, m := range ms {
		parts = append(parts, fmt.Sprintf("%s年：%s", m.Years(), m.Text))
	}
	return &Gantt{ID: "task-timeline", Years: pl.Years, Small: true,
		Rows:  []GanttRow{{Task: t, Spans: ms}},
		Title: fmt.Sprintf("任务%s的时间安排", t.ID),
		Desc:  fmt.Sprintf("时间线：横条是时间节点覆盖的年份，菱形标在截止年份。%s。下表列出同样的数据。", strings.Join(parts, "；"))}
}

// DeptMatrix is the department × area chart of /departments/, a row for
// each of depts in their order: the page passes them in groups, so that
// district governments stand apart from municipal departments.
func DeptMatrix(pl *plan.Plan, depts []*plan.Department) *Matrix {
	if len(pl.Areas) == 0 {
		return nil
	}
	m := &Matrix{ID: "matrix-chart", Areas: pl.Areas,
		Title: fmt.Sprintf("%d个责任部门在%d%s%s中的分工", len(pl.Departments), len(pl.Areas), pl.AreaCounter(), pl.AreaNoun())}
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
	c, n := pl.AreaCounter(), pl.AreaNoun()
	m.Desc = fmt.Sprintf("矩阵图：每行一个部门，每列一%s%s。实心方块里的数字是该部门在该%s中牵头的任务数，空心方块里的数字是配合的任务数。共%d个部门、%d%s%s。下表列出同样的数据。",
		c, n, n, len(m.Rows), len(pl.Areas), c, n)
	return m
}

// DeptBars charts each department's lead and cooperating tasks, most first.
func DeptBars(pl *plan.Plan) *Bars {
	if len(pl.Departments) == 0 {
		return nil
	}
	b := &Bars{ID: "dept-chart", Title: "各部门承担的任务数", Label: "部门", Series: []string{"牵头", "配合"}}
	for _, d := range pl.Departments {
		b.Rows = append(b.Rows, BarRow{Label: d.Name, Target: sitepath.Dept(d), Values: []int{len(d.Lead), len(d.Coop)}})
	}
	sort.SliceStable(b.Rows, func(i, j int) bool { return b.Rows[i].Total() > b.Rows[j].Total() })
	top := b.Rows[0]
	b.Desc = fmt.Sprintf("条形图：每个部门一条，实心部分是牵头的任务数，空心部分是配合的任务数，按合计从多到少排列。最多的是%s：牵头%d项，配合%d项。下表列出同样的数据。", top.Label, top.Values[0], top.Values[1])
	return b
}
