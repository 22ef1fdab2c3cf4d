package load

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"plansite/internal/plan"

	"github.com/xuri/excelize/v2"
)

func TestParseRange(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want plan.Merge
		ok   bool
	}{
		{"B3:B9", plan.Merge{Top: 3, Left: 2, Bottom: 9, Right: 2}, true},
		{"a2:f2", plan.Merge{Top: 2, Left: 1, Bottom: 2, Right: 6}, true},
		{"AA10:AB11", plan.Merge{Top: 10, Left: 27, Bottom: 11, Right: 28}, true},
		{"B9:B3", plan.Merge{}, false},  // bottom right first
		{"B3:B3", plan.Merge{}, false},  // one cell is no merge
		{"B3", plan.Merge{}, false},     // not a range
		{"B0:B3", plan.Merge{}, false},  // no row 0
		{"3B:4B", plan.Merge{}, false},  // row first
		{"B03:B4", plan.Merge{}, false}, // not as a spreadsheet writes it
		{"ZZZZ1:ZZZZ2", plan.Merge{}, false},
		{"B1:B99999999", plan.Merge{}, false},
	} {
		got, ok := parseRange(tt.s)
		if ok != tt.ok || got != tt.want {
			t.Errorf("parseRange(%q) = %+v, %v; want %+v, %v", tt.s, got, ok, tt.want, tt.ok)
		}
	}
}

func TestReadMerges(t *testing.T) {
	ms, err := readMerges("content/merges.csv", []byte("合并单元格\nA2:F2\n B3:B9 \n"))
	if err != nil || len(ms) != 2 || ms[1].Name() != "B3:B9" || ms[1].Line != 3 {
		t.Errorf("got %+v, %v", ms, err)
	}
	for _, tt := range []struct{ text, want string }{
		{"范围\nA2:F2\n", "content/merges.csv:1:1: error: the heading must be the one column 合并单元格"},
		{"合并单元格\nA2:F2\n第三行\n", `content/merges.csv:3:1: error: "第三行" is not a range of cells such as B3:B9`},
	} {
		if _, err := readMerges("content/merges.csv", []byte(tt.text)); err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q: %v, want %s…", tt.text, err, tt.want)
		}
	}
}

// A table as plansite import writes it, with its merges.csv: the heading
// merged across the table heads a group, the 序号 merged over two rows is
// one task of two rows, and an edited merge is said and left out.
func TestSiteWithMerges(t *testing.T) {
	table := header +
		"一、基础创新,,,,,\n" +
		"1,（一）甲,措施一。,2020年,市科技局,——\n" +
		"2,（一）甲,措施二。,2020年,市科技局,——\n" +
		"2,（一）甲,措施二之二。,2021年,市科技局,——\n"
	c, warns, err := Read(files(map[string]*string{"tasks.csv": ptr(table), "merges.csv": ptr("合并单元格\nA2:F2\nB3:B5\nA4:A5\nE3:E4\n")}), "content")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(c.Plan.Tasks); n != 2 || len(c.Plan.Tasks[1].Rows) != 2 {
		t.Fatalf("%d tasks, want 2, the second of two rows", n)
	}
	if h := c.Plan.Tasks[0].Headings; len(h) != 1 || h[0] != "一、基础创新" {
		t.Errorf("headings of task 1: %q", h)
	}
	if len(c.Plan.Merges) != 4 {
		t.Errorf("merges %v", c.Plan.Merges)
	}
	for _, w := range warns {
		if strings.Contains(w.Msg, "merge") || strings.HasPrefix(w.Msg, "A") {
			t.Errorf("warning %s", w.Error())
		}
	}
	// Edited since: the lead of task 2 no longer says what E3 says.
	edited := strings.Replace(table, "措施二。,2020年,市科技局", "措施二。,2020年,市财政局", 1)
	c, warns, err = Read(files(map[string]*string{"tasks.csv": ptr(edited), "merges.csv": ptr("合并单元格\nA4:A5\nE3:E4\n")}), "content")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, w := range warns {
		found = found || strings.HasPrefix(w.Error(), `content/merges.csv:3:1: warning: E3:E4: E4 says "市财政局" where E3 says "市科技局"`)
	}
	if !found || len(c.Plan.Merges) != 1 {
		t.Errorf("an edited merge: warnings %v, merges %v", warns, c.Plan.Merges)
	}
	// Out of the table: an error at its line.
	_, _, err = Read(files(map[string]*string{"tasks.csv": ptr(table), "merges.csv": ptr("合并单元格\nA2:G2\n")}), "content")
	if err == nil || !strings.HasPrefix(err.Error(), "content/merges.csv:2:1: error: A2:G2: the table has 5 rows and 6 columns") {
		t.Errorf("a merge past the table: %v", err)
	}
}

