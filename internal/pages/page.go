package pages

import (
	"fmt"
	"html/template"
	"strings"
	"sync"

	"plansite/internal/chart"
	col "plansite/internal/column"
	"plansite/internal/config"
	"plansite/internal/labels"
	"plansite/internal/linebreak"
	"plansite/internal/markdown"
	"plansite/internal/opendata"
	"plansite/internal/plan"
	"plansite/internal/portal"
	"plansite/internal/progress"
	"plansite/internal/sitepath"
)

// Context is what every page can see: the plan, the configuration and the
// site-wide links.
type Context struct {
	Plan     *plan.Plan
	Config   config.Config
	BaseURL  string // absolute, ends in /
	BasePath string // the path part of BaseURL: / or /sub/path/
	Pages    []markdown.Page
	Assets   map[string]string // static file name → path with a version query
	Version  string
	// Progress is the progress file's updates, nil when the site has none;
	// StatusCSS the path of the stylesheet that colours its statuses.
	Progress  *progress.Log
	StatusCSS string
	// Labels are the words the pages write besides the table's and the
	// templates' own.
	Labels *labels.Labels
	// ShareImage is the size of the share image, for og:image:width and
	// og:image:height.
	ShareImage struct{ Width, Height int }
	// Portal is the portal whose own pages these are (a site of many
	// plans); nil for a plan's site, alone or in a portal.
	Portal *portal.Portal
	// Helps tells whether the plan names units that help: a column of
	// them, or a cell that marks who leads. Without, every unit named
	// undertakes its tasks, and the pages say so without 牵头 and 配合.
	Helps bool
	// LeadMeta names the lead units in a list's line of a task: 牵头, or
	// the table's own heading of its units where none helps (责任单位).
	LeadMeta string

	nav      []Link     // the main navigation, the same on every page
	fonts    []FontSize // the reading-size switch's choices
	shareAlt string     // the share image's alternative text
	examples []string   // searches to suggest, each of which finds tasks
	yearIdx  yearIndex
	planIdx  planIndex
	mergeIdx mergeIndex
	axis     chart.Axis // the year axis of the task pages' timelines
	areaIdx  struct {
		once  sync.Once
		words *labels.AreaWords
	}
	breaker struct {
		once sync.Once
		b    *linebreak.Breaker
	}
}

// Link is a labelled internal target.
type Link struct {
	Label  string
	Target string // site path such as tasks/7/
	// NoPage marks a breadcrumb that names what has no page of its own (a
	// heading row over the page's group), shown as text.
	NoPage bool
}

// Page is one page of the site. Templates reach everything through it.
//
// Pages lists every page with the fields above View; the fields below it
// are what the templates show, filled in by view on a copy of the page just
// before it is rendered, so that listing the pages of a large table stays
// cheap. Those of one kind of page only are left empty on the others.
type Page struct {
	Site        *Context
	Kind        *Kind  // one of Kinds
	Path        string // site path of the page: "" for home, tasks/7/, 404.html
	Canonical   string // absolute URL of the page; empty for the 404 page, which has none
	Title       string
	Description string
	Updated     string // YYYY-MM-DD, from the content
	Crumbs      []Link
	Task        *plan.Task
	Area        *plan.Area
	Dept        *plan.Department
	Year        int
	Unit        *portal.Unit // a portal's unit page
	Body        template.HTML
	Pager       *Pager // nil unless the page is one of a list's pages
	// rootRelative pages are served at any address (404.html), so their
	// links start from the base path instead of from the page.
	rootRelative bool

	// What the templates show of a page beyond its identity, filled in
	// by view on the copy a page is rendered from. The fields are the
	// page's own, not an embedded struct's: html/template finds a field
	// of an embedded struct by a search that allocates, which was a fifth
	// of the time of a page's head. An empty set costs a listed page 700
	// bytes, 14 MB at 10,000 tasks.
	Nav       []Link     // the main navigation
	Column    string     // the section of the site, for the ColumnName meta tag
	FontSizes []FontSize // the choices of the reading-size switch

	// Sharing and citation metadata (meta.go) and links to site-wide files.
	OGTitle, OGType, OGLocale         string
	OGImage, OGImageAlt               string
	ShareImageWidth, ShareImageHeight int
	CitationDate, PageUpdated         string
	FeedURL                           string
	JSONURL                           string // task pages: the task's JSON
	TableCSVURL, PlanJSONURL          string
	PlanSchemaURL, SearchIndex        string

	// Home and area pages: the part of the list this page shows, of the
	// area's tasks, or of all tasks on a home page without areas.
	ListTasks []*plan.Task
	// Home and departments pages.
	DeptGroups []DeptGroup
	// Department pages: the parts of the lead and cooperating tasks this
	// page shows, and whether it has each section.
	LeadTasks, CoopTasks []*plan.Task
	ShowLead, ShowCoop   bool
	// The departments page's charts.
	DeptMatrix *chart.Matrix
	DeptBars   *BarsView
	// Year pages: the year's tasks this page shows.
	YearTasks []YearEntry
	// The years page: the timeline, or for a large table YearBars.
	TimelineChart *chart.Gantt
	YearBars      *BarsView
	// Task pages; Original is the 原表记载 block, a table with PlanHead
	// when OriginalMerged.
	Original       [][]OriginalCell
	OriginalMerged bool
	TaskTimeline   *chart.Gantt
	Citation       Citation
	// The full table's pages: its heading, this page's rows in their
	// groups, and the links to every group's heading. A heading of two
	// rows has its upper row in PlanHeadTop (the columns not under a
	// group, two rows tall, and the groups), and PlanHead is then its lower
	// row, the columns under the groups.
	PlanHeadTop []PlanHeadCell
	PlanHead    []PlanHeadCell
	PlanGroups  []PlanGroup
	PlanJump    []Link
	// The data page: the fields of plan.json, from its schema, and those
	// it leaves out as always empty in this table.
	SchemaDocs  []opendata.SchemaSection
	EmptyFields []string
	// The search page.
	SearchExamples []string
	// The progress overview.
	Progress *ProgressView
	// A portal's own pages.
	Portal *PortalView
}

