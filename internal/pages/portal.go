package pages

import (
	"slices"
	"strconv"

	"plansite/internal/chart"
	"plansite/internal/labels"
	"plansite/internal/markdown"
	"plansite/internal/plan"
	"plansite/internal/portal"
	"plansite/internal/sitepath"
)

// A portal's own pages (a site of many plans, package portal): its home,
// its units across the plans, the deadlines of each year, one search, the
// progress of them all and its open data. Each plan's pages are those of
// Kinds, made for the plan's own Context; these are made for the
// portal's, whose Portal is set. The kinds are those of Kinds in every
// respect (a template, labels, a listing and a view each); their
// templates are optional, so that a templates folder made before portals
// still builds a site of one plan.
var (
	kindPortalHome = &Kind{Name: "portal-home", Optional: true, list: listPortalHome, view: viewPortalHome,
		title: []string{"title"}, description: []string{"title", "plans", "tasks", "units"}}
	kindPortalDepartments = &Kind{Name: "portal-departments", Optional: true, list: listPortalDepartments, view: viewPortalDepartments,
		description: []string{"units", "plans"}}
	kindPortalDepartment = &Kind{Name: "portal-department", Optional: true, list: listPortalDepartment, view: viewPortalDepartment,
		title: []string{"unit"}, description: []string{"unit", "plans", "lead", "coop"}}
	kindPortalYears = &Kind{Name: "portal-years", Optional: true, list: listPortalYears, view: viewPortalYears,
		description: []string{"first", "last", "years"}}
	kindPortalYear = &Kind{Name: "portal-year", Optional: true, list: listPortalYear, view: viewPortalYear,
		title: []string{"year"}, description: []string{"year", "tasks"}}
	kindPortalProgress = &Kind{Name: "portal-progress", Optional: true, list: listPortalProgress, view: viewPortalProgress,
		description: []string{"plans", "tasks"}}
	kindPortalSearch = &Kind{Name: "portal-search", Optional: true, OwnSearch: true, list: listPortalSearch, view: viewPortalSearch,
		description: []string{"plans", "tasks"}}
	kindPortalData = &Kind{Name: "portal-data", Optional: true, list: listPortalData, view: viewPortalData,
		description: []string{"plans"}}
)

// PortalKinds are the kinds of a portal's own pages, in the order they are
// listed: its own, then the Markdown pages and the 404 page, which are a
// site's kinds.
var PortalKinds = []*Kind{kindPortalHome, kindPortalDepartments, kindPortalDepartment, kindPortalYears, kindPortalYear,
	kindPortalProgress, kindPortalSearch, kindPortalData, kindPage, kindNotFound}

// allKinds are every kind a templates folder may have a template of.
func allKinds() []*Kind {
	all := slices.Clone(Kinds)
	for _, k := range PortalKinds {
		if !slices.Contains(all, k) {
			all = append(all, k)
		}
	}
	return all
}

// Lacks lists the templates of kinds that the templates folder does not
// have, as files of it (templates/portal-home.html): a portal cannot be
// made without them.
func (t *Templates) Lacks(kinds []*Kind) []string {
	var out []string
	for _, k := range kinds {
		if t.kinds[k] == nil {
			out = append(out, t.dir+"/"+k.Name+".html")
		}
	}
	return out
}

// portalPages lists every page of a portal's own, in the order of
// PortalKinds.
func portalPages(s *Context, md *markdown.Renderer) ([]*Page, error) {
	if s.Plan == nil {
		s.Plan = emptyPlan
	}
	s.examples, s.fonts, s.shareAlt = portalExamples(s), fontSizes(s), s.Labels.ShareImage.Alt.Fill(s.Config.ShortTitle)
	return listKinds(s, md, PortalKinds)
}

// portalExamples are the searches a portal suggests: those its site.toml
// names, else the unit with most tasks across the plans and a district's.
func portalExamples(s *Context) []string {
	if qs := s.Config.SearchExamples; len(qs) > 0 {
		return qs
	}
	var out []string
	var busiest *portal.Unit
	for _, u := range s.Portal.Units {
		if busiest == nil || u.Lead() > busiest.Lead() {
			busiest = u
		}
	}
	if busiest != nil {
		out = append(out, busiest.Name)
	}
	for _, u := range s.Portal.Units {
		if u.Kind == plan.District && u != busiest {
			out = append(out, u.Name)
			break
		}
	}
	return out
}