// A workbook says its merged cells itself: their text, which it keeps in
// the top left cell only, is read into every row they cover, and the 序号
// merged over two rows is one task.
func TestWorkbookMerges(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]string{
		{"序号", "重点任务", "主要措施", "时间节点", "牵头部门", "配合部门"},
		{"一、基础创新"},
		{"1", "（一）甲", "措施一。", "2020年", "市科技局", "——"},
		{"2", "", "措施二。", "2020年", "", "——"},
		{"", "", "措施二之二。", "2021年", "市财政局", "——"},
	}
	for i, r := range rows {
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			f.SetCellStr("Sheet1", cell, v)
		}
	}
	for _, m := range [][2]string{{"A2", "F2"}, {"B3", "B5"}, {"E3", "E4"}, {"A4", "A5"}} {
		if err := f.MergeCell("Sheet1", m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	fsys := files(map[string]*string{"tasks.csv": nil})
	fsys["tasks.xlsx"] = &fstest.MapFile{Data: b.Bytes()}
	c, warns, err := Read(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	p := c.Plan
	if len(p.Tasks) != 2 || len(p.Tasks[1].Rows) != 2 || len(p.Merges) != 4 {
		t.Fatalf("%d tasks (the second of %d rows), %d merges; want 2, 2, 4 (warnings %v)", len(p.Tasks), len(p.Tasks[len(p.Tasks)-1].Rows), len(p.Merges), warns)
	}
	if got := p.Tasks[1].LeadText; got != "市科技局" {
		t.Errorf("task 2's lead, merged from the row above: %q", got)
	}
	if a := p.Tasks[1].Area; a == nil || a.Label != "（一）甲" || len(a.Parents) != 1 {
		t.Errorf("task 2's group: %+v", a)
	}
}

// A cell merged over a task's rows is one cell: its text, which every row
// it covers carries, is read once into the task's sentences and timeline.
// A merge of the heading that covers a heading of its own was listed
// before the heading changed: a warning, and it is not shown.
func TestMergedCellsReadOnce(t *testing.T) {
	table := header +
		"1,（一）甲,建设园区。,2020年,市科技局,——\n" +
		",（一）甲,建设园区。,2020年,市科技局,——\n" +
		",（一）甲,完善配套。,2021年,市科技局,——\n"
	c, warns, err := Read(files(map[string]*string{"tasks.csv": ptr(table), "merges.csv": ptr("合并单元格\nC2:C3\nD2:D3\nC1:D1\n")}), "content")
	if err != nil {
		t.Fatal(err)
	}
	task := c.Plan.Tasks[0]
	if want := []string{"建设园区。", "完善配套。"}; !slices.Equal(task.Sentences, want) {
		t.Errorf("sentences %q, want %q", task.Sentences, want)
	}
	var clauses []string
	for _, m := range task.Milestones {
		clauses = append(clauses, m.Clause)
	}
	if want := []string{"2020年", "2021年"}; !slices.Equal(clauses, want) {
		t.Errorf("timeline %q, want %q", clauses, want)
	}
	if len(task.Rows) != 3 || len(task.Items) != 2 || task.Items[0].Measures != "建设园区。" {
		t.Errorf("the rows are not kept as written: %d rows, items %+v", len(task.Rows), task.Items)
	}
	found := false
	for _, w := range warns {
		found = found || strings.HasPrefix(w.Error(), `content/merges.csv:4:1: warning: C1:D1: column D is headed "时间节点", where only the merge's first column has a heading`)
	}
	if !found || len(c.Plan.Merges) != 2 {
		t.Errorf("a merge over a heading of its own: warnings %v, merges %v", warns, c.Plan.Merges)
	}
}

// A column without a heading of its own under a heading merged across it
// (项目名称 over a project group and its parts) is drawn under that
// heading: no warning. Without the merge, or under a merge from a column
// without a heading, it is a column without a name, and says so.
func TestColumnUnderMergedHeading(t *testing.T) {
	table := "序号,工作任务,,牵头单位\n" +
		"1,（一）道路工程,1.文化中心北路,区住建局\n" +
		"2,（二）学校工程,2.第一小学,区教育局\n"
	unnamed := func(merges string) int {
		content := map[string]*string{"tasks.csv": ptr(table)}
		if merges != "" {
			content["merges.csv"] = ptr(merges)
		}
		_, warns, err := Read(files(content), "content")
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, w := range warns {
			if strings.Contains(w.Error(), "this column has no heading") {
				n++
				if !strings.HasPrefix(w.Error(), "content/tasks.csv:1:") {
					t.Errorf("not located at the heading: %v", w)
				}
			}
		}
		return n
	}
	for _, tt := range []struct {
		merges string
		want   int
	}{
		{"", 1},
		{"合并单元格\nB1:C1\n", 0},
		{"合并单元格\nC1:D1\n", 1}, // from the blank column itself
		{"合并单元格\nA2:A3\n", 1}, // a merge of the rows
	} {
		if got := unnamed(tt.merges); got != tt.want {
			t.Errorf("merges %q: %d warnings of a column without a heading, want %d", tt.merges, got, tt.want)
		}
	}
}