// File is where the page is written inside the output folder.
func (p *Page) File() string { return sitepath.File(p.Path) }

// Rel returns a link from this page to the site path target.
func (p *Page) Rel(target string) string {
	if p.rootRelative {
		return p.Site.BasePath + target
	}
	depth := strings.Count(p.Path, "/")
	if depth == 0 && target == "" {
		return "./"
	}
	if strings.HasPrefix(target, "#") {
		return target
	}
	return strings.Repeat("../", depth) + target
}

// Abs returns the absolute URL of a site path, on the base URL.
func (p *Page) Abs(target string) string { return p.Site.BaseURL + target }

// Asset links a static file by name, with its version.
func (p *Page) Asset(name string) string {
	if v, ok := p.Site.Assets[name]; ok {
		return p.Rel(v)
	}
	panic(fmt.Sprintf("no static file %q", name))
}

// Links from this page to a task's, an area's, a department's and a year's.

func (p *Page) TaskURL(t *plan.Task) string       { return p.Rel(sitepath.Task(t)) }
func (p *Page) AreaURL(a *plan.Area) string       { return p.Rel(sitepath.Area(a)) }
func (p *Page) DeptURL(d *plan.Department) string { return p.Rel(sitepath.Dept(d)) }
func (p *Page) YearURL(y int) string              { return p.Rel(sitepath.Year(y)) }

// Current reports whether target is this page or the section it is in.
func (p *Page) Current(target string) bool {
	if target == "" {
		return p.Path == ""
	}
	return strings.HasPrefix(p.Path, target)
}

// YearEntry is a task active in one year.
type YearEntry struct {
	Task *plan.Task
	Year int
}

// Milestones are what is due for the task in the year. They are found
// when a page shows them: held for every task and year, a task's thousands
// of milestones over many years would be held many times.
func (e YearEntry) Milestones() []plan.Milestone { return e.Task.MilestonesIn(e.Year) }

// CountIn returns how many tasks are active in year y.
func (p *Page) CountIn(y int) int { return len(p.Site.years()[y]) }

// DeptGroup is departments of one kind.
type DeptGroup struct {
	Kind  plan.DeptKind
	Label string
	Depts []*plan.Department
}

// KindLabel is what a department's page says it is: its kind, and for
// one of the plan's own departments the word of their group (县直部门 in a
// county's plan).
func (s *Context) KindLabel(k plan.DeptKind) string {
	if k != plan.Municipal {
		return string(k)
	}
	level := "市"
	switch {
	case s.Portal != nil:
		level = portalLevel(s.Portal)
	case s.Plan != nil:
		level = s.Plan.Level
	}
	return s.Labels.DepartmentGroups.Municipal.Fill(level)
}

