package browser

import (
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/chromedp/chromedp"

	"plansite/internal/plan"
	"plansite/internal/portal"
	"plansite/internal/search"
	"plansite/internal/site"
)

// A portal (a site of many plans) in the browser: the example portal and
// the portal of every real table in examples/ are held to the checks
// every site of one plan is (layout at 320 px, axe-core, phone reading),
// and the portal's search finds what each plan's would, ranked.

// portalKinds are one page of each kind of examples/portal: the portal's
// own and, since their breadcrumbs now start at the portal, a plan's.
var portalKinds = []struct{ name, path string }{
	{"portal-home", ""},
	{"portal-departments", "departments/"},
	{"portal-department", "departments/kj/"},
	{"portal-years", "years/"},
	{"portal-year", "years/2024/"},
	{"portal-progress", "progress/"},
	{"search", "search/?q=" + url.QueryEscape("示例市科技局")},
	{"search-plan-status", "search/?plan=2023&status=" + url.QueryEscape("已完成")},
	{"portal-data", "data/"},
	{"about", "about/"},
	{"404", "404.html"},
	{"plan-home", "plans/yingshang-2023/"},
	{"plan-task", "plans/2023/tasks/3/"},
	{"plan-department", "plans/2022/departments/geqv/"},
}

// servePortal builds and serves the content folder dir as a portal, for a
// root address (the test server serves it at its root).
func servePortal(tb testing.TB, dir string) (string, *site.Result) {
	tb.Helper()
	o := sources(os.DirFS(dir))
	o.BaseURL = "https://example.org/"
	root, _, r := serveDir(tb, o)
	if r.Portal == nil {
		tb.Fatalf("%s was not built as a portal", dir)
	}
	return root, r
}

// realPortal puts the bundled table and every real table of examples/
// (each folder with a SOURCE) together as the plans of one portal, in a
// new content folder.
func realPortal(tb testing.TB) string {
	tb.Helper()
	content := filepath.Join(tb.TempDir(), "content")
	plans := filepath.Join(content, portal.Folder)
	copyTree := func(src, id string) {
		err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(src, p)
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			target := filepath.Join(plans, id, rel)
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return err
			}
			return os.WriteFile(target, data, 0o644)
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
	copyTree("../../content", "guangzhou-ai")
	real, _ := filepath.Glob("../../examples/*/SOURCE")
	for _, src := range real {
		copyTree(filepath.Join(filepath.Dir(src), "content"), filepath.Base(filepath.Dir(src)))
	}
	if err := os.WriteFile(filepath.Join(content, "site.toml"), []byte("title = \"真实任务分工表汇编（测试）\"\nissuer = \"plansite 测试\"\nupdated = \"2024-01-01\"\n"), 0o644); err != nil {
		tb.Fatal(err)
	}
	return content
}

// realPortalKinds are the portal's own pages of the real tables' portal,
// the largest unit's among them.
func realPortalKinds(r *site.Result) []struct{ name, path string } {
	var busiest *portal.Unit
	for _, u := range r.Portal.Units {
		if busiest == nil || u.Tasks() > busiest.Tasks() {
			busiest = u
		}
	}
	return []struct{ name, path string }{
		{"portal-home", ""}, {"portal-departments", "departments/"}, {"portal-department", "departments/" + busiest.Slug + "/"},
		{"portal-years", "years/"}, {"search", "search/?q=" + url.QueryEscape("政务公开")}, {"portal-data", "data/"},
	}
}

func TestPortalLayout(t *testing.T) {
	root, _ := servePortal(t, "../../examples/portal/content")
	ctx := browser(t, 1280, 900)
	checkLayout(t, ctx, root, portalKinds, []layoutMode{
		{"320", 320, "", false},
		{"320-large-contrast", 320, "l", true},
		{"640", 640, "", false},
		{"1280", 1280, "", false},
	})
	real, r := servePortal(t, realPortal(t))
	checkLayout(t, ctx, real, realPortalKinds(r), []layoutMode{{"320", 320, "", false}, {"320-large-contrast", 320, "l", true}})
}

func TestPortalAxe(t *testing.T) {
	axe := axeSource(t)
	root, _ := servePortal(t, "../../examples/portal/content")
	ctx := browser(t, 375, 900)
	for _, m := range []layoutMode{{"375", 375, "", false}, {"1280-contrast", 1280, "", true}} {
		m.apply(t, ctx, root)
		for _, k := range portalKinds {
			axeCheck(t, ctx, axe, root+k.path, k.name+" at "+m.name)
		}
	}
	real, r := servePortal(t, realPortal(t))
	layoutMode{"375", 375, "", false}.apply(t, ctx, real)
	for _, k := range realPortalKinds(r) {
		axeCheck(t, ctx, axe, real+k.path, "real tables' portal "+k.name)
	}
}

