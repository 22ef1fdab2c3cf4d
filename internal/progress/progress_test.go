package progress

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"plansite/internal/plan"
	"plansite/internal/problem"
)

func TestParseDate(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Date
		err  string // part of the message; "" when the date reads
	}{
		{"2021-06-30", Date{2021, 6, 30}, ""},
		{"2021-06", Date{2021, 6, 0}, ""},
		{"2024-02-29", Date{2024, 2, 29}, ""},
		{"2000-02-29", Date{2000, 2, 29}, ""},
		{"1900-02-28", Date{1900, 2, 28}, ""},
		{"2023-02-29", Date{}, "2023-02 has 28 days"},
		{"1900-02-29", Date{}, "1900-02 has 28 days"},
		{"2021-04-31", Date{}, "2021-04 has 30 days"},
		{"2021-06-00", Date{}, "not a day of the calendar"},
		{"2021-13", Date{}, "no month 13"},
		{"2021-00-01", Date{}, "no month 00"},
		{"1899-12-31", Date{}, "outside 1900–2200"},
		{"2201-01", Date{}, "outside 1900–2200"},
		{"2021-6-30", Date{}, "YYYY-MM-DD"},
		{"2021/06/30", Date{}, "YYYY-MM-DD"},
		{"2021", Date{}, "YYYY-MM-DD"},
		{"2021-06-30-01", Date{}, "YYYY-MM-DD"},
		{"+021-06-30", Date{}, "YYYY-MM-DD"},
		{"2021-+6-30", Date{}, "YYYY-MM-DD"},
		{"二〇二一-06", Date{}, "YYYY-MM-DD"},
		{"", Date{}, "YYYY-MM-DD"},
	} {
		got, msg := ParseDate(tt.in)
		if got != tt.want || (tt.err == "") != (msg == "") || !strings.Contains(msg, tt.err) {
			t.Errorf("ParseDate(%q) = %v, %q; want %v, %q", tt.in, got, msg, tt.want, tt.err)
		}
		if msg == "" && got.String() != tt.in {
			t.Errorf("ParseDate(%q) prints as %s", tt.in, got)
		}
	}
}

// A month comes before its days in order, but lies after a day only when
// the whole month does.
func TestDateOrder(t *testing.T) {
	may, may31, june1, june := Date{2021, 5, 0}, Date{2021, 5, 31}, Date{2021, 6, 1}, Date{2021, 6, 0}
	for _, tt := range []struct {
		a, b    Date
		compare int
		after   bool
	}{
		{may, may31, -1, false},
		{may31, may, 1, false},
		{june, may31, 1, true},
		{june1, may31, 1, true},
		{may31, june1, -1, false},
		{june, june, 0, false},
		{Date{2022, 1, 0}, june, 1, true},
		{june, Date{2021, 6, 15}, -1, false},
	} {
		if c := tt.a.Compare(tt.b); c != tt.compare {
			t.Errorf("%v.Compare(%v) = %d, want %d", tt.a, tt.b, c, tt.compare)
		}
		if a := tt.a.After(tt.b); a != tt.after {
			t.Errorf("%v.After(%v) = %v, want %v", tt.a, tt.b, a, tt.after)
		}
	}
	if !(Date{}).IsZero() || june.IsZero() {
		t.Error("IsZero")
	}
}

// clause is a dated timeline clause ending in month end (0: the whole
// year) of year to, on day day for a deadline.
func clause(kind plan.DateKind, from, to, end, day int) plan.Milestone {
	return plan.Milestone{DateKind: kind, From: from, To: to, Start: plan.YearMonth{Year: from}, End: plan.YearMonth{Year: to, Month: end}, Day: day}
}

var unread = plan.Milestone{DateKind: plan.Unread, Clause: "尽快完成"}

