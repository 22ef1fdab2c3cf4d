package load

import (
	"strings"
	"testing"

	"plansite/internal/plan"
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