// TestPortalPhoneReading holds the pages of the example portal and the
// portal's own pages of the real tables' portal to what TestPhoneReading
// holds every page of a plan to, at 375 and 320 px and in 大.
func TestPortalPhoneReading(t *testing.T) {
	root, _ := servePortal(t, "../../examples/portal/content")
	real, built := servePortal(t, realPortal(t))
	ctx := browser(t, 375, 900)
	type portalSite struct {
		name, root string
		kinds      []struct{ name, path string }
	}
	for _, m := range []struct {
		name  string
		width int
		size  string
	}{{"375", 375, ""}, {"320", 320, ""}, {"320-large", 320, "l"}} {
		set := `localStorage.clear();true`
		if m.size != "" {
			set = `localStorage.clear();localStorage.setItem('plansite-size',` + jsString(m.size) + `);true`
		}
		for _, st := range []portalSite{{"", root, portalKinds}, {"real tables' portal ", real, realPortalKinds(built)}} {
			var ok bool
			run(t, ctx, "settings", chromedp.Navigate(st.root), chromedp.Evaluate(set, &ok))
			for _, pk := range st.kinds {
				where := st.name + pk.name + " at " + m.name
				var r phoneReport
				actions := []chromedp.Action{
					chromedp.EmulateViewport(int64(m.width), 900),
					chromedp.Navigate(st.root + pk.path),
					chromedp.WaitReady("footer", chromedp.ByQuery),
				}
				if strings.HasPrefix(pk.name, "search") {
					actions = append(actions, waitFor(`document.getElementById('search-app').getAttribute('data-state')==='done'`))
				}
				run(t, ctx, where, append(actions, chromedp.Evaluate(phoneCheck, &r))...)
				for _, list := range [][]string{r.Orphan, r.Split, r.Tiny, r.Narrow, r.Region} {
					for _, x := range list {
						t.Errorf("%s: %s", where, x)
					}
				}
			}
		}
	}
}

// rankedDoc is a task as the ranking rules see it, made here from the
// model, not from the index the script reads.
type rankedDoc struct {
	plan, id string
	title    string
	near     []string // the group, the first sentence, the timeline's clauses
	units    []string // the lead and cooperating units, and their other names
	text     []string // every field
}

// expectRanked is the order the README gives the results of q: every task
// holding every term, those with each term in their title or a unit's name
// first, then those with each in their group, first sentence or timeline,
// then the others; within each, those holding the whole phrase first; then
// newer plans first, and each plan's tasks in its order.
func expectRanked(docs []rankedDoc, q string) []string {
	var terms []string
	for _, t := range strings.Split(search.Fold(q), " ") {
		if t != "" && !slices.Contains(terms, t) {
			terms = append(terms, t)
		}
	}
	in := func(fields []string, t string) bool {
		return slices.ContainsFunc(fields, func(f string) bool { return strings.Contains(f, t) })
	}
	buckets := make([][]string, 6)
	for _, d := range docs {
		tier := 0
		for _, t := range terms {
			switch {
			case !in(d.text, t):
				tier = -1
			case tier < 0:
			case strings.Contains(d.title, t) || in(d.units, t):
			case in(d.near, t):
				tier = max(tier, 1)
			default:
				tier = 2
			}
		}
		if tier < 0 || len(terms) == 0 {
			continue
		}
		whole := len(terms) < 2 || in(d.text, strings.Join(terms, " ")) || in(d.text, strings.Join(terms, ""))
		b := tier * 2
		if !whole {
			b++
		}
		buckets[b] = append(buckets[b], d.plan+"/"+d.id)
	}
	return slices.Concat(buckets...)
}

// rankedDocs are every task of the portal, newest plan first.
func rankedDocs(pt *portal.Portal) []rankedDoc {
	var docs []rankedDoc
	f := func(ss ...string) []string {
		out := make([]string, len(ss))
		for i, s := range ss {
			out[i] = search.Fold(s)
		}
		return out
	}
	for _, pl := range pt.Plans {
		for _, t := range pl.Tasks() {
			d := rankedDoc{plan: pl.ID, id: t.ID, title: search.Fold(t.Title)}
			var near, units []string
			if t.Area != nil {
				near = append(near, t.Area.Label)
			}
			if len(t.Sentences) > 0 {
				near = append(near, t.Sentences[0])
			}
			for _, m := range t.Milestones {
				near = append(near, m.Clause)
			}
			for _, dep := range slices.Concat([]*plan.Department{}, t.Lead, t.Coop) {
				units = append(append(units, dep.Name), dep.Aliases...)
			}
			// The cells of columns plansite does not read and the updates'
			// texts are deep text.
			var pr *search.Progress
			if pl.Content.Progress != nil {
				pr = &search.Progress{Log: pl.Content.Progress}
			}
			var others []string
			doc := search.NewDoc(pl.Content.Plan, t, pr)
			for _, c := range doc.Other {
				others = append(others, c.Text)
			}
			for _, u := range doc.Updates {
				others = append(others, u.Text)
			}
			d.near, d.units = f(near...), f(units...)
			d.text = slices.Concat([]string{d.title}, d.near, d.units, f(t.Sentences...), f(others...))
			docs = append(docs, d)
		}
	}
	return docs
}

// portalQueries are real searches over the real tables: units named in
// several plans, words of titles and of the measures, a year, two words.
var portalQueries = []string{"市教育局", "市政府", "政务公开", "人工智能", "办公室", "数据 平台", "营商环境",
	"各区", "信息公开", "科技", "政府", "教育", "企业", "政务 公开", "持续推进"}

