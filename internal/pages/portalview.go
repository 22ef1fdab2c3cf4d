package pages

import (
	"strconv"
	"strings"

	"plansite/internal/chart"
	"plansite/internal/plan"
	"plansite/internal/portal"
	"plansite/internal/progress"
	"plansite/internal/sitepath"
)

// What a portal's own pages show (PortalKinds' views). Each entry carries
// its links from the page, so that the templates need not know where a
// plan's site stands.

// emptyPlan is the portal's Context's plan: the portal has none of its own,
// and what every page shows of a plan is then empty.
var emptyPlan = &plan.Plan{}

// PortalView is what a portal's own pages show beyond every page.
type PortalView struct {
	Plans   []PlanEntry // the plans, newest first: home, search and data
	Tasks   int         // tasks of every plan
	Units   int
	Soonest []DueEntry // home: what falls due next, not done
	AsOf    string     // the date that is read at, YYYY-MM-DD; "" without one
	// Departments: the units in their groups.
	Groups []UnitGroup
	// A unit's page.
	Unit *UnitView
	// Years: each year's count and chart; a year's page: its part of the
	// deadlines.
	Years    []YearCount
	YearBars *BarsView
	Due      []DueEntry
	Undated  int
	// Progress.
	Progress *PortalProgressView
	// Search: the statuses of every plan with their counts, for the
	// filter; nil without progress.
	Statuses *CountsView
}

// PlanLink is a plan as a line of another page names it.
type PlanLink struct {
	Plan  *portal.Plan
	Title string // its short title
	URL   string // its home page, from the page
}

// PlanEntry is a plan as the portal lists it.
type PlanEntry struct {
	PlanLink
	FullTitle, Issuer, Number, Date string
	Years                           string // 2023–2025
	Tasks                           int
	Counts                          *CountsView // in the portal's statuses; nil without progress
	// Its whole table (/plan/) and its open data, from the page.
	PlanURL, DataURL, TableURL, JSONURL, SchemaURL, ProgressURL, FeedURL string
}

// TaskEntry is a task of a plan as a portal's list shows it.
type TaskEntry struct {
	Task     *plan.Task
	URL      string
	Status   *progress.Status // in the portal's vocabulary; nil without an update
	Deadline string           // YYYY-MM-DD; "" without one
	Overdue  bool
}

// DueEntry is a task with its plan and lead units, in a list across plans.
type DueEntry struct {
	TaskEntry
	Plan PlanLink
	Lead []UnitLink
}

// UnitLink is a unit, linked to its page on the portal.
type UnitLink struct{ Name, URL string }

// UnitGroup is the units of one kind.
type UnitGroup struct {
	Kind  plan.DeptKind
	Label string
	Units []UnitEntry
}

// UnitEntry is a unit as /departments/ lists it.
type UnitEntry struct {
	*portal.Unit
	URL   string
	Plans int
}

// UnitView is a unit's page: its counts and chart, and the part of its
// tasks this page shows, plan by plan.
type UnitView struct {
	Counts *CountsView
	Chart  *BarsView
	Parts  []UnitPart
}

// UnitPart is the unit's tasks in one plan, as much of them as the page
// shows.
type UnitPart struct {
	Plan       PlanLink
	DeptURL    string // the unit's page in the plan's site
	Lead, Coop []TaskEntry
	// Whether the page shows each list; with how many tasks it has in
	// all.
	ShowLead, ShowCoop   bool
	LeadTotal, CoopTotal int
}

// YearCount is a year and how many tasks fall due in it.
type YearCount struct {
	Year  int
	URL   string
	Tasks int
}

// PortalProgressView is a portal's /progress/.
type PortalProgressView struct {
	Counts         *CountsView
	ByPlan, ByUnit *BarsView
	Overdue        []DueEntry // the first PerPage, by deadline
	OverdueTotal   int
	Plans          []PlanEntry // the plans with progress
}

// planLink is plan pl as page p links it.
func (p *Page) planLink(pl *portal.Plan) PlanLink {
	return PlanLink{Plan: pl, Title: pl.Content.Config.ShortTitle, URL: p.Rel(pl.Dir)}
}

// taskEntry is task t of plan pl as page p lists it.
func (p *Page) taskEntry(pl *portal.Plan, t *plan.Task) TaskEntry {
	e := TaskEntry{Task: t, URL: p.Rel(pl.Dir + sitepath.Task(t)), Status: p.Site.Portal.Status(pl, t)}
	if d, ok := progress.Deadline(t); ok {
		e.Deadline = d.String()
	}
	e.Overdue = pl.Content.Progress != nil && pl.Overdue(t)
	return e
}

