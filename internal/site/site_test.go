package site

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/url"
	"os"
	"path"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// csvTable reads content/tasks.csv independently of the loader, so that the
// site's text is compared with the table itself.
func csvTable(t *testing.T) (header []string, rows [][]string) {
	t.Helper()
	data, err := os.ReadFile("../../content/tasks.csv")
	if err != nil {
		t.Fatal(err)
	}
	all, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return all[0], all[1:]
}

func TestDefaultSiteCounts(t *testing.T) {
	r, err := makeSite(repoSources())
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Warnings) != 0 {
		t.Errorf("warnings on the bundled content: %v; want none", r.Warnings)
	}
	p := r.Content.Plan
	_, rows := csvTable(t)
	if len(p.Tasks) != 23 || len(rows) != 23 {
		t.Errorf("tasks: model %d, table %d; want 23", len(p.Tasks), len(rows))
	}
	if len(p.Areas) != 5 {
		t.Errorf("areas = %d, want 5", len(p.Areas))
	}
	if len(p.Departments) != 17 {
		var names []string
		for _, d := range p.Departments {
			names = append(names, d.Name)
		}
		t.Errorf("departments = %d, want 17: %v", len(p.Departments), names)
	}
	if fmt.Sprint(p.Years) != "[2020 2021 2022]" {
		t.Errorf("years = %v, want 2020..2022", p.Years)
	}
	files := filesMap(r.Files)
	want := []string{"index.html", "404.html", "sitemap.xml", "robots.txt", "about/index.html", "departments/index.html", "years/index.html"}
	for i := 1; i <= 23; i++ {
		want = append(want, fmt.Sprintf("tasks/%d/index.html", i))
	}
	for i := 1; i <= 5; i++ {
		want = append(want, fmt.Sprintf("areas/%d/index.html", i))
	}
	for y := 2020; y <= 2022; y++ {
		want = append(want, fmt.Sprintf("years/%d/index.html", y))
	}
	for _, d := range p.Departments {
		want = append(want, "departments/"+d.Slug+"/index.html")
	}
	for _, w := range want {
		if _, ok := files[w]; !ok {
			t.Errorf("missing %s", w)
		}
	}
}

// TestTaskTextIsOfficial checks that every cell of every row reaches its task
// page unchanged, and that the sentences together are the whole measures.
func TestTaskTextIsOfficial(t *testing.T) {
	files := generate(t, repoSources())
	header, rows := csvTable(t)
	for _, row := range rows {
		id := row[0]
		name := "tasks/" + id + "/index.html"
		doc := parseHTML(t, name, files[name])
		var sentences []string
		for _, ol := range find(doc, func(n *html.Node) bool { return n.Data == "ol" && hasClass(n, "sentences") }) {
			for _, li := range find(ol, el("li")) {
				sentences = append(sentences, text(li))
				if want := fmt.Sprintf("m%d", len(sentences)); mustAttr(li, "id") != want {
					t.Errorf("%s: sentence %d has id %q, want %q", name, len(sentences), mustAttr(li, "id"), want)
				}
			}
		}
		measures := row[indexOf(header, "主要措施")]
		if got := strings.Join(sentences, ""); got != measures {
			t.Errorf("%s: sentences joined differ from 主要措施:\n got %q\nwant %q", name, got, measures)
		}
		if len(sentences) < 2 && strings.Count(measures, "。") > 1 {
			t.Errorf("%s: measures not split into sentences", name)
		}
		orig := find(doc, func(n *html.Node) bool { return n.Data == "section" && hasClass(n, "original") })
		if len(orig) != 1 {
			t.Fatalf("%s: no 原表记载 section", name)
		}
		cells := map[string]string{}
		for _, div := range find(orig[0], el("div")) {
			dt, dd := find(div, el("dt")), find(div, el("dd"))
			if len(dt) == 1 && len(dd) == 1 {
				cells[fullText(dt[0])] = fullText(dd[0])
			}
		}
		for i, h := range header {
			if got, ok := cells[h]; !ok || got != row[i] {
				t.Errorf("%s: 原表记载 %s = %q, want exactly %q", name, h, got, row[i])
			}
		}
	}
}

func mustAttr(n *html.Node, k string) string { v, _ := attr(n, k); return v }

func indexOf(xs []string, x string) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

// taskLinks returns the task numbers a section of a page links to.
func taskLinks(n *html.Node) []string {
	var ids []string
	for _, a := range find(n, el("a")) {
		href := mustAttr(a, "href")
		if i := strings.Index(href, "tasks/"); i >= 0 {
			ids = append(ids, strings.Trim(href[i+len("tasks/"):], "/"))
		}
	}
	return ids
}

func TestDepartmentSplit(t *testing.T) {
	files := generate(t, repoSources())
	doc := parseHTML(t, "industry-it", files["departments/industry-it/index.html"])
	section := func(id string) string {
		for _, s := range find(doc, el("section")) {
			if mustAttr(s, "aria-labelledby") == id {
				return strings.Join(taskLinks(s), " ")
			}
		}
		return "(no section)"
	}
	if got, want := section("lead"), "3 4 5 6 7 11 13 14 15 18"; got != want {
		t.Errorf("市工业和信息化局 leads %s, want %s", got, want)
	}
	if got, want := section("coop"), "1 2 9 10 22 23"; got != want {
		t.Errorf("市工业和信息化局 cooperates on %s, want %s", got, want)
	}
	// The typo 市规划和自然局 of task 7 is the same department as in task 18.
	doc = parseHTML(t, "planning", files["departments/planning-natural-resources/index.html"])
	if got := strings.Join(taskLinks(doc), " "); !strings.Contains(got, "18") || !strings.Contains(got, "7") {
		t.Errorf("市规划和自然资源局 links %q, want tasks 18 and 7", got)
	}
}

