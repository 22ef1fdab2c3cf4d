package site

import (
	"bytes"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"plansite/internal/foldertest"
	"plansite/internal/load"
	"plansite/internal/pages"
	"plansite/internal/portal"
	"plansite/internal/sitepath"
)

// The example portal: examples/portal, four plans of one made-up
// government.
const portalExample = "../../examples/portal/content"

// portalSite is a portal made in memory from the content folder dir.
func portalSite(t *testing.T, dir string) *made {
	t.Helper()
	r := generateDir(t, dir)
	if r.Portal == nil {
		t.Fatalf("%s was not built as a portal", dir)
	}
	return r
}

// basePathOf is the path of a base URL: /portal/.
func basePathOf(t *testing.T, base string) string {
	t.Helper()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(u.Path, "/") + "/"
}

// The example portal builds, and every link of every page of it, the
// plans' and the portal's own, leads to a file of the site (an anchor to
// an id of its page).
func TestPortalExampleLinks(t *testing.T) {
	r := portalSite(t, portalExample)
	if len(r.Portal.Plans) < 3 {
		t.Fatalf("the example has %d plans; it should show at least three", len(r.Portal.Plans))
	}
	checkLinks(t, r.Files, basePathOf(t, r.Portal.Config.BaseURL))
	if len(r.Warnings) > 0 {
		t.Errorf("the example should build without warnings; got %v", r.Warnings)
	}
}

// standalone makes the site of one plan alone, from content c, at base, as
// a site of one plan is made.
func standalone(t *testing.T, c *load.Content, name, base string) map[string][]byte {
	t.Helper()
	o := Options{Content: dirSource(portalExample), Templates: dirSource("../../templates"), Static: dirSource("../../static")}
	mdr, mini := engines()
	tmpl, err := pages.Parse(o.Templates.FS, o.Templates.Name)
	if err != nil {
		t.Fatal(err)
	}
	files, assets, err := staticFiles(o.Static, mini, nil)
	if err != nil {
		t.Fatal(err)
	}
	css, _ := fs.ReadFile(o.Static.FS, "style.css")
	sh := &shared{o: o, tmpl: tmpl, mini: mini, md: mdr, static: files, assets: assets, css: css, baseURL: base, basePath: basePathOf(t, base)}
	b, err := preparePlan(sh, c)
	if err != nil {
		t.Fatal(err)
	}
	m := &memory{files: map[string][]byte{}}
	if _, err := b.write(m, nil); err != nil {
		t.Fatal(err)
	}
	return m.files
}

var (
	crumbsNav = regexp.MustCompile(`<nav class="?crumbs[^>]*>.*?</nav>`)
	// A plan in a portal links the static files two folders further up.
	portalStatic = regexp.MustCompile(`((?:\.\./)*)\.\./\.\./static/`)
)

// Each plan of a portal is the site it would be alone at the same
// address, moved under plans/<id>/: the same files at the same addresses,
// each byte for byte but for the pages' breadcrumbs, which start at the
// portal, and their links to the static files, which are the portal's.
// What a host reads at its root (robots.txt, the host files, the marker,
// the 404 page) and the static folder are the portal's alone.
func TestPortalPlanIsTheSiteMoved(t *testing.T) {
	r := portalSite(t, portalExample)
	files := filesMap(r.Files)
	rootOnly := map[string]bool{sitepath.Robots: true, sitepath.Headers: true, sitepath.NoJekyll: true, ".plansite-build": true, sitepath.NotFound: true}
	for _, pl := range r.Portal.Plans {
		t.Run(pl.ID, func(t *testing.T) {
			alone := standalone(t, pl.Content, pl.Name, r.Portal.Config.BaseURL+pl.Dir)
			var missing, extra []string
			for p, want := range alone {
				if rootOnly[p] || strings.HasPrefix(p, sitepath.Static) {
					if _, ok := files[pl.Dir+p]; ok {
						extra = append(extra, pl.Dir+p)
					}
					continue
				}
				got, ok := files[pl.Dir+p]
				if !ok {
					missing = append(missing, p)
					continue
				}
				if path.Ext(p) == ".html" {
					if !strings.Contains(markup.ReplaceAllString(string(got), ""), r.Portal.Config.ShortTitle) {
						t.Errorf("%s: no breadcrumb names the portal", pl.Dir+p)
					}
					want = crumbsNav.ReplaceAll(want, nil)
					got = portalStatic.ReplaceAll(crumbsNav.ReplaceAll(got, nil), []byte("${1}static/"))
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from %s of the plan's own site", pl.Dir+p, p)
				}
			}
			for p := range files {
				if rest, ok := strings.CutPrefix(p, pl.Dir); ok {
					if _, alone := alone[rest]; !alone {
						extra = append(extra, p)
					}
				}
			}
			sort.Strings(missing)
			sort.Strings(extra)
			if len(missing) > 0 || len(extra) > 0 {
				t.Errorf("the plan in the portal lacks %v and has besides %v", missing, extra)
			}
		})
	}
}

