package site

import (
	"encoding/json"
	"encoding/xml"
	"net/url"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"golang.org/x/net/html"

	"plansite/internal/sitepath"
)

// What a portal's own pages show, checked against each plan's own open
// data (plan.json, which other tests check against the tables) and
// site.toml, read here with types of the test's own.

type planJSONDoc struct {
	Plan struct {
		Title      string `json:"title"`
		ShortTitle string `json:"short_title"`
		Date       string `json:"date"`
	} `json:"plan"`
	Tasks []struct {
		ID         string `json:"id"`
		URL        string `json:"url"`
		Status     string `json:"status"`
		Overdue    bool   `json:"overdue"`
		Milestones []struct {
			Kind string  `json:"kind"`
			End  *string `json:"end"`
		} `json:"milestones"`
		Lead []string `json:"lead"`
	} `json:"tasks"`
	Departments []struct {
		Slug string   `json:"slug"`
		Name string   `json:"name"`
		Lead []string `json:"lead"`
		Coop []string `json:"coop"`
	} `json:"departments"`
}

// examplePlan is a plan of the example portal as its own files say.
type examplePlan struct {
	id     string
	number string // 文号, from its site.toml
	doc    planJSONDoc
}

// portalPlans reads each plan of the built portal r from its own files,
// in the order of their issue dates, newest first.
func portalPlans(t *testing.T, r *made) []examplePlan {
	t.Helper()
	files := filesMap(r.Files)
	var out []examplePlan
	for p := range files {
		rest, ok := strings.CutPrefix(p, sitepath.Plans)
		if !ok || !strings.HasSuffix(rest, "/"+sitepath.PlanJSON) {
			continue
		}
		id := strings.TrimSuffix(rest, "/"+sitepath.PlanJSON)
		ep := examplePlan{id: id}
		if err := json.Unmarshal(files[p], &ep.doc); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		var cfg struct {
			Number string `toml:"number"`
		}
		if _, err := toml.DecodeFile(path.Join(portalExample, "plans", id, "site.toml"), &cfg); err != nil {
			t.Fatal(err)
		}
		ep.number = cfg.Number
		out = append(out, ep)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].doc.Plan.Date > out[j].doc.Plan.Date })
	return out
}

// linksIn lists the targets (site files) of the links of class class
// inside the elements that match in, on page p.
func linksIn(t *testing.T, p string, doc *html.Node, in func(*html.Node) bool, class string) []string {
	t.Helper()
	var out []string
	for _, n := range find(doc, in) {
		for _, a := range elements(n, "a") {
			if class != "" && !hasClass(a, class) {
				continue
			}
			href, _ := attr(a, "href")
			if target, _, ok := resolve(p, href); ok {
				out = append(out, target)
			}
		}
	}
	return out
}

func classed2(class string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Type == html.ElementNode && hasClass(n, class) }
}

// taskPage is the page of task slug of plan id, as a file of the portal.
func taskPage(id, slug string) string {
	return sitepath.PlanDir(id) + sitepath.Tasks + slug + "/index.html"
}

func TestPortalHome(t *testing.T) {
	r := portalSite(t, portalExample)
	plans := portalPlans(t, r)
	files := filesMap(r.Files)
	doc := parseHTML(t, "index.html", files["index.html"])
	got := linksIn(t, "index.html", doc, classed2("plan-list"), "task-link")
	var want []string
	for _, p := range plans {
		want = append(want, sitepath.PlanDir(p.id)+"index.html")
	}
	if !slices.Equal(got, want) {
		t.Errorf("the home page lists the plans\n%v\nwant, newest first,\n%v", got, want)
	}
	items := find(doc, func(n *html.Node) bool { return n.Data == "li" && n.Parent != nil && hasClass(n.Parent, "plan-list") })
	for i, li := range items {
		if i >= len(plans) {
			break
		}
		text := fullText(li)
		p := plans[i]
		for _, w := range []string{p.doc.Plan.Title, p.number, p.doc.Plan.Date, strconv.Itoa(len(p.doc.Tasks)) + "项任务"} {
			if !strings.Contains(text, w) {
				t.Errorf("plan %s on the home page: %q does not say %s", p.id, text, w)
			}
		}
		hasProgress := false
		for _, task := range p.doc.Tasks {
			hasProgress = hasProgress || task.Status != ""
		}
		if counts := find(li, classed2("status-counts")); (len(counts) > 0) != hasProgress {
			t.Errorf("plan %s: status counts shown %v, progress %v", p.id, len(counts) > 0, hasProgress)
		}
	}
}

