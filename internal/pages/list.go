package pages

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"plansite/internal/chart"
	col "plansite/internal/column"
	"plansite/internal/labels"
	"plansite/internal/markdown"
	"plansite/internal/minifier"
	"plansite/internal/parallel"
	"plansite/internal/plan"
	"plansite/internal/problem"
	"plansite/internal/sitepath"
)

// lister is what the kinds' listings share: the site, and the Markdown
// renderer for the content's pages.
type lister struct {
	s  *Context
	md *markdown.Renderer
}

// crumb links the first page of kind k, under its crumb label, from the
// breadcrumbs of the pages below it.
func (l *lister) crumb(k *Kind, path string) Link {
	return Link{Label: l.s.words(k).Crumb.Fill(), Target: path}
}

// Pages lists every HTML page of the site, in a fixed order: each kind's
// in the order of Kinds.
func Pages(s *Context, md *markdown.Renderer) ([]*Page, error) {
	if s.Labels == nil {
		s.Labels = DefaultLabels()
	}
	if s.Portal != nil {
		return portalPages(s, md)
	}
	// Every label says the table's own words (its 牵头单位, not 牵头部门;
	// its 单位, not 部门).
	s.Labels = s.Labels.ForTable(s.Plan.Heading, s.UnitWord())
	s.Helps, s.LeadMeta = helps(s.Plan), "牵头"
	if !s.Helps {
		s.LeadMeta = s.Plan.Heading(col.Lead)
	}
	s.examples, s.fonts, s.shareAlt = searchExamples(s), fontSizes(s), s.shareImageAlt()
	return listKinds(s, md, Kinds)
}

// listKinds lists the pages of each of kinds, in order, and makes the main
// navigation from them.
func listKinds(s *Context, md *markdown.Renderer, kinds []*Kind) ([]*Page, error) {
	l := &lister{s, md}
	var pages []*Page
	first := map[*Kind]string{} // the address of each kind's first page
	for _, k := range kinds {
		ps, err := k.list(k, s.words(k), l)
		if err != nil {
			return nil, err
		}
		if len(ps) > 0 {
			first[k] = ps[0].Path
		}
		for _, pg := range ps {
			pg.Kind = k
			pg.rootRelative = k.Anywhere
			if !k.Anywhere && s.BaseURL != "" {
				pg.Canonical = pg.Abs(pg.Path)
			}
		}
		pages = append(pages, ps...)
	}
	s.nav = nil
	for _, k := range kinds {
		switch p, ok := first[k]; {
		case k.nav != nil:
			s.nav = append(s.nav, k.nav(s)...)
		case ok && s.words(k).Nav.Fill() != "":
			s.nav = append(s.nav, Link{Label: s.words(k).Nav.Fill(), Target: p})
		}
	}
	return pages, nil
}

// listHome is the home page; without areas, a long table's home page lists
// the tasks themselves, over several pages.
func listHome(k *Kind, w *labels.Page, l *lister) ([]*Page, error) {
	s, p := l.s, l.s.Plan
	home := &Page{Site: s, Path: sitepath.Home, Title: w.Title.Fill(s.Config.Title), Description: homeDescription(s, w)}
	if len(p.Areas) == 0 && len(p.Tasks) > PerPage {
		return paginate(home, len(p.Tasks)), nil
	}
	return []*Page{home}, nil
}

// homeDescription sums the plan up, naming only the parts its table has,
// under its own headings.
func homeDescription(s *Context, w *labels.Page) string {
	p, d := s.Plan, &s.Labels.HomeDescription
	areas, timeline := "", ""
	if len(p.Areas) > 0 {
		aw := s.areaWords()
		areas = d.Areas.Fill(strconv.Itoa(len(p.Areas)), aw.Counter, aw.Noun)
	}
	if p.HasColumn(col.Timeline) {
		// The column is listed as the home page lists it, whether or not
		// any of its dates could be read.
		timeline = d.Timeline.Fill()
	}
	return w.Description.Fill(s.Config.Title, s.Config.Attachment, strconv.Itoa(len(p.Tasks)), areas, strconv.Itoa(len(p.Departments)),
		timeline, units(p, d))
}

