package chart

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"plansite/internal/labels"
	"plansite/internal/plan"
	"plansite/internal/sitepath"
)

// testPlan is a small plan made by hand: three areas (two actions and a
// part whose label has no number), five tasks, one of them without a date
// that can be read, and four departments, one of which leads and helps more
// than the others.
func testPlan() *plan.Plan {
	a1 := &plan.Area{Ordinal: 1, Label: "（一）基础创新提升行动", Name: "基础创新提升行动"}
	a2 := &plan.Area{Ordinal: 2, Label: "二、产业培育发展行动", Name: "产业培育发展行动"}
	a3 := &plan.Area{Ordinal: 3, Label: "人才引进", Name: "人才引进"}
	span := func(kind plan.DateKind, from, to int, text string) plan.Milestone {
		return plan.Milestone{DateKind: kind, From: from, To: to, Start: plan.YearMonth{Year: from}, End: plan.YearMonth{Year: to}, Text: text}
	}
	unread := plan.Milestone{DateKind: plan.Unread, Clause: "尽快完成", Text: "尽快完成"}
	t1 := &plan.Task{ID: "1", Slug: "1", Area: a1, Title: "建设平台", Milestones: []plan.Milestone{
		span(plan.Between, 2020, 2021, "建成平台"), span(plan.InYear, 2022, 2022, "投入使用")}}
	t2 := &plan.Task{ID: "2", Slug: "2", Area: a1, Title: "培育企业", Milestones: []plan.Milestone{
		span(plan.Deadline, 2020, 2021, "培育企业"), unread}}
	t3 := &plan.Task{ID: "3", Slug: "3", Area: a2, Title: "推进应用", Milestones: []plan.Milestone{
		span(plan.Ongoing, 2020, 2022, "持续推进")}}
	t4 := &plan.Task{ID: "4.1", Slug: "4-1", Area: a3, Title: "引进人才", Milestones: []plan.Milestone{
		span(plan.InYear, 2021, 2021, "引进人才")}}
	t5 := &plan.Task{ID: "5", Slug: "5", Area: a3, Title: "留住人才", Milestones: []plan.Milestone{unread}}
	a1.Tasks, a2.Tasks, a3.Tasks = []*plan.Task{t1, t2}, []*plan.Task{t3}, []*plan.Task{t4, t5}
	d1 := &plan.Department{Name: "市科技局", Slug: "science", Lead: []*plan.Task{t1, t2}, Coop: []*plan.Task{t3}}
	d2 := &plan.Department{Name: "市工业和信息化局", Slug: "industry", Lead: []*plan.Task{t3}, Coop: []*plan.Task{t1, t4}}
	d3 := &plan.Department{Name: "各区政府", Slug: "districts", Coop: []*plan.Task{t1, t2, t3}}
	d4 := &plan.Department{Name: "市人力资源和社会保障局", Slug: "hr", Lead: []*plan.Task{t4, t5}, Coop: []*plan.Task{t1, t2}}
	return &plan.Plan{Areas: []*plan.Area{a1, a2, a3}, Tasks: []*plan.Task{t1, t2, t3, t4, t5},
		Departments: []*plan.Department{d1, d2, d3, d4}, Years: []int{2020, 2021, 2022}}
}

// manyTasks is a plan of n tasks over 2020–2023 with spans of one to three
// years, too many for a timeline of every task.
func manyTasks(n int) *plan.Plan {
	p := &plan.Plan{Years: []int{2020, 2021, 2022, 2023}}
	for i := 0; i < n; i++ {
		from := 2020 + i%4
		to := min(2023, from+i%3)
		p.Tasks = append(p.Tasks, &plan.Task{ID: strconv.Itoa(i + 1), Milestones: []plan.Milestone{
			{DateKind: plan.Between, From: from, To: to, Start: plan.YearMonth{Year: from}, End: plan.YearMonth{Year: to}}}})
	}
	return p
}