func TestYearPlacement(t *testing.T) {
	files := generate(t, repoSources())
	yearTasks := map[int]map[string]string{}
	for y := 2020; y <= 2022; y++ {
		name := fmt.Sprintf("years/%d/index.html", y)
		doc := parseHTML(t, name, files[name])
		yearTasks[y] = map[string]string{}
		for _, ol := range find(doc, func(n *html.Node) bool { return n.Data == "ol" && hasClass(n, "year-tasks") }) {
			for _, li := range find(ol, el("li")) {
				ids := taskLinks(li)
				if len(ids) == 0 {
					continue
				}
				var ms []string
				for _, p := range find(li, func(n *html.Node) bool { return hasClass(n, "milestone") }) {
					ms = append(ms, fullText(p))
				}
				yearTasks[y][ids[0]] = strings.Join(ms, "|")
			}
		}
	}
	if _, ok := yearTasks[2022]["1"]; !ok {
		t.Error("task 1 (2022年持续推进) is missing from 2022")
	}
	for _, y := range []int{2020, 2021} {
		if _, ok := yearTasks[y]["1"]; ok {
			t.Errorf("task 1 is on %d; it is active only in 2022", y)
		}
	}
	if got := yearTasks[2020]["2"]; !strings.Contains(got, "申报创建国家级人工智能创新试验区，人工智能与数字经济广东省实验室挂牌成立") {
		t.Errorf("2020 milestone of task 2 = %q", got)
	}
	if got := yearTasks[2021]["2"]; !strings.Contains(got, "持续推进") || strings.Contains(got, "申报") {
		t.Errorf("2021 milestone of task 2 = %q, want 持续推进 only", got)
	}
}

// TestLinks walks every page and checks that each internal link, anchor and
// asset resolves to a file of the site, and that nothing is loaded from
// another host.
func TestLinks(t *testing.T) {
	files := generate(t, repoSources())
	ids := map[string]map[string]bool{}
	docs := map[string]*html.Node{}
	var pages []string
	for name, data := range files {
		if path.Ext(name) != ".html" {
			continue
		}
		pages = append(pages, name)
		doc := parseHTML(t, name, data)
		docs[name] = doc
		ids[name] = map[string]bool{}
		walk(doc, func(n *html.Node) {
			if id, ok := attr(n, "id"); ok {
				if ids[name][id] {
					t.Errorf("%s: duplicate id %q", name, id)
				}
				ids[name][id] = true
			}
		})
	}
	sort.Strings(pages)
	checked := 0
	for _, name := range pages {
		if name == "404.html" {
			continue // served at any address; its links are checked from the base path below
		}
		base := &url.URL{Path: "/" + name}
		walk(docs[name], func(n *html.Node) {
			for _, key := range []string{"href", "src"} {
				ref, ok := attr(n, key)
				if !ok {
					continue
				}
				u, err := url.Parse(ref)
				if err != nil {
					t.Errorf("%s: bad URL %q", name, ref)
					continue
				}
				if u.Scheme != "" || u.Host != "" {
					if n.Data != "a" && !(n.Data == "link" && mustAttr(n, "rel") == "canonical") {
						t.Errorf("%s: <%s %s=%q> loads from another host", name, n.Data, key, ref)
					}
					continue
				}
				if strings.HasPrefix(ref, "/") {
					t.Errorf("%s: %q is root-relative; links must be relative to work under a sub-path", name, ref)
					continue
				}
				target := base.ResolveReference(u)
				file := strings.TrimPrefix(target.Path, "/")
				if file == "" || strings.HasSuffix(file, "/") {
					file += "index.html"
				}
				if _, ok := files[file]; !ok {
					t.Errorf("%s: link %q points to missing %s", name, ref, file)
					continue
				}
				if u.Fragment != "" && path.Ext(file) == ".html" && !ids[file][u.Fragment] {
					t.Errorf("%s: link %q: no id %q in %s", name, ref, u.Fragment, file)
				}
				checked++
			}
		})
	}
	if checked < 500 {
		t.Errorf("only %d links checked; the walk is broken", checked)
	}
	// 404.html links from the site's base path, since it is served anywhere.
	walk(docs["404.html"], func(n *html.Node) {
		if ref, ok := attr(n, "href"); ok && strings.HasPrefix(ref, "/") {
			file := strings.TrimPrefix(strings.SplitN(ref, "?", 2)[0], "/")
			if file == "" || strings.HasSuffix(file, "/") {
				file += "index.html"
			}
			if _, ok := files[file]; !ok {
				t.Errorf("404.html: link %q points to missing %s", ref, file)
			}
		}
	})
}

func TestDeterministic(t *testing.T) {
	o := repoSources()
	o.Workers = 1
	a := generate(t, o)
	o.Workers = 4
	b := generate(t, o)
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between builds", name)
		}
	}
}

func TestSubPathBase(t *testing.T) {
	o := repoSources()
	o.BaseURL = "https://www.example.gov.cn/zt/ai"
	files := generate(t, o)
	if !bytes.Contains(files["tasks/7/index.html"], []byte(`href="https://www.example.gov.cn/zt/ai/tasks/7/"`)) {
		t.Error("canonical link of task 7 does not use the base URL")
	}
	if !bytes.Contains(files["sitemap.xml"], []byte("<loc>https://www.example.gov.cn/zt/ai/departments/</loc>")) {
		t.Error("sitemap does not use the base URL")
	}
	if !bytes.Contains(files["404.html"], []byte(`href="/zt/ai/departments/"`)) {
		t.Error("404 page links are not rooted at the base path")
	}
}
