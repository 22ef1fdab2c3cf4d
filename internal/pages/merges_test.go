package pages

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"plansite/internal/plan"
)

// Merges are laid over the rows shown: a merged cell spans the rows and
// columns it covers, and is cut, to start again, where the rows shown
// break off.
func TestSpans(t *testing.T) {
	m := func(name string) plan.Merge {
		var g plan.Merge
		var l, r rune
		if _, err := fmt.Sscanf(name, "%c%d:%c%d", &l, &g.Top, &r, &g.Bottom); err != nil {
			t.Fatal(err)
		}
		g.Left, g.Right = int(l-'A')+1, int(r-'A')+1
		return g
	}
	for _, tt := range []struct {
		name   string
		merges []string
		recs   []int
		cut    []int // rows with a heading shown above them
		want   string
	}{
		{"one column over rows", []string{"B2:B4"}, []int{2, 3, 4, 5}, nil, "11 31 11|11 00 11|11 00 11|11 11 11"},
		{"rows and columns", []string{"B2:C3"}, []int{2, 3, 4}, nil, "11 22 00|11 00 00|11 11 11"},
		{"a row merged across columns", []string{"A3:B3"}, []int{2, 3}, nil, "11 11 11|12 00 11"},
		{"cut where the rows shown start", []string{"B2:B9"}, []int{5, 6, 7}, nil, "11 31 11|11 00 11|11 00 11"},
		{"cut where the rows shown end", []string{"B2:B9"}, []int{1, 2, 3}, nil, "11 11 11|11 21 11|11 00 11"},
		{"cut at a heading shown", []string{"B2:B5"}, []int{2, 3, 4, 5}, []int{2}, "11 21 11|11 00 11|11 21 11|11 00 11"},
		{"cut at a row not shown", []string{"B2:B6"}, []int{2, 3, 5, 6}, nil, "11 21 11|11 00 11|11 21 11|11 00 11"},
		{"a merge of one cell shown", []string{"B2:B9"}, []int{4}, nil, "11 11 11"},
		{"the first of two over one cell", []string{"B2:B3", "A3:B4"}, []int{2, 3, 4}, nil, "11 21 11|11 00 11|11 11 11"},
		{"no merge over the rows", []string{"B2:B3"}, []int{7, 8}, nil, ""},
		{"the heading's own", []string{"A1:B1"}, []int{2}, nil, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			pl := &plan.Plan{Columns: make([]plan.Column, 3)}
			for _, name := range tt.merges {
				pl.Merges = append(pl.Merges, m(name))
			}
			s := &Context{Plan: pl}
			cut := make([]bool, len(tt.recs))
			for _, i := range tt.cut {
				cut[i] = true
			}
			var rows []string
			for _, row := range s.merges().spans(tt.recs, cut, 3) {
				var cells []string
				for _, sp := range row {
					cells = append(cells, fmt.Sprintf("%d%d", sp.Rows, sp.Cols))
				}
				rows = append(rows, strings.Join(cells, " "))
			}
			if got := strings.Join(rows, "|"); got != tt.want {
				t.Errorf("spans %s, want %s", got, tt.want)
			}
		})
	}
}

// A table as its document has it: tasks 3 to 8 under one heading row, the
// area merged over all their rows, task 3's and 4's lead unit over both,
// task 5's number over it and its sub-item.
var mergedTable = map[string]string{
	"tasks.csv": "序号,重点任务,主要措施,时间节点,牵头部门,配合部门\n" +
		"二、产业培育,,,,,\n" +
		"3,（二）产业培育发展行动,甲。,2020年,市工业和信息化局,——\n" +
		"4,（二）产业培育发展行动,乙。,2020年,市工业和信息化局,市科技局\n" +
		"5,（二）产业培育发展行动,丙。,2021年,市发展改革委,——\n" +
		"5,（二）产业培育发展行动,丁。,2021年,市工业和信息化局,——\n" +
		"6,（二）产业培育发展行动,戊。,2022年,市工业和信息化局,市科技局\n",
	"merges.csv": "合并单元格\nA2:F2\nB3:B7\nE3:E4\nA5:A6\n",
}

// cells are a table row's cells: each one's text, with its rowspan and
// colspan when it has them.
func cells(tr *html.Node) string {
	var out []string
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		cell := text(c)
		if n := attr(c, "rowspan"); n != "" {
			cell += " ↓" + n
		}
		if n := attr(c, "colspan"); n != "" {
			cell += " →" + n
		}
		out = append(out, cell)
	}
	return strings.Join(out, " | ")
}

// rows are the rows of the body of the page's table of class class.
func rows(t *testing.T, doc *html.Node, class string) []string {
	t.Helper()
	tables := all(doc, classed(class))
	if len(tables) == 0 {
		t.Fatalf("no table of class %s", class)
	}
	// /plan/ shows each group's rows in a table of their own.
	var out []string
	for _, table := range tables {
		for _, tr := range all(all(table, tag("tbody"))[0], tag("tr")) {
			out = append(out, cells(tr))
		}
	}
	return out
}