func TestDeadline(t *testing.T) {
	for _, tt := range []struct {
		name string
		ms   []plan.Milestone
		want string // "" when there is none
	}{
		{"a year ends on 31 December", []plan.Milestone{clause(plan.InYear, 2021, 2021, 0, 0)}, "2021-12-31"},
		{"a month ends on its last day", []plan.Milestone{clause(plan.InYear, 2023, 2023, 6, 0)}, "2023-06-30"},
		{"February of a leap year", []plan.Milestone{clause(plan.Deadline, 2020, 2024, 2, 0)}, "2024-02-29"},
		{"a deadline's own day", []plan.Milestone{clause(plan.Deadline, 2020, 2023, 6, 15)}, "2023-06-15"},
		{"a day past the month's end is the month's end", []plan.Milestone{clause(plan.Deadline, 2020, 2023, 6, 31)}, "2023-06-30"},
		{"a day only counts in a deadline", []plan.Milestone{clause(plan.InYear, 2023, 2023, 6, 15)}, "2023-06-30"},
		{"the latest clause's end", []plan.Milestone{clause(plan.Ongoing, 2020, 2022, 0, 0), clause(plan.Deadline, 2020, 2021, 9, 0)}, "2022-12-31"},
		{"an unread clause does not count", []plan.Milestone{unread, clause(plan.Between, 2020, 2021, 0, 0)}, "2021-12-31"},
		{"no clause that reads", []plan.Milestone{unread}, ""},
		{"no clause", nil, ""},
	} {
		d, ok := Deadline(&plan.Task{ID: "1", Milestones: tt.ms})
		got := ""
		if ok {
			got = d.String()
		}
		if got != tt.want {
			t.Errorf("%s: deadline %q, want %q", tt.name, got, tt.want)
		}
	}
}

// testTasks: task 1 due by the end of 2021, task 2 by June 2022, task 3
// without a date that reads, task 1.1 by 2020.
func testTasks() *plan.Plan {
	return &plan.Plan{Tasks: []*plan.Task{
		{ID: "1", Milestones: []plan.Milestone{clause(plan.InYear, 2021, 2021, 0, 0)}},
		{ID: "2", Milestones: []plan.Milestone{clause(plan.Deadline, 2020, 2022, 6, 0)}},
		{ID: "3", Milestones: []plan.Milestone{unread}},
		{ID: "1.1", Milestones: []plan.Milestone{clause(plan.InYear, 2020, 2020, 0, 0)}},
	}}
}

// row is an update of the progress file on line line, its cells in
// columns 1 to 5.
func row(line int, id, date, status, text, source string) Row {
	c := func(col int, s string) plan.Cell { return plan.Cell{Text: s, Line: line, Col: col} }
	return Row{ID: c(1, id), Date: c(2, date), Status: c(3, status), Text: c(4, text), Source: c(5, source)}
}

// logOf makes the log of rows for testTasks as of asOf, failing the test
// on an error.
func logOf(t *testing.T, rows []Row, asOf Date) (*plan.Plan, *Log, []problem.Problem) {
	t.Helper()
	p := testTasks()
	l, warns, err := NewLog("content/progress.csv", rows, p, Defaults(), asOf)
	if err != nil {
		t.Fatal(err)
	}
	return p, l, warns
}

// Each task's updates keep their order in the file (and so their anchors);
// its status is its latest update's by date, the later row on one date,
// a month before its days.
func TestBuildAndCurrent(t *testing.T) {
	p, l, _ := logOf(t, []Row{
		row(2, "1", "2021-03-01", "推进中", "开工。", "https://example.org/a"),
		row(3, "2", "2021-05", "未启动", "筹备。", ""),
		row(4, "1", "2020-12-31", "未启动", "立项。", "示例文件（示〔2020〕1号）"),
		row(5, "2", "2021-05-01", "推进中", "启动。", ""),
		row(6, "1", "2021-03-01", "已完成", "完成。", ""),
		row(7, " 1.1 ", "2020-06", "滞后", "延期。", ""),
	}, Date{2022, 12, 31})
	t1, t2, t3, t11 := p.Tasks[0], p.Tasks[1], p.Tasks[2], p.Tasks[3]
	anchors := func(us []*Update) string {
		var out []string
		for _, u := range us {
			out = append(out, fmt.Sprintf("%s@%d", u.Anchor(), u.Line))
		}
		return strings.Join(out, " ")
	}
	for _, tt := range []struct {
		task            *plan.Task
		file, newest    string
		current         string
		done, hasLatest bool
	}{
		{t1, "p1@2 p2@4 p3@6", "p3@6 p1@2 p2@4", "已完成", true, true},
		{t2, "p1@3 p2@5", "p2@5 p1@3", "推进中", false, true},
		{t11, "p1@7", "p1@7", "滞后", false, true},
		{t3, "", "", "", false, false},
	} {
		if got := anchors(l.For(tt.task)); got != tt.file {
			t.Errorf("task %s in file order: %s, want %s", tt.task.ID, got, tt.file)
		}
		if got := anchors(l.Newest(tt.task)); got != tt.newest {
			t.Errorf("task %s newest first: %s, want %s", tt.task.ID, got, tt.newest)
		}
		cur := ""
		if s := l.Current(tt.task); s != nil {
			cur = s.Name
		}
		if cur != tt.current || l.Done(tt.task) != tt.done || (l.Latest(tt.task) != nil) != tt.hasLatest {
			t.Errorf("task %s: status %q, done %v; want %q, %v", tt.task.ID, cur, l.Done(tt.task), tt.current, tt.done)
		}
	}
	if len(l.Updates) != 6 || l.Updates[3].Task != t2 || l.Updates[0].Source != "https://example.org/a" || l.Updates[2].Text != "立项。" {
		t.Errorf("the updates are not the rows in file order: %+v", l.Updates)
	}
	if none := (*Log)(nil); none.For(t1) != nil || none.Overdue(t1) || none.OverdueTasks() != nil {
		t.Error("a site without progress has updates")
	}
}

