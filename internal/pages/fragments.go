package pages

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"sync"

	"plansite/internal/plan"
	"plansite/internal/progress"
)

// Fragments are the parts of base.html that are the same on every page of
// a kind at a folder depth: the stylesheet and script links, the header
// with its navigation, the footer's links. Each is a template of its own
// ({{define "chrome"}}), called as {{fragment "chrome" .}}, and executed
// once per kind, depth and current section with a Frame, then reused on
// every such page as the HTML html/template made: a task page of a large
// table runs a third fewer actions.
//
// A Frame holds only what a fragment may depend on, so a fragment cannot
// show anything of one page on another: a template that asks a Frame for a
// page's title fails to run.
type Frame struct {
	Site           *Context
	Kind           *Kind
	Nav            []Link
	FontSizes      []FontSize
	SearchExamples []string
	FeedURL        string
	key            frameKey
}

// frameKey is what makes a Frame: the pages of one key share fragments.
type frameKey struct {
	name    string
	kind    *Kind
	depth   int    // of the page's folder; -1 for pages served at any address
	current uint64 // bit i: the navigation's link i is the page or its section
}

// Rel returns a link from the pages of the frame to the site path target.
func (f *Frame) Rel(target string) string { return f.page().Rel(target) }

// Asset links a static file by name, with its version.
func (f *Frame) Asset(name string) string { return f.page().Asset(name) }

// page is a page at the frame's depth, for links.
func (f *Frame) page() *Page {
	if f.key.depth < 0 {
		return &Page{Site: f.Site, rootRelative: true}
	}
	return &Page{Site: f.Site, Path: strings.Repeat("x/", f.key.depth)}
}

// The sharing and citation tags that every page of a kind has, as the
// page's own fields of those names (meta.go) give them.
func (f *Frame) OGType() string        { return ogType(f.Kind) }
func (f *Frame) OGLocale() string      { return ogLocale(f.Site.Config.Language) }
func (f *Frame) OGImage() string       { return ogImage(f.page()) }
func (f *Frame) OGImageAlt() string    { return f.Site.shareAlt }
func (f *Frame) ShareImageWidth() int  { return f.Site.ShareImage.Width }
func (f *Frame) ShareImageHeight() int { return f.Site.ShareImage.Height }
func (f *Frame) CitationDate() string  { return citationDate(f.Site.Config.Date) }

// Current reports whether the navigation's link to target is the pages'
// own or their section's. Only the navigation's targets are known.
func (f *Frame) Current(target string) (bool, error) {
	for i, l := range f.Nav {
		if l.Target == target {
			return f.key.current&(1<<i) != 0, nil
		}
	}
	return false, fmt.Errorf("Current: %q is not in the navigation; a fragment knows only those", target)
}

// fragments renders and keeps the fragments of one set of templates.
type fragments struct {
	set   *namedSets // runs the fragments' definitions
	mu    sync.Mutex
	cache map[fragmentKey]template.HTML
	items map[itemKey]template.HTML
}

type fragmentKey struct {
	site *Context
	frameKey
}

// render returns fragment name as it is on page p.
func (fs *fragments) render(name string, p *Page) (template.HTML, error) {
	if len(p.Nav) > 64 {
		return "", fmt.Errorf("fragment %s: more than 64 navigation links", name)
	}
	k := fragmentKey{p.Site, frameKey{name: name, kind: p.Kind, depth: depthOf(p)}}
	for i, l := range p.Nav {
		if p.Current(l.Target) {
			k.current |= 1 << i
		}
	}
	return made(&fs.mu, fs.cache, k, fs.set, name, func() any {
		return &Frame{Site: p.Site, Kind: p.Kind, Nav: p.Nav, FontSizes: p.FontSizes, SearchExamples: p.SearchExamples,
			FeedURL: p.FeedURL, key: k.frameKey}
	})
}

// made returns what cache holds under k, or else executes template name
// of set on what data returns and keeps the result under k: the HTML is
// html/template's own output, escaped in its context, so it is trusted
// wherever a template writes it in the same context.
func made[K comparable](mu *sync.Mutex, cache map[K]template.HTML, k K, set *namedSets, name string, data func() any) (template.HTML, error) {
	mu.Lock()
	h, ok := cache[k]
	mu.Unlock()
	if ok {
		return h, nil
	}
	var b bytes.Buffer
	if err := set.ExecuteTemplate(capped{&b}, name, data()); err != nil {
		return "", err
	}
	h = template.HTML(b.String())
	mu.Lock()
	cache[k] = h
	mu.Unlock()
	return h, nil
}

// depthOf is the folder depth of page p, the part of a fragment's key
// that its links depend on: -1 for a page served at any address.
func depthOf(p *Page) int {
	if p.rootRelative {
		return -1
	}
	return strings.Count(p.Path, "/")
}

// itemPage is a page at depth as items and values see it: the links and
// nothing of any one page.
func itemPage(p *Page, depth int) *ItemPage {
	return &ItemPage{p: &Page{Site: p.Site, Path: strings.Repeat("x/", max(depth, 0)), rootRelative: p.rootRelative}, LeadMeta: p.Site.LeadMeta}
}

// Items are fragments of one task at a folder depth: a task's entry in
// the lists of its area, its departments and the home page is the same in
// each, so it is made once ({{item "task-item" $p .}}). An item sees
// .Task and .Page, which has only the links and the status.
type Item struct {
	Page *ItemPage
	Task *plan.Task
}

// ItemPage is a page as an item sees it: at a depth, without identity.
type ItemPage struct {
	p *Page
	// LeadMeta is the site's word for the lead units in a task's line, a
	// field: every item of a list writes it.
	LeadMeta string
}

func (ip *ItemPage) Rel(target string) string                 { return ip.p.Rel(target) }
func (ip *ItemPage) TaskURL(t *plan.Task) string              { return ip.p.TaskURL(t) }
func (ip *ItemPage) AreaURL(a *plan.Area) string              { return ip.p.AreaURL(a) }
func (ip *ItemPage) DeptURL(d *plan.Department) string        { return ip.p.DeptURL(d) }
func (ip *ItemPage) YearURL(y int) string                     { return ip.p.YearURL(y) }
func (ip *ItemPage) TaskYears(t *plan.Task) []int             { return ip.p.TaskYears(t) }
func (ip *ItemPage) Status(t *plan.Task) *progress.Status     { return ip.p.Status(t) }
func (ip *ItemPage) Overdue(t *plan.Task) bool                { return ip.p.Overdue(t) }
func (ip *ItemPage) DeadlineOf(t *plan.Task) string           { return ip.p.DeadlineOf(t) }
func (ip *ItemPage) PlanURL(t *plan.Task) string              { return ip.p.PlanURL(t) }
func (ip *ItemPage) StatusCounts(ts []*plan.Task) *CountsView { return ip.p.StatusCounts(ts) }
func (ip *ItemPage) Brk(text string) template.HTML            { return ip.p.Site.Brk(text) }

type itemKey struct {
	site  *Context
	name  string
	task  *plan.Task
	depth int // -1 for pages served at any address
}

// item returns fragment name of task t as it is on page p.
func (fs *fragments) item(name string, p *Page, t *plan.Task) (template.HTML, error) {
	k := itemKey{p.Site, name, t, depthOf(p)}
	return made(&fs.mu, fs.items, k, fs.set, name, func() any { return &Item{itemPage(p, k.depth), t} })
}
