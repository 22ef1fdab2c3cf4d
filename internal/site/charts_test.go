package site

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	chartpkg "plansite/internal/chart"
	"plansite/internal/plan"
	"plansite/internal/synth"
)

// The charts as published: each page has the charts it should, each named
// and described for screen readers and followed by its data table, and the
// table says what the plan says. That a drawing shows its data is
// internal/chart's tests' to check; here each drawing has a row for each
// row of its table.

// chart finds the <svg> whose accessible name is the element id+"-t", checks
// its text alternative and returns it with the data table that follows it.
func chart(t *testing.T, page string, doc *html.Node, id string) (svg, table *html.Node) {
	t.Helper()
	for _, s := range find(doc, el("svg")) {
		if mustAttr(s, "aria-labelledby") == id+"-t "+id+"-d" {
			svg = s
		}
	}
	if svg == nil {
		t.Fatalf("%s: no chart %s", page, id)
	}
	if mustAttr(svg, "role") != "img" {
		t.Errorf("%s: chart %s has role %q, want img", page, id, mustAttr(svg, "role"))
	}
	for _, part := range []string{"title", "desc"} {
		var found *html.Node
		for c := svg.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.Data == part {
				found = c
			}
		}
		if found == nil || mustAttr(found, "id") != id+"-"+part[:1] || strings.TrimSpace(fullText(found)) == "" {
			t.Errorf("%s: chart %s has no <%s id=%s-%s> with text", page, id, part, id, part[:1])
		}
	}
	// The table is the next one in the document after the chart.
	after := false
	walk(doc, func(n *html.Node) {
		if n == svg {
			after = true
		}
		if after && table == nil && n.Data == "table" {
			table = n
		}
	})
	if table == nil {
		t.Fatalf("%s: chart %s has no data table after it", page, id)
	}
	return svg, table
}

func classed(n *html.Node, class string) []*html.Node {
	return find(n, func(e *html.Node) bool { return hasClass(e, class) })
}

func bodyRows(table *html.Node) []*html.Node {
	var rows []*html.Node
	for _, tb := range find(table, el("tbody")) {
		rows = append(rows, find(tb, el("tr"))...)
	}
	return rows
}

// drawnRows checks that a chart draws a row for each row of its table.
func drawnRows(t *testing.T, page, id string, svg *html.Node, rows int) {
	t.Helper()
	if n := len(classed(svg, "row")); n != rows {
		t.Errorf("%s: chart %s draws %d rows, its table has %d", page, id, n, rows)
	}
}

type span struct{ From, To int }

var taskNo = regexp.MustCompile(`任务(\S+?)(?:\s|$)`)
var yearSpan = regexp.MustCompile(`^(\d{4})(?:–(\d{4}))?年`)

func planSpans(task *plan.Task) []span {
	var out []span
	for _, m := range task.Milestones {
		if m.Dated() {
			out = append(out, span{m.From, m.To})
		}
	}
	return out
}

func TestTimelineChart(t *testing.T) {
	r, err := makeSite(repoSources())
	if err != nil {
		t.Fatal(err)
	}
	files := filesMap(r.Files)
	doc := parseHTML(t, "years", files["years/index.html"])
	svg, table := chart(t, "years/index.html", doc, "timeline-chart")
	rows := bodyRows(table)
	tasks := r.Content.Plan.Tasks
	if len(rows) != len(tasks) {
		t.Fatalf("timeline: %d rows in the table; want %d tasks", len(rows), len(tasks))
	}
	drawnRows(t, "years/index.html", "timeline-chart", svg, len(rows))
	for i, tr := range rows {
		th := find(tr, el("th"))[0]
		m := taskNo.FindStringSubmatch(fullText(th))
		if m == nil || m[1] != tasks[i].ID {
			t.Errorf("row %d: table %q, plan task %s", i, fullText(th), tasks[i].ID)
			continue
		}
		var tableSpans []span
		for _, w := range classed(tr, "when") {
			sm := yearSpan.FindStringSubmatch(fullText(w))
			if sm == nil {
				t.Fatalf("row %d: cannot read years %q", i, fullText(w))
			}
			s := span{atoi(sm[1]), atoi(sm[1])}
			if sm[2] != "" {
				s.To = atoi(sm[2])
			}
			tableSpans = append(tableSpans, s)
		}
		if fmt.Sprint(tableSpans) != fmt.Sprint(planSpans(tasks[i])) {
			t.Errorf("task %s: table %v, plan %v", tasks[i].ID, tableSpans, planSpans(tasks[i]))
		}
	}
	// Each task page has its own small timeline with its table.
	for _, task := range tasks {
		name := "tasks/" + task.Slug + "/index.html"
		doc := parseHTML(t, name, files[name])
		svg, table := chart(t, name, doc, "task-timeline")
		drawnRows(t, name, "task-timeline", svg, 1)
		var tableSpans []span
		for _, tr := range bodyRows(table) {
			var years []int
			cells := find(tr, el("td"))
			for _, a := range find(cells[len(cells)-1], el("a")) {
				years = append(years, atoi(fullText(a)))
			}
			if len(years) == 0 {
				t.Fatalf("%s: timeline row without years", name)
			}
			tableSpans = append(tableSpans, span{years[0], years[len(years)-1]})
		}
		if fmt.Sprint(tableSpans) != fmt.Sprint(planSpans(task)) {
			t.Errorf("%s: table %v, plan %v", name, tableSpans, planSpans(task))
		}
	}
}