// Every page of a plan in a portal has the portal first in its
// breadcrumbs, linking the portal's home.
func TestPortalPlanPagesLinkUp(t *testing.T) {
	r := portalSite(t, portalExample)
	files := filesMap(r.Files)
	n := 0
	for p, data := range files {
		if !strings.HasPrefix(p, sitepath.Plans) || path.Ext(p) != ".html" {
			continue
		}
		n++
		doc := parseHTML(t, p, data)
		var crumbs []string
		for _, nav := range elements(doc, "nav") {
			if hasClass(nav, "crumbs") {
				for _, a := range elements(nav, "a") {
					href, _ := attr(a, "href")
					crumbs = append(crumbs, href+" "+fullText(a))
				}
			}
		}
		if len(crumbs) == 0 {
			t.Errorf("%s has no breadcrumbs", p)
			continue
		}
		href, label, _ := strings.Cut(crumbs[0], " ")
		if target, _, _ := resolve(p, href); target != "index.html" || label != r.Portal.Config.ShortTitle {
			t.Errorf("%s: the first breadcrumb is %q to %s, not the portal's home", p, label, target)
		}
	}
	if n == 0 {
		t.Fatal("no plan page")
	}
}

// The real tables of examples/ (the bundled Guangzhou plan and each
// example with a SOURCE) put together as one portal build, and every link
// of the portal leads somewhere.
func TestPortalOfRealExamples(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	plans := filepath.Join(content, portal.Folder)
	if err := os.MkdirAll(plans, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(content, "site.toml"), []byte("title = \"真实任务分工表汇编（测试）\"\nissuer = \"plansite 测试\"\nupdated = \"2024-01-01\"\nbase_url = \"https://example.org/all/\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// copyAs copies the content folder src to be the plan id.
	copyAs := func(src, id string) {
		if err := os.Rename(foldertest.Copy(t, src), filepath.Join(plans, id)); err != nil {
			t.Fatal(err)
		}
	}
	copyAs("../../content", "guangzhou-ai")
	entries, err := os.ReadDir("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, e := range entries {
		if _, err := os.Stat(filepath.Join("../../examples", e.Name(), "SOURCE")); err != nil {
			continue // not a real table
		}
		copyAs(filepath.Join("../../examples", e.Name(), "content"), e.Name())
		want = append(want, e.Name())
	}
	if len(want) < 5 {
		t.Fatalf("found only %d real examples", len(want))
	}
	r := portalSite(t, content)
	if got := len(r.Portal.Plans); got != len(want)+1 {
		t.Fatalf("the portal has %d plans, want %d", got, len(want)+1)
	}
	checkLinks(t, r.Files, "/all/")
	files := filesMap(r.Files)
	for _, pl := range r.Portal.Plans {
		for _, task := range pl.Tasks() {
			if _, ok := files[pl.Dir+sitepath.File(sitepath.Task(task))]; !ok {
				t.Errorf("%s: task %s has no page", pl.ID, task.ID)
			}
		}
		for _, d := range pl.Content.Plan.Departments {
			if _, ok := files[sitepath.File(sitepath.Unit(d.Slug))]; !ok {
				t.Errorf("%s: unit %s has no page on the portal", pl.ID, d.Name)
			}
		}
	}
	// None of these plans has progress: the search says nothing of it,
	// as the example portal's, whose plans have, does.
	for _, c := range []struct {
		files map[string][]byte
		says  string
	}{{files, "原文和责任单位中查找"}, {filesMap(portalSite(t, portalExample).Files), "原文、落实情况和责任单位中查找"}} {
		if page := string(c.files[sitepath.File(sitepath.Search)]); !strings.Contains(page, c.says) {
			t.Errorf("the portal's search page does not say %s", c.says)
		}
	}
}

// A portal that cannot be built stops the build, naming every problem of
// every plan at once, and leaves the previous site as it was.
func TestPortalErrors(t *testing.T) {
	dir := foldertest.Copy(t, portalExample)
	out := filepath.Join(t.TempDir(), "public")
	o := Options{Content: dirSource(dir), Templates: dirSource("../../templates"), Static: dirSource("../../static")}
	if _, err := Build(o, out, nil); err != nil {
		t.Fatal(err)
	}
	before := foldertest.Snapshot(t, out)
	for _, f := range []struct{ file, text string }{
		{"plans/2022/tasks.csv", "序号,主要措施,时间节点,牵头单位\n1,甲。,2022年,乙\n1,丙。,2022年,丁\n"},
		{"plans/2024/site.toml", "title = \"x\"\ndate = \"2024-02-30\"\n"},
	} {
		if err := os.WriteFile(filepath.Join(dir, f.file), []byte(f.text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := Build(o, out, nil)
	if err == nil {
		t.Fatal("the build did not fail")
	}
	for _, want := range []string{dir + "/plans/2022/tasks.csv:3:1: error: 序号 1 appears twice", dir + "/plans/2024/site.toml:2:1: error: date"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error:\n%v\ndoes not say %s", err, want)
		}
	}
	foldertest.Unchanged(t, "the previous site", before, foldertest.Snapshot(t, out))
}

// A templates folder without a portal's templates still builds a site of
// one plan, and refuses a portal naming the templates it lacks.
func TestPortalNeedsItsTemplates(t *testing.T) {
	tmpl := foldertest.Copy(t, "../../templates")
	matches, _ := filepath.Glob(filepath.Join(tmpl, "portal-*.html"))
	for _, m := range matches {
		os.Remove(m)
	}
	o := Options{Content: dirSource("../../content"), Templates: dirSource(tmpl), Static: dirSource("../../static")}
	if _, err := makeSite(o); err != nil {
		t.Errorf("a site of one plan: %v", err)
	}
	o.Content = dirSource(portalExample)
	_, err := makeSite(o)
	if err == nil || !strings.Contains(err.Error(), tmpl+"/portal-home.html") || !strings.Contains(err.Error(), "a portal's pages need this template") {
		t.Errorf("a portal without its templates: %v", err)
	}
}
