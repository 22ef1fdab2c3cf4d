package pages

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"plansite/internal/plan"
)

// crumbs are a page's breadcrumbs: each one's text, and its link, "" for
// one shown as text.
func crumbs(t *testing.T, doc *html.Node) []string {
	t.Helper()
	navs := all(doc, classed("crumbs"))
	if len(navs) != 1 {
		t.Fatalf("%d breadcrumb trails", len(navs))
	}
	var out []string
	for _, li := range all(navs[0], tag("li")) {
		link := ""
		if as := all(li, tag("a")); len(as) > 0 {
			link = attr(as[0], "href")
		}
		out = append(out, text(li)+" "+link)
	}
	return out
}

// Heading rows at every level are shown where the groups are: the home
// page lists each group under the headings it stands under, once for the
// groups that follow one another, at one heading level more; a group's
// page names them above its title; a task's breadcrumbs and summary name
// them. They have no page of their own, so they are text, not links.
func TestGroupsUnderTheirHeadings(t *testing.T) {
	tables := map[string]string{
		"an area column": "序号,重点任务,主要措施,时间节点,牵头部门\n" +
			"一、加快产业转型,,,,\n" +
			"1,（一）基础创新,甲。,2020年,市科技局\n" +
			"2,（二）产业培育,乙。,2020年,市科技局\n" +
			"二、优化环境,,,,\n" +
			"3,（三）营商环境,丙。,2020年,市科技局\n",
		"heading rows alone": "序号,工作任务,完成时限,牵头单位\n" +
			",一、加快产业转型,,\n" +
			",（一）基础创新,,\n" +
			"1,甲。,2020年,市科技局\n" +
			",（二）产业培育,,\n" +
			"2,乙。,2020年,市科技局\n" +
			",二、优化环境,,\n" +
			"3,丙。,2020年,市科技局\n",
	}
	for name, table := range tables {
		t.Run(name, func(t *testing.T) {
			r := render(t, content(map[string]string{"tasks.csv": table}))
			home := r.page(t, "")
			var outline []string
			for _, sec := range all(home, func(n *html.Node) bool { return n.Data == "section" && attr(n, "aria-labelledby") == "areas" }) {
				for _, h := range all(sec, func(n *html.Node) bool { return slices.Contains([]string{"h3", "h4", "h5", "h6"}, n.Data) }) {
					linked := len(all(h, tag("a"))) > 0
					outline = append(outline, fmt.Sprintf("%s %s %v", h.Data, strings.Fields(text(h))[0], linked))
				}
			}
			want := []string{"h3 一、加快产业转型 false", "h4 （一）基础创新 true", "h4 （二）产业培育 true", "h3 二、优化环境 false", "h4 （三）营商环境 true"}
			if name == "heading rows alone" {
				// 二、优化环境 heads task 3 itself: it is the group.
				want = append(want[:3], "h3 二、优化环境 true")
			}
			if !slices.Equal(outline, want) {
				t.Errorf("home page's groups:\n%s\nwant\n%s", strings.Join(outline, "\n"), strings.Join(want, "\n"))
			}

			area := r.page(t, "areas/2/")
			if got, want := crumbs(t, area), []string{"首页 ../../", "全部部分 ../../areas/", "一、加快产业转型 ", "（二）产业培育 "}; !slices.Equal(got, want) {
				t.Errorf("area 2's breadcrumbs %q, want %q", got, want)
			}
			head := all(area, classed("page-head"))[0]
			if got := text(head); !strings.Contains(got, "一、加快产业转型（二）产业培育") {
				t.Errorf("area 2's title and the heading above it: %q", got)
			}

			task := r.page(t, "tasks/2/")
			if got, want := crumbs(t, task), []string{"首页 ../../", "全部部分 ../../areas/", "一、加快产业转型 ", "（二）产业培育 ../../areas/2/", "任务2：乙 "}; !slices.Equal(got, want) {
				t.Errorf("task 2's breadcrumbs %q, want %q", got, want)
			}
			var summary string
			for _, div := range all(all(task, classed("glance"))[0], tag("div")) {
				if strings.HasPrefix(text(div), "所属") {
					summary = text(div)
				}
			}
			if !strings.Contains(summary, "一、加快产业转型 › （二）产业培育") {
				t.Errorf("task 2's summary names its group as %q", summary)
			}
			// /plan/: a heading per group, over its own table, under
			// the headings it stands under, and a list that jumps to
			// each; /areas/ lists every group.
			pl := r.page(t, "plan/")
			var heads, jump []string
			for _, g := range all(pl, classed("plan-group")) {
				h := all(g, tag("h2"))[0]
				heads = append(heads, attr(h, "id")+" "+text(h))
				if ps := all(g, classed("group-parents")); len(ps) > 0 {
					heads = append(heads, "under "+text(ps[0]))
				}
			}
			for _, a := range all(all(pl, classed("jump"))[0], tag("a")) {
				jump = append(jump, attr(a, "href")+" "+text(a))
			}
			if want := []string{"area-1 （一）基础创新 1项任务", "under 一、加快产业转型", "area-2 （二）产业培育 1项任务", "under 一、加快产业转型"}; name == "an area column" && !slices.Equal(heads[:4], want) {
				t.Errorf("/plan/'s group headings %q, want first %q", heads, want)
			}
			if len(heads) < 5 || !strings.HasPrefix(heads[len(heads)-1], "under 二、优化环境") && !strings.HasPrefix(heads[len(heads)-1], "area-3 二、优化环境") {
				t.Errorf("/plan/'s group headings %q", heads)
			}
			for _, row := range rows(t, pl, "plan-table") {
				if strings.Contains(row, "、") && !strings.Contains(row, "|") {
					t.Errorf("/plan/ keeps the heading row %q in a table under its heading", row)
				}
			}
			if len(jump) != 3 || jump[0] != "#area-1 （一）基础创新" {
				t.Errorf("/plan/'s jump list %q", jump)
			}
			if got := len(all(r.page(t, "areas/"), classed("area-entry"))); got != 3 {
				t.Errorf("/areas/ lists %d groups, want 3", got)
			}

			last := r.page(t, "tasks/3/")
			want = []string{"首页 ../../", "一、加快产业转型 "}
			if got := crumbs(t, last); slices.Contains(got, want[1]) {
				t.Errorf("task 3's breadcrumbs %q name the heading of the groups before", got)
			}
		})
	}
}