// A task is overdue when its deadline has passed by the as-of date and it
// is not done; without an as-of date, none is.
func TestOverdue(t *testing.T) {
	rows := []Row{
		row(2, "1", "2021-06-01", "已完成", "完成。", ""),
		row(3, "2", "2021-06-01", "推进中", "推进。", ""),
	}
	for _, tt := range []struct {
		asOf Date
		want string // overdue tasks in the plan's order
	}{
		{Date{2022, 12, 31}, "2 1.1"}, // 1 is done; 3 has no deadline
		{Date{2022, 6, 30}, "1.1"},    // 2 is due on 30 June: not yet past
		{Date{2022, 7, 1}, "2 1.1"},   // past
		{Date{2021, 1, 1}, "1.1"},     // 1.1 was due by the end of 2020
		{Date{2020, 12, 31}, ""},      // its last day
		{Date{2022, 7, 0}, "2 1.1"},   // a month as of date is judged as its first day
		{Date{}, ""},
	} {
		rs := rows
		if tt.asOf.Compare(Date{2021, 6, 1}) < 0 && !tt.asOf.IsZero() {
			rs = nil // the updates would lie after the as-of date
		}
		p, l, _ := logOf(t, rs, tt.asOf)
		var got []string
		for _, task := range l.OverdueTasks() {
			got = append(got, task.ID)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("as of %v: overdue %v, want %s", tt.asOf, got, tt.want)
		}
		for _, task := range p.Tasks {
			if l.Overdue(task) != strings.Contains(" "+tt.want+" ", " "+task.ID+" ") {
				t.Errorf("as of %v: Overdue(%s) = %v", tt.asOf, task.ID, l.Overdue(task))
			}
		}
	}
}

// Every row that cannot be published is an error at its cell, all of them
// at once, and nothing is made.
func TestBuildErrors(t *testing.T) {
	rows := []Row{
		row(2, "9", "2021-06-01", "推进中", "推进。", ""),
		row(3, "1", "2021-6-1", "推进中", "推进。", ""),
		row(4, "1", "2023-01-01", "推进中", "推进。", ""),
		row(5, "2", "2021-06-01", "进行中", "推进。", ""),
		row(6, "2", "2021-06-01", "推进中", " \n", ""),
		row(7, "2", "2021-06-01", "推进中", "这一行没有错。", ""),
	}
	l, warns, err := NewLog("content/progress.csv", rows, testTasks(), Defaults(), Date{2022, 12, 31})
	var list problem.List
	if l != nil || warns != nil || !errors.As(err, &list) {
		t.Fatalf("Build = %v, %v, %v; want only the errors", l, warns, err)
	}
	want := []struct {
		line, col int
		task, has string
	}{
		{2, 1, "", `"9"`},
		{3, 2, "1", `"2021-6-1"`},
		{4, 2, "1", "2022-12-31"},
		{5, 3, "2", `"进行中"`},
		{6, 4, "2", "进展"},
	}
	if len(list) != len(want) {
		t.Fatalf("%d errors, want %d:\n%v", len(list), len(want), err)
	}
	// One error alone stops the build too.
	if _, _, err := NewLog("content/progress.csv", rows[4:], testTasks(), Defaults(), Date{2022, 12, 31}); err == nil {
		t.Error("an empty 进展 alone builds")
	}
	for i, w := range want {
		p := list[i]
		if p.File != "content/progress.csv" || p.Line != w.line || p.Col != w.col || p.Task != w.task || !strings.Contains(p.Msg, w.has) || p.Severity != problem.Error {
			t.Errorf("error %d: %s:%d:%d task %q %q; want line %d, column %d, task %q, naming %s", i, p.File, p.Line, p.Col, p.Task, p.Msg, w.line, w.col, w.task, w.has)
		}
	}
}

