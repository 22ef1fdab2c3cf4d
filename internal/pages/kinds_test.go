package pages

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"plansite/internal/foldertest"
	"plansite/internal/labels"
	"plansite/internal/load"
	"plansite/internal/markdown"
	"plansite/internal/sitepath"
	"plansite/internal/synth"
)

// smallSite is a site of a small table: two groups, one of which is not an
// action, three tasks over two years, a Markdown page in the navigation,
// and the words of labelsFile over the defaults.
func smallSite(t *testing.T, labelsFile string) (*Context, []*Page) {
	t.Helper()
	content := fstest.MapFS{
		"site.toml": {Data: []byte("title = \"示例计划\"\nattachment = \"附件\"\nbase_url = \"https://example.org/p/\"\n")},
		"tasks.csv": {Data: []byte("序号,重点任务,主要措施,时间节点,牵头部门,配合部门\n" +
			"1,（一）产业培育行动,建设平台。,2020年,市科技局,市财政局\n" +
			"2,,培育企业。,2021年,市工业和信息化局,\n" +
			"3,（二）保障措施,加强保障。,2021年底前,市财政局,\n")},
		"about.md": {Data: []byte("+++\ntitle = \"关于\"\nweight = 1\n+++\n正文\n")},
	}
	c, _, err := load.Read(content, "content")
	if err != nil {
		t.Fatal(err)
	}
	var file []byte
	if labelsFile != "" {
		file = []byte(labelsFile)
	}
	words, err := labels.Parse("templates/labels.toml", file, labelSpecs())
	if err != nil {
		t.Fatal(err)
	}
	s := &Context{Plan: c.Plan, Config: c.Config, BaseURL: "https://example.org/p/", BasePath: "/p/", Pages: c.Pages, Labels: words}
	list, err := Pages(s, markdown.New())
	if err != nil {
		t.Fatal(err)
	}
	return s, list
}