// perYear counts the tasks active in each of the plan's years, as the pages
// do.
func perYear(p *plan.Plan) []int {
	n := make([]int, len(p.Years))
	for i, y := range p.Years {
		for _, t := range p.Tasks {
			if t.ActiveIn(y) {
				n[i]++
			}
		}
	}
	return n
}

// statusBars is a chart of stacked values coloured by class, as /progress/
// draws its statuses.
func statusBars() *Bars {
	return &Bars{ID: "progress-chart", Title: "各部分的落实情况", Desc: "条形图：各部分的任务状态。", Label: "部分",
		Series: []string{"推进中", "已完成", "暂无进展"}, Classes: []string{"st st-0", "st st-1", "st st-none"},
		Rows: []BarRow{{Label: "第一部分", Values: []int{3, 0, 2}}, {Label: "第二部分", Values: []int{1, 4, 0}}}}
}

// ganttRows reads a timeline back: per row, its label (empty on a task's
// own small timeline), the years each bar covers, found from the year
// labels' places, and whether each bar has a mark at its end.
func ganttRows(t *testing.T, root *node) (labels []string, spans [][][2]int, marked [][]bool) {
	t.Helper()
	type col struct {
		x    float64
		year int
	}
	var cols []col
	for _, y := range root.all("year") {
		yr, err := strconv.Atoi(y.Text)
		if err != nil {
			t.Fatalf("year label %q", y.Text)
		}
		cols = append(cols, col{y.num(t, "x"), yr})
	}
	for _, g := range root.all("row") {
		label := ""
		if l := g.all("label"); len(l) == 1 {
			label = l[0].Text
		}
		labels = append(labels, label)
		var ss [][2]int
		var ms []bool
		marks := g.all("mark")
		for _, r := range g.all("bar") {
			x0, x1 := r.num(t, "x"), r.num(t, "x")+r.num(t, "width")
			s := [2]int{}
			for _, c := range cols {
				if c.x > x0 && c.x < x1 {
					if s[0] == 0 {
						s[0] = c.year
					}
					s[1] = c.year
				}
			}
			ss = append(ss, s)
			// A mark is a diamond whose first point is its top, at the
			// bar's end.
			end := false
			for _, m := range marks {
				pts, _ := m.attr("points")
				x, err := strconv.ParseFloat(strings.SplitN(pts, ",", 2)[0], 64)
				end = end || err == nil && approx(x, x1)
			}
			ms = append(ms, end)
		}
		if len(marks) != len(ss) {
			t.Errorf("row %q: %d marks for %d bars", label, len(marks), len(ss))
		}
		spans = append(spans, ss)
		marked = append(marked, ms)
	}
	return labels, spans, marked
}

func datedSpans(task *plan.Task) [][2]int {
	var out [][2]int
	for _, m := range task.Milestones {
		if m.Dated() {
			out = append(out, [2]int{m.From, m.To})
		}
	}
	return out
}