// /plan/ and a task's 原表记载 show the table with its document's merged
// cells: each once, rowspan and colspan, the cells it covers left out.
func TestPlanShowsMerges(t *testing.T) {
	r := render(t, content(mergedTable))
	// The heading row over the group is its heading's, above its table.
	want := []string{
		"3 | （二）产业培育发展行动 ↓5 | 甲。 | 2020年 | 市工业和信息化局 ↓2 | ——",
		"4 | 乙。 | 2020年 | 市科技局",
		"5 ↓2 | 丙。 | 2021年 | 市发展改革委 | ——",
		"丁。 | 2021年 | 市工业和信息化局 | ——",
		"6 | 戊。 | 2022年 | 市工业和信息化局 | 市科技局",
	}
	if got := rows(t, r.page(t, "plan/"), "plan-table"); !slices.Equal(got, want) {
		t.Errorf("/plan/:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := strings.TrimSpace(text(all(r.page(t, "plan/"), classed("plan-group"))[0])); !strings.HasPrefix(got, "二、产业培育（二）产业培育发展行动 4项任务") {
		t.Errorf("/plan/'s group starts %.40q, want its heading row and label", got)
	}
	// Task 5's rows, under the merged number and area, cut to its own.
	task := r.page(t, "tasks/5/")
	orig := all(task, classed("original"))[0]
	want = []string{"5 ↓2 | （二）产业培育发展行动 ↓2 | 丙。 | 2021年 | 市发展改革委 | ——", "丁。 | 2021年 | 市工业和信息化局 | ——"}
	if got := rows(t, orig, "plan-table"); !slices.Equal(got, want) {
		t.Errorf("task 5's 原表记载:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Task 3's row alone: the merges over it, cut to it, merge nothing.
	orig = all(r.page(t, "tasks/3/"), classed("original"))[0]
	if n := len(all(orig, tag("table"))); n != 0 || len(all(orig, tag("dl"))) != 1 {
		t.Errorf("task 3's 原表记载 has %d tables, want its row as a list", n)
	}
}

// A merged cell that crosses a page break of /plan/ is cut there: each
// page starts it again, with its text.
func TestPlanMergesAcrossPages(t *testing.T) {
	var b strings.Builder
	b.WriteString("序号,重点任务,主要措施,牵头部门\n")
	n := PerPage + 20
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%d,（一）全部,措施%d。,市科技局\n", i, i)
	}
	// The area over every row, the lead over the ten rows on each side of
	// the break.
	merges := fmt.Sprintf("合并单元格\nB2:B%d\nD%d:D%d\n", n+1, PerPage-8, PerPage+11)
	r := render(t, content(map[string]string{"tasks.csv": b.String(), "merges.csv": merges}))
	first, second := rows(t, r.page(t, "plan/"), "plan-table"), rows(t, r.page(t, "plan/page/2/"), "plan-table")
	if len(first) != PerPage || len(second) != n-PerPage {
		t.Fatalf("%d and %d rows", len(first), len(second))
	}
	for _, c := range []struct{ got, want string }{
		{first[0], fmt.Sprintf("1 | （一）全部 ↓%d | 措施1。 | 市科技局", PerPage)},
		{first[PerPage-10], fmt.Sprintf("%d | 措施%d。 | 市科技局 ↓10", PerPage-9, PerPage-9)},
		{first[PerPage-1], fmt.Sprintf("%d | 措施%d。", PerPage, PerPage)},
		{second[0], fmt.Sprintf("%d | （一）全部 ↓%d | 措施%d。 | 市科技局 ↓10", PerPage+1, n-PerPage, PerPage+1)},
		{second[10], fmt.Sprintf("%d | 措施%d。 | 市科技局", PerPage+11, PerPage+11)},
	} {
		if c.got != c.want {
			t.Errorf("row %q, want %q", c.got, c.want)
		}
	}
}

// The heading's own merged cells span its columns.
func TestPlanHead(t *testing.T) {
	pl := &plan.Plan{Columns: []plan.Column{{Heading: "工作任务"}, {}, {Heading: "序号"}, {Heading: "具体要求"}},
		Merges: []plan.Merge{{Top: 1, Bottom: 1, Left: 1, Right: 2}, {Top: 2, Bottom: 3, Left: 3, Right: 3}}}
	var got []string
	_, head := planHead(pl)
	for _, c := range head {
		got = append(got, fmt.Sprintf("%s %d", c.Column.Heading, c.Cols))
	}
	if want := []string{"工作任务 2", "序号 1", "具体要求 1"}; !slices.Equal(got, want) {
		t.Errorf("heading %q, want %q", got, want)
	}
	// A heading of two rows: a cell merged down over both and across two
	// columns (项目名称), beside a group over two.
	pl = &plan.Plan{Columns: []plan.Column{{Heading: "序号"}, {Heading: "项目名称"}, {}, {Heading: "前期手续", Group: "本月进展情况"}, {Heading: "在建形象进度", Group: "本月进展情况"}},
		Merges: []plan.Merge{{Top: 1, Bottom: 2, Left: 2, Right: 3}, {Top: 1, Bottom: 1, Left: 4, Right: 5}}}
	top, head := planHead(pl)
	got = nil
	for _, row := range [][]PlanHeadCell{top, head} {
		for _, c := range row {
			got = append(got, fmt.Sprintf("%s %d×%d", c.Column.Heading, c.Cols, c.Rows))
		}
	}
	if want := []string{"序号 1×2", "项目名称 2×2", "本月进展情况 2×1", "前期手续 1×1", "在建形象进度 1×1"}; !slices.Equal(got, want) {
		t.Errorf("heading of two rows %q, want %q", got, want)
	}
}
