package load

import (
	"bytes"
	"strings"
	"testing"
)

func TestRunsAsFormula(t *testing.T) {
	for _, tt := range []struct {
		cell string
		want bool
	}{
		{"=HYPERLINK(\"https://evil.example\",\"详情\")", true},
		{"@SUM(1+1)*cmd|' /C calc'!A0", true},
		{"+cmd|' /C calc'!A0", true},
		{"-2+3+cmd|' /C calc'!A0", true},
		{"\t=1+1", true},
		{"\r=1", true},
		{"-5", false},
		{"+3.5", false},
		{"——", false}, // the table's "none", an em dash
		{"市科技局", false},
		{"2023年=完成", false},
		{"", false},
	} {
		if got := runsAsFormula(tt.cell); got != tt.want {
			t.Errorf("runsAsFormula(%q) = %v, want %v", tt.cell, got, tt.want)
		}
	}
}

// A formula cell is warned of at its line and column, and published as
// written.
func TestFormulaWarning(t *testing.T) {
	csv := "序号,重点任务,主要措施,时间节点,牵头部门,配合部门\n" +
		"1,（一）甲,实施计划。,2022年,市科技局,——\n" +
		"2,,\"=HYPERLINK(\"\"https://evil.example\"\",\"\"详情\"\")\",2022年,市科技局,@市财政局\n"
	tab, err := taskCSV("content/tasks.csv", []byte(csv), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range tab.Warnings {
		if strings.Contains(w.Msg, "formula") {
			got = append(got, w.Error())
		}
	}
	if len(got) != 2 || !strings.HasPrefix(got[0], `content/tasks.csv:3:4: warning: the cell begins with "=", so a spreadsheet`) ||
		!strings.HasPrefix(got[1], `content/tasks.csv:3:61: warning: the cell begins with "@"`) {
		t.Errorf("warnings: %q", got)
	}
	var out bytes.Buffer
	if err := WriteTableCSV(&out, tab.Rows, tab.Columns); err != nil {
		t.Fatal(err)
	}
	if out.String() != csv {
		t.Errorf("republished:\n%s\nwant:\n%s", out.String(), csv)
	}
}