// Each unit's page lists, plan by plan (newest first), exactly the tasks
// each plan's own data says it leads and helps with.
func TestPortalUnitPages(t *testing.T) {
	r := portalSite(t, portalExample)
	plans := portalPlans(t, r)
	files := filesMap(r.Files)
	units := map[string][]string{} // slug → plan ids, newest first
	tasks := map[string][]string{} // slug → task pages, plan by plan, lead then coop
	for _, p := range plans {
		for _, d := range p.doc.Departments {
			units[d.Slug] = append(units[d.Slug], p.id)
			for _, id := range append(slices.Clone(d.Lead), d.Coop...) {
				tasks[d.Slug] = append(tasks[d.Slug], taskPage(p.id, id))
			}
		}
	}
	if len(units["kj"]) < 3 {
		t.Fatalf("the example's unit kj should be in three plans: %v", units["kj"])
	}
	for slug, ids := range units {
		page := sitepath.File(sitepath.Unit(slug))
		data, ok := files[page]
		if !ok {
			t.Errorf("unit %s has no page", slug)
			continue
		}
		doc := parseHTML(t, page, data)
		var sections []string
		for _, s := range elements(doc, "section") {
			if id, _ := attr(s, "aria-labelledby"); strings.HasPrefix(id, "plan-") {
				sections = append(sections, strings.TrimPrefix(id, "plan-"))
			}
		}
		if !slices.Equal(sections, ids) {
			t.Errorf("%s: sections of plans %v, want %v", page, sections, ids)
		}
		got := linksIn(t, page, doc, func(n *html.Node) bool { return n.Data == "main" }, "task-link")
		if !slices.Equal(got, tasks[slug]) {
			t.Errorf("%s lists\n%v\nwant\n%v", page, got, tasks[slug])
		}
	}
	if _, ok := files[sitepath.File(sitepath.Departments)]; !ok {
		t.Error("no /departments/")
	}
}

// Each year's page lists every task whose deadline (its latest dated
// timeline clause's end) falls in it, across plans, by deadline.
func TestPortalYearPages(t *testing.T) {
	r := portalSite(t, portalExample)
	plans := portalPlans(t, r)
	files := filesMap(r.Files)
	byYear := map[string][]string{}
	for _, p := range plans {
		for _, task := range p.doc.Tasks {
			last := ""
			for _, m := range task.Milestones {
				if m.End != nil && (*m.End)[:4] > last {
					last = (*m.End)[:4]
				}
			}
			if last != "" {
				byYear[last] = append(byYear[last], taskPage(p.id, path.Base(strings.TrimSuffix(task.URL, "/"))))
			}
		}
	}
	if len(byYear) < 3 {
		t.Fatalf("the example's deadlines fall in %d years", len(byYear))
	}
	for y, want := range byYear {
		yi, _ := strconv.Atoi(y)
		page := sitepath.File(sitepath.Year(yi))
		data, ok := files[page]
		if !ok {
			t.Errorf("no page for %s", y)
			continue
		}
		doc := parseHTML(t, page, data)
		got := linksIn(t, page, doc, classed2("due-list"), "task-link")
		sort.Strings(got)
		sort.Strings(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s lists\n%v\nwant\n%v", page, got, want)
		}
		var times []string
		for _, list := range find(doc, classed2("due-list")) {
			for _, tm := range elements(list, "time") {
				v, _ := attr(tm, "datetime")
				times = append(times, v)
			}
		}
		if !sort.StringsAreSorted(times) || len(times) != len(want) || !strings.HasPrefix(times[0], y) {
			t.Errorf("%s: deadlines %v, not one a task of %s in order", page, times, y)
		}
	}
}

// The portal's /progress/ counts every overdue task of every plan, as the
// plans' own data say.
func TestPortalProgress(t *testing.T) {
	r := portalSite(t, portalExample)
	files := filesMap(r.Files)
	overdue := 0
	for _, p := range portalPlans(t, r) {
		for _, task := range p.doc.Tasks {
			if task.Overdue {
				overdue++
			}
		}
	}
	doc := parseHTML(t, "progress/index.html", files["progress/index.html"])
	h := byID(doc, "overdue")
	if h == nil || !strings.Contains(fullText(h), strconv.Itoa(overdue)+"项") {
		t.Errorf("/progress/ says %q; the plans have %d overdue tasks", fullText(h), overdue)
	}
}

