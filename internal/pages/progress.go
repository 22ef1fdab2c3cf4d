package pages

import (
	"net/url"
	"strconv"
	"strings"

	"plansite/internal/chart"
	"plansite/internal/labels"
	"plansite/internal/plan"
	"plansite/internal/progress"
	"plansite/internal/search"
	"plansite/internal/sitepath"
)

// The progress of the plan (落实情况) on its pages, when the site has a
// progress file: each task's status and updates, the counts of list pages,
// and /progress/. Without one, every method here gives nothing and the
// pages are as they were.

// Status is the task's current status, or nil.
func (p *Page) Status(t *plan.Task) *progress.Status {
	if p.Site.Progress == nil {
		return nil
	}
	return p.Site.Progress.Current(t)
}

// UpdateView is one update as a task page lists it.
type UpdateView struct {
	*progress.Update
	Status *progress.Status
}

// Updates are the task's updates, newest first.
func (p *Page) Updates(t *plan.Task) []UpdateView {
	l := p.Site.Progress
	var out []UpdateView
	for _, u := range l.Newest(t) {
		out = append(out, UpdateView{u, l.StatusOf(u)})
	}
	return out
}

// Overdue reports whether the task is overdue.
func (p *Page) Overdue(t *plan.Task) bool { return p.Site.Progress.Overdue(t) }

// DeadlineOf is the task's deadline as text, or "".
func (p *Page) DeadlineOf(t *plan.Task) string {
	if d, ok := progress.Deadline(t); ok {
		return d.String()
	}
	return ""
}

// DeadlineView is a task's deadline as its summary shows it: the date,
// the timeline's words it is read from, and what the clause says is due
// then (动工 of 5月底前动工: the date is not always the work's end).
type DeadlineView struct {
	Date, When, Due string
}

// Deadline is the task's deadline, the latest date its timeline gives, or
// nil when no clause's date can be read.
func (p *Page) Deadline(t *plan.Task) *DeadlineView {
	d, m, ok := progress.DeadlineClause(t)
	if !ok {
		return nil
	}
	return &DeadlineView{Date: d.String(), When: m.When, Due: excerpt(m.Text, 30)}
}

// Latest is the task's newest update, or nil; nil without progress.
func (p *Page) Latest(t *plan.Task) *UpdateView {
	l := p.Site.Progress
	if l == nil {
		return nil
	}
	u := l.Latest(t)
	if u == nil {
		return nil
	}
	return &UpdateView{u, l.StatusOf(u)}
}

// CountItem is one status and how many tasks have it.
type CountItem struct {
	Name, Class string
	N           int
}

// CountsView is the statuses of a list of tasks, as a line of counts.
type CountsView struct {
	Page  *Page
	Items []CountItem // every status with at least one task, then those without an update
	Total int
	// scope is the search filter that finds the list's tasks (area=2),
	// which each count's link adds to its status; empty for all tasks.
	scope url.Values
}

// In is the counts of the tasks of one group, department or year, which
// the search filter key=value finds: their links search within it.
func (v *CountsView) In(key, value string) *CountsView {
	if v == nil {
		return nil
	}
	c := *v
	c.scope = url.Values{key: {value}}
	return &c
}

// Href links the search for the tasks counted in item.
func (v *CountsView) Href(item CountItem) string {
	q := url.Values{"status": {item.Name}}
	for k, vs := range v.scope {
		q[k] = vs
	}
	return v.Page.Rel(sitepath.Search) + "?" + q.Encode()
}

// noneClass stands for the tasks without an update, whose status is
// the label [progress] none.
const noneClass = "st-none"

// StatusCounts counts the current statuses of ts; nil without progress.
func (p *Page) StatusCounts(ts []*plan.Task) *CountsView {
	l := p.Site.Progress
	if l == nil {
		return nil
	}
	c := l.Count(ts)
	v := &CountsView{Page: p, Total: c.Total}
	for i, s := range l.Statuses {
		if c.N[i] > 0 {
			v.Items = append(v.Items, CountItem{s.Name, s.Class(), c.N[i]})
		}
	}
	if c.None > 0 {
		v.Items = append(v.Items, CountItem{p.Site.Labels.Progress.None, noneClass, c.None})
	}
	return v
}

// DeptTasks are the tasks a department leads, then those it cooperates on.
func DeptTasks(d *plan.Department) []*plan.Task {
	return append(append([]*plan.Task{}, d.Lead...), d.Coop...)
}