// The timeline of /years/ draws a row per task with a readable date, in
// the plan's order, a bar over the years of each dated clause and a mark at
// its end.
func TestTimeline(t *testing.T) {
	pl := testPlan()
	g := Timeline(pl, perYear(pl), words)
	root := parseSVG(t, g.SVG(), g.ID, g.Title, g.Desc)
	labels, spans, marked := ganttRows(t, root)
	var want []*plan.Task
	for _, task := range pl.Tasks {
		if len(datedSpans(task)) > 0 {
			want = append(want, task)
		}
	}
	if len(labels) != len(want) || len(g.Rows) != len(want) {
		t.Fatalf("%d rows drawn, %d in the model; want %d tasks", len(labels), len(g.Rows), len(want))
	}
	for i, task := range want {
		if g.Rows[i].Task != task || labels[i] != "任务"+task.ID {
			t.Errorf("row %d is %q, want task %s", i, labels[i], task.ID)
		}
		title := []rune(task.Title)
		if len(title) > 6 {
			title = append(title[:6], '…')
		}
		if got := root.all("row")[i].all("row-title"); len(got) != 1 || got[0].Text != string(title) {
			t.Errorf("row %d does not name its task's title, %q", i, string(title))
		}
		if fmt.Sprint(spans[i]) != fmt.Sprint(datedSpans(task)) {
			t.Errorf("task %s: bars over %v, want %v", task.ID, spans[i], datedSpans(task))
		}
		for k, m := range marked[i] {
			if !m {
				t.Errorf("task %s: bar %d has no mark at its end", task.ID, k+1)
			}
		}
	}
	var years []string
	for _, y := range root.all("year") {
		years = append(years, y.Text)
	}
	if fmt.Sprint(years) != fmt.Sprint(pl.Years) {
		t.Errorf("year columns %v, want %v", years, pl.Years)
	}
	for _, y := range pl.Years {
		if !strings.Contains(g.Desc, strconv.Itoa(y)) {
			t.Errorf("the description does not mention %d: %q", y, g.Desc)
		}
	}
	if Timeline(manyTasks(GanttMax+1), perYear(manyTasks(GanttMax+1)), words) != nil {
		t.Errorf("a timeline of every task is drawn for more than %d tasks", GanttMax)
	}
	if Timeline(manyTasks(GanttMax), perYear(manyTasks(GanttMax)), words) == nil {
		t.Errorf("no timeline for %d tasks", GanttMax)
	}
	if Timeline(&plan.Plan{Tasks: pl.Tasks}, nil, words) != nil {
		t.Error("a timeline is drawn for a plan without years")
	}
}

// A task's page has a small timeline of its own dated clauses, without row
// labels; a task without one has none.
func TestTaskTimeline(t *testing.T) {
	pl := testPlan()
	for _, task := range pl.Tasks {
		g := TaskTimeline(pl, task, words, nil)
		want := datedSpans(task)
		if len(want) == 0 {
			if g != nil {
				t.Errorf("task %s has no dated clause but a timeline", task.ID)
			}
			continue
		}
		root := parseSVG(t, g.SVG(), g.ID, g.Title, g.Desc)
		labels, spans, marked := ganttRows(t, root)
		if len(labels) != 1 || labels[0] != "" || fmt.Sprint(spans[0]) != fmt.Sprint(want) {
			t.Errorf("task %s: rows %q with bars %v, want one unlabelled row with %v", task.ID, labels, spans, want)
		}
		for k, m := range marked[0] {
			if !m {
				t.Errorf("task %s: bar %d has no mark at its end", task.ID, k+1)
			}
		}
		if !strings.Contains(g.Title, task.ID) {
			t.Errorf("task %s: title %q does not name it", task.ID, g.Title)
		}
	}
	if TaskTimeline(pl, nil, words, nil) != nil || TaskTimeline(&plan.Plan{}, pl.Tasks[0], words, nil) != nil {
		t.Error("a timeline without a task or without years")
	}
}

// The task pages of a plan share one drawing of the year axis: each
// timeline drawn with it is the one drawn without, whichever task draws it
// first.
func TestTaskTimelinesShareTheAxis(t *testing.T) {
	pl := testPlan()
	for first := range pl.Tasks {
		var axis Axis
		order := append(append([]*plan.Task{}, pl.Tasks[first:]...), pl.Tasks[:first]...)
		drawn := 0
		for _, task := range order {
			alone, shared := TaskTimeline(pl, task, words, nil), TaskTimeline(pl, task, words, &axis)
			if alone == nil {
				continue
			}
			drawn++
			if a, s := alone.SVG(), shared.SVG(); a != s {
				t.Errorf("task %s drawn after task %s: with the shared axis\n%s\nwithout\n%s", task.ID, order[0].ID, s, a)
			}
		}
		if drawn < 2 {
			t.Fatalf("the test plan has %d tasks with a timeline; the test needs two", drawn)
		}
	}
}