// units names the table's columns of units: its lead column's heading
// alone when it has no column of helping units, else both, the word they
// end in said once (牵头和配合部门, 牵头和责任单位).
func units(p *plan.Plan, d *labels.HomeDescription) string {
	lead := p.Heading(col.Lead)
	if !p.HasColumn(col.Coop) {
		return lead
	}
	coop := p.Heading(col.Coop)
	for _, word := range col.UnitWords {
		l, okL := strings.CutSuffix(lead, word)
		c, okC := strings.CutSuffix(coop, word)
		if okL && okC && l != "" && c != "" {
			return d.UnitsAlike.Fill(l, c, word)
		}
	}
	return d.Units.Fill(lead, coop)
}

// listAreaIndex is /areas/, the list of every group, when the plan has
// groups: a reader who shortens /areas/2/ finds them all there.
func listAreaIndex(k *Kind, w *labels.Page, l *lister) ([]*Page, error) {
	s := l.s
	if len(s.Plan.Areas) == 0 {
		return nil, nil
	}
	aw := s.areaWords()
	return []*Page{{Site: s, Path: sitepath.Areas, Title: w.Title.Fill(aw.Noun),
		Description: w.Description.Fill(strconv.Itoa(len(s.Plan.Areas)), aw.Counter, aw.Noun, strconv.Itoa(len(s.Plan.Tasks))),
		Crumbs:      []Link{l.crumb(kindHome, sitepath.Home)}}}, nil
}

// navAreas links /areas/ from the main navigation in the site's word for
// its groups (按行动), when the plan has groups.
func navAreas(s *Context) []Link {
	if len(s.Plan.Areas) == 0 {
		return nil
	}
	return []Link{{Label: s.areaWords().Nav, Target: sitepath.Areas}}
}

// areasCrumb links /areas/ from the breadcrumbs of the pages under it,
// under its title (全部行动).
func (l *lister) areasCrumb() Link {
	return Link{Label: l.s.words(kindAreas).Title.Fill(l.s.areaWords().Noun), Target: sitepath.Areas}
}

func listAreas(k *Kind, w *labels.Page, l *lister) ([]*Page, error) {
	s := l.s
	home := l.crumb(kindHome, sitepath.Home)
	all := l.areasCrumb()
	var pages []*Page
	for _, a := range s.Plan.Areas {
		pages = append(pages, paged(&Page{Site: s, Path: sitepath.Area(a), Area: a,
			Title: w.Title.Fill(a.Label), Description: w.Description.Fill(a.Label, strconv.Itoa(len(a.Tasks))),
			Crumbs: groupCrumbs(home, all, a, false)}, len(a.Tasks))...)
	}
	return pages, nil
}

func listTasks(k *Kind, w *labels.Page, l *lister) ([]*Page, error) {
	s := l.s
	home := l.crumb(kindHome, sitepath.Home)
	var all Link
	if len(s.Plan.Areas) > 0 {
		all = l.areasCrumb()
	}
	// The breadcrumbs of the tasks of one area are one list.
	crumbs := map[*plan.Area][]Link{nil: {home}}
	for _, t := range s.Plan.Tasks {
		if _, ok := crumbs[t.Area]; !ok {
			crumbs[t.Area] = groupCrumbs(home, all, t.Area, true)
		}
	}
	// On every core, a chunk of tasks at a time: for a large table this is
	// most of listing its pages, which a preview server does at each save.
	tasks := s.Plan.Tasks
	pages := make([]*Page, len(tasks))
	const chunk = 512
	parallel.Run((len(tasks)+chunk-1)/chunk, 0, nil, func(k int) error {
		for i := k * chunk; i < min((k+1)*chunk, len(tasks)); i++ {
			t := tasks[i]
			pages[i] = &Page{Site: s, Path: sitepath.Task(t), Task: t,
				Title: w.Title.Fill(t.ID, t.Title), Description: w.Description.Fill(excerpt(t.Measures, 120)), Crumbs: crumbs[t.Area]}
		}
		return nil
	})
	return pages, nil
}

func listDepartments(k *Kind, w *labels.Page, l *lister) ([]*Page, error) {
	s := l.s
	desc := w.Description.Fill(strconv.Itoa(len(s.Plan.Departments)))
	if !s.Helps {
		desc = s.Labels.UnitsAlone.DepartmentsDescription.Fill(strconv.Itoa(len(s.Plan.Departments)))
	}
	return []*Page{{Site: s, Path: sitepath.Departments, Title: w.Title.Fill(),
		Description: desc, Crumbs: []Link{l.crumb(kindHome, sitepath.Home)}}}, nil
}

