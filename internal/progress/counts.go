package progress

import (
	"sort"

	"plansite/internal/plan"
)

// Counts are how many tasks of a group have each status.
type Counts struct {
	N     []int // by status, in the vocabulary's order
	None  int   // tasks without any update
	Total int
}

// Count counts the current statuses of ts.
func (l *Log) Count(ts []*plan.Task) Counts {
	c := Counts{N: make([]int, len(l.Statuses)), Total: len(ts)}
	for _, t := range ts {
		if s := l.Current(t); s != nil {
			c.N[s.Index]++
		} else {
			c.None++
		}
	}
	return c
}

// Group is a labelled set of tasks counted together: an area, a lead
// department, a year.
type Group struct {
	Label  string
	Target string // the site path of its page; "" when it has none
	Tasks  []*plan.Task
}

// ByDeadlineYear groups the tasks by the year of their deadline, in order;
// the tasks without a readable deadline come last, labelled none.
func ByDeadlineYear(ts []*plan.Task) (years []int, groups map[int][]*plan.Task, undated []*plan.Task) {
	groups = map[int][]*plan.Task{}
	for _, t := range ts {
		d, ok := Deadline(t)
		if !ok {
			undated = append(undated, t)
			continue
		}
		if groups[d.Year] == nil {
			years = append(years, d.Year)
		}
		groups[d.Year] = append(groups[d.Year], t)
	}
	sort.Ints(years)
	return years, groups, undated
}
