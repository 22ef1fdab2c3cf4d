package portal

import (
	"sort"

	"plansite/internal/plan"
	"plansite/internal/progress"
)

// unionStatuses makes the portal's vocabulary of statuses: every plan's,
// one status a name, in the order first met from the newest plan, with
// its colour there. Each plan keeps its own vocabulary for its own pages
// and for what is done or overdue; the portal's pages count its statuses
// by name.
func (pt *Portal) unionStatuses() {
	byName := map[string]int{}
	for _, p := range pt.Plans {
		l := p.Content.Progress
		if l == nil {
			continue
		}
		p.status = make([]int, len(l.Statuses))
		for i, s := range l.Statuses {
			k, ok := byName[s.Name]
			if !ok {
				k = len(pt.Statuses)
				byName[s.Name] = k
				pt.Statuses = append(pt.Statuses, progress.Status{Name: s.Name, Colour: s.Colour, Done: s.Done})
			}
			p.status[i] = k
		}
	}
	progress.Number(pt.Statuses)
}

// HasProgress reports whether some plan has a progress file.
func (pt *Portal) HasProgress() bool { return len(pt.Statuses) > 0 }

// Status is the current status of task t of plan p in the portal's
// vocabulary; nil when the task has no update.
func (pt *Portal) Status(p *Plan, t *plan.Task) *progress.Status {
	l := p.Content.Progress
	if l == nil {
		return nil
	}
	s := l.Current(t)
	if s == nil {
		return nil
	}
	return &pt.Statuses[p.status[s.Index]]
}

// Overdue reports whether task t of plan p is overdue, by its plan's own
// rule and date.
func (p *Plan) Overdue(t *plan.Task) bool { return p.Content.Progress.Overdue(t) }

// Done reports whether task t of plan p is done, by its plan's own
// vocabulary.
func (p *Plan) Done(t *plan.Task) bool {
	return p.Content.Progress != nil && p.Content.Progress.Done(t)
}

// Due is a task of a plan and its deadline.
type Due struct {
	Plan     *Plan
	Task     *plan.Task
	Deadline progress.Date
}

// indexDeadlines lists the tasks by the year of their deadline (the end of
// their latest dated timeline clause), each year by deadline, then plan
// (newest first), then the plan's order.
func (pt *Portal) indexDeadlines() {
	pt.byYear = map[int][]Due{}
	for _, p := range pt.Plans {
		for _, t := range p.Tasks() {
			if d, ok := progress.Deadline(t); ok {
				if pt.byYear[d.Year] == nil {
					pt.years = append(pt.years, d.Year)
				}
				pt.byYear[d.Year] = append(pt.byYear[d.Year], Due{p, t, d})
			}
		}
	}
	sort.Ints(pt.years)
	for _, ds := range pt.byYear {
		// Stable: the plans' order, then the tasks', among one day's.
		sort.SliceStable(ds, func(i, j int) bool { return ds[i].Deadline.Compare(ds[j].Deadline) < 0 })
	}
}

// Years are the years some task's deadline falls in, in order.
func (pt *Portal) Years() []int { return pt.years }

// DueIn lists the tasks whose deadline falls in year y, by deadline.
func (pt *Portal) DueIn(y int) []Due { return pt.byYear[y] }

// Undated counts the tasks without a deadline that can be read.
func (pt *Portal) Undated() int {
	n := pt.Tasks()
	for _, ds := range pt.byYear {
		n -= len(ds)
	}
	return n
}

// AsOf is the day the portal is read at for what falls due next: its
// updated date (else its issue date, else its latest plan's).
func (pt *Portal) AsOf() (progress.Date, bool) {
	s := pt.Updated()
	if s == "" {
		return progress.Date{}, false
	}
	d, msg := progress.ParseDate(s)
	return d, msg == ""
}

// Soonest lists at most n tasks that are not done whose deadline is on or
// after the portal's date, soonest first. None when the portal has no
// date: the build never reads the clock.
func (pt *Portal) Soonest(n int) []Due {
	asOf, ok := pt.AsOf()
	if !ok {
		return nil
	}
	var out []Due
	for _, y := range pt.years {
		if y < asOf.Year {
			continue
		}
		for _, d := range pt.byYear[y] {
			if d.Deadline.Compare(asOf) < 0 || d.Plan.Done(d.Task) {
				continue
			}
			if out = append(out, d); len(out) == n {
				return out
			}
		}
	}
	return out
}
