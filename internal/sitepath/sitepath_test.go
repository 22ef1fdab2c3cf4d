package sitepath

import (
	"reflect"
	"strings"
	"testing"

	"plansite/internal/plan"
)

// The addresses are a public contract (README.md, Addresses): each is
// written out here, so that a change to one fails.
func TestAddresses(t *testing.T) {
	task := &plan.Task{Slug: "1-2"}
	for _, tt := range []struct{ got, want string }{
		{Task(task), "tasks/1-2/"},
		{TaskJSON(task), "tasks/1-2/index.json"},
		{Area(&plan.Area{Ordinal: 12}), "areas/12/"},
		{Dept(&plan.Department{Slug: "finance"}), "departments/finance/"},
		{Year(2020), "years/2020/"},
		{Page(Departments, 1), "departments/"},
		{Page("departments/finance/", 3), "departments/finance/page/3/"},
		{Page(Home, 2), "page/2/"},
		{File(Home), "index.html"},
		{File(Task(task)), "tasks/1-2/index.html"},
		{File(NotFound), "404.html"},
		{SentenceAnchor(0), "m1"},
		{PlanRow(task), "task-1-2"},
		{SearchShard(0), "search/0.json"},
		{SearchIndex, "search/index.json"},
		{Sitemap(2), "sitemaps/2.xml"},
		{StatusCSS, "progress/status.css"},
		{ProgressCSV, "data/progress.csv"},
	} {
		if tt.got != tt.want {
			t.Errorf("%q, want %q", tt.got, tt.want)
		}
	}
}

// A Markdown page may not take the first segment of an address the
// generator uses; progress is the generator's only with a progress file,
// which load checks.
func TestReserved(t *testing.T) {
	for _, seg := range []string{"tasks", "areas", "departments", "years", "data", "search", "static", "plan", "feed", "404", "sitemap", "robots"} {
		if !Reserved(seg) {
			t.Errorf("%s is not reserved", seg)
		}
	}
	for _, seg := range []string{"about", "progress", "task", "tasks-2", ""} {
		if Reserved(seg) {
			t.Errorf("%s is reserved", seg)
		}
	}
}

// Templates reach every site-wide address through Paths, each by the name
// of its constant.
func TestPaths(t *testing.T) {
	v := reflect.ValueOf(All)
	for i := range v.NumField() {
		name, got := v.Type().Field(i).Name, v.Field(i).String()
		if name != "Home" && (got == "" || strings.HasPrefix(got, "/")) {
			t.Errorf("Paths.%s is %q", name, got)
		}
	}
	if All.Search != Search || All.Home != Home || All.ProgressCSV != ProgressCSV || All.SitemapXML != SitemapXML {
		t.Errorf("Paths: %+v", All)
	}
}