// data/portal.json lists each plan with its files and each unit with its
// tasks in each plan, as the plans' own data have them.
func TestPortalJSON(t *testing.T) {
	r := portalSite(t, portalExample)
	files := filesMap(r.Files)
	var d struct {
		Format string `json:"format"`
		Plans  []struct {
			ID    string            `json:"id"`
			Tasks int               `json:"tasks"`
			URL   string            `json:"url"`
			Files map[string]string `json:"files"`
		} `json:"plans"`
		Units []struct {
			Slug  string `json:"slug"`
			Plans []struct {
				Plan string   `json:"plan"`
				Lead []string `json:"lead"`
				Coop []string `json:"coop"`
			} `json:"plans"`
		} `json:"units"`
	}
	dec := json.NewDecoder(strings.NewReader(string(files[sitepath.PortalJSON])))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
		Title   string `json:"title"`
		Issuer  string `json:"issuer"`
		Updated string `json:"updated"`
		URL     string `json:"url"`
		Plans   any    `json:"plans"`
		Units   any    `json:"units"`
	}{}); err != nil {
		t.Fatalf("portal.json: %v", err)
	}
	if err := json.Unmarshal(files[sitepath.PortalJSON], &d); err != nil {
		t.Fatal(err)
	}
	plans := portalPlans(t, r)
	if d.Format != "plansite-portal" || len(d.Plans) != len(plans) {
		t.Fatalf("portal.json: format %q, %d plans", d.Format, len(d.Plans))
	}
	base := r.Portal.Config.BaseURL
	for i, p := range plans {
		got := d.Plans[i]
		if got.ID != p.id || got.Tasks != len(p.doc.Tasks) {
			t.Errorf("plan %d: %s with %d tasks, want %s with %d", i, got.ID, got.Tasks, p.id, len(p.doc.Tasks))
		}
		for k, u := range got.Files {
			if _, ok := files[strings.TrimPrefix(u, base)]; !ok {
				t.Errorf("plan %s: its %s %s is not a file of the site", p.id, k, u)
			}
		}
		for _, dep := range p.doc.Departments {
			found := false
			for _, u := range d.Units {
				for _, up := range u.Plans {
					if u.Slug == dep.Slug && up.Plan == p.id {
						found = slices.Equal(up.Lead, dep.Lead) && slices.Equal(up.Coop, dep.Coop)
					}
				}
			}
			if !found {
				t.Errorf("portal.json: unit %s in plan %s, leading %v and helping with %v, is not listed so", dep.Slug, p.id, dep.Lead, dep.Coop)
			}
		}
	}
}

// The feed holds every plan's changes (each plan's own feed's entries),
// the sitemap index names every sitemap, and every page of the site is in
// one of them; the search manifest names the plans' own index files.
func TestPortalFeedSitemapSearch(t *testing.T) {
	r := portalSite(t, portalExample)
	files := filesMap(r.Files)
	base := r.Portal.Config.BaseURL
	portalFeed := parseFeed(t, files[sitepath.Feed])
	ids := map[string]bool{}
	for _, e := range portalFeed.Entries {
		ids[e.ID] = true
	}
	for _, pl := range r.Portal.Plans {
		for _, e := range parseFeed(t, files[pl.Dir+sitepath.Feed]).Entries {
			if !ids[e.ID] {
				t.Errorf("the portal's feed lacks %s of plan %s", e.ID, pl.ID)
			}
		}
	}
	var index struct {
		Sitemaps []struct {
			Loc string `xml:"loc"`
		} `xml:"sitemap"`
	}
	if err := xml.Unmarshal(files[sitepath.SitemapXML], &index); err != nil {
		t.Fatal(err)
	}
	listed := map[string]int{}
	for _, s := range index.Sitemaps {
		p := strings.TrimPrefix(s.Loc, base)
		var set struct {
			URLs []struct {
				Loc string `xml:"loc"`
			} `xml:"url"`
		}
		if err := xml.Unmarshal(files[p], &set); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, u := range set.URLs {
			listed[sitepath.File(strings.TrimPrefix(u.Loc, base))]++
		}
	}
	for p := range files {
		if path.Ext(p) == ".html" && path.Base(p) != sitepath.NotFound && listed[p] != 1 {
			t.Errorf("%s is in %d sitemaps", p, listed[p])
		}
	}
	var m struct {
		Tasks int `json:"tasks"`
		Plans []struct {
			ID string `json:"id"`
		} `json:"plans"`
		Shards []struct {
			URL  string `json:"url"`
			Plan int    `json:"p"`
		} `json:"shards"`
	}
	if err := json.Unmarshal(files[sitepath.SearchIndex], &m); err != nil {
		t.Fatal(err)
	}
	if m.Tasks != r.Portal.Tasks() || len(m.Plans) != len(r.Portal.Plans) {
		t.Errorf("search manifest: %d tasks in %d plans", m.Tasks, len(m.Plans))
	}
	for _, s := range m.Shards {
		u, err := url.Parse(s.URL)
		if err != nil {
			t.Fatal(err)
		}
		p := path.Join(path.Dir(sitepath.SearchIndex), u.Path)
		if _, ok := files[p]; !ok || !strings.HasPrefix(p, sitepath.PlanDir(m.Plans[s.Plan].ID)) {
			t.Errorf("shard %s of plan %d is not the plan's file %s", s.URL, s.Plan, p)
		}
	}
}