// TestPortalSearchRanking holds the order of the results of a dozen real
// queries over the portal of the real tables to the rules README gives,
// and the plan and status filters to what they name.
func TestPortalSearchRanking(t *testing.T) {
	root, r := servePortal(t, realPortal(t))
	docs := rankedDocs(r.Portal)
	ctx := browser(t, 1280, 900)
	read := `Array.from(document.querySelectorAll('#search-results > .result')).map(function(li){return li.getAttribute('data-plan')+'/'+li.getAttribute('data-task')})`
	more := `(function(){var b=document.getElementById('search-more');var n=0;while(!b.hidden&&n<100){b.click();n++}return true})()`
	found := 0
	for _, q := range portalQueries {
		want := expectRanked(docs, q)
		var got []string
		var ok bool
		run(t, ctx, "search "+q,
			chromedp.Navigate(root+"search/?q="+url.QueryEscape(q)),
			waitSearch(q),
			chromedp.Evaluate(more, &ok),
			chromedp.Evaluate(read, &got),
		)
		if !slices.Equal(got, want) {
			t.Errorf("%s: the results are\n%v\nwant\n%v", q, got, want)
		}
		if len(want) > 0 {
			found++
		}
		t.Logf("%s: %d results", q, len(got))
	}
	if found < 10 {
		t.Errorf("only %d of the queries find anything; they should show the ranking", found)
	}
	// A unit's name: each task that names the unit comes before each that
	// only mentions it in its text.
	names := func(id string) bool {
		for _, d := range docs {
			if d.plan+"/"+d.id == id {
				return slices.ContainsFunc(d.units, func(u string) bool { return strings.Contains(u, "市教育局") })
			}
		}
		return false
	}
	ranked := expectRanked(docs, "市教育局")
	if i := slices.IndexFunc(ranked, func(id string) bool { return !names(id) }); i >= 0 && slices.ContainsFunc(ranked[i:], names) {
		t.Errorf("市教育局: a task naming the unit comes after one that does not: %v", ranked)
	}

	// The plan filter: only that plan's tasks, as its own search finds.
	var got []string
	plan := "wuhan-2023-gzbg"
	run(t, ctx, "plan filter",
		chromedp.Navigate(root+"search/?plan="+plan+"&q="+url.QueryEscape("市教育局")),
		waitSearch("市教育局"),
		chromedp.Evaluate(read, &got),
	)
	var want []string
	for _, id := range expectRanked(docs, "市教育局") {
		if strings.HasPrefix(id, plan+"/") {
			want = append(want, id)
		}
	}
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("市教育局 in %s: %v, want %v", plan, got, want)
	}
}

// The status filter of the example portal finds, across plans, the tasks
// whose current status is the one chosen, as each plan's progress says.
func TestPortalSearchStatus(t *testing.T) {
	root, r := servePortal(t, "../../examples/portal/content")
	ctx := browser(t, 1280, 900)
	var want []string
	for _, pl := range r.Portal.Plans {
		for _, task := range pl.Tasks() {
			if s := r.Portal.Status(pl, task); s != nil && s.Name == "已完成" {
				want = append(want, pl.ID+"/"+task.ID)
			}
		}
	}
	var got []string
	var ok bool
	run(t, ctx, "status",
		chromedp.Navigate(root+"search/?status="+url.QueryEscape("已完成")),
		waitFor(`document.getElementById('search-app').getAttribute('data-state')==='done'`),
		chromedp.Evaluate(`(function(){var b=document.getElementById('search-more');while(!b.hidden)b.click();return true})()`, &ok),
		chromedp.Evaluate(`Array.from(document.querySelectorAll('#search-results > .result')).map(function(li){return li.getAttribute('data-plan')+'/'+li.getAttribute('data-task')})`, &got),
	)
	slices.Sort(got)
	slices.Sort(want)
	if len(want) < 10 || !slices.Equal(got, want) {
		t.Errorf("status 已完成: %v, want %v", got, want)
	}
}

// TestPortalFoldSameInBrowser compares the portal script's folding with
// Go's over the whole Basic Multilingual Plane, as TestFoldSameInBrowser
// does the plan's.
func TestPortalFoldSameInBrowser(t *testing.T) {
	root, _ := servePortal(t, "../../examples/portal/content")
	ctx := browser(t, 800, 600)
	var units []uint16
	for c := 0; c < 0x10000; c++ {
		if c < 0xD800 || c > 0xDFFF {
			units = append(units, uint16(c))
		}
	}
	units = append(units, utf16.Encode([]rune("𠀀😀𝐀"))...)
	in := string(utf16.Decode(units))
	var got string
	run(t, ctx, "fold",
		chromedp.Navigate(root+"search/"),
		chromedp.Poll(`typeof plansiteFold === 'function'`, nil),
		chromedp.Evaluate(`plansiteFold(`+jsString(in)+`)`, &got),
	)
	if got != search.Fold(in) {
		t.Errorf("the portal's script folds otherwise than Go")
	}
}
