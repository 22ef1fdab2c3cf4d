// Package plan is the content model of a plansite site: the plan, its action
// areas, its numbered tasks and the departments responsible for them.
//
// # For the person who edits the table
//
// The site is made from files in content/:
//
//   - tasks.csv (or tasks.xlsx): the task table (任务分工表), one row per task,
//     with the standard columns that package column lists (README.md gives
//     their names and the names other plans' tables use, which are
//     understood too or can be named in site.toml). Only measures and lead
//     are required. Keep the official wording exactly: the site shows every
//     character. Excel's and WPS's CSV (GB18030 or UTF-8) both work. Without
//     an area or timeline column the site simply has no area or year pages.
//   - id is the task number (7, or 1.1 in plans that number by section).
//     It becomes the task's address (/tasks/7/, /tasks/1-1/), so never
//     renumber a published task.
//   - area is the action area, written as in the original, e.g.
//     （二）产业培育发展行动: the number in brackets orders the areas. Leave it
//     empty on the rows that follow, as in a merged Word cell: a row with an
//     empty area belongs to the area above it.
//   - measures is the measures text. The site splits it into sentences at
//     。！？ and gives each sentence an anchor (#m1, #m2, ...). A task's title
//     is its first sentence when that is short, otherwise the text up to the
//     first ，or ；; a title column, when present and not empty, overrides it.
//   - timeline is free text made of clauses separated by ；, a line break, or
//     a comma or 。 followed by a date (2023年9月底前，2024年持续推进 is two
//     clauses). Each clause starts with its date: a year (2020年, 2020年度,
//     2020年内), a range (2021-2022年, 2021年至2023年, 2021—2023年), a
//     deadline (2023年底前, 2023年6月底前, 2023年6月30日前), a part of a year
//     (2023年上半年, 2023年第三季度), a start (2023年起, 2023年及以后), ongoing
//     or recurring work (长期坚持, 持续推进, 常态化推进, 每年, 每季度, 立行立改),
//     or, in a plan of one year, a date without a year (12月底前, 年内,
//     上半年). Full-width digits and 二〇二三年 are read too. The clause is
//     always published as written; a clause whose date cannot be read is a
//     warning naming the task and the clause, never a refusal to publish, and
//     the task is listed among those without a readable date.
//   - lead and coop list departments separated by 、 or ，. —— means none.
//     A closing 按职能推进 ("each according to its function") is shown as a note
//     on the task, not as part of a department's name.
//   - departments.csv: one row per department: 名称 (the name used in the
//     table), slug (the short ASCII address, /departments/<slug>/, never to
//     change once published), 英文名称 (English name, blank when no official
//     one exists), 别名 (other spellings in the table, separated by |, e.g. a
//     typo in the original) and 类别 (市直部门, 区政府, or 统称 for collective
//     actors such as 各区政府). A department missing from this table still gets
//     a page, at a slug derived from its name, and the build warns about it.
//   - site.toml: the plan's title, issuer, date, source and base URL, and
//     how to read the table (encoding, file, column names); README.md lists
//     every key.
//   - *.md: other pages, such as about.md → /about/.
package plan

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"plansite/internal/column"
)

// Plan is one government plan's task table, parsed.
type Plan struct {
	// Level is the level of government whose plan it is, as its units'
	// names begin: 市, 县, 区 or 旗 (市 when they say none). Its own
	// departments are Municipal: 县直部门 in a county's plan.
	Level       string
	Meta        Meta
	Areas       []*Area
	Tasks       []*Task
	Departments []*Department // in the order of the departments table, then of first appearance
	Years       []int         // every year from the first to the last any task is active
	Columns     []Column      // the task table's columns, in its order, under its own headings
	// Heading rows below the last task, which head no task.
	TrailingHeadings []string
	// Merges are the table's merged cells that hold, for /plan/ to show
	// the table as its document had it.
	Merges []Merge
}

// AreasAreActions reports whether every group of the plan's tasks is an
// action (（二）产业培育发展行动), which the site then calls its groups, and
// else parts, so that no plan's site calls its groups by another plan's
// word. The words are the labels' ([area_words]).
func (p *Plan) AreasAreActions() bool {
	for _, a := range p.Areas {
		if !strings.HasSuffix(a.Name, "行动") {
			return false
		}
	}
	return true
}

// HasColumn reports whether the table has the standard column std.
func (p *Plan) HasColumn(std column.Column) bool {
	if std.Index() < 0 { // and a name that is no column's key fails, naming it
		return false
	}
	for _, c := range p.Columns {
		if c.Std == std {
			return true
		}
	}
	return false
}