// barRows reads a bar chart back: per row its label, its value text, and
// the length of each series' segment (an outlined one is drawn inset by its
// 2-unit stroke), by the segment's class.
func barRows(t *testing.T, root *node, classes []string) (labels, values []string, lengths [][]float64) {
	t.Helper()
	for _, g := range root.all("row") {
		labels = append(labels, g.all("label")[0].Text)
		values = append(values, g.all("value")[0].Text)
		var ls []float64
		for k, c := range classes {
			w := 0.0
			for _, r := range g.all(strings.Fields(c)[len(strings.Fields(c))-1]) {
				w += r.num(t, "width")
				if fill, _ := r.attr("fill"); fill == "none" && k > 0 {
					w += 2
				}
			}
			ls = append(ls, w)
		}
		lengths = append(lengths, ls)
	}
	return labels, values, lengths
}

// proportional checks that each segment's length is its value times one
// length per unit, the same for the whole chart.
func proportional(t *testing.T, id string, rows []BarRow, lengths [][]float64) {
	t.Helper()
	unit := 0.0
	for i, r := range rows {
		for k, v := range r.Values {
			if unit == 0 && v > 0 {
				unit = lengths[i][k] / float64(v)
			}
			if !approx(lengths[i][k], unit*float64(v)) {
				t.Errorf("chart %s, %s: segment %d is %.1f long for %d (%.2f a unit)", id, r.Label, k, lengths[i][k], v, unit)
			}
		}
	}
	if unit <= 0 {
		t.Errorf("chart %s draws no bar", id)
	}
}

// /departments/ charts each department's lead and cooperating tasks, most
// in all first, departments of equal totals in the plan's order.
func TestDeptBars(t *testing.T) {
	pl := testPlan()
	b := DeptBars(pl, words, nil)
	root := parseSVG(t, b.SVG(), b.ID, b.Title, b.Desc)
	labels, values, lengths := barRows(t, root, []string{"s0", "s1"})
	if len(labels) != len(pl.Departments) || len(b.Rows) != len(pl.Departments) {
		t.Fatalf("%d bars drawn, %d in the model, %d departments", len(labels), len(b.Rows), len(pl.Departments))
	}
	order := map[*plan.Department]int{}
	for i, d := range pl.Departments {
		order[d] = i
	}
	var prev *plan.Department
	for i, r := range b.Rows {
		var d *plan.Department
		for _, x := range pl.Departments {
			if x.Name == r.Label {
				d = x
			}
		}
		if d == nil {
			t.Fatalf("row %d, %q, is no department", i, r.Label)
		}
		want := []int{len(d.Lead), len(d.Coop)}
		if labels[i] != d.Name || fmt.Sprint(r.Values) != fmt.Sprint(want) || values[i] != fmt.Sprintf("%d+%d", want[0], want[1]) || r.Target != sitepath.Dept(d) {
			t.Errorf("row %d: %q %v drawn %q, want %s %v linked to %s", i, labels[i], r.Values, values[i], d.Name, want, sitepath.Dept(d))
		}
		if prev != nil && (prev.Tasks() < d.Tasks() || prev.Tasks() == d.Tasks() && order[prev] > order[d]) {
			t.Errorf("%s (%d tasks) comes after %s (%d)", d.Name, d.Tasks(), prev.Name, prev.Tasks())
		}
		prev = d
	}
	proportional(t, b.ID, b.Rows, lengths)
	if !strings.Contains(b.Desc, b.Rows[0].Label) {
		t.Errorf("the description does not name the busiest department, %s: %q", b.Rows[0].Label, b.Desc)
	}
	if DeptBars(&plan.Plan{}, words, nil) != nil {
		t.Error("bars for a plan without departments")
	}
}

