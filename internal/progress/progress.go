// Package progress is the 落实情况 of a plan: dated updates on its tasks,
// the vocabulary of statuses they use, each task's current status, and the
// rule that says which tasks are overdue.
//
// # For the person who edits the table
//
// content/progress.csv (or progress.xlsx), when present, holds one row per
// dated update, oldest or newest first as you like:
//
//   - 序号: the task, as in the task table (7, 1.1).
//   - 日期: the day of the update, YYYY-MM-DD, or YYYY-MM when only the
//     month is known. It may not lie after the site's updated date.
//   - 状态: one of the statuses: by default 未启动, 推进中, 已完成, 滞后,
//     已调整; site.toml's [[statuses]] may rename or extend them.
//   - 进展: what was done, published verbatim. It may not be empty.
//   - 来源: optional: an address (http://…, https://…), which becomes a
//     link, or a document's name and number, shown as text.
//
// A task's current status is its latest update's (by date; on the same
// date the later row). A task is overdue when its deadline, the end of its
// latest dated timeline clause, has passed by the site's updated date (else
// its issue date) and its status is not a done one (已完成 by default).
// Never the build's clock: two builds of the same content are the same.
//
// Each update keeps its place among its task's updates in the file as its
// anchor (/tasks/7/#p3 is the task's third row), so adding newer rows below
// never moves an anchor.
package progress

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"plansite/internal/plan"
)

// Row is one row of the progress file as read, each cell with its place.
type Row struct {
	ID, Date, Status, Text, Source plan.Cell
}

// Update is one dated update on one task.
type Update struct {
	Task   *plan.Task
	Seq    int    // its place among the task's updates in the file, from 1: the anchor pN
	Date   Date   // when
	Status int    // index in the vocabulary
	Text   string // 进展, verbatim
	Source string // 来源, verbatim; may be empty
	Line   int    // the row's line in the file
}

// Anchor is the update's id on its task's page: p1, p2, …
func (u *Update) Anchor() string { return "p" + strconv.Itoa(u.Seq) }

// SourceURL reports whether the source is an address to link to.
func (u *Update) SourceURL() bool {
	s := strings.ToLower(u.Source)
	return !strings.ContainsAny(u.Source, " \t\n") && (strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://"))
}

// Log is the progress of a plan: every update, the vocabulary and the date
// it is judged at.
type Log struct {
	Statuses []Status
	AsOf     Date // the site's updated (else issue) date; zero when it has none
	Updates  []*Update
	byTask   map[*plan.Task][]*Update // in file order
	tasks    []*plan.Task             // the plan's, in order
}

// For returns the task's updates in file order, oldest row first.
func (l *Log) For(t *plan.Task) []*Update {
	if l == nil {
		return nil
	}
	return l.byTask[t]
}

// Newest returns the task's updates newest first: by date, and on one date
// the later row first.
func (l *Log) Newest(t *plan.Task) []*Update {
	us := append([]*Update(nil), l.For(t)...)
	sort.SliceStable(us, func(i, j int) bool {
		if c := us[i].Date.Compare(us[j].Date); c != 0 {
			return c > 0
		}
		return us[i].Seq > us[j].Seq
	})
	return us
}

// Latest is the task's newest update, or nil.
func (l *Log) Latest(t *plan.Task) *Update {
	if us := l.Newest(t); len(us) > 0 {
		return us[0]
	}
	return nil
}

// Current is the task's status, its latest update's; nil when it has none.
func (l *Log) Current(t *plan.Task) *Status {
	if u := l.Latest(t); u != nil {
		return &l.Statuses[u.Status]
	}
	return nil
}

// StatusOf is the status of an update.
func (l *Log) StatusOf(u *Update) *Status { return &l.Statuses[u.Status] }

// Done reports whether the task's current status is a done one.
func (l *Log) Done(t *plan.Task) bool {
	s := l.Current(t)
	return s != nil && s.Done
}

// Overdue reports whether the task's deadline has passed by AsOf and it is
// not done.
func (l *Log) Overdue(t *plan.Task) bool {
	if l == nil || l.AsOf.IsZero() || l.Done(t) {
		return false
	}
	d, ok := Deadline(t)
	return ok && l.AsOf.Compare(d) > 0
}

// OverdueTasks lists the overdue tasks in the plan's order.
func (l *Log) OverdueTasks() []*plan.Task {
	var ts []*plan.Task
	if l == nil {
		return nil
	}
	for _, t := range l.tasks {
		if l.Overdue(t) {
			ts = append(ts, t)
		}
	}
	return ts
}

// Deadline is the last day of the task's latest dated timeline clause: its
// End month (December for a year), on the clause's own day when a deadline
// gives one. ok is false when no clause has a date that can be read.
func Deadline(t *plan.Task) (d Date, ok bool) {
	d, _, ok = DeadlineClause(t)
	return d, ok
}

// DeadlineClause is Deadline with the milestone it is read from, whose
// words (When) a page shows beside the date.
func DeadlineClause(t *plan.Task) (d Date, from plan.Milestone, ok bool) {
	for _, m := range t.Milestones {
		if !m.Dated() {
			continue
		}
		month := m.End.Month
		if month == 0 {
			month = 12
		}
		day := daysIn(m.End.Year, month)
		if m.Day > 0 && m.Day < day && m.DateKind == plan.Deadline && m.End.Month != 0 {
			day = m.Day
		}
		e := Date{m.End.Year, month, day}
		if !ok || e.Compare(d) > 0 {
			d, from, ok = e, m, true
		}
	}
	return d, from, ok
}

// Date is a day, or a month when Day is 0.
type Date struct{ Year, Month, Day int }

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.Year == 0 }

// String is YYYY-MM-DD, or YYYY-MM for a month.
func (d Date) String() string {
	if d.Day == 0 {
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Compare orders dates; a month comes before its days.
func (d Date) Compare(e Date) int {
	for _, c := range [][2]int{{d.Year, e.Year}, {d.Month, e.Month}, {d.Day, e.Day}} {
		if c[0] != c[1] {
			if c[0] < c[1] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// After reports whether d lies after e, a month being after e only when the
// whole month is.
func (d Date) After(e Date) bool {
	if d.Day == 0 || e.Day == 0 {
		return d.Year > e.Year || d.Year == e.Year && d.Month > e.Month
	}
	return d.Compare(e) > 0
}

// ParseDate reads YYYY-MM-DD or YYYY-MM; the message says what is wrong.
func ParseDate(s string) (Date, string) {
	const want = "is not a date written YYYY-MM-DD or YYYY-MM (2021-06-30, 2021-06)"
	parts := strings.Split(s, "-")
	if len(parts) < 2 || len(parts) > 3 || len(parts[0]) != 4 || len(parts[1]) != 2 || len(parts) == 3 && len(parts[2]) != 2 {
		return Date{}, want
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 || p[0] == '+' {
			return Date{}, want
		}
		n[i] = v
	}
	d := Date{n[0], n[1], n[2]}
	switch {
	case d.Year < 1900 || d.Year > 2200:
		return Date{}, "has a year outside 1900–2200"
	case d.Month < 1 || d.Month > 12:
		return Date{}, "has no month " + parts[1]
	case len(parts) == 3 && (d.Day < 1 || d.Day > daysIn(d.Year, d.Month)):
		return Date{}, fmt.Sprintf("is not a day of the calendar: %04d-%02d has %d days", d.Year, d.Month, daysIn(d.Year, d.Month))
	}
	return d, ""
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