// A group's parents are each one heading in the outline, deeper ones a
// level down, the levels stopping at h6.
func TestOutline(t *testing.T) {
	s := &Context{Plan: planOf(t, [][]string{
		{"一、甲", "（一）乙", "1.丙", "——丁"}, {"一、甲", "（一）乙", "1.丙", "——丁"}, {"一、甲", "（二）戊"}, {}, {"二、己"},
	})}
	var got []string
	for _, e := range s.Outline() {
		if e.Area != nil {
			got = append(got, fmt.Sprintf("%d %s", e.Level, e.Area.Label))
		} else {
			got = append(got, fmt.Sprintf("%d %s", e.Level, e.Heading))
		}
	}
	want := []string{"3 一、甲", "4 （一）乙", "5 1.丙", "6 ——丁", "6 group 1", "6 group 2", "4 （二）戊", "5 group 3",
		"3 group 4", "3 二、己", "4 group 5"}
	if !slices.Equal(got, want) {
		t.Errorf("outline\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// planOf is a plan of one group for each list of parents, labelled group
// 1, group 2 ….
func planOf(t *testing.T, parents [][]string) *plan.Plan {
	t.Helper()
	p := &plan.Plan{}
	for i, ps := range parents {
		p.Areas = append(p.Areas, &plan.Area{Ordinal: i + 1, Label: fmt.Sprintf("group %d", i+1), Parents: ps})
	}
	return p
}

// Groups the table lists without tasks (a department's extract of a
// larger table keeps the other parts' headings) are groups of their own,
// numbered in the table's order: /plan/ shows each under its heading, in
// its place, not as rows of the next group's table, and its page says the
// table lists no task in it.
func TestEmptyGroupsKeepTheirPlace(t *testing.T) {
	r := render(t, content(map[string]string{"tasks.csv": "序号,重点工作任务,主要责任单位,协同配合单位\n" +
		"一、主要预期目标,,,\n" +
		"3,固定资产投资增长。,区发改委,区工信局\n" +
		"二、扩投资,,,\n" +
		"三、延链条,,,\n" +
		"六、惠民生,,,\n" +
		"68,推进学前教育。,区教育局,区财政局\n"}))
	plan := r.page(t, "plan/")
	var got []string
	for _, sec := range all(plan, classed("plan-group")) {
		h := all(sec, tag("h2"))[0]
		entry := attr(h, "id") + " " + strings.Fields(text(h))[0] + ":"
		for _, tr := range all(sec, tag("tr")) {
			entry += " " + text(all(tr, func(n *html.Node) bool { return n.Data == "th" || n.Data == "td" })[0])
		}
		if len(all(sec, tag("table"))) == 0 {
			entry += " " + text(all(sec, classed("plan-empty"))[0])
		}
		got = append(got, entry)
	}
	want := []string{"area-1 一、主要预期目标: 序号 3", "area-2 二、扩投资: 原表在此部分下未列任务。", "area-3 三、延链条: 原表在此部分下未列任务。", "area-4 六、惠民生: 序号 68"}
	if !slices.Equal(got, want) {
		t.Errorf("/plan/'s groups:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	area := r.page(t, "areas/3/")
	if got := text(all(area, tag("main"))[0]); !strings.Contains(got, "三、延链条") || !strings.Contains(got, "0项任务") || !strings.Contains(got, "原表在此部分下未列任务。") {
		t.Errorf("the empty group's page says %q", got)
	}
	if got := text(all(r.page(t, "areas/4/"), tag("h1"))[0]); got != "六、惠民生" {
		t.Errorf("areas/4/ is %q, want 六、惠民生", got)
	}
	// The search's filter offers only the groups a search can find tasks in.
	var options []string
	for _, sel := range all(r.page(t, "search/"), func(n *html.Node) bool { return n.Data == "select" && attr(n, "name") == "area" }) {
		for _, o := range all(sel, tag("option")) {
			options = append(options, attr(o, "value"))
		}
	}
	if want := []string{"", "1", "4"}; !slices.Equal(options, want) {
		t.Errorf("the search's groups %q, want %q", options, want)
	}
}
