package plan

import (
	"fmt"
	"plansite/internal/column"
	"strings"
	"testing"
	"time"
)

// rowsNaming makes rows whose lead cells name the units of names, perCell
// to a cell.
func rowsNaming(names []string, perCell int) []Row {
	var rows []Row
	for i := 0; i < len(names); i += perCell {
		line := len(rows) + 2
		cell := strings.Join(names[i:min(i+perCell, len(names))], "、")
		rows = append(rows, mkRow(stdCells{column.ID: Cell{fmt.Sprint(len(rows) + 1), line, 1}, column.Measures: Cell{"措施。", line, 2}, column.Lead: Cell{cell, line, 3}}))
	}
	return rows
}

func numbered(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%06d", prefix, i)
	}
	return out
}

// The tables may name at most MaxDepartmentNames departments, aliases
// included; the name past them is an error at its cell, and no row below
// it is read.
func TestDepartmentNamesLimit(t *testing.T) {
	// Rows 2 to 51 take the names to the limit; row 52 names one of them
	// again, then one more; row 53 is not read.
	rows := rowsNaming(append(numbered("单位", MaxDepartmentNames), "单位000007", "单位多一个", "x"), 1000)
	rows = append(rows, mkRow(stdCells{column.ID: Cell{"x", 53, 1}, column.Measures: Cell{"措施。", 53, 2}, column.Lead: Cell{"市科技局", 53, 3}}))
	_, _, err := FromRows(Input{TasksFile: "content/tasks.csv", DepartmentsFile: "content/departments.csv", Rows: rows})
	want := "content/tasks.csv:52:3: error: task 51: this is department name 50,001; plansite reads at most 50,000 (the names and aliases of content/departments.csv count too): is a list of names in the wrong column?"
	if err == nil || err.Error() != want {
		t.Fatalf("error %.500v\nwant  %s", err, want)
	}

	// The departments table's names and aliases count.
	deps := []DepartmentEntry{{Name: "市科技局", Slug: "science", Line: 2, NameCol: 1, SlugCol: 2, AliasesCol: 4, Aliases: numbered("科技", MaxDepartmentNames)}}
	_, _, err = FromRows(Input{TasksFile: "content/tasks.csv", DepartmentsFile: "content/departments.csv", Departments: deps, Rows: rowsNaming([]string{"市科技局"}, 1)})
	want = "content/departments.csv:2:4: error: this is department name 50,001; plansite reads at most 50,000 (the names and aliases of content/departments.csv count too): is a list of names in the wrong column?"
	if err == nil || err.Error() != want {
		t.Fatalf("error %.500v\nwant  %s", err, want)
	}
}

// A table may have at most MaxClauses timeline clauses; the cell that
// passes them is an error, and no row below it is read. A table of
// warmRows rows or more, whose cells are read on every core beside the
// builder, stops there too.
func TestClausesLimit(t *testing.T) {
	for _, perCell := range []int{5000, MaxClauses / warmRows} {
		timeline := func(n int) string { return strings.Repeat("尽快；", n) }
		var rows []Row
		add := func(cell string) {
			line := len(rows) + 2
			rows = append(rows, mkRow(stdCells{column.ID: Cell{fmt.Sprint(len(rows) + 1), line, 1}, column.Measures: Cell{"措施。", line, 2}, column.Timeline: Cell{cell, line, 3}, column.Lead: Cell{"市科技局", line, 4}}))
		}
		for range MaxClauses/perCell - 1 {
			add(timeline(perCell))
		}
		add(timeline(perCell - 1))
		add(timeline(1)) // the limit
		add(timeline(1)) // past it
		add("尽快")
		_, _, err := FromRows(Input{TasksFile: "content/tasks.csv", Rows: rows})
		task := MaxClauses/perCell + 2
		want := fmt.Sprintf("content/tasks.csv:%d:3: error: task %d: the table has more than 1,000,000 timeline clauses (时间节点 cut at ；, line breaks and dates); plansite reads at most 1,000,000: is this the wrong column?", task+1, task)
		if err == nil || err.Error() != want {
			t.Fatalf("%d clauses a cell: error %.500v\nwant  %s", perCell, err, want)
		}
	}
}

// A cell of many clauses whose dates cannot be read warns about the first
// few and counts the rest in one more warning.
func TestUnreadClausesWarnings(t *testing.T) {
	for _, tt := range []struct {
		unread, want int
		last         string // the warning that counts the rest
	}{
		{1, 1, ""},
		{maxUnreadWarnings, maxUnreadWarnings, ""},
		{maxUnreadWarnings + 1, maxUnreadWarnings + 1, "1 more clause of this cell has a date that cannot be read (the first 5 are listed); they are shown as written"},
		{10000, maxUnreadWarnings + 1, "9,995 more clauses of this cell have a date that cannot be read (the first 5 are listed); they are shown as written"},
	} {
		cell := "2020年；" + strings.Repeat("尽快；", tt.unread)
		rows := []Row{mkRow(stdCells{column.ID: Cell{"1", 2, 1}, column.Measures: Cell{"措施。", 2, 2}, column.Timeline: Cell{cell, 2, 3}, column.Lead: Cell{"市科技局", 2, 4}})}
		_, warns, err := FromRows(Input{TasksFile: "content/tasks.csv", Rows: rows, Meta: Meta{StartYear: 2020, EndYear: 2022}})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, w := range warns {
			if w.Col == 3 {
				got = append(got, w.Msg)
			}
		}
		if len(got) != tt.want {
			t.Fatalf("%d clauses unread: %d warnings, want %d: %q", tt.unread, len(got), tt.want, got)
		}
		if last := got[len(got)-1]; tt.unread > maxUnreadWarnings && last != tt.last {
			t.Errorf("last warning %q, want %q", last, tt.last)
		}
	}
}

// A timeline cell of many commas is split in time that grows with the
// cell: each comma once read the whole rest of the cell, and a 64 KB cell
// took about a minute.
func TestTimelineOfCommas(t *testing.T) {
	cell := "2020年" + strings.Repeat("，", 21000) + "2021年完成"
	var ms []Milestone
	withDeadline(t, 10*time.Second, func() { ms, _ = ParseTimeline(cell, 2020, 2022) })
	if len(ms) != 2 || ms[1].When != "2021年" {
		t.Errorf("milestones %+v", ms)
	}
}