// The warnings: a task marked done that later goes back to a status that
// is not done, at the later row; and each task past its deadline with no
// update at all.
func TestBuildWarnings(t *testing.T) {
	_, _, warns := logOf(t, []Row{
		row(2, "1", "2021-01-01", "已完成", "完成。", ""),
		row(3, "1", "2021-02-01", "推进中", "又推进。", ""),
		row(4, "1", "2021-03-01", "已完成", "再完成。", ""),
		row(5, "1", "2021-04-01", "已完成", "验收。", ""),
		row(6, "2", "2021-01-01", "已完成", "完成。", ""),
		row(7, "3", "2021-01-01", "推进中", "推进。", ""),
		row(8, "2", "2021-03-01", "滞后", "又滞后。", ""),
		row(9, "2", "2021-02-01", "推进中", "又推进。", ""),
	}, Date{2022, 12, 31})
	var got []string
	for _, w := range warns {
		if w.Severity != problem.Warning || w.File != "content/progress.csv" {
			t.Errorf("%v: not a warning of the progress file", w)
		}
		got = append(got, fmt.Sprintf("%s@%d", w.Task, w.Line))
	}
	// 1 went back from 已完成 (line 2) at line 3, and 2 at line 9, once
	// though it stays undone; 2 is overdue, but has updates; 1.1 is overdue
	// without an update (no line: it has no row).
	if strings.Join(got, " ") != "1@3 2@9 1.1@0" {
		t.Errorf("warnings %v:\n%v", got, warns)
	}
}

func TestCount(t *testing.T) {
	p, l, _ := logOf(t, []Row{
		row(2, "1", "2021-01-01", "已完成", "完成。", ""),
		row(3, "2", "2021-01-01", "推进中", "推进。", ""),
		row(4, "1.1", "2021-01-01", "推进中", "推进。", ""),
		row(5, "1.1", "2021-02-01", "滞后", "滞后。", ""),
	}, Date{2022, 12, 31})
	c := l.Count(p.Tasks)
	// 未启动 推进中 已完成 滞后 已调整; task 3 has no update.
	if fmt.Sprint(c.N) != "[0 1 1 1 0]" || c.None != 1 || c.Total != 4 {
		t.Errorf("Count = %+v", c)
	}
	if c := l.Count(p.Tasks[2:3]); fmt.Sprint(c.N) != "[0 0 0 0 0]" || c.None != 1 || c.Total != 1 {
		t.Errorf("Count of task 3 = %+v", c)
	}
}

func TestByDeadlineYear(t *testing.T) {
	p := testTasks()
	years, groups, undated := ByDeadlineYear(p.Tasks)
	ids := func(ts []*plan.Task) string {
		var out []string
		for _, t := range ts {
			out = append(out, t.ID)
		}
		return strings.Join(out, " ")
	}
	if fmt.Sprint(years) != "[2020 2021 2022]" || ids(groups[2020]) != "1.1" || ids(groups[2021]) != "1" || ids(groups[2022]) != "2" || ids(undated) != "3" {
		t.Errorf("years %v, groups %v, undated %s", years, groups, ids(undated))
	}
}

func TestSourceURL(t *testing.T) {
	for _, tt := range []struct {
		source string
		url    bool
	}{
		{"https://example.org/a", true},
		{"HTTP://example.org/a", true},
		{"http://example.org/a b", false},
		{"示例文件（示〔2020〕1号）", false},
		{"ftp://example.org/a", false},
		{"javascript:alert(1)", false},
		{"", false},
	} {
		if got := (&Update{Source: tt.source}).SourceURL(); got != tt.url {
			t.Errorf("SourceURL(%q) = %v, want %v", tt.source, got, tt.url)
		}
	}
}
