package pages

import (
	"plansite/internal/chart"
	"plansite/internal/plan"
)

// The charts of a page, drawn by internal/chart.

// BarsView is a bar chart on a page: the "bars-table" template links each
// row's label from the page.
type BarsView struct {
	*chart.Bars
	Page *Page
}

func barsOn(p *Page, b *chart.Bars) *BarsView {
	if b == nil {
		return nil
	}
	return &BarsView{b, p}
}

// TimelineChart is the Gantt chart of every task on /years/, or nil when the
// table is too large for one (see YearBars) or has no timeline.
func (p *Page) TimelineChart() *chart.Gantt { return chart.Timeline(p.Site.Plan, p.Site.perYear()) }

// YearBars charts how many tasks are active each year, on /years/ when the
// table is too large for the timeline.
func (p *Page) YearBars() *BarsView {
	return barsOn(p, chart.YearBars(p.Site.Plan, p.Site.perYear()))
}

// TaskTimeline is the small timeline of the page's task.
func (p *Page) TaskTimeline() *chart.Gantt { return chart.TaskTimeline(p.Site.Plan, p.Task) }

// DeptMatrix is the department × area chart of /departments/, the
// departments in the groups of DeptGroups.
func (p *Page) DeptMatrix() *chart.Matrix {
	var depts []*plan.Department
	for _, g := range p.DeptGroups() {
		depts = append(depts, g.Depts...)
	}
	return chart.DeptMatrix(p.Site.Plan, depts)
}

// DeptBars charts each department's lead and cooperating tasks.
func (p *Page) DeptBars() *BarsView { return barsOn(p, chart.DeptBars(p.Site.Plan)) }

// perYear is the number of tasks active in each of the plan's years.
func (s *Site) perYear() []int {
	n := make([]int, len(s.Plan.Years))
	for i, y := range s.Plan.Years {
		n[i] = len(s.years()[y])
	}
	return n
}