// dueEntry is a task across plans with its plan and lead units.
func (p *Page) dueEntry(pl *portal.Plan, t *plan.Task) DueEntry {
	e := DueEntry{TaskEntry: p.taskEntry(pl, t), Plan: p.planLink(pl)}
	for _, d := range t.Lead {
		e.Lead = append(e.Lead, UnitLink{d.Name, p.Rel(sitepath.Unit(d.Slug))})
	}
	return e
}

// planTask is a task of a plan, for counting statuses across plans.
type planTask struct {
	plan *portal.Plan
	task *plan.Task
}

// portalCounts counts the statuses of the tasks of plans with progress
// among ts, in the portal's vocabulary; nil when none has progress.
func (p *Page) portalCounts(ts []planTask) *CountsView {
	pt := p.Site.Portal
	n := make([]int, len(pt.Statuses))
	none, total := 0, 0
	for _, x := range ts {
		if x.plan.Content.Progress == nil {
			continue
		}
		total++
		if s := pt.Status(x.plan, x.task); s != nil {
			n[s.Index]++
		} else {
			none++
		}
	}
	if total == 0 {
		return nil
	}
	v := &CountsView{Page: p, Total: total}
	for i, s := range pt.Statuses {
		if n[i] > 0 {
			v.Items = append(v.Items, CountItem{s.Name, s.Class(), n[i]})
		}
	}
	if none > 0 {
		v.Items = append(v.Items, CountItem{p.Site.Labels.Progress.None, noneClass, none})
	}
	return v
}

func tasksOf(pl *portal.Plan, ts []*plan.Task) []planTask {
	out := make([]planTask, len(ts))
	for i, t := range ts {
		out[i] = planTask{pl, t}
	}
	return out
}

// planEntries are the portal's plans as page p lists them.
func (p *Page) planEntries() []PlanEntry {
	var out []PlanEntry
	for _, pl := range p.Site.Portal.Plans {
		c := pl.Content.Config
		e := PlanEntry{PlanLink: p.planLink(pl), FullTitle: c.Title, Issuer: c.Issuer, Number: c.Number, Date: c.Date,
			Tasks: len(pl.Tasks()), Counts: p.portalCounts(tasksOf(pl, pl.Tasks()))}
		if ys := pl.Content.Plan.Years; len(ys) > 0 {
			e.Years = strconv.Itoa(ys[0])
			if len(ys) > 1 {
				e.Years += "–" + strconv.Itoa(ys[len(ys)-1])
			}
		}
		e.PlanURL = p.Rel(pl.Dir + sitepath.Plan)
		e.DataURL, e.TableURL, e.JSONURL, e.SchemaURL = p.Rel(pl.Dir+sitepath.Data), p.Rel(pl.Dir+sitepath.TableCSV),
			p.Rel(pl.Dir+sitepath.PlanJSON), p.Rel(pl.Dir+sitepath.PlanSchema)
		if pl.Content.Progress != nil {
			e.ProgressURL = p.Rel(pl.Dir + sitepath.ProgressCSV)
		}
		if c.Date != "" || c.Updated != "" {
			if p.Site.BaseURL != "" {
				e.FeedURL = p.Rel(pl.Dir + sitepath.Feed)
			}
		}
		out = append(out, e)
	}
	return out
}

// soonest is how many of the tasks due next the home page lists.
const soonest = 10

func viewPortalHome(v *Page, p *Page) error {
	pt := p.Site.Portal
	v.OGTitle = p.Site.Config.Title
	pv := &PortalView{Plans: p.planEntries(), Tasks: pt.Tasks(), Units: len(pt.Units)}
	if d, ok := pt.AsOf(); ok {
		pv.AsOf = d.String()
	}
	for _, d := range pt.Soonest(soonest) {
		pv.Soonest = append(pv.Soonest, p.dueEntry(d.Plan, d.Task))
	}
	for _, y := range pt.Years() {
		pv.Years = append(pv.Years, YearCount{y, p.Rel(sitepath.Year(y)), len(pt.DueIn(y))})
	}
	v.Portal = pv
	return nil
}

