package pages

import (
	"plansite/internal/chart"
	"plansite/internal/opendata"
	"plansite/internal/plan"
	"plansite/internal/sitepath"
)

// view returns a copy of the page with its View filled in: what every page
// shows, then what its kind shows.
func (p *Page) view() (*Page, error) {
	v := *p
	s := p.Site
	v.Nav, v.FontSizes = s.nav, s.fonts
	if v.Column = s.words(p.Kind).Column.Fill(); v.Column == "" {
		v.Column = p.Title
	}
	v.meta(p)
	v.TableCSVURL = p.Rel(sitepath.TableCSV)
	v.PlanJSONURL = p.Rel(sitepath.PlanJSON)
	v.PlanSchemaURL = p.Rel(sitepath.PlanSchema)
	v.SearchIndex = p.Rel(sitepath.SearchIndex)
	v.SearchExamples = s.examples
	if p.Kind.view != nil {
		if err := p.Kind.view(&v, p); err != nil {
			return nil, err
		}
	}
	return &v, nil
}

// What each kind's page shows beyond what every page shows (Kind.view).

func viewHome(v *Page, p *Page) error {
	s := p.Site
	// A shared link names the plan, on every page of a long home page.
	v.OGTitle = s.Config.Title
	v.DeptGroups = deptGroups(s)
	v.ListTasks = listOf(p)
	return nil
}

func viewArea(v *Page, p *Page) error {
	v.ListTasks = listOf(p)
	return nil
}

func viewDepartment(v *Page, p *Page) error {
	v.deptLists(p)
	return nil
}

func viewDepartments(v *Page, p *Page) error {
	s := p.Site
	v.DeptGroups = deptGroups(s)
	v.DeptMatrix = deptMatrix(s, v.DeptGroups)
	v.DeptBars = barsOn(p, chart.DeptBars(s.Plan, &s.Labels.Chart, alone(s)))
	return nil
}

func viewYear(v *Page, p *Page) error {
	v.YearTasks = items(p, p.Site.years()[p.Year], 0)
	return nil
}

func viewYears(v *Page, p *Page) error {
	s := p.Site
	v.TimelineChart = chart.Timeline(s.Plan, s.perYear(), &s.Labels.Chart)
	v.YearBars = barsOn(p, chart.YearBars(s.Plan, s.perYear(), &s.Labels.Chart))
	return nil
}

func viewTask(v *Page, p *Page) error {
	s := p.Site
	v.Original, v.OriginalMerged = original(p)
	if v.OriginalMerged {
		v.PlanHeadTop, v.PlanHead = planHead(s.Plan)
	}
	v.TaskTimeline = chart.TaskTimeline(s.Plan, p.Task, &s.Labels.Chart, &s.axis)
	// The access date is left for the reader, or static/cite.js, to
	// fill in.
	v.Citation = s.TaskCitation(p.Task, s.Labels.Citation.Access)
	v.JSONURL = p.Rel(sitepath.TaskJSON(p.Task))
	return nil
}

func viewPlan(v *Page, p *Page) error {
	v.PlanHeadTop, v.PlanHead = planHead(p.Site.Plan)
	v.PlanGroups = planGroups(p.Site.Plan, planRows(p))
	v.PlanJump = planJump(p)
	return nil
}

func viewProgress(v *Page, p *Page) error {
	v.Progress = progressView(p)
	return nil
}

func viewFields(v *Page, p *Page) error {
	words := p.Site.dataWords()
	docs, err := opendata.SchemaDocs(&p.Site.Labels.DataTypes, words)
	if err != nil {
		return err
	}
	v.SchemaDocs, v.EmptyFields = docs, opendata.EmptyFields(words)
	return nil
}

// dataWords are the site's words and what its table has, for what /data/
// says of plan.json's fields.
func (s *Context) dataWords() *opendata.Words {
	pl := s.Plan
	w := &opendata.Words{Heading: pl.Heading, Has: pl.HasColumn, Areas: s.AreaNoun(), Groups: len(pl.Areas) > 0, Progress: s.Progress != nil,
		Unit: s.UnitWord(), Own: s.KindLabel(plan.Municipal)}
	if len(pl.Areas) > 0 {
		w.AreaLabel, w.AreaName = pl.Areas[0].Label, pl.Areas[0].Name
	}
	for _, d := range pl.Departments {
		if len(d.Aliases) > 0 {
			w.Alias = d.Aliases[0]
			break
		}
	}
	return w
}