// deptGroups splits the departments into municipal departments, district
// governments and collective actors.
func deptGroups(s *Context) []DeptGroup {
	w := &s.Labels.DepartmentGroups
	label := map[plan.DeptKind]string{plan.Municipal: s.KindLabel(plan.Municipal), plan.District: w.District, plan.Government: w.Government,
		plan.Collective: w.Collective, plan.Other: w.Other}
	var groups []DeptGroup
	for _, k := range plan.DeptKinds {
		groups = append(groups, DeptGroup{k, label[k], nil})
	}
	for _, d := range s.Plan.Departments {
		for i := range groups {
			if groups[i].Kind == d.Kind {
				groups[i].Depts = append(groups[i].Depts, d)
			}
		}
	}
	out := groups[:0]
	for _, g := range groups {
		if len(g.Depts) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// TaskYears returns the years a task is active in.
func (p *Page) TaskYears(t *plan.Task) []int {
	var ys []int
	for _, y := range p.Site.Plan.Years {
		if t.ActiveIn(y) {
			ys = append(ys, y)
		}
	}
	return ys
}

// Updated returns the latest of the plan's dates: the date the content says
// it was last changed, else the issue date.
func (s *Context) Updated() string {
	if s.Config.Updated != "" {
		return s.Config.Updated
	}
	return s.Config.Date
}

// HasFeed reports whether the site has a feed: Atom requires a date on the
// feed and on every entry, and the content is the only source of dates,
// and absolute addresses, which need the base URL.
func (s *Context) HasFeed() bool { return s.Updated() != "" && s.BaseURL != "" }

// HasSitemap reports whether the site has a sitemap, whose addresses must be
// absolute.
func (s *Context) HasSitemap() bool { return s.BaseURL != "" }

// TaskList is a list of tasks shown by the "tasks" template.
type TaskList struct {
	Page  *Page
	Tasks []*plan.Task
}

// DeptList is a list of departments shown by the "depts" template.
type DeptList struct {
	Page  *Page
	Depts []*plan.Department
}

// TaskDepts is a task's lead or cooperating departments, each shown with
// the note the table gives it (（牵头）).
type TaskDepts struct {
	Page  *Page
	Task  *plan.Task
	Depts []*plan.Department
}

// Paths are the site-wide addresses, for templates to link with:
// {{.Rel .Site.Paths.Search}}.
func (s *Context) Paths() *sitepath.Paths { return &sitepath.All }

// areaWords are the site's words for the plan's groups of tasks: the plan
// says which apply (plan.AreasAreActions), the labels what they are.
func (s *Context) areaWords() *labels.AreaWords {
	s.areaIdx.once.Do(func() {
		s.areaIdx.words = &s.Labels.AreaWords.Parts
		if s.Plan.AreasAreActions() {
			s.areaIdx.words = &s.Labels.AreaWords.Actions
		}
	})
	return s.areaIdx.words
}

// AreaNoun is what the site calls the plan's groups of tasks: 行动 or 部分.
func (s *Context) AreaNoun() string { return s.areaWords().Noun }

// TableName is what the pages call the table in their sentences: the
// attachment site.toml names (附件1 任务分工表), else 任务分工表.
func (s *Context) TableName() string {
	if s.Config.Attachment != "" {
		return s.Config.Attachment
	}
	return "任务分工表"
}

// AreaCounter is AreaNoun's measure word: 项行动, 个部分.
func (s *Context) AreaCounter() string { return s.areaWords().Counter }

// AreaOrdinal names group n: 第二项行动, 第二部分.
func (s *Context) AreaOrdinal(n int) string { return s.areaWords().Ordinal.Fill(plan.Numeral(n)) }

// UnitWord is the word the table's headings of units end in (单位 of
// 牵头单位, 责任单位; 部门 of 牵头部门), which the pages say of units where
// they name them in general; labels.DefaultUnit for a table whose headings
// end in none. A portal's own pages (its 404 page) say 单位, as its labels
// do: its units are those of plans that may say either.
func (s *Context) UnitWord() string {
	if s.Portal != nil {
		return "单位"
	}
	for _, h := range []string{s.Plan.Heading(col.Lead), s.Plan.Heading(col.Coop)} {
		for _, w := range col.UnitWords {
			if strings.HasSuffix(h, w) {
				return w
			}
		}
	}
	return labels.DefaultUnit
}

// Role is the table's heading of a column of units without the unit word
// it ends in (牵头 of 牵头部门, 责任 of 责任单位): a short column heading
// over counts; the whole heading when it ends in none.
func (s *Context) Role(std col.Column) string {
	h := s.Plan.Heading(std)
	for _, w := range col.UnitWords {
		if r, ok := strings.CutSuffix(h, w); ok && r != "" {
			return r
		}
	}
	return h
}