func atoi(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return -1
	}
	return n
}

func TestDepartmentCharts(t *testing.T) {
	r, err := makeSite(repoSources())
	if err != nil {
		t.Fatal(err)
	}
	p := r.Content.Plan
	const page = "departments/index.html"
	doc := parseHTML(t, "departments", filesMap(r.Files)[page])
	byName := map[string]*plan.Department{}
	for _, d := range p.Departments {
		byName[d.Name] = d
	}

	t.Run("matrix", func(t *testing.T) {
		svg, table := chart(t, page, doc, "matrix-chart")
		ths := find(find(table, el("thead"))[0], el("th"))[1:]
		if len(ths) != len(p.Areas) {
			t.Fatalf("%d area columns in the table, %d areas", len(ths), len(p.Areas))
		}
		for i, a := range p.Areas {
			if fullText(ths[i]) != a.Label {
				t.Errorf("column %d: table %q, plan %q", i, fullText(ths[i]), a.Label)
			}
		}
		rows := bodyRows(table)
		if len(rows) != len(p.Departments) {
			t.Fatalf("%d departments in the table, %d in the plan", len(rows), len(p.Departments))
		}
		drawnRows(t, page, "matrix-chart", svg, len(rows))
		type cell struct{ Lead, Coop int }
		cellRe := regexp.MustCompile(`^(?:牵头(\d+))?\s*(?:配合(\d+))?$`)
		for _, tr := range rows {
			name := fullText(find(tr, el("th"))[0])
			d := byName[name]
			if d == nil {
				t.Fatalf("table row %q is no department of the plan", name)
			}
			tds := find(tr, el("td"))
			tabled := make([]cell, len(tds))
			for j, td := range tds {
				s := strings.TrimSpace(fullText(td))
				if s == "—" {
					continue
				}
				m := cellRe.FindStringSubmatch(s)
				if m == nil {
					t.Fatalf("%s: cannot read cell %q", name, s)
				}
				tabled[j] = cell{atoi("0" + m[1]), atoi("0" + m[2])}
			}
			want := make([]cell, len(p.Areas))
			for _, task := range d.Lead {
				want[task.Area.Ordinal-1].Lead++
			}
			for _, task := range d.Coop {
				want[task.Area.Ordinal-1].Coop++
			}
			if fmt.Sprint(tabled) != fmt.Sprint(want) {
				t.Errorf("%s: table %v, plan %v", name, tabled, want)
			}
		}
	})

	t.Run("bars", func(t *testing.T) {
		svg, table := chart(t, page, doc, "dept-chart")
		rows := bodyRows(table)
		if len(rows) != len(p.Departments) {
			t.Fatalf("%d table rows, %d departments", len(rows), len(p.Departments))
		}
		drawnRows(t, page, "dept-chart", svg, len(rows))
		last := len(p.Tasks) * 2
		for i, tr := range rows {
			name := fullText(find(tr, el("th"))[0])
			d := byName[name]
			if d == nil {
				t.Fatalf("row %d, %q, is no department of the plan", i, name)
			}
			var tabled []int
			for _, td := range find(tr, el("td")) {
				tabled = append(tabled, atoi(fullText(td)))
			}
			if want := []int{len(d.Lead), len(d.Coop), d.Tasks()}; fmt.Sprint(tabled) != fmt.Sprint(want) {
				t.Errorf("row %d %s: table %v, plan %v", i, name, tabled, want)
			}
			if d.Tasks() > last {
				t.Errorf("%s: the rows are not sorted by total", name)
			}
			last = d.Tasks()
		}
	})
}

// TestYearBarsForLargeTables: above chartpkg.GanttMax tasks /years/ draws
// tasks per year instead of one row per task.
func TestYearBarsForLargeTables(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, chartpkg.GanttMax+30, 1); err != nil {
		t.Fatal(err)
	}
	o := repoSources()
	o.Content.FS = os.DirFS(dir)
	r, err := makeSite(o)
	if err != nil {
		t.Fatal(err)
	}
	const page = "years/index.html"
	doc := parseHTML(t, "years", filesMap(r.Files)[page])
	for _, s := range find(doc, el("svg")) {
		if strings.HasPrefix(mustAttr(s, "aria-labelledby"), "timeline-chart") {
			t.Error("a timeline of every task is drawn for a large table")
		}
	}
	svg, table := chart(t, page, doc, "year-chart")
	p := r.Content.Plan
	rows := bodyRows(table)
	if len(rows) != len(p.Years) {
		t.Fatalf("%d table rows, %d years", len(rows), len(p.Years))
	}
	drawnRows(t, page, "year-chart", svg, len(rows))
	for i, y := range p.Years {
		want := 0
		for _, task := range p.Tasks {
			if task.ActiveIn(y) {
				want++
			}
		}
		label, tabled := fullText(find(rows[i], el("th"))[0]), atoi(fullText(find(rows[i], el("td"))[0]))
		if label != fmt.Sprintf("%d年", y) || tabled != want {
			t.Errorf("%d: table %q %d, plan %d", y, label, tabled, want)
		}
	}
}