// Above GanttMax tasks /years/ charts the tasks active in each year.
func TestYearBars(t *testing.T) {
	pl := manyTasks(GanttMax + 7)
	n := perYear(pl)
	b := YearBars(pl, n, words)
	root := parseSVG(t, b.SVG(), b.ID, b.Title, b.Desc)
	labels, values, lengths := barRows(t, root, []string{"s0"})
	if len(labels) != len(pl.Years) {
		t.Fatalf("%d bars, %d years", len(labels), len(pl.Years))
	}
	for i, y := range pl.Years {
		r := b.Rows[i]
		if labels[i] != fmt.Sprintf("%d年", y) || values[i] != strconv.Itoa(n[i]) || fmt.Sprint(r.Values) != fmt.Sprint([]int{n[i]}) || r.Target != sitepath.Year(y) {
			t.Errorf("%d: bar %q of %q (%v), want %d tasks linked to %s", y, labels[i], values[i], r.Values, n[i], sitepath.Year(y))
		}
		if !strings.Contains(b.Desc, strconv.Itoa(y)) {
			t.Errorf("the description does not mention %d", y)
		}
	}
	proportional(t, b.ID, b.Rows, lengths)
	if YearBars(testPlan(), perYear(testPlan()), words) != nil {
		t.Error("year bars for a plan small enough for a timeline")
	}
}

// Bars with classes colour each series by its class, all filled, with the
// page's background between segments, each segment's number in it and a
// title naming its status; the total after the bar. A segment is as long
// as its value, or as its number when that is longer.
func TestBarsWithClasses(t *testing.T) {
	b := statusBars()
	root := parseSVG(t, b.SVG(), b.ID, b.Title, b.Desc)
	labels, values, lengths := barRows(t, root, b.Classes)
	unit := math.Inf(1)
	for i, r := range b.Rows {
		if labels[i] != r.Label || values[i] != strconv.Itoa(r.Total()) {
			t.Errorf("row %d: %q %q, want %q %d", i, labels[i], values[i], r.Label, r.Total())
		}
		for k, v := range r.Values {
			if v > 0 {
				unit = math.Min(unit, (lengths[i][k]+segmentGap)/float64(v))
			}
		}
	}
	for i, r := range b.Rows {
		var drawn []string
		for _, g := range root.all("row")[i].all("seg") {
			title := g.child("title")
			if title == nil {
				t.Fatalf("%s: a segment without a title", r.Label)
			}
			drawn = append(drawn, g.all("seg-n")[0].Text+" "+title.Text)
		}
		var want []string
		for k, v := range r.Values {
			if v == 0 {
				continue
			}
			want = append(want, fmt.Sprintf("%d %s %d", v, b.Series[k], v))
			if got := lengths[i][k] + segmentGap; !approx(got, math.Max(unit*float64(v), segmentMin(v))) {
				t.Errorf("%s: segment %d is %.1f long for %d (%.2f a unit)", r.Label, k, got, v, unit)
			}
		}
		if !slices.Equal(drawn, want) {
			t.Errorf("%s: segments %q, want %q", r.Label, drawn, want)
		}
	}
	root.walk(func(e *node) {
		if e.XMLName.Local == "rect" {
			if fill, _ := e.attr("fill"); fill == "none" || !strings.HasPrefix(e.class(), "st st-") {
				t.Errorf("segment <rect class=%q fill=%q>: want a filled status class", e.class(), fill)
			}
		}
	})
}

