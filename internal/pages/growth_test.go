package pages

import (
	"fmt"
	"runtime"
	"testing"

	"plansite/internal/labels"
	"plansite/internal/plan"
)

// allocated is how many bytes fn allocates.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// The year index holds each task once for each year it is active in, not
// its milestones for each year: a task of 5,000 milestones over 301 years
// took 216 MB.
func TestYearIndexGrowsWithTasksAndYears(t *testing.T) {
	const clauses, first, last = 5000, 1900, 2200
	pl := &plan.Plan{}
	for i := range 3 {
		task := &plan.Task{ID: fmt.Sprint(i + 1)}
		for range clauses {
			task.Milestones = append(task.Milestones, plan.Milestone{DateKind: plan.Between, From: first, To: last})
		}
		// One more, read as no year at all, which no year lists.
		task.Milestones = append(task.Milestones, plan.Milestone{DateKind: plan.Unread})
		pl.Tasks = append(pl.Tasks, task)
	}
	for y := first; y <= last; y++ {
		pl.Years = append(pl.Years, y)
	}
	s := &Context{Plan: pl}
	var byYear map[int][]YearEntry
	if n := allocated(func() { byYear = s.years() }); n > 20<<20 {
		t.Errorf("the year index of 3 tasks took %d MB", n>>20)
	}
	for y := first; y <= last; y++ {
		es := byYear[y]
		if len(es) != 3 || es[0].Task != pl.Tasks[0] || es[2].Task != pl.Tasks[2] {
			t.Fatalf("year %d lists %d tasks, want the 3 in order", y, len(es))
		}
	}
	if len(byYear) != last-first+1 {
		t.Errorf("%d years listed, want %d", len(byYear), last-first+1)
	}
	if ms := byYear[2000][1].Milestones(); len(ms) != clauses {
		t.Errorf("task 2 has %d milestones in 2000, want %d", len(ms), clauses)
	}
}

// The department × area matrix is drawn up to maxMatrixCells cells and left
// out beyond: 5,000 units in 5,000 groups would take 400 MB to hold it, and
// its page would pass MaxPage.
func TestDeptMatrixIsBounded(t *testing.T) {
	site := func(depts, areas int) (*Context, []DeptGroup) {
		pl := &plan.Plan{}
		for i := range areas {
			pl.Areas = append(pl.Areas, &plan.Area{Ordinal: i + 1, Label: fmt.Sprintf("（%d）组", i+1)})
		}
		var ds []*plan.Department
		for i := range depts {
			ds = append(ds, &plan.Department{Name: fmt.Sprintf("单位%d", i), Slug: fmt.Sprintf("d%d", i)})
		}
		pl.Departments = ds
		return &Context{Plan: pl, Labels: labels.Default()}, []DeptGroup{{Depts: ds}}
	}
	s, g := site(2000, maxMatrixCells/2000)
	if m := deptMatrix(s, g); m == nil || len(m.Rows) != 2000 || len(m.Rows[0].Cells) != maxMatrixCells/2000 {
		t.Errorf("a matrix at the limit: %v", m)
	}
	s, g = site(2001, maxMatrixCells/2000)
	if m := deptMatrix(s, g); m != nil {
		t.Errorf("a matrix past the limit has %d rows", len(m.Rows))
	}
	s, g = site(5000, 5000)
	if n := allocated(func() { deptMatrix(s, g) }); n > 20<<20 {
		t.Errorf("5,000 units in 5,000 groups: %d MB", n>>20)
	}
}