// Heading is the table's own heading of the standard column std (牵头单位
// for column.Lead). For a column of units the table does not have, whose
// units are read from the other one (the first unit of a 责任单位 cell
// leads, the rest help), it is named with the column's role and the
// table's own word for units: 配合单位 beside 责任单位. Else it is the
// standard name.
//
// It is the heading as running text says it (Word): pages name the column
// by it in their sentences and headings; /plan/ and each task's 原表记载
// show the heading as the table writes it.
func (p *Plan) Heading(std column.Column) string {
	spec := std.Spec()
	for _, c := range p.Columns {
		if c.Std == std && c.Heading != "" {
			return Word(c.Heading)
		}
	}
	for _, c := range p.Columns {
		if spec.Role == "" || c.Std.Spec().Role == "" {
			continue
		}
		for _, word := range column.UnitWords {
			if strings.HasSuffix(Word(c.Heading), word) {
				return spec.Role + word
			}
		}
	}
	return spec.Name
}

// Meta describes the plan as a document.
type Meta struct {
	Title      string // the plan's full title
	ShortTitle string // used in headers and page titles
	Attachment string // which part of the plan the table is, e.g. 附件1 任务分工表
	Issuer     string // the issuing body
	Date       string // issue date, YYYY-MM-DD
	SourceURL  string // the official publication
	SourceName string // the site that publishes the official text
	StartYear  int    // first plan year; 0 means: from the timelines
	EndYear    int    // last plan year; 0 means: from the timelines
}

// Area is an action area (the area column), a group of tasks.
type Area struct {
	Ordinal int    // 2 for （二）
	Label   string // as written in the table: （二）产业培育发展行动
	Name    string // 产业培育发展行动
	// Parents are the heading rows the group stands under, outermost first
	// (一、加快产业转型 over （一）), as the table has them.
	Parents []string
	Tasks   []*Task
}

// Task is one row of the table.
type Task struct {
	ID   string // the task number as written: "7"
	Slug string // the path segment of /tasks/<slug>/
	Line int    // the row's line in the CSV file, for messages

	Area      *Area
	Title     string
	Measures  string   // the measures cell, exactly as in the table
	Sentences []string // Measures split into sentences; joined they give Measures back

	Timeline   string // the timeline cell, exactly as in the table
	Milestones []Milestone

	LeadText, CoopText string // the lead and coop cells, exactly as in the table
	Lead, Coop         []*Department
	LeadNote, CoopNote string     // e.g. 按职能推进
	UnitNotes          []UnitNote // notes in brackets after a unit's name: （牵头）

	Items    []Item   // rows without a number below the task's own: its sub-items
	Headings []string // the heading rows right above the task in the table, outermost first
	Rows     []Row    // the task's rows as the table writes them: its own, then its sub-items'

	Prev, Next *Task
}

// Item is a row of the table with an empty number right below a task, as Excel
// exports merged cells: a sub-item of the task with cells of its own. Its
// sentences follow the task's own in Task.Sentences, from First; its
// milestones and units are the task's too.
type Item struct {
	Row      Row
	Measures string // as written
	Timeline string // as written
	First    int    // the index in Task.Sentences of its first sentence
}

// UnitNote is what the table says in brackets after one unit's name in a
// task, such as 牵头 or 按职责分工负责: a note on that assignment.
type UnitNote struct {
	Dept *Department
	Note string
}

// NoteFor returns the task's note on department d, if any.
func (t *Task) NoteFor(d *Department) string {
	for _, n := range t.UnitNotes {
		if n.Dept == d {
			return n.Note
		}
	}
	return ""
}

// Milestone is one clause of a timeline: what is due, and when. The clause
// is always kept as written; the date read from it is structure beside it.
type Milestone struct {
	Clause string // the whole clause as written
	When   string // its date as written: 2021-2022年, 2023年6月底前, 长期坚持
	Text   string // what is due, without the date and closing punctuation
	// Detail is what the clause says beside the years it covers: the
	// clause as written without the years it begins with (9月投入使用,
	// 6月底前完成), or its date when that is all it is.
	Detail   string
	DateKind DateKind // how the date is given; Unread when it cannot be read
	Start    YearMonth
	End      YearMonth
	Day      int    // the day of a deadline such as 6月30日前, else 0
	Recurs   string // 每年, 每季度, … for recurring work
	Yearless bool   // the clause gives no year: it took the clause before's or the plan's
	// Then is ongoing work the clause names after its date (…12月底前取得
	// 明显成效并长期坚持): the milestone covers the years to the plan's end.
	Then     string
	From, To int // the years covered, inclusive: Start.Year and End.Year, or the plan's end with Then
}