func viewPortalDepartments(v *Page, p *Page) error {
	pt, w := p.Site.Portal, &p.Site.Labels.DepartmentGroups
	label := map[plan.DeptKind]string{plan.Municipal: p.Site.KindLabel(plan.Municipal), plan.District: w.District, plan.Government: w.Government,
		plan.Collective: w.Collective, plan.Other: w.Other}
	pv := &PortalView{Units: len(pt.Units)}
	for _, k := range plan.DeptKinds {
		g := UnitGroup{Kind: k, Label: label[k]}
		for _, u := range pt.Units {
			if u.Kind == k {
				g.Units = append(g.Units, UnitEntry{u, p.Rel(sitepath.Unit(u.Slug)), len(u.In)})
			}
		}
		if len(g.Units) > 0 {
			pv.Groups = append(pv.Groups, g)
		}
	}
	v.Portal = pv
	return nil
}

func viewPortalDepartment(v *Page, p *Page) error {
	u, w := p.Unit, &p.Site.Labels.Portal
	uv := &UnitView{}
	var all []planTask
	b := &chart.Bars{ID: "unit-plans", Title: w.UnitChartTitle.Fill(u.Name), Label: w.UnitChartLabel,
		Series: []string{w.UnitChartLead, w.UnitChartCoop}}
	var rows []string
	// The unit's list runs plan by plan, each plan's lead tasks, then its
	// cooperating ones; this page shows its part of it.
	at := 0
	for _, part := range u.In {
		d, pl := part.Dept, part.Plan
		all = append(all, tasksOf(pl, d.Lead)...)
		all = append(all, tasksOf(pl, d.Coop)...)
		link := p.planLink(pl)
		b.Rows = append(b.Rows, chart.BarRow{Label: link.Title, Target: pl.Dir + sitepath.Dept(d), Values: []int{len(d.Lead), len(d.Coop)}})
		rows = append(rows, w.UnitChartRow.Fill(link.Title, strconv.Itoa(len(d.Lead)), strconv.Itoa(len(d.Coop))))
		lead, coop := items(p, d.Lead, at), items(p, d.Coop, at+len(d.Lead))
		at += len(d.Lead) + len(d.Coop)
		if len(lead) == 0 && len(coop) == 0 {
			continue // on another page of the list
		}
		up := UnitPart{Plan: link, DeptURL: p.Rel(pl.Dir + sitepath.Dept(d)), LeadTotal: len(d.Lead), CoopTotal: len(d.Coop),
			ShowLead: len(lead) > 0, ShowCoop: len(coop) > 0}
		for _, t := range lead {
			up.Lead = append(up.Lead, p.taskEntry(pl, t))
		}
		for _, t := range coop {
			up.Coop = append(up.Coop, p.taskEntry(pl, t))
		}
		uv.Parts = append(uv.Parts, up)
	}
	b.Desc = w.UnitChartDescription.Fill(strings.Join(rows, w.UnitChartSeparator))
	uv.Chart = barsOn(p, b)
	uv.Counts = p.portalCounts(all)
	v.Portal = &PortalView{Unit: uv}
	return nil
}

func viewPortalYears(v *Page, p *Page) error {
	pt, s := p.Site.Portal, p.Site
	pv := &PortalView{Undated: pt.Undated(), Tasks: pt.Tasks()}
	w := &s.Labels.Portal
	b := &chart.Bars{ID: "due-years", Title: w.YearsChartTitle, Label: w.YearsChartLabel, Series: []string{w.YearsChartSeries}}
	var desc []string
	for _, y := range pt.Years() {
		n, year := len(pt.DueIn(y)), strconv.Itoa(y)
		pv.Years = append(pv.Years, YearCount{y, p.Rel(sitepath.Year(y)), n})
		b.Rows = append(b.Rows, chart.BarRow{Label: s.Labels.Chart.Year.Fill(year), Target: sitepath.Year(y), Values: []int{n}})
		desc = append(desc, s.Labels.Chart.YearTasks.Fill(year, strconv.Itoa(n)))
	}
	b.Desc = w.YearsChartDesc.Fill(strings.Join(desc, s.Labels.Chart.YearSeparator))
	pv.YearBars = barsOn(p, b)
	v.Portal = pv
	return nil
}

func viewPortalYear(v *Page, p *Page) error {
	pt := p.Site.Portal
	pv := &PortalView{}
	for _, d := range items(p, pt.DueIn(p.Year), 0) {
		pv.Due = append(pv.Due, p.dueEntry(d.Plan, d.Task))
	}
	for _, y := range pt.Years() {
		pv.Years = append(pv.Years, YearCount{y, p.Rel(sitepath.Year(y)), len(pt.DueIn(y))})
	}
	v.Portal = pv
	return nil
}

