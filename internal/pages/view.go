package pages

import (
	"plansite/internal/chart"
	"plansite/internal/opendata"
	"plansite/internal/search"
	"plansite/internal/sitepath"
)

// view returns a copy of the page with its View filled in: what every page
// shows, then what its kind shows.
func (p *Page) view() (*Page, error) {
	v := *p
	v.View = &View{}
	s := p.Site
	v.Nav, v.Column, v.FontSizes = s.nav, column(p), fontSizes
	v.meta(p)
	v.TableCSVURL = p.Rel(sitepath.TableCSV)
	v.PlanJSONURL = p.Rel(sitepath.PlanJSON)
	v.PlanSchemaURL = p.Rel(sitepath.PlanSchema)
	v.SearchIndex = p.Rel(search.Dir + "index.json")
	v.SearchExamples = s.examples
	switch p.Kind {
	case "home":
		v.DeptGroups = deptGroups(s)
		v.ListTasks = listTasks(p)
	case "area":
		v.ListTasks = listTasks(p)
	case "department":
		v.deptLists(p)
	case "departments":
		v.DeptGroups = deptGroups(s)
		v.DeptMatrix = deptMatrix(s, v.DeptGroups)
		v.DeptBars = barsOn(p, chart.DeptBars(s.Plan))
	case "year":
		v.YearTasks = items(p, s.years()[p.Year], 0)
	case "years":
		v.TimelineChart = chart.Timeline(s.Plan, s.perYear())
		v.YearBars = barsOn(p, chart.YearBars(s.Plan, s.perYear()))
	case "task":
		v.Original = original(p)
		v.TaskTimeline = chart.TaskTimeline(s.Plan, p.Task)
		// The access date is left for the reader, or static/cite.js, to
		// fill in.
		v.Citation = s.TaskCitation(p.Task, AccessPlaceholder)
	case "plan":
		v.PlanRows = planRows(p)
	case "progress":
		v.Progress = progressView(p)
	case "data":
		docs, err := opendata.SchemaDocs()
		if err != nil {
			return nil, err
		}
		v.SchemaDocs = docs
	}
	return &v, nil
}
