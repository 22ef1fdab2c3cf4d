package site

import (
	"fmt"
	"math"
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

// The charts are checked as published: the SVG is parsed from the minified
// page, its marks are read back into numbers from their geometry and text,
// and those numbers must equal the chart's data table on the same page and
// the plan itself.

func num(t *testing.T, n *html.Node, key string) float64 {
	t.Helper()
	v, ok := attr(n, key)
	if !ok {
		return 0 // the minifier drops attributes at their default, 0
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		t.Fatalf("<%s %s=%q>: %v", n.Data, key, v, err)
	}
	return f
}

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

type span struct{ From, To int }

var taskNo = regexp.MustCompile(`任务(\S+?)(?:\s|$)`)
var yearSpan = regexp.MustCompile(`^(\d{4})(?:–(\d{4}))?年`)

// ganttSpans reads the bars of a timeline: per row, its label and the years
// each bar covers, found from the year labels' positions; and the number of
// milestone marks.
func ganttSpans(t *testing.T, svg *html.Node) (labels []string, spans [][]span, marks []int) {
	t.Helper()
	type col struct {
		x    float64
		year int
	}
	var cols []col
	for _, y := range classed(svg, "year") {
		yr, err := strconv.Atoi(fullText(y))
		if err != nil {
			t.Fatalf("year label %q", fullText(y))
		}
		cols = append(cols, col{num(t, y, "x"), yr})
	}
	for _, g := range classed(svg, "row") {
		l := classed(g, "label")
		if len(l) == 1 {
			labels = append(labels, fullText(l[0]))
		}
		var ss []span
		for _, r := range classed(g, "bar") {
			x0, x1 := num(t, r, "x"), num(t, r, "x")+num(t, r, "width")
			s := span{}
			for _, c := range cols {
				if c.x > x0 && c.x < x1 {
					if s.From == 0 {
						s.From = c.year
					}
					s.To = c.year
				}
			}
			ss = append(ss, s)
		}
		spans = append(spans, ss)
		marks = append(marks, len(classed(g, "mark")))
	}
	return labels, spans, marks
}

func TestTimelineChart(t *testing.T) {
	r, err := makeSite(repoSources())
	if err != nil {
		t.Fatal(err)
	}
	files := filesMap(r.Files)
	doc := parseHTML(t, "years", files["years/index.html"])
	svg, table := chart(t, "years/index.html", doc, "timeline-chart")
	labels, spans, marks := ganttSpans(t, svg)
	rows := bodyRows(table)
	tasks := r.Content.Plan.Tasks
	if len(labels) != len(tasks) || len(rows) != len(tasks) {
		t.Fatalf("timeline: %d rows drawn, %d in the table; want %d tasks", len(labels), len(rows), len(tasks))
	}
	for i, tr := range rows {
		th := find(tr, el("th"))[0]
		m := taskNo.FindStringSubmatch(fullText(th))
		if m == nil || "任务"+m[1] != labels[i] || m[1] != tasks[i].ID {
			t.Errorf("row %d: chart says %q, table %q, plan task %s", i, labels[i], fullText(th), tasks[i].ID)
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
		var planSpans []span
		for _, ms := range tasks[i].Milestones {
			planSpans = append(planSpans, span{ms.From, ms.To})
		}
		if fmt.Sprint(spans[i]) != fmt.Sprint(tableSpans) || fmt.Sprint(tableSpans) != fmt.Sprint(planSpans) {
			t.Errorf("task %s: chart bars %v, table %v, plan %v", tasks[i].ID, spans[i], tableSpans, planSpans)
		}
		if marks[i] != len(planSpans) {
			t.Errorf("task %s: %d milestone marks, want %d", tasks[i].ID, marks[i], len(planSpans))
		}
	}
	// Each task page has its own small timeline with its table.
	for _, task := range tasks {
		name := "tasks/" + task.Slug + "/index.html"
		doc := parseHTML(t, name, files[name])
		svg, table := chart(t, name, doc, "task-timeline")
		_, spans, marks := ganttSpans(t, svg)
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
		if len(spans) != 1 || fmt.Sprint(spans[0]) != fmt.Sprint(tableSpans) || marks[0] != len(tableSpans) {
			t.Errorf("%s: chart %v (%v marks), table %v", name, spans, marks, tableSpans)
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
	doc := parseHTML(t, "departments", filesMap(r.Files)["departments/index.html"])

	t.Run("matrix", func(t *testing.T) {
		svg, table := chart(t, "departments/index.html", doc, "matrix-chart")
		// Column headings: （一） and the name in short lines, centred on the column.
		var xs []float64
		var heads []string
		for _, a := range classed(svg, "area") {
			xs = append(xs, num(t, a, "x"))
			heads = append(heads, fullText(a))
		}
		for _, n := range classed(svg, "area-name") {
			for i, x := range xs {
				if math.Abs(num(t, n, "x")-x) < 0.5 {
					heads[i] += fullText(n)
				}
			}
		}
		ths := find(find(table, el("thead"))[0], el("th"))[1:]
		if len(heads) != len(p.Areas) || len(ths) != len(p.Areas) {
			t.Fatalf("%d area columns drawn, %d in the table, %d areas", len(heads), len(ths), len(p.Areas))
		}
		for i, a := range p.Areas {
			if heads[i] != a.Label || fullText(ths[i]) != a.Label {
				t.Errorf("column %d: chart %q, table %q, plan %q", i, heads[i], fullText(ths[i]), a.Label)
			}
		}
		colOf := func(x float64) int {
			best := 0
			for i := range xs {
				if math.Abs(x-xs[i]) < math.Abs(x-xs[best]) {
					best = i
				}
			}
			return best
		}
		type cell struct{ Lead, Coop int }
		rows := bodyRows(table)
		groups := classed(svg, "row")
		if len(groups) != len(p.Departments) || len(rows) != len(p.Departments) {
			t.Fatalf("%d departments drawn, %d in the table, %d in the plan", len(groups), len(rows), len(p.Departments))
		}
		cellRe := regexp.MustCompile(`^(?:牵头(\d+))?\s*(?:配合(\d+))?$`)
		byName := map[string]*plan.Department{}
		for _, d := range p.Departments {
			byName[d.Name] = d
		}
		for i, g := range groups {
			name := fullText(classed(g, "label")[0])
			drawn := make([]cell, len(xs))
			for _, kind := range []string{"lead", "coop"} {
				boxes, nums := classed(g, kind), classed(g, kind+"-n")
				if len(boxes) != len(nums) {
					t.Fatalf("%s: %d %s boxes, %d numbers", name, len(boxes), kind, len(nums))
				}
				for k, b := range boxes {
					// The stylesheet colours the boxes (TestChartsAreColouredByTheStylesheet);
					// the SVG itself says which are outlined.
					fill, stroke := mustAttr(b, "fill"), mustAttr(b, "stroke")
					if kind == "lead" && fill == "none" {
						t.Errorf("%s: lead box is not filled", name)
					}
					if kind == "coop" && (fill != "none" || stroke == "") {
						t.Errorf("%s: cooperating box is not outlined (fill %q, stroke %q)", name, fill, stroke)
					}
					c := colOf(num(t, nums[k], "x"))
					if colOf(num(t, b, "x")+num(t, b, "width")/2) != c {
						t.Errorf("%s: %s number and box in different columns", name, kind)
					}
					if kind == "lead" {
						drawn[c].Lead = atoi(fullText(nums[k]))
					} else {
						drawn[c].Coop = atoi(fullText(nums[k]))
					}
				}
			}
			th := find(rows[i], el("th"))[0]
			if fullText(th) != name {
				t.Errorf("row %d: chart %q, table %q", i, name, fullText(th))
			}
			tds := find(rows[i], el("td"))
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
			d := byName[name]
			if d == nil {
				t.Fatalf("chart row %q is no department of the plan", name)
			}
			want := make([]cell, len(p.Areas))
			for _, task := range d.Lead {
				want[task.Area.Ordinal-1].Lead++
			}
			for _, task := range d.Coop {
				want[task.Area.Ordinal-1].Coop++
			}
			if fmt.Sprint(drawn) != fmt.Sprint(tabled) || fmt.Sprint(tabled) != fmt.Sprint(want) {
				t.Errorf("%s: chart %v, table %v, plan %v", name, drawn, tabled, want)
			}
		}
	})

	t.Run("bars", func(t *testing.T) {
		svg, table := chart(t, "departments/index.html", doc, "dept-chart")
		rows := bodyRows(table)
		groups := classed(svg, "row")
		if len(groups) != len(p.Departments) || len(rows) != len(groups) {
			t.Fatalf("%d bars, %d table rows, %d departments", len(groups), len(rows), len(p.Departments))
		}
		unit := 0.0
		last := math.MaxInt
		seen := map[string]bool{}
		for i, g := range groups {
			name := fullText(classed(g, "label")[0])
			var vals []int
			for _, v := range strings.Split(fullText(classed(g, "value")[0]), "+") {
				vals = append(vals, atoi(v))
			}
			// Bar lengths are proportional to the values: the filled part
			// to the lead count, the outlined part (drawn inset by its
			// 2-unit stroke) to the cooperating count.
			for k, class := range []string{"s0", "s1"} {
				rs := classed(g, class)
				w := 0.0
				if len(rs) == 1 {
					w = num(t, rs[0], "width")
					if k == 1 {
						w += 2
					}
				}
				if unit == 0 && w > 0 {
					unit = w / float64(vals[k])
				}
				if math.Abs(w-unit*float64(vals[k])) > 0.2 {
					t.Errorf("%s: bar %s is %.1f long for %d tasks (%.2f per task)", name, class, w, vals[k], unit)
				}
			}
			var tabled []int
			for _, td := range find(rows[i], el("td")) {
				tabled = append(tabled, atoi(fullText(td)))
			}
			d := p.Departments[0]
			for _, x := range p.Departments {
				if x.Name == name {
					d = x
				}
			}
			want := []int{len(d.Lead), len(d.Coop), d.Tasks()}
			if d.Name != name || fullText(find(rows[i], el("th"))[0]) != name ||
				fmt.Sprint(append(vals, vals[0]+vals[1])) != fmt.Sprint(tabled) || fmt.Sprint(tabled) != fmt.Sprint(want) {
				t.Errorf("row %d %s: chart %v, table %q %v, plan %v", i, name, vals, fullText(find(rows[i], el("th"))[0]), tabled, want)
			}
			if vals[0]+vals[1] > last {
				t.Errorf("%s: bars are not sorted by total", name)
			}
			last = vals[0] + vals[1]
			seen[name] = true
		}
		if len(seen) != len(p.Departments) {
			t.Errorf("%d departments charted, want %d", len(seen), len(p.Departments))
		}
	})
}

// TestYearBarsForLargeTables: above chartpkg.GanttMax tasks /years/ draws
// tasks per year instead of one row per task, with the same checks.
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
	doc := parseHTML(t, "years", filesMap(r.Files)["years/index.html"])
	for _, s := range find(doc, el("svg")) {
		if strings.HasPrefix(mustAttr(s, "aria-labelledby"), "timeline-chart") {
			t.Error("a timeline of every task is drawn for a large table")
		}
	}
	svg, table := chart(t, "years/index.html", doc, "year-chart")
	p := r.Content.Plan
	rows, groups := bodyRows(table), classed(svg, "row")
	if len(rows) != len(p.Years) || len(groups) != len(p.Years) {
		t.Fatalf("%d bars, %d table rows, %d years", len(groups), len(rows), len(p.Years))
	}
	unit := 0.0
	for i, y := range p.Years {
		want := 0
		for _, task := range p.Tasks {
			if task.ActiveIn(y) {
				want++
			}
		}
		label := fullText(classed(groups[i], "label")[0])
		drawn := atoi(fullText(classed(groups[i], "value")[0]))
		w := num(t, classed(groups[i], "s0")[0], "width")
		if unit == 0 {
			unit = w / float64(drawn)
		}
		tabled := atoi(fullText(find(rows[i], el("td"))[0]))
		if label != fmt.Sprintf("%d年", y) || fullText(find(rows[i], el("th"))[0]) != label ||
			drawn != want || tabled != want || math.Abs(w-unit*float64(want)) > 0.2 {
			t.Errorf("%d: chart %q %d (%.1f long), table %d, plan %d", y, label, drawn, w, tabled, want)
		}
	}
}

// TestChartsAreColouredByTheStylesheet: the charts name no colour of their
// own; static/style.css colours every kind of mark through the custom
// properties that high-contrast mode redefines.
func TestChartsAreColouredByTheStylesheet(t *testing.T) {
	css, err := os.ReadFile("../../static/style.css")
	if err != nil {
		t.Fatal(err)
	}
	rules := regexp.MustCompile(`(?m)^([^{}\n]*)\{([^}]*)\}`).FindAllStringSubmatch(string(css), -1)
	contrast := ""
	for _, r := range rules {
		if strings.TrimSpace(r[1]) == "html.contrast" {
			contrast = r[2]
		}
	}
	files := generate(t, repoSources())
	seen := map[string]bool{}
	for _, page := range []string{"years/index.html", "departments/index.html", "tasks/7/index.html"} {
		for _, svg := range classed(parseHTML(t, page, files[page]), "chart-svg") {
			walk(svg, func(e *html.Node) {
				for _, k := range []string{"fill", "stroke", "color", "style"} {
					if v, ok := attr(e, k); ok && v != "none" && v != "currentColor" {
						t.Errorf("%s: <%s class=%q> has %s=%q; colours belong in style.css", page, e.Data, mustAttr(e, "class"), k, v)
					}
				}
				if e.Data != "svg" && e.Data != "g" && e.Data != "title" && e.Data != "desc" {
					for _, c := range strings.Fields(mustAttr(e, "class")) {
						seen[c] = true
					}
				}
			})
		}
	}
	for _, c := range []string{"bar", "mark", "grid", "lead", "coop", "lead-n", "coop-n", "s0", "s1"} {
		if !seen[c] {
			t.Errorf("no chart draws a mark of class %s", c)
			continue
		}
		coloured := false
		for _, r := range rules {
			if !strings.Contains(r[1]+",", ".chart-svg ."+c+",") && !strings.Contains(r[1], ".chart-svg ."+c+" ") {
				continue
			}
			for _, v := range regexp.MustCompile(`(?:fill|stroke):\s*var\((--[a-z]+)\)`).FindAllStringSubmatch(r[2], -1) {
				coloured = true
				if !strings.Contains(contrast, v[1]+":") {
					t.Errorf("style.css colours .%s with %s, which high-contrast mode does not set", c, v[1])
				}
			}
		}
		if !coloured {
			t.Errorf("style.css does not colour the charts' .%s", c)
		}
	}
}
