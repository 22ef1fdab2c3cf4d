package pages

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// A task's summary leads with what a reader asks first: its status (逾期
// when past its deadline), its deadline in the timeline's words with what
// is due then (建成: a date is not always the work's end) and the date read
// from them, its latest update and its date, then its units.
func TestTaskSummaryLeads(t *testing.T) {
	c := content(map[string]string{
		"tasks.csv": "序号,重点任务,主要措施,时间节点,牵头部门,配合部门\n" +
			"1,（一）甲行动,建设平台。,2023年6月底前完成方案；2024年底前建成,市科技局,市财政局\n" +
			"2,（一）甲行动,培育企业。,长期坚持,市科技局,\n",
		"progress.csv": "序号,日期,状态,进展,来源\n" +
			"1,2024-03-01,推进中,方案已完成。,\n" +
			"1,2025-02-01,滞后,平台尚未建成，正在调试。,\n",
	})
	c["site.toml"].Data = []byte(string(c["site.toml"].Data) + "updated = \"2025-03-01\"\n")
	r := render(t, c)
	var got []string
	for _, div := range all(all(r.page(t, "tasks/1/"), classed("glance"))[0], tag("div")) {
		got = append(got, strings.Join(strings.Fields(text(div)), " "))
	}
	want := []string{"当前状态滞后 逾期", "完成期限2024年底前：建成 （2024-12-31）", "最新进展2025-02-01：平台尚未建成，正在调试。 详情", "牵头部门市科技局", "配合部门市财政局"}
	if len(got) < len(want) || strings.Join(got[:len(want)], "\n") != strings.Join(want, "\n") {
		t.Errorf("task 1's summary:\n%s\nwant it to start\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// No date can be read, no update: the summary says so, and no deadline.
	got = got[:0]
	for _, div := range all(all(r.page(t, "tasks/2/"), classed("glance"))[0], tag("div")) {
		got = append(got, strings.Join(strings.Fields(text(div)), " "))
	}
	if want := "当前状态暂无进展|最新进展暂无进展报告|牵头部门市科技局"; !strings.HasPrefix(strings.Join(got, "|"), want) {
		t.Errorf("task 2's summary %q, want it to start %q", got, want)
	}
	// Every list marks the overdue task.
	for _, path := range []string{"", "areas/1/", "years/2024/", "progress/"} {
		if n := strings.Count(r.pages[path], `class="overdue-tag"`) + strings.Count(r.pages[path], `class=overdue-tag`); n != 1 {
			t.Errorf("/%s marks %d tasks 逾期, want 1", path, n)
		}
	}
}

// The footer links pages a reader can read: no raw XML sitemap, and /data/
// starts with how to reuse and cite the data, its field reference a page
// of its own.
func TestFooterAndDataPage(t *testing.T) {
	r := render(t, content(map[string]string{"tasks.csv": "序号,主要措施,牵头部门\n1,建设平台。,市科技局\n"}))
	for path, page := range r.pages {
		if strings.Contains(page, "sitemap.xml") {
			t.Errorf("/%s links the XML sitemap", path)
		}
	}
	var heads []string
	for _, h := range all(r.page(t, "data/"), tag("h2")) {
		heads = append(heads, text(h))
	}
	if len(heads) == 0 || heads[0] != "使用与引用" || strings.Contains(strings.Join(heads, " "), "的字段") {
		t.Errorf("/data/'s sections %q, want 使用与引用 first and no field reference", heads)
	}
	if !strings.Contains(r.pages["data/fields/"], "<code>tasks[]</code>") {
		t.Error("/data/fields/ does not list plan.json's tasks[]")
	}
}

// The smaller things a reader trips on: the home page has one search box,
// the header's; a department's own lead tasks do not repeat 牵头：<itself>;
// /departments/ says the table's words for its units and roles, and gives
// no row an English name another row lacks.
func TestSmallerThings(t *testing.T) {
	r := render(t, content(map[string]string{"tasks.csv": otherWordsTable}))
	if n := len(all(r.page(t, ""), tag("input"))); n != 1 {
		t.Errorf("the home page has %d search boxes, want the header's", n)
	}
	var dept string
	for path := range r.pages {
		if !strings.HasPrefix(path, "departments/") {
			continue
		}
		if h1 := all(r.page(t, path), tag("h1")); len(h1) == 1 && text(h1[0]) == "区科技局" {
			dept = path
		}
	}
	lead := all(r.page(t, dept), func(n *html.Node) bool { return n.Data == "section" && attr(n, "aria-labelledby") == "lead" })
	if len(lead) != 1 {
		t.Fatalf("/%s has %d lead sections, want 1", dept, len(lead))
	}
	if strings.Contains(text(lead[0]), "牵头：") {
		t.Errorf("/%s's lead tasks name their lead: %q", dept, text(lead[0]))
	}
	depts := r.pages["departments/"]
	for _, want := range []string{"个单位承担任务", "“牵头单位”负责组织推进，“责任单位”协同推进", `<th scope="col">单位</th>`, `>责任</th>`} {
		if !strings.Contains(depts, want) {
			t.Errorf("/departments/ does not say %s", want)
		}
	}
	if strings.Contains(depts, "“配合”") || strings.Contains(depts, `lang="en"`) {
		t.Error("/departments/ says 配合, or gives English names in its list")
	}
}
