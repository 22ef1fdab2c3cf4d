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

// deptMatrix is the department × area chart of /departments/, the
// departments in their groups.
func deptMatrix(s *Site, groups []DeptGroup) *chart.Matrix {
	var depts []*plan.Department
	for _, g := range groups {
		depts = append(depts, g.Depts...)
	}
	return chart.DeptMatrix(s.Plan, depts)
}

// perYear is the number of tasks active in each of the plan's years.
func (s *Site) perYear() []int {
	n := make([]int, len(s.Plan.Years))
	for i, y := range s.Plan.Years {
		n[i] = len(s.years()[y])
	}
	return n
}