// ProgressView is what /progress/ shows.
type ProgressView struct {
	Counts                   *CountsView
	ByArea, ByDept, ByYear   *BarsView
	Overdue                  []*plan.Task
	AsOf                     string
	Updates, TasksWithUpdate int
}

// statusBars charts the statuses of each group as a stack per group.
func statusBars(p *Page, id, title, label string, groups []progress.Group) *BarsView {
	l, w := p.Site.Progress, &p.Site.Labels.Progress
	if len(groups) == 0 {
		return nil
	}
	b := &chart.Bars{ID: id, Title: title, Label: label}
	for _, s := range l.Statuses {
		b.Series = append(b.Series, s.Name)
		b.Classes = append(b.Classes, "st "+s.Class())
	}
	b.Series = append(b.Series, w.None)
	b.Classes = append(b.Classes, "st "+noneClass)
	var desc []string
	for _, g := range groups {
		c := l.Count(g.Tasks)
		b.Rows = append(b.Rows, chart.BarRow{Label: g.Label, Target: g.Target, Values: append(c.N, c.None)})
		var parts []string
		for i, n := range c.N {
			if n > 0 {
				parts = append(parts, w.Count.Fill(l.Statuses[i].Name, strconv.Itoa(n)))
			}
		}
		if c.None > 0 {
			parts = append(parts, w.Count.Fill(w.None, strconv.Itoa(c.None)))
		}
		desc = append(desc, w.Group.Fill(g.Label, strings.Join(parts, w.CountSeparator)))
	}
	b.Desc = w.Description.Fill(strings.Join(desc, w.GroupSeparator))
	return barsOn(p, b)
}

// progressView fills in /progress/.
func progressView(p *Page) *ProgressView {
	s, l := p.Site, p.Site.Progress
	v := &ProgressView{Counts: p.StatusCounts(s.Plan.Tasks), Overdue: l.OverdueTasks(), Updates: len(l.Updates)}
	if !l.AsOf.IsZero() {
		v.AsOf = l.AsOf.String()
	}
	for _, t := range s.Plan.Tasks {
		if len(l.For(t)) > 0 {
			v.TasksWithUpdate++
		}
	}
	var areas, depts, years []progress.Group
	for _, a := range s.Plan.Areas {
		areas = append(areas, progress.Group{Label: a.Label, Target: sitepath.Area(a), Tasks: a.Tasks})
	}
	for _, d := range s.Plan.Departments {
		if len(d.Lead) > 0 {
			depts = append(depts, progress.Group{Label: d.Name, Target: sitepath.Dept(d), Tasks: d.Lead})
		}
	}
	w := &s.Labels.Progress
	ys, byYear, undated := progress.ByDeadlineYear(s.Plan.Tasks)
	for _, y := range ys {
		years = append(years, progress.Group{Label: s.Labels.Chart.Year.Fill(strconv.Itoa(y)), Target: sitepath.Year(y), Tasks: byYear[y]})
	}
	if len(undated) > 0 && len(ys) > 0 {
		years = append(years, progress.Group{Label: w.Undated, Target: sitepath.Years, Tasks: undated})
	}
	noun := s.AreaNoun()
	v.ByArea = statusBars(p, "progress-areas", w.ByArea.Fill(noun), w.ByAreaLabel.Fill(noun), areas)
	v.ByDept = statusBars(p, "progress-depts", w.ByLead.Fill(), w.ByLeadLabel.Fill(), depts)
	v.ByYear = statusBars(p, "progress-years", w.ByYear, w.ByYearLabel, years)
	return v
}

// listProgress is /progress/, when the site has progress.
func listProgress(k *Kind, w *labels.Page, l *lister) ([]*Page, error) {
	s := l.s
	if s.Progress == nil {
		return nil, nil
	}
	areas := ""
	if len(s.Plan.Areas) > 0 {
		areas = s.Labels.Progress.Areas.Fill(s.AreaNoun())
	}
	return []*Page{{Site: s, Path: sitepath.Progress, Title: w.Title.Fill(),
		Description: w.Description.Fill(strconv.Itoa(len(s.Plan.Tasks)), areas), Crumbs: []Link{l.crumb(kindHome, sitepath.Home)}}}, nil
}

// SearchProgress is the site's progress for the search index, with the
// label of no update (暂无进展) as the status of a task without one, so
// that the filter can find those too; nil without progress, which leaves
// the index as it was.
func (s *Context) SearchProgress() *search.Progress {
	if s.Progress == nil {
		return nil
	}
	return &search.Progress{Log: s.Progress, None: s.Labels.Progress.None}
}
