package pages

import (
	"plansite/internal/chart"
	"plansite/internal/labels"
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

// maxMatrixCells is the most department × area cells the matrix of
// /departments/ has. A real table has a few thousand; each takes some 100
// bytes of the page, so that past this the page would near MaxPage, and a
// table of thousands of units and of groups would need gigabytes to draw
// it. The page then goes without it.
const maxMatrixCells = 200_000

// deptMatrix is the department × area chart of /departments/, the
// departments in their groups; nil when it would have more than
// maxMatrixCells cells.
func deptMatrix(s *Context, groups []DeptGroup) *chart.Matrix {
	var depts []*plan.Department
	for _, g := range groups {
		depts = append(depts, g.Depts...)
	}
	if len(depts)*len(s.Plan.Areas) > maxMatrixCells {
		return nil
	}
	return chart.DeptMatrix(s.Plan, depts, &s.Labels.Chart, s.areaWords(), alone(s))
}

// perYear is the number of tasks active in each of the plan's years.
func (s *Context) perYear() []int {
	n := make([]int, len(s.Plan.Years))
	for i, y := range s.Plan.Years {
		n[i] = len(s.years()[y])
	}
	return n
}

// alone are the words of a plan whose units all lead, nil when some help.
func alone(s *Context) *labels.UnitsAlone {
	if s.Helps {
		return nil
	}
	return &s.Labels.UnitsAlone
}