// Each kind lists its pages, in the order of Kinds, and its entry decides
// where they are listed and shown: the 404 page has no address of its own.
func TestKindsListPages(t *testing.T) {
	s, list := smallSite(t, "")
	var got []string
	for _, p := range list {
		got = append(got, p.Kind.Name+" /"+p.Path+" "+p.Title)
		if want := "https://example.org/p/" + p.Path; p.Path == "404.html" && p.Canonical != "" || p.Path != "404.html" && p.Canonical != want {
			t.Errorf("%s: canonical %q", p.Path, p.Canonical)
		}
		v, err := p.view()
		if err != nil {
			t.Fatal(err)
		}
		if want := map[bool]string{true: "article", false: "website"}[p.Kind.Name == "task" || p.Kind.Name == "page"]; v.OGType != want {
			t.Errorf("%s: og:type %s, want %s", p.Path, v.OGType, want)
		}
	}
	want := []string{"home / 示例计划", "areas /areas/ 全部部分", "area /areas/1/ （一）产业培育行动", "area /areas/2/ （二）保障措施",
		"task /tasks/1/ 任务1：建设平台", "task /tasks/2/ 任务2：培育企业", "task /tasks/3/ 任务3：加强保障",
		"departments /departments/ 责任部门"}
	if len(got) < len(want) || strings.Join(got[:len(want)], "\n") != strings.Join(want, "\n") {
		t.Errorf("pages:\n%s\nwant first:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	last := list[len(list)-1]
	if last.Kind != kindNotFound || last.Path != sitepath.NotFound || !last.rootRelative {
		t.Errorf("the last page is %s /%s", last.Kind.Name, last.Path)
	}
	var nav []string
	for _, l := range s.nav {
		nav = append(nav, l.Label+" /"+l.Target)
	}
	if got, want := strings.Join(nav, ", "), "首页 /, 按部分 /areas/, 按部门 /departments/, 按年度 /years/, 完整分工表 /plan/, 关于 /about/"; got != want {
		t.Errorf("navigation: %s, want %s", got, want)
	}
	for _, p := range list {
		if p.Kind == kindDepartment {
			if len(p.Crumbs) != 2 || p.Crumbs[1] != (Link{Label: "责任部门", Target: sitepath.Departments}) {
				t.Errorf("%s: crumbs %v", p.Path, p.Crumbs)
			}
		}
		if p.Kind == kindTask && p.Task.ID == "3" {
			if len(p.Crumbs) != 3 || p.Crumbs[1] != (Link{Label: "全部部分", Target: "areas/"}) || p.Crumbs[2] != (Link{Label: "（二）保障措施", Target: "areas/2/"}) {
				t.Errorf("%s: crumbs %v", p.Path, p.Crumbs)
			}
		}
	}
	// Not every group is an action: the site calls them parts.
	if s.AreaNoun() != "部分" || s.AreaCounter() != "个" || s.AreaOrdinal(2) != "第二部分" {
		t.Errorf("groups: %s %s %s", s.AreaNoun(), s.AreaCounter(), s.AreaOrdinal(2))
	}
	if want := "《示例计划》附件：3项任务、2个部分、"; !strings.HasPrefix(list[0].Description, want) {
		t.Errorf("home description %q, want it to start %q", list[0].Description, want)
	}
}

// A templates folder's labels change the words of the pages: the
// navigation, titles, descriptions, crumbs and the ColumnName meta tag, a
// kind's nav label putting it in the navigation.
func TestKindsTakeTheirWords(t *testing.T) {
	s, list := smallSite(t, `
[pages.departments]
nav = "Departments"
crumb = "All departments"
[pages.task]
title = "Task {id}: {title}"
column = "Tasks"
[pages.plan]
nav = "The table"
[area_words.parts]
noun = "part"
counter = ""
`)
	var nav []string
	for _, l := range s.nav {
		nav = append(nav, l.Label+" /"+l.Target)
	}
	if got, want := strings.Join(nav, ", "), "首页 /, 按部分 /areas/, Departments /departments/, 按年度 /years/, The table /plan/, 关于 /about/"; got != want {
		t.Errorf("navigation: %s, want %s", got, want)
	}
	for _, p := range list {
		switch {
		case p.Kind == kindTask && p.Task.ID == "1":
			v, err := p.view()
			if err != nil {
				t.Fatal(err)
			}
			if p.Title != "Task 1: 建设平台" || v.Column != "Tasks" || v.OGTitle != p.Title || v.OGType != "article" {
				t.Errorf("task 1: title %q, column %q, og %q %q", p.Title, v.Column, v.OGTitle, v.OGType)
			}
		case p.Kind == kindDepartment:
			if p.Crumbs[1].Label != "All departments" {
				t.Errorf("%s: crumbs %v", p.Path, p.Crumbs)
			}
		case p.Kind == kindHome:
			if !strings.HasPrefix(p.Description, "《示例计划》附件：3项任务、2part、") {
				t.Errorf("home description %q", p.Description)
			}
		}
	}
}

// Every kind has a template in the bundled folder, and the templates ask
// no page which kind it is by name, nor spell an address: they read the
// kind's fields and link with .Site.Paths.
func TestTemplatesOfTheKinds(t *testing.T) {
	tmpl, err := Parse(os.DirFS("../../templates"), "templates")
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, k := range Kinds {
		if names[k.Name] {
			t.Errorf("two kinds are called %s", k.Name)
		}
		names[k.Name] = true
		if tmpl.kinds[k] == nil {
			t.Errorf("no template for %s", k.Name)
		}
	}
	byName := regexp.MustCompile(`\b(eq|ne)\b[^}]*\.Kind\b`)
	address := regexp.MustCompile(`Rel "`)
	files, err := os.ReadDir("../../templates")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile("../../templates/" + f.Name())
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range bytes.Split(b, []byte("\n")) {
			if m := byName.Find(line); m != nil {
				t.Errorf("templates/%s:%d: compares a kind: %s", f.Name(), i+1, m)
			}
			if address.Match(line) {
				t.Errorf("templates/%s:%d: spells an address", f.Name(), i+1)
			}
		}
	}
}

// Rendered, a page's body is classed by its kind, the home page's <title>
// is the site's name, and the search page goes without the header's form.
func TestKindsInTheTemplates(t *testing.T) {
	tmpl, err := Parse(os.DirFS("../../templates"), "templates")
	if err != nil {
		t.Fatal(err)
	}
	s, list := smallSite(t, "")
	s.Assets = map[string]string{"style.css": "static/style.css", "favicon.svg": "static/favicon.svg", "prefs.js": "static/prefs.js",
		"search.js": "static/search.js", "cite.js": "static/cite.js"}
	var b bytes.Buffer
	for _, p := range list {
		if err := tmpl.RenderTo(&b, p); err != nil {
			t.Fatalf("%s: %v", p.Path, err)
		}
		html := b.String()
		if !strings.Contains(html, `<body class="kind-`+p.Kind.Name+`">`) {
			t.Errorf("%s: no body class kind-%s", p.Path, p.Kind.Name)
		}
		title := "<title>" + p.Title + " - 示例计划</title>"
		if p.Kind == kindHome {
			title = "<title>示例计划</title>"
		}
		if !strings.Contains(html, title) {
			t.Errorf("%s: no %s", p.Path, title)
		}
		if got, want := strings.Contains(html, `class="site-search"`), p.Path != "search/"; got != want {
			t.Errorf("%s: the header's search form: %v", p.Path, got)
		}
	}
}

// A kind's set of templates is made by its first page, so a site of one
// plan never copies base.html's templates for a portal's kinds; a
// template that fails, minified, still fails that page.
func TestKindSetsAreMadeByTheirPages(t *testing.T) {
	c, tmpl := loadWithTemplates(t, content(map[string]string{"tasks.csv": otherWordsTable}))
	list, err := Pages(testContext(c, tmpl), markdown.New())
	if err != nil {
		t.Fatal(err)
	}
	shown := map[*Kind]bool{}
	var b bytes.Buffer
	for _, p := range list {
		shown[p.Kind] = true
		if err := tmpl.RenderTo(&b, p); err != nil {
			t.Fatalf("%s: %v", p.Path, err)
		}
	}
	for _, k := range allKinds() {
		if made := tmpl.kinds[k].tmpl != nil; made != shown[k] {
			t.Errorf("%s: set made %v, pages of the kind %v", k.Name, made, shown[k])
		}
	}
	for _, k := range PortalKinds {
		if shown[k] && !slices.Contains(Kinds, k) {
			t.Errorf("a plan's site has a page of the portal's kind %s", k.Name)
		}
	}

	// The same file minified and broken: the kind's page says so.
	c, tmpl = loadWithTemplates(t, content(map[string]string{"tasks.csv": otherWordsTable}))
	for k, ks := range tmpl.kinds {
		if k.Name == "task" {
			ks.file.text, ks.parsed = "{{define \"main\"}}{{.Task.ID}{{end}}", nil
		}
	}
	list, err = Pages(testContext(c, tmpl), markdown.New())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range list {
		err := tmpl.RenderTo(&b, p)
		if p.Kind.Name != "task" {
			if err != nil {
				t.Errorf("%s: %v", p.Path, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), "templates: error: the templates, minified, do not parse: templates/task.html:1:") {
			t.Errorf("%s: the broken template gives %v", p.Path, err)
		}
	}
}

// The sharing and citation tags that base.html writes as fragments, from a Frame, are
// those of each page's own fields, on a site with an address and without.
func TestFrameSharesAsThePage(t *testing.T) {
	s, list := smallSite(t, "")
	for _, base := range []string{"https://example.org/p/", ""} {
		s.BaseURL = base
		for _, p := range list {
			v, err := p.view()
			if err != nil {
				t.Fatal(err)
			}
			f := &Frame{Site: s, Kind: p.Kind, key: frameKey{kind: p.Kind, depth: depthOf(p)}}
			got := []any{f.OGType(), f.OGLocale(), f.OGImage(), f.OGImageAlt(), f.ShareImageWidth(), f.ShareImageHeight(), f.CitationDate()}
			want := []any{v.OGType, v.OGLocale, v.OGImage, v.OGImageAlt, v.ShareImageWidth, v.ShareImageHeight, v.CitationDate}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("base %q, %s: the frame's sharing tags %q, the page's %q", base, p.Path, got, want)
			}
		}
	}
	if s.BaseURL = "https://example.org/p/"; (&Frame{Site: s, Kind: list[0].Kind}).OGImage() == "" {
		t.Error("a site with an address has no share image")
	}
}

// The kinds' files are checked at once; when several do not parse, the
// error is that of the first kind in order, as one after another gave it,
// and a broken base.html is said before any kind's file.
func TestParseSaysTheFirstBrokenKind(t *testing.T) {
	all := allKinds()
	broken := []byte("{{define \"main\"}}\n\n<h1>{{.Title}</h1>{{end}}")
	for _, c := range []struct {
		name  string
		kinds []int // indexes in allKinds of the files broken
		base  bool
		want  string
	}{
		{"one", []int{3}, false, "templates/" + all[3].Name + ".html:3:"},
		{"first and last", []int{0, len(all) - 1}, false, "templates/" + all[0].Name + ".html:3:"},
		{"two in the middle", []int{len(all) - 2, 2}, false, "templates/" + all[2].Name + ".html:3:"},
		{"base too", []int{0, 1}, true, "templates/base.html:1:"},
	} {
		t.Run(c.name, func(t *testing.T) {
			for range 20 { // the check runs on every core: the order must not depend on timing
				fsys := foldertest.Read(t, "../../templates")
				for _, i := range c.kinds {
					fsys[all[i].Name+".html"] = &fstest.MapFile{Data: broken}
				}
				if c.base {
					fsys["base.html"] = &fstest.MapFile{Data: []byte("{{.Nope}")}
				}
				_, err := Parse(fsys, "templates")
				if err == nil || !strings.Contains(err.Error(), c.want) {
					t.Fatalf("error %v, want one at %s", err, c.want)
				}
			}
		})
	}
}

// A large table's task pages, listed on every core a chunk at a time, are
// those listed on one, in the table's order.
func TestTaskPagesListedOnEveryCore(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, 1500, 1); err != nil {
		t.Fatal(err)
	}
	c, _, err := load.Read(os.DirFS(dir), "content")
	if err != nil {
		t.Fatal(err)
	}
	words, err := labels.Parse("templates/labels.toml", nil, labelSpecs())
	if err != nil {
		t.Fatal(err)
	}
	list := func(procs int) []string {
		prev := runtime.GOMAXPROCS(procs)
		defer runtime.GOMAXPROCS(prev)
		s := &Context{Plan: c.Plan, Config: c.Config, BaseURL: "https://example.org/p/", BasePath: "/p/", Labels: words}
		ps, err := Pages(s, markdown.New())
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range ps {
			var crumbs []string
			for _, l := range p.Crumbs {
				crumbs = append(crumbs, l.Label+">"+l.Target)
			}
			task := ""
			if p.Task != nil {
				task = p.Task.ID
			}
			out = append(out, fmt.Sprintf("%s %s %s %q %q %v", p.Kind.Name, p.Path, task, p.Title, p.Description, crumbs))
		}
		return out
	}
	one, all := list(1), list(2)
	tasks := 0
	for _, p := range all {
		if strings.HasPrefix(p, "task ") {
			if task := c.Plan.Tasks[tasks]; !strings.HasPrefix(p, "task "+sitepath.Task(task)+" "+task.ID+" ") {
				t.Fatalf("task page %d is %s; want task %s", tasks, p, task.ID)
			}
			tasks++
		}
	}
	if tasks != len(c.Plan.Tasks) || len(c.Plan.Tasks) < 1500 {
		t.Fatalf("%d task pages of %d tasks", tasks, len(c.Plan.Tasks))
	}
	if !slices.Equal(all, one) {
		for i := range min(len(all), len(one)) {
			if all[i] != one[i] {
				t.Fatalf("page %d listed on every core:\n%s\non one:\n%s", i, all[i], one[i])
			}
		}
		t.Fatalf("%d pages listed on every core, %d on one", len(all), len(one))
	}
}
