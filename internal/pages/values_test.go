package pages

import (
	"bytes"
	"html/template"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"plansite/internal/foldertest"
	"plansite/internal/load"
	"plansite/internal/markdown"
)

// renderWith renders every page of content with tmpl, for a site at
// basePath: its HTML by the page's path.
func renderWith(t *testing.T, tmpl *Templates, content fstest.MapFS, basePath string) map[string]string {
	t.Helper()
	c, _, err := load.Read(content, "content")
	if err != nil {
		t.Fatal(err)
	}
	s := &Context{Plan: c.Plan, Config: c.Config, BaseURL: "https://example.org" + basePath, BasePath: basePath, Pages: c.Pages,
		Progress: c.Progress, Labels: tmpl.Labels, Assets: map[string]string{"style.css": "static/style.css",
			"favicon.svg": "static/favicon.svg", "prefs.js": "static/prefs.js", "search.js": "static/search.js", "cite.js": "static/cite.js"}}
	list, err := Pages(s, markdown.New())
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]string{}
	var b bytes.Buffer
	for _, p := range list {
		if err := tmpl.RenderTo(&b, p); err != nil {
			t.Fatalf("%s: %v", p.Path, err)
		}
		pages[p.Path] = b.String()
	}
	return pages
}

func parseBundled(t *testing.T) *Templates {
	t.Helper()
	tmpl, err := Parse(os.DirFS("../../templates"), "templates")
	if err != nil {
		t.Fatal(err)
	}
	return tmpl
}

// TestFragmentsAreEachSitesOwn: fragments, items and values are made once
// and reused on every page that shows the same. Two sites that differ in a
// department's name, the issuer, the date and the base path, made one
// after the other with one set of templates, must each show their own on
// every page, byte for byte as each made alone.
func TestFragmentsAreEachSitesOwn(t *testing.T) {
	a := foldertest.Read(t, "../../content")
	b := foldertest.Read(t, "../../content")
	const oldName, newName = "市工业和信息化局", "市经济和信息化委员会"
	for _, f := range b {
		text := strings.ReplaceAll(string(f.Data), oldName, newName)
		f.Data = []byte(strings.ReplaceAll(text, "2020-02-27", "2021-03-01"))
	}
	aloneA := renderWith(t, parseBundled(t), a, "/p/")
	aloneB := renderWith(t, parseBundled(t), b, "/other/")
	shared := parseBundled(t)
	sharedA := renderWith(t, shared, a, "/p/")
	sharedB := renderWith(t, shared, b, "/other/")
	sharedA2 := renderWith(t, shared, a, "/p/")
	differ := 0
	for path, want := range aloneB {
		if sharedB[path] != want {
			t.Errorf("%s of the second site differs when made after the first with the same templates", path)
		}
		if aloneA[path] != want {
			differ++
		}
	}
	for path, want := range aloneA {
		if sharedA[path] != want || sharedA2[path] != want {
			t.Errorf("%s of the first site differs when made with templates that made another site", path)
		}
	}
	// The two sites do differ, on every page (the date is in the footer),
	// and the renamed department shows under its new name.
	if differ != len(aloneB) {
		t.Errorf("%d of %d pages differ between the sites; want all", differ, len(aloneB))
	}
	for path, page := range sharedB {
		if strings.Contains(page, ">"+oldName+"<") {
			t.Errorf("%s of the second site shows the first site's department name %s", path, oldName)
		}
	}
	if !strings.Contains(sharedB["tasks/1/"], ">"+newName+"<") && !strings.Contains(sharedB["departments/"], ">"+newName+"<") {
		t.Errorf("the second site never shows the department's new name %s", newName)
	}
}

// TestValueKeys: a value is made once per site, template, value and folder
// depth, and shows nothing of the page that first asked for it.
func TestValueKeys(t *testing.T) {
	set := template.Must(template.New("set").Funcs(funcs).Parse(
		`{{define "link"}}<a href="{{.Page.Rel "years/"}}{{.V}}/">{{.V}}</a>{{end}}` +
			`{{define "other"}}[{{.V}}]{{end}}` +
			`{{define "title"}}{{.Page.Title}}{{end}}`))
	vs := &values{set: newNamedSets(set, funcs), cache: map[valueKey]template.HTML{}}
	siteA, siteB := &Context{BasePath: "/a/"}, &Context{BasePath: "/b/"}
	cases := []struct {
		name string
		page *Page
		v    any
		want template.HTML
	}{
		{"link", &Page{Site: siteA, Path: "tasks/1/", Title: "一"}, 2024, `<a href="../../years/2024/">2024</a>`},
		{"link", &Page{Site: siteA, Path: "tasks/2/", Title: "二"}, 2024, `<a href="../../years/2024/">2024</a>`},
		{"link", &Page{Site: siteA, Path: "", Title: "首页"}, 2024, `<a href="years/2024/">2024</a>`},
		{"link", &Page{Site: siteA, Path: "tasks/1/"}, 2025, `<a href="../../years/2025/">2025</a>`},
		{"link", &Page{Site: siteA, Path: "404.html", rootRelative: true}, 2024, `<a href="/a/years/2024/">2024</a>`},
		{"link", &Page{Site: siteB, Path: "404.html", rootRelative: true}, 2024, `<a href="/b/years/2024/">2024</a>`},
		{"other", &Page{Site: siteB, Path: "404.html", rootRelative: true}, 2024, `[2024]`},
		{"other", &Page{Site: siteB, Path: "404.html", rootRelative: true}, "2024", `[2024]`},
		{"link", &Page{Site: siteA, Path: "tasks/1/"}, "<b>", `<a href="../../years/%3cb%3e/">&lt;b&gt;</a>`},
	}
	for _, tc := range cases {
		got, err := vs.render(tc.name, tc.page, tc.v)
		if err != nil {
			t.Fatalf("%s %v on %s: %v", tc.name, tc.v, tc.page.Path, err)
		}
		if got != tc.want {
			t.Errorf("%s %v on %s of %s: %s, want %s", tc.name, tc.v, tc.page.Path, tc.page.Site.BasePath, got, tc.want)
		}
	}
	if _, err := vs.render("title", &Page{Site: siteA, Path: "tasks/1/", Title: "一"}, 1); err == nil || !strings.Contains(err.Error(), "Title") {
		t.Errorf("a value asking for the page's title: %v, want an error naming Title", err)
	}
	if _, err := vs.render("other", &Page{Site: siteA}, []int{1}); err == nil {
		t.Error("a value that cannot be a key was taken")
	}
}