func viewPortalProgress(v *Page, p *Page) error {
	pt, s := p.Site.Portal, p.Site
	pw := &s.Labels.Portal
	pv := &PortalProgressView{}
	var all []planTask
	var plans, units []statusGroup
	for _, e := range p.planEntries() {
		pl := e.Plan
		if pl.Content.Progress == nil {
			continue
		}
		pv.Plans = append(pv.Plans, e)
		ts := tasksOf(pl, pl.Tasks())
		all = append(all, ts...)
		plans = append(plans, statusGroup{e.Title, pl.Dir + sitepath.Progress, ts})
		for _, t := range pl.Content.Progress.OverdueTasks() {
			pv.OverdueTotal++
			if len(pv.Overdue) < PerPage {
				pv.Overdue = append(pv.Overdue, p.dueEntry(pl, t))
			}
		}
	}
	for _, u := range pt.Units {
		var ts []planTask
		for _, part := range u.In {
			if part.Plan.Content.Progress != nil {
				ts = append(ts, tasksOf(part.Plan, part.Dept.Lead)...)
			}
		}
		if len(ts) > 0 {
			units = append(units, statusGroup{u.Name, sitepath.Unit(u.Slug), ts})
		}
	}
	pv.Counts = p.portalCounts(all)
	pv.ByPlan = p.portalStatusBars("progress-plans", pw.ByPlan, pw.ByPlanLabel, plans)
	pv.ByUnit = p.portalStatusBars("progress-units", pw.ByUnit, pw.ByUnitLabel, units)
	v.Portal = &PortalView{Progress: pv}
	return nil
}

// statusGroup is a labelled set of tasks across plans counted together.
type statusGroup struct {
	label, target string
	tasks         []planTask
}

// portalStatusBars charts the portal's statuses of each group as a stack.
func (p *Page) portalStatusBars(id, title, label string, groups []statusGroup) *BarsView {
	if len(groups) == 0 {
		return nil
	}
	pt, w := p.Site.Portal, &p.Site.Labels.Progress
	b := &chart.Bars{ID: id, Title: title, Label: label}
	for _, s := range pt.Statuses {
		b.Series = append(b.Series, s.Name)
		b.Classes = append(b.Classes, "st "+s.Class())
	}
	b.Series = append(b.Series, w.None)
	b.Classes = append(b.Classes, "st "+noneClass)
	var desc []string
	for _, g := range groups {
		vals := make([]int, len(pt.Statuses)+1)
		for _, x := range g.tasks {
			if s := pt.Status(x.plan, x.task); s != nil {
				vals[s.Index]++
			} else {
				vals[len(pt.Statuses)]++
			}
		}
		b.Rows = append(b.Rows, chart.BarRow{Label: g.label, Target: g.target, Values: vals})
		var parts []string
		for i, n := range vals {
			if n > 0 {
				parts = append(parts, w.Count.Fill(b.Series[i], strconv.Itoa(n)))
			}
		}
		desc = append(desc, w.Group.Fill(g.label, strings.Join(parts, w.CountSeparator)))
	}
	b.Desc = w.Description.Fill(strings.Join(desc, w.GroupSeparator))
	return barsOn(p, b)
}

func viewPortalSearch(v *Page, p *Page) error {
	pt := p.Site.Portal
	pv := &PortalView{Plans: p.planEntries(), Tasks: pt.Tasks()}
	var all []planTask
	for _, pl := range pt.Plans {
		all = append(all, tasksOf(pl, pl.Tasks())...)
	}
	pv.Statuses = p.portalCounts(all)
	v.Portal = pv
	return nil
}

func viewPortalData(v *Page, p *Page) error {
	pt := p.Site.Portal
	v.Portal = &PortalView{Plans: p.planEntries(), Tasks: pt.Tasks(), Units: len(pt.Units)}
	return nil
}

// portalLevel is the level of government most of the portal's plans are
// of: the word of its units' group of own departments.
func portalLevel(pt *portal.Portal) string {
	count := map[string]int{}
	level := "市"
	for _, pl := range pt.Plans {
		if p := pl.Content.Plan; p != nil {
			if count[p.Level]++; count[p.Level] > count[level] {
				level = p.Level
			}
		}
	}
	return level
}