func (l *lister) home() []Link { return []Link{l.crumb(kindPortalHome, sitepath.Home)} }

func listPortalHome(k *Kind, w *labels.Page, l *lister) ([]*Page, error) {
	s, pt := l.s, l.s.Portal
	return []*Page{{Site: s, Path: sitepath.Home, Title: w.Title.Fill(s.Config.Title),
		Description: w.Description.Fill(s.Config.Title, strconv.Itoa(len(pt.Plans)), strconv.Itoa(pt.Tasks()), strconv.Itoa(len(pt.Units)))}}, nil
}

func listPortalDepartments(k *Kind, w *labels.Page, l *lister) ([]*Page, error) {
	s, pt := l.s, l.s.Portal
	return []*Page{{Site: s, Path: sitepath.Departments, Title: w.Title.Fill(),
		Description: w.Description.Fill(strconv.Itoa(len(pt.Units)), strconv.Itoa(len(pt.Plans))), Crumbs: l.home()}}, nil
}

func listPortalDepartment(k *Kind, w *labels.Page, l *lister) ([]*Page, error) {
	s := l.s
	crumbs := append(l.home(), l.crumb(kindPortalDepartments, sitepath.Departments))
	var pages []*Page
	for _, u := range s.Portal.Units {
		pages = append(pages, paged(&Page{Site: s, Path: sitepath.Unit(u.Slug), Unit: u, Title: w.Title.Fill(u.Name),
			Description: w.Description.Fill(u.Name, strconv.Itoa(len(u.In)), strconv.Itoa(u.Lead()), strconv.Itoa(u.Coop())),
			Crumbs:      crumbs}, u.Tasks())...)
	}
	return pages, nil
}

func listPortalYears(k *Kind, w *labels.Page, l *lister) ([]*Page, error) {
	s, ys := l.s, l.s.Portal.Years()
	if len(ys) == 0 {
		return nil, nil
	}
	return []*Page{{Site: s, Path: sitepath.Years, Title: w.Title.Fill(),
		Description: w.Description.Fill(strconv.Itoa(ys[0]), strconv.Itoa(ys[len(ys)-1]), chart.YearSpan(ys[0], ys[len(ys)-1])), Crumbs: l.home()}}, nil
}

func listPortalYear(k *Kind, w *labels.Page, l *lister) ([]*Page, error) {
	s := l.s
	crumbs := append(l.home(), l.crumb(kindPortalYears, sitepath.Years))
	var pages []*Page
	for _, y := range s.Portal.Years() {
		n, year := len(s.Portal.DueIn(y)), strconv.Itoa(y)
		pages = append(pages, paged(&Page{Site: s, Path: sitepath.Year(y), Year: y, Title: w.Title.Fill(year),
			Description: w.Description.Fill(year, strconv.Itoa(n)), Crumbs: crumbs}, n)...)
	}
	return pages, nil
}

func listPortalProgress(k *Kind, w *labels.Page, l *lister) ([]*Page, error) {
	s, pt := l.s, l.s.Portal
	if !pt.HasProgress() {
		return nil, nil
	}
	plans, tasks := 0, 0
	for _, p := range pt.Plans {
		if p.Content.Progress != nil {
			plans++
			tasks += len(p.Tasks())
		}
	}
	return []*Page{{Site: s, Path: sitepath.Progress, Title: w.Title.Fill(),
		Description: w.Description.Fill(strconv.Itoa(plans), strconv.Itoa(tasks)), Crumbs: l.home()}}, nil
}

func listPortalSearch(k *Kind, w *labels.Page, l *lister) ([]*Page, error) {
	s, pt := l.s, l.s.Portal
	return []*Page{{Site: s, Path: sitepath.Search, Title: w.Title.Fill(),
		Description: w.Description.Fill(strconv.Itoa(len(pt.Plans)), strconv.Itoa(pt.Tasks())), Crumbs: l.home()}}, nil
}

func listPortalData(k *Kind, w *labels.Page, l *lister) ([]*Page, error) {
	s := l.s
	return []*Page{{Site: s, Path: sitepath.Data, Title: w.Title.Fill(),
		Description: w.Description.Fill(strconv.Itoa(len(s.Portal.Plans))), Crumbs: l.home()}}, nil
}
