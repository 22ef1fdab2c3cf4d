package pages

import (
	"plansite/internal/labels"
	"sync"
)

// Kind is a kind of page: the home page, a task's, a department's … Kinds
// lists them all, and each entry says everything the site does with its
// pages, so that adding a kind is an entry here (with its listing and its
// view), its template, its labels and, for a new address, sitepath.
// Nothing else asks which kind a page is: the pages' own code, the feed,
// the sitemap and the templates read a kind's fields.
type Kind struct {
	// Name names the kind's template, templates/<Name>.html, its words,
	// [pages.<Name>] of labels.toml, and the class kind-<Name> of its pages'
	// <body>.
	Name string
	// Optional kinds' templates may be left out of a templates folder: a
	// site whose content never makes such a page does not need it.
	Optional bool
	// Article kinds are a document of their own (og:type article); the
	// others are listings (website).
	Article bool
	// Anywhere kinds are served at any address (404.html): their links start
	// from the base path, and they have no canonical address and are not in
	// the sitemap.
	Anywhere bool
	// InFeed kinds' pages are entries of the feed when the content dates
	// them (updated in front matter).
	InFeed bool
	// OwnSearch kinds are the search form: the header goes without its own.
	OwnSearch bool

	// title and description are the placeholders of the kind's title and
	// description in labels.toml, in the order list fills them.
	title, description []string
	// list makes the kind's pages, in their order; its title and
	// description come from w.
	list func(k *Kind, w *labels.Page, l *lister) ([]*Page, error)
	// view fills in what the kind's template shows beyond what every page
	// shows; nil when that is all.
	view func(v *Page, p *Page) error
	// nav lists the kind's links in the main navigation; nil for the usual
	// one: its nav label, when not empty, linking its first page.
	nav func(s *Context) []Link
}

// The kinds, each used only through its fields and by the entries below.
var (
	kindHome = &Kind{Name: "home", list: listHome, view: viewHome,
		title: []string{"title"}, description: []string{"title", "attachment", "tasks", "areas", "departments", "timeline", "units"}}
	kindAreas = &Kind{Name: "areas", Optional: true, list: listAreaIndex, nav: navAreas,
		title: []string{"noun"}, description: []string{"areas", "counter", "noun", "tasks"}}
	kindArea = &Kind{Name: "area", list: listAreas, view: viewArea,
		title: []string{"area"}, description: []string{"area", "tasks"}}
	kindTask = &Kind{Name: "task", Article: true, list: listTasks, view: viewTask,
		title: []string{"id", "title"}, description: []string{"excerpt"}}
	kindDepartments = &Kind{Name: "departments", list: listDepartments, view: viewDepartments,
		description: []string{"departments"}}
	kindDepartment = &Kind{Name: "department", list: listDepartment, view: viewDepartment,
		title: []string{"department"}, description: []string{"department", "lead", "coop"}}
	kindYears = &Kind{Name: "years", list: listYears, view: viewYears,
		description: []string{"first", "last", "years"}}
	kindYear = &Kind{Name: "year", list: listYear, view: viewYear,
		title: []string{"year"}, description: []string{"year", "tasks"}}
	kindProgress = &Kind{Name: "progress", Optional: true, list: listProgress, view: viewProgress,
		description: []string{"tasks", "areas"}}
	kindSearch = &Kind{Name: "search", OwnSearch: true, list: listSearch,
		description: []string{"searched"}}
	kindPlan = &Kind{Name: "plan", list: listPlan, view: viewPlan,
		description: []string{"title", "attachment", "tasks"}}
	kindData = &Kind{Name: "data", list: listData,
		description: []string{"attachment"}}
	kindFields = &Kind{Name: "fields", Optional: true, list: listFields, view: viewFields,
		description: []string{"attachment"}}
	kindPage = &Kind{Name: "page", Article: true, InFeed: true, list: listMarkdown, nav: navMarkdown,
		title: []string{"title"}, description: []string{"description"}}
	kindNotFound = &Kind{Name: "404", Anywhere: true, list: listNotFound}
)

// Kinds are the page kinds, in the order their pages are listed (and the
// navigation and the sitemap follow).
var Kinds = []*Kind{kindHome, kindAreas, kindArea, kindTask, kindDepartments, kindDepartment, kindYears, kindYear,
	kindProgress, kindSearch, kindPlan, kindData, kindFields, kindPage, kindNotFound}

// String is the kind's name, which a template that prints .Kind shows.
func (k *Kind) String() string { return k.Name }

// labelSpecs declares the kinds' labels to the labels file's reader.
func labelSpecs() []labels.PageSpec {
	all := allKinds()
	specs := make([]labels.PageSpec, len(all))
	for i, k := range all {
		specs[i] = labels.PageSpec{Name: k.Name, Title: k.title, Description: k.description}
	}
	return specs
}

// DefaultLabels are the default labels with the page kinds' words: those
// of a site whose templates folder has no labels.toml.
var DefaultLabels = sync.OnceValue(func() *labels.Labels {
	l, err := labels.Parse("", nil, labelSpecs())
	if err != nil {
		panic(err) // the defaults are the package's own file
	}
	return l
})

// words are the kind's labels on site s.
func (s *Context) words(k *Kind) *labels.Page { return s.Labels.Pages[k.Name] }