func listDepartment(k *Kind, w *labels.Page, l *lister) ([]*Page, error) {
	s := l.s
	crumbs := []Link{l.crumb(kindHome, sitepath.Home), l.crumb(kindDepartments, sitepath.Departments)}
	var pages []*Page
	for _, d := range s.Plan.Departments {
		desc := w.Description.Fill(d.Name, strconv.Itoa(len(d.Lead)), strconv.Itoa(len(d.Coop)))
		if !s.Helps {
			desc = s.Labels.UnitsAlone.DepartmentDescription.Fill(d.Name, strconv.Itoa(len(d.Lead)))
		}
		pages = append(pages, paged(&Page{Site: s, Path: sitepath.Dept(d), Dept: d, Title: w.Title.Fill(d.Name),
			Description: desc, Crumbs: crumbs}, d.Tasks())...)
	}
	return pages, nil
}

// listYears is /years/, when the plan has years.
func listYears(k *Kind, w *labels.Page, l *lister) ([]*Page, error) {
	s, ys := l.s, l.s.Plan.Years
	if len(ys) == 0 {
		return nil, nil
	}
	return []*Page{{Site: s, Path: sitepath.Years, Title: w.Title.Fill(),
		Description: w.Description.Fill(strconv.Itoa(ys[0]), strconv.Itoa(ys[len(ys)-1]), chart.YearSpan(ys[0], ys[len(ys)-1])), Crumbs: []Link{l.crumb(kindHome, sitepath.Home)}}}, nil
}

func listYear(k *Kind, w *labels.Page, l *lister) ([]*Page, error) {
	s := l.s
	crumbs := []Link{l.crumb(kindHome, sitepath.Home), l.crumb(kindYears, sitepath.Years)}
	var pages []*Page
	for _, y := range s.Plan.Years {
		n, year := len(s.years()[y]), strconv.Itoa(y)
		pages = append(pages, paged(&Page{Site: s, Path: sitepath.Year(y), Year: y, Title: w.Title.Fill(year),
			Description: w.Description.Fill(year, strconv.Itoa(n)), Crumbs: crumbs}, n)...)
	}
	return pages, nil
}

// listMarkdown is the content's Markdown pages.
func listMarkdown(k *Kind, w *labels.Page, l *lister) ([]*Page, error) {
	s := l.s
	crumbs := []Link{l.crumb(kindHome, sitepath.Home)}
	var pages []*Page
	for _, doc := range s.Pages {
		body, err := l.md.Render(doc.Body)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", problem.FileName(doc.File), err)
		}
		// Minified as the page around it was when its template was parsed.
		min, err := minifier.Fragment(string(body))
		if err != nil {
			return nil, fmt.Errorf("%s: minifying: %v", problem.FileName(doc.File), err)
		}
		pages = append(pages, &Page{Site: s, Path: doc.Path, Title: w.Title.Fill(doc.Title),
			Description: w.Description.Fill(doc.Description), Updated: doc.Updated, Body: template.HTML(min), Crumbs: crumbs})
	}
	return pages, nil
}

// navMarkdown are the Markdown pages that ask to be in the navigation.
func navMarkdown(s *Context) []Link {
	var links []Link
	for _, pg := range s.Pages {
		if pg.Weight > 0 {
			links = append(links, Link{Label: pg.Title, Target: pg.Path})
		}
	}
	return links
}

func listNotFound(k *Kind, w *labels.Page, l *lister) ([]*Page, error) {
	return []*Page{{Site: l.s, Path: sitepath.NotFound, Title: w.Title.Fill(), Description: w.Description.Fill()}}, nil
}

// paged splits a list page into pages of PerPage items when its list is
// longer than that; a shorter list keeps its single page as it was.
func paged(p *Page, total int) []*Page {
	if total <= PerPage {
		return []*Page{p}
	}
	return paginate(p, total)
}

// excerpt shortens text to at most n characters, at a sentence end if one is near.
func excerpt(text string, n int) string {
	text = strings.TrimSpace(text)
	// cut is the first n characters, found without converting the whole
	// text: measures can be long, and every task page has an excerpt.
	end, count := len(text), 0
	for i := range text {
		if count == n {
			end = i
			break
		}
		count++
	}
	if end == len(text) {
		return text
	}
	cut := text[:end]
	if i := strings.LastIndex(cut, "。"); i > len(cut)/2 {
		return cut[:i+len("。")]
	}
	return cut + "…"
}

// helps reports whether the plan names any unit that helps.
func helps(p *plan.Plan) bool {
	if p.HasColumn(col.Coop) {
		return true
	}
	for _, t := range p.Tasks {
		if len(t.Coop) > 0 {
			return true
		}
	}
	return false
}
