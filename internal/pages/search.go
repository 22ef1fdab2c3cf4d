package pages

import (
	"slices"
	"strings"
	"unicode/utf8"

	col "plansite/internal/column"
	"plansite/internal/labels"
	"plansite/internal/plan"
	"plansite/internal/search"
	"plansite/internal/sitepath"
)

// listSearch is /search/. It works from its address (/search/?q=无人机), so a
// search can be linked and shared; static/search.js reads the query and the
// index the generator writes beside the page (see internal/search).
func listSearch(k *Kind, w *labels.Page, l *lister) ([]*Page, error) {
	s := l.s
	return []*Page{{Site: s, Path: sitepath.Search, Title: w.Title.Fill(),
		Description: w.Description.Fill(s.Searched()), Crumbs: []Link{l.crumb(kindHome, sitepath.Home)}}}, nil
}

// searchExamples are the searches the site suggests: those site.toml
// names that occur in the table, else names the table itself gives (its
// areas, a district, the department with most tasks), so that each finds
// tasks and none comes from another plan.
func searchExamples(s *Context) []string {
	var out []string
	if qs := s.Config.SearchExamples; len(qs) > 0 {
		// One pass over the tasks, folding each text once, until every
		// query is found: a query that occurs nowhere reads the whole table.
		folded := make([]string, len(qs))
		for i, q := range qs {
			folded[i] = search.Fold(q)
		}
		found, left := make([]bool, len(qs)), len(qs)
		for _, t := range s.Plan.Tasks {
			if left == 0 {
				break
			}
			text := search.Fold(t.Measures)
			for i, q := range folded {
				if !found[i] && strings.Contains(text, q) {
					found[i] = true
					left--
				}
			}
		}
		for i, q := range qs {
			if found[i] {
				out = append(out, q)
			}
		}
	} else {
		for _, a := range s.Plan.Areas {
			if n := utf8.RuneCountInString(a.Name); n >= 2 && n <= 8 && len(out) < 3 {
				out = append(out, a.Name)
			}
		}
	}
	// A district's name, since a citizen often looks for their own district,
	// and the department that leads most.
	for _, d := range s.Plan.Departments {
		if d.Kind == plan.District {
			out = append(out, d.Name)
			break
		}
	}
	var busiest *plan.Department
	for _, d := range s.Plan.Departments {
		if busiest == nil || len(d.Lead) > len(busiest.Lead) {
			busiest = d
		}
	}
	if busiest != nil && !slices.Contains(out, busiest.Name) {
		out = append(out, busiest.Name)
	}
	return out
}

// FontSize is a choice of the reading-size switch in the header.
type FontSize struct{ Key, Label string }

// fontSizes are the choices of the 大/中/小 switch, in the order government
// sites show them. static/prefs.js stores the choice and sets a class on
// <html> (size-l, size-s; 中 is the default and has none).
func fontSizes(s *Context) []FontSize {
	w := &s.Labels.FontSizes
	return []FontSize{{"l", w.Large}, {"m", w.Medium}, {"s", w.Small}}
}

// Searched names what search looks through, in the table's own words:
// the measures, the timeline, the units, the columns plansite does not
// read and the progress updates (internal/search indexes their texts).
func (s *Context) Searched() string {
	pl, w := s.Plan, &s.Labels.SearchDescription
	searched := w.Measures.Fill(pl.Heading(col.Measures))
	if pl.HasColumn(col.Timeline) {
		searched = w.MeasuresTimeline.Fill(pl.Heading(col.Measures), pl.Heading(col.Timeline))
	}
	var others []string
	for _, c := range pl.Columns {
		if l := c.Label(); c.Std == col.None && l != "" && !slices.Contains(others, l) {
			others = append(others, l)
		}
	}
	if s.Progress != nil {
		others = append(others, w.Progress)
	}
	if len(others) == 0 {
		return searched
	}
	return w.WithOthers.Fill(searched, strings.Join(others, "、"))
}
