package load

import (
	"slices"
	"strings"
	"testing"

	"plansite/internal/column"
)

// A heading of two rows is read as one, its columns named by the lower
// row and grouped by the upper; a first row of the table is never taken
// for the lower row of a heading.
func TestTwoRowHeading(t *testing.T) {
	for _, c := range []struct {
		name         string
		table        string
		names        []string // the columns' headings; nil when the table's first line alone is the heading
		groups       []string
		firstRecord  int // the first row's record number
		firstMeasure string
	}{
		{"责任单位 over 牵头单位 and 配合单位",
			"序号,主要措施,责任单位,,完成时限\n序号,主要措施,牵头单位,配合单位,完成时限\n1,建平台。,区政数局,各街道,2024年\n",
			[]string{"序号", "主要措施", "牵头单位", "配合单位", "完成时限"}, []string{"", "", "责任单位", "责任单位", ""}, 3, "建平台。"},
		{"two groups, the last column under one",
			"序号,任务,,责任单位,\n序号,重点任务,主要措施,牵头单位,配合单位\n1,（一）甲,建平台。,区政数局,各街道\n",
			[]string{"序号", "重点任务", "主要措施", "牵头单位", "配合单位"}, []string{"", "任务", "任务", "责任单位", "责任单位"}, 3, "建平台。"},
		{"a heading merged down over both rows and across two columns",
			"序号,主要措施,,牵头单位,本月进展情况,\n序号,主要措施,,牵头单位,前期手续,在建形象进度\n1,（一）打通断头路,1.文化中心北路,区住建局,已完工,\n",
			[]string{"序号", "主要措施", "", "牵头单位", "前期手续", "在建形象进度"}, []string{"", "", "", "", "本月进展情况", "本月进展情况"}, 3, "（一）打通断头路"},
		{"a group row under a heading of one row",
			"序号,主要措施,牵头单位,配合单位\n一、提升效能,,,\n1,建平台。,区政数局,各街道\n", nil, nil, 2, ""},
		{"a task under a heading of one row",
			"序号,主要措施,牵头单位,配合单位\n1,建平台。,区政数局,\n", nil, nil, 2, "建平台。"},
		{"a heading cell left blank over task numbers",
			"类别,,具体要求,责任科室\n强化公开,1,全面清理。,办公室\n", nil, nil, 2, "全面清理。"},
		{"a row whose cell repeats its heading, nothing grouped",
			"序号,主要措施,牵头单位,配合单位\n1,主要措施,区政数局,各街道\n", nil, nil, 2, "主要措施"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tab, err := taskCSV("tasks.csv", []byte(c.table), nil)
			if err != nil {
				t.Fatal(err)
			}
			var names, groups []string
			for _, col := range tab.Columns {
				names = append(names, col.Heading)
				groups = append(groups, col.Group)
			}
			if c.names == nil {
				c.names = strings.Split(strings.SplitN(c.table, "\n", 2)[0], ",")
				c.groups = make([]string, len(c.names))
			}
			if !slices.Equal(names, c.names) || !slices.Equal(groups, c.groups) {
				t.Errorf("headings %q, groups %q; want %q, %q", names, groups, c.names, c.groups)
			}
			if len(tab.Rows) == 0 || tab.Rows[0].Record != c.firstRecord {
				t.Fatalf("the first row is not record %d: %+v", c.firstRecord, tab.Rows)
			}
			if got := tab.Rows[0].Cell(column.Measures).Text; got != c.firstMeasure {
				t.Errorf("the first row's measures are %q, want %q", got, c.firstMeasure)
			}
		})
	}
}