// The matrix of /departments/ has a column per area, headed by its number
// and its name in short lines, and a row per department in the order
// given, with the number of tasks it leads (filled) and helps with
// (outlined) in each area.
func TestDeptMatrix(t *testing.T) {
	pl := testPlan()
	depts := []*plan.Department{pl.Departments[3], pl.Departments[0], pl.Departments[2], pl.Departments[1]}
	m := DeptMatrix(pl, depts, words, areaWords, nil)
	root := parseSVG(t, m.SVG(), m.ID, m.Title, m.Desc)
	var xs []float64
	var heads []string
	for _, a := range root.all("area") {
		xs = append(xs, a.num(t, "x"))
		heads = append(heads, a.Text)
	}
	names := make([]string, len(xs))
	for _, n := range root.all("area-name") {
		for i, x := range xs {
			if approx(n.num(t, "x"), x) {
				names[i] += n.Text
			}
		}
	}
	if len(heads) != len(pl.Areas) {
		t.Fatalf("%d columns, %d areas", len(heads), len(pl.Areas))
	}
	for i, a := range pl.Areas {
		number := "（" + plan.Numeral(a.Ordinal) + "）"
		if strings.HasSuffix(a.Label, a.Name) && a.Label != a.Name {
			number = strings.TrimSuffix(a.Label, a.Name)
		}
		if heads[i] != number || names[i] != a.Name {
			t.Errorf("column %d: %q %q, want %q %q", i, heads[i], names[i], number, a.Name)
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
	rows := root.all("row")
	if len(rows) != len(depts) {
		t.Fatalf("%d rows drawn, %d departments", len(rows), len(depts))
	}
	for i, g := range rows {
		d := depts[i]
		if name := g.all("label")[0].Text; name != d.Name {
			t.Errorf("row %d is %q, want %q", i, name, d.Name)
		}
		drawn := make([][2]int, len(pl.Areas))
		for k, kind := range []string{"lead", "coop"} {
			boxes, nums := g.all(kind), g.all(kind+"-n")
			if len(boxes) != len(nums) {
				t.Fatalf("%s: %d %s boxes, %d numbers", d.Name, len(boxes), kind, len(nums))
			}
			for j, b := range boxes {
				if fill, _ := b.attr("fill"); (fill == "none") != (kind == "coop") {
					t.Errorf("%s: a %s box has fill %q", d.Name, kind, fill)
				}
				c := colOf(nums[j].num(t, "x"))
				if colOf(b.num(t, "x")+b.num(t, "width")/2) != c {
					t.Errorf("%s: a %s box and its number are in different columns", d.Name, kind)
				}
				v, err := strconv.Atoi(nums[j].Text)
				if err != nil || v <= 0 {
					t.Errorf("%s: %s number %q", d.Name, kind, nums[j].Text)
				}
				drawn[c][k] = v
			}
		}
		want := make([][2]int, len(pl.Areas))
		for k, ts := range [][]*plan.Task{d.Lead, d.Coop} {
			for _, task := range ts {
				for j, a := range pl.Areas {
					if task.Area == a {
						want[j][k]++
					}
				}
			}
		}
		var model [][2]int
		for _, c := range m.Rows[i].Cells {
			model = append(model, [2]int{c.Lead, c.Coop})
		}
		if fmt.Sprint(drawn) != fmt.Sprint(want) || fmt.Sprint(model) != fmt.Sprint(want) || m.Rows[i].Dept != d {
			t.Errorf("%s: drawn %v, model %v, want %v", d.Name, drawn, model, want)
		}
	}
	if DeptMatrix(&plan.Plan{Departments: pl.Departments}, depts, words, areaWords, nil) != nil {
		t.Error("a matrix for a plan without areas")
	}
}

// A count of more than two digits widens its box, so that the number stays
// inside it.
func TestMatrixBoxFitsItsNumber(t *testing.T) {
	pl := testPlan()
	d := pl.Departments[0]
	for len(d.Lead) < 1234 {
		d.Lead = append(d.Lead, pl.Tasks[2])
	}
	m := DeptMatrix(pl, []*plan.Department{d}, words, areaWords, nil)
	root := parseSVG(t, m.SVG(), m.ID, m.Title, m.Desc)
	for _, g := range root.all("row") {
		boxes, nums := g.all("lead"), g.all("lead-n")
		for i, b := range boxes {
			digits := len(nums[i].Text)
			// CJK-free digits are about 0.6 em wide.
			if need := float64(digits) * 0.6 * nums[i].num(t, "font-size"); b.num(t, "width") < need {
				t.Errorf("a box %.1f wide holds %q, which needs %.1f", b.num(t, "width"), nums[i].Text, need)
			}
		}
	}
}

// words are the charts' default labels, as a site without its own has them.
var (
	words     = &labels.Default().Chart
	areaWords = &labels.Default().AreaWords.Actions
)