// Dated reports whether the clause's date could be read.
func (m Milestone) Dated() bool { return m.DateKind != Unread }

// Covers reports whether the milestone is due in year y.
func (m Milestone) Covers(y int) bool { return m.From <= y && y <= m.To }

// Span lists the years the milestone covers; none when its date cannot be
// read.
func (m Milestone) Span() []int {
	if !m.Dated() {
		return nil
	}
	ys := make([]int, 0, m.To-m.From+1)
	for y := m.From; y <= m.To; y++ {
		ys = append(ys, y)
	}
	return ys
}

// Years is the span of the milestone as text: 2021–2022 or 2020.
func (m Milestone) Years() string {
	if !m.Dated() {
		return ""
	}
	if m.From == m.To {
		return fmt.Sprint(m.From)
	}
	return fmt.Sprintf("%d–%d", m.From, m.To)
}

// DatedMilestones returns the milestones whose date could be read.
func (t *Task) DatedMilestones() []Milestone {
	var ms []Milestone
	for _, m := range t.Milestones {
		if m.Dated() {
			ms = append(ms, m)
		}
	}
	return ms
}

// Undated reports whether some clause of the task's timeline has a date
// that cannot be read.
func (t *Task) Undated() bool {
	for _, m := range t.Milestones {
		if !m.Dated() {
			return true
		}
	}
	return false
}

// Undated returns the tasks with a timeline clause whose date cannot be
// read, listed apart on /years/.
func (p *Plan) Undated() []*Task {
	var ts []*Task
	for _, t := range p.Tasks {
		if t.Undated() {
			ts = append(ts, t)
		}
	}
	return ts
}

// ActiveIn reports whether any of the task's milestones is due in year y.
func (t *Task) ActiveIn(y int) bool {
	for _, m := range t.Milestones {
		if m.Covers(y) {
			return true
		}
	}
	return false
}

// MilestonesIn returns the milestones due in year y.
func (t *Task) MilestonesIn(y int) []Milestone {
	var ms []Milestone
	for _, m := range t.Milestones {
		if m.Covers(y) {
			ms = append(ms, m)
		}
	}
	return ms
}

// DeptKind says what sort of actor a department is.
type DeptKind string

// The kinds of department. Collective actors (各区政府, 市各相关部门) stand for
// many offices at once.
const (
	Municipal  DeptKind = "市直部门"
	District   DeptKind = "区政府"
	Government DeptKind = "政府" // a government of another level: 县政府, 镇人民政府
	Collective DeptKind = "统称"
	Other      DeptKind = "其他单位"
)

// Levels are the levels of government a unit's name may begin with (县教育局),
// whose own departments a departments table may call 县直部门 as well as
// 市直部门.
const Levels = "市县区旗"

// ParseDeptKind reads a 类别 of the departments table: one of DeptKinds,
// or 县直部门, 区直部门 or 旗直部门, a level's own departments.
func ParseDeptKind(s string) (DeptKind, bool) {
	k := DeptKind(s)
	if slices.Contains(DeptKinds, k) {
		return k, true
	}
	if r, size := utf8.DecodeRuneInString(s); strings.ContainsRune(Levels, r) && s[size:] == "直部门" {
		return Municipal, true
	}
	return "", false
}

// DeptKinds are the kinds of department in the order pages group them.
var DeptKinds = []DeptKind{Municipal, District, Government, Collective, Other}

// Department is a responsible body, named in the lead or coop column.
type Department struct {
	Name    string
	Slug    string
	English string
	Aliases []string
	Kind    DeptKind
	Known   bool // listed in the departments table
	Lead    []*Task
	Coop    []*Task
}

// Tasks returns the number of tasks the department leads or cooperates on.
func (d *Department) Tasks() int { return len(d.Lead) + len(d.Coop) }

// Word is a heading as running text says it: the spaces and line breaks
// a table sets between its characters to fill a cell (主 要 工 作 任 务,
// 牵头⏎单位) taken out; a run of them between two characters of a
// spaced script (Work tasks) is one space.
func Word(heading string) string {
	if !strings.ContainsFunc(heading, unicode.IsSpace) {
		return heading
	}
	fields := strings.Fields(heading)
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			last, _ := utf8.DecodeLastRuneInString(fields[i-1])
			next, _ := utf8.DecodeRuneInString(f)
			if last < utf8.RuneSelf && next < utf8.RuneSelf {
				b.WriteByte(' ')
			}
		}
		b.WriteString(f)
	}
	return b.String()
}
