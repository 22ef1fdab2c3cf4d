package plan

import (
	"errors"
	"fmt"
	"plansite/internal/column"
	"plansite/internal/problem"
	"reflect"
	"slices"
	"strings"
	"testing"
)

const tasksFile = "content/tasks.csv"

// stdCells are a row's cells in the standard columns, by column.
type stdCells map[column.Column]Cell

// mkRow makes a row of the cells cs and, in the columns plansite does not
// read, others.
func mkRow(cs stdCells, others ...Cell) Row {
	r := Row{Others: others}
	for c, cell := range cs {
		r.Set(c, cell)
	}
	return r
}

// row makes a table row as the loader would: the row stands on line `line`
// and its cells in columns 1, 3, 5, ... (positions only need to be distinct).
func row(line int, id, area, measures, timeline, lead, coop string) Row {
	c := func(col int, s string) Cell { return Cell{Text: s, Line: line, Col: col} }
	return mkRow(stdCells{column.ID: c(1, id), column.Area: c(3, area), column.Measures: c(5, measures), column.Timeline: c(7, timeline), column.Lead: c(9, lead), column.Coop: c(11, coop)})
}

var testDepartments = []DepartmentEntry{
	{Name: "市工业和信息化局", Slug: "industry-it", Line: 2},
	{Name: "市科技局", Slug: "science-technology", Line: 3},
	{Name: "市规划和自然资源局", Slug: "planning-natural-resources", Aliases: []string{"市规划和自然局"}, Line: 4},
	{Name: "各区政府", Slug: "district-governments", Kind: Collective, Line: 5},
}

func input(rows ...Row) Input {
	return Input{
		Meta:      Meta{Title: "计划", StartYear: 2020, EndYear: 2022},
		TasksFile: tasksFile, Rows: rows,
		DepartmentsFile: "content/departments.csv", Departments: testDepartments,
	}
}

func TestBuild(t *testing.T) {
	in := input(
		row(2, "1", "（一）基础创新提升行动", "实施重点领域研发计划。强化联动。", "2022年持续推进。", "市科技局", "市工业和信息化局"),
		row(3, "2", "", "创建试验区。", "2020年，申报；2021-2022年持续推进。", "市科技局", "市工业和信息化局、各区政府"),
		row(4, "3", "（二）产业培育发展行动", "组织实施“强芯”工程，加大集成电路设计、专用设备制造、检验检测等关键环节的支持力度。", "2020-2022年持续推进。",
			"市工业和信息化局、市规划和自然资源局按职能推进", "——"),
		row(5, "4", "", "建设先导区。", "2021年，认定。", "市工业和信息化局", "市规划和自然局　、各区政府"),
	)
	in.Rows[1].Set(column.Title, Cell{Text: " 自定标题 ", Line: 3, Col: 13})
	p, warns, err := FromRows(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != 0 {
		t.Errorf("warnings: %v", warns)
	}
	if len(p.Tasks) != 4 || len(p.Areas) != 2 {
		t.Fatalf("%d tasks in %d areas, want 4 in 2", len(p.Tasks), len(p.Areas))
	}
	a1, a2 := p.Areas[0], p.Areas[1]
	if a1.Ordinal != 1 || a1.Name != "基础创新提升行动" || a1.Label != "（一）基础创新提升行动" || len(a1.Tasks) != 2 {
		t.Errorf("area 1 = %+v", a1)
	}
	if a2.Ordinal != 2 || len(a2.Tasks) != 2 || p.Tasks[3].Area != a2 {
		t.Errorf("area 2 does not hold tasks 3 and 4 (fill down): %+v", a2)
	}
	t1, t2, t3, t4 := p.Tasks[0], p.Tasks[1], p.Tasks[2], p.Tasks[3]
	if t1.Title != "实施重点领域研发计划" || t2.Title != "自定标题" || t3.Title != "组织实施“强芯”工程" {
		t.Errorf("titles %q, %q, %q", t1.Title, t2.Title, t3.Title)
	}
	if t1.Slug != "1" || t1.Line != 2 || t1.Prev != nil || t1.Next != t2 || t4.Prev != t3 || t4.Next != nil {
		t.Errorf("task 1 slug %q line %d, or neighbours wrong", t1.Slug, t1.Line)
	}
	if !reflect.DeepEqual(t1.Sentences, []string{"实施重点领域研发计划。", "强化联动。"}) {
		t.Errorf("sentences %q", t1.Sentences)
	}
	if len(t2.Milestones) != 2 || t2.ActiveIn(2019) || !t2.ActiveIn(2021) || t1.ActiveIn(2021) {
		t.Errorf("milestones of task 2: %+v", t2.Milestones)
	}
	if t3.LeadNote != "按职能推进" || t3.CoopNote != "" || len(t3.Coop) != 0 {
		t.Errorf("task 3 note %q / %q, coop %v", t3.LeadNote, t3.CoopNote, t3.Coop)
	}
	// The typo 市规划和自然局 is the same department; the text keeps it.
	planning := t3.Lead[1]
	if planning.Slug != "planning-natural-resources" || len(t4.Coop) != 2 || t4.Coop[0] != planning {
		t.Errorf("alias not resolved: task 4 coop %v", names(t4.Coop))
	}
	if t4.CoopText != "市规划和自然局　、各区政府" {
		t.Errorf("CoopText changed: %q", t4.CoopText)
	}
	if !reflect.DeepEqual(p.Years, []int{2020, 2021, 2022}) {
		t.Errorf("years %v", p.Years)
	}
	// Departments in table order, only those used.
	if got := names(p.Departments); !reflect.DeepEqual(got, []string{"市工业和信息化局", "市科技局", "市规划和自然资源局", "各区政府"}) {
		t.Errorf("departments %q", got)
	}
	it := p.Departments[0]
	if len(it.Lead) != 2 || len(it.Coop) != 2 || it.Tasks() != 4 || !it.Known || it.Kind != Municipal {
		t.Errorf("市工业和信息化局 lead %d coop %d known %v kind %q", len(it.Lead), len(it.Coop), it.Known, it.Kind)
	}
}

func names(ds []*Department) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Name)
	}
	return out
}

func TestBuildErrors(t *testing.T) {
	good := func(line int, id string) Row {
		return row(line, id, "（一）甲", "措施。", "2020年推进。", "市科技局", "——")
	}
	tests := []struct {
		name      string
		rows      []Row
		line, col int
		task      string
		msg       string
	}{
		{"duplicate 序号", []Row{good(2, "1"), good(3, "2"), good(4, "1")}, 4, 1, "", "序号 1 appears twice (first on line 2)"},
		{"duplicate 序号 with spaces", []Row{good(2, "1"), good(3, " 1 ")}, 3, 1, "", "序号 1 appears twice (first on line 2)"},
		// A number mistyped as the one above, the first of a group: not a
		// group numbered anew, which begins where the first group does.
		{"duplicate 序号 at a group's start", []Row{good(2, "1"), good(3, "2"), row(4, "2", "（二）乙", "措施。", "2020年", "市科技局", ""), good(5, "4")},
			4, 1, "", "序号 2 appears twice (first on line 3)"},
		// Numbered anew in the second group, but twice within it.
		{"duplicate 序号 within a group numbered anew", []Row{good(2, "1"), row(3, "1", "（二）乙", "措施。", "2020年", "市科技局", ""), good(4, "1")},
			3, 1, "", "序号 1 appears twice (first on line 2)"},
		{"non-numeric 序号", []Row{good(2, "1"), good(3, "第二项")}, 3, 1, "", `序号 "第二项" is not a task number`},
		{"empty 序号", []Row{good(2, "")}, 2, 1, "", "序号 is empty"},
		{"empty 主要措施", []Row{row(2, "1", "（一）甲", " \u3000", "2020年", "市科技局", "")}, 2, 5, "1", "主要措施 is empty"},
		{"empty first area", []Row{row(2, "1", "", "措施。", "2020年", "市科技局", "")}, 2, 3, "1", "重点任务 is empty and no row above names an area"},
		{"two areas with one ordinal", []Row{good(2, "1"), row(3, "2", "一、乙", "措施。", "2020年", "市科技局", "")}, 3, 3, "2", `area "一、乙" has the same number 1 as "（一）甲"`},
		{"no rows", nil, 0, 0, "", "the table has no tasks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _, err := FromRows(input(tt.rows...))
			var e *problem.Problem
			if !errors.As(err, &e) {
				t.Fatalf("Build = %v, %v; want a *problem.Problem", p, err)
			}
			if e.File != tasksFile || e.Line != tt.line || e.Col != tt.col || e.Task != tt.task || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("error %+v; want %s:%d:%d task %q, message with %q", e, tasksFile, tt.line, tt.col, tt.task, tt.msg)
			}
		})
	}
}

func TestBuildUnknownDepartment(t *testing.T) {
	mk := func(order ...string) (*Plan, []problem.Problem) {
		var rows []Row
		for i, lead := range order {
			rows = append(rows, row(i+2, string(rune('1'+i)), "（一）甲", "措施。", "2020年", lead, ""))
		}
		p, warns, err := FromRows(input(rows...))
		if err != nil {
			t.Fatal(err)
		}
		return p, warns
	}
	p, warns := mk("市科技局", "市新部门")
	d := p.Tasks[1].Lead[0]
	if d.Name != "市新部门" || d.Known || !ValidSlug(d.Slug) || !strings.HasPrefix(d.Slug, "d-") {
		t.Fatalf("unknown department %+v", d)
	}
	if len(warns) != 1 {
		t.Fatalf("warnings %v, want one", warns)
	}
	w := warns[0]
	if w.File != tasksFile || w.Line != 3 || w.Col != 9 || !strings.Contains(w.Msg, `"市新部门" is not in content/departments.csv`) ||
		!strings.Contains(w.Msg, "/departments/"+d.Slug+"/") {
		t.Errorf("warning %+v", w)
	}
	// The slug depends on the name alone: not on row order or other rows.
	p2, _ := mk("市新部门", "市另一新部门", "市科技局")
	if s := p2.Tasks[0].Lead[0].Slug; s != d.Slug {
		t.Errorf("slug changed with row order: %q then %q", d.Slug, s)
	}
	if s := p2.Tasks[1].Lead[0].Slug; s == d.Slug {
		t.Errorf("two unknown departments share slug %q", s)
	}
	// One warning per department, not per mention.
	if _, warns := mk("市新部门", "市新部门"); len(warns) != 1 {
		t.Errorf("%d warnings for one unknown department named twice", len(warns))
	}
}

func TestBuildLeadAndCoop(t *testing.T) {
	p, _, err := FromRows(input(
		row(2, "1", "（一）甲", "措施。", "2020年", "市科技局、市科技局", "市科技局、市工业和信息化局"),
		row(3, "2", "", "措施。", "2020年", "市规划和自然局", "市规划和自然资源局"),
	))
	if err != nil {
		t.Fatal(err)
	}
	t1, t2 := p.Tasks[0], p.Tasks[1]
	if got := names(t1.Lead); !reflect.DeepEqual(got, []string{"市科技局"}) {
		t.Errorf("task 1 lead %q", got)
	}
	if got := names(t1.Coop); !reflect.DeepEqual(got, []string{"市工业和信息化局"}) {
		t.Errorf("task 1 coop %q: a lead department must not also cooperate", got)
	}
	if len(t2.Lead) != 1 || len(t2.Coop) != 0 {
		t.Errorf("task 2: alias and name are one department, lead only; got lead %q coop %q", names(t2.Lead), names(t2.Coop))
	}
	sci := t1.Lead[0]
	if len(sci.Lead) != 1 || len(sci.Coop) != 0 {
		t.Errorf("市科技局 lead %d coop %d, want 1 and 0", len(sci.Lead), len(sci.Coop))
	}
}

// A lead cell that marks one unit as leading, with a note or a mark, says
// the others help; 分别牵头 marks each unit before it as leading.
func TestBuildMarkedLead(t *testing.T) {
	p, _, err := FromRows(input(
		row(2, "1", "（一）甲", "措施。", "2020年", "市科技局（牵头）、市工业和信息化局", ""),
		row(3, "2", "", "措施。", "2020年", "★市科技局、各区政府", ""),
		row(4, "3", "", "措施。", "2020年", "市科技局、市工业和信息化局分别牵头", ""),
	))
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range [][2][]string{
		{{"市科技局"}, {"市工业和信息化局"}},
		{{"市科技局"}, {"各区政府"}},
		{{"市科技局", "市工业和信息化局"}, nil},
	} {
		tk := p.Tasks[i]
		if got := [2][]string{names(tk.Lead), names(tk.Coop)}; !reflect.DeepEqual(got, want) {
			t.Errorf("task %s: lead and coop %q, want %q", tk.ID, got, want)
		}
	}
}

// TestBuildManyUnits: a task whose cells name units again, in its lead
// cell, its cooperating cell and a sub-item's, lists each once, as lead
// when any cell has it lead, in the order first named; below manyUnits
// units and past it.
func TestBuildManyUnits(t *testing.T) {
	for _, n := range []int{3, manyUnits - 1, manyUnits, 3 * manyUnits} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			lead := numbered("牵头单位", n)
			coop := append(numbered("配合单位", n), lead[n-1], lead[0])
			item := append([]string{lead[1], coop[0]}, numbered("子项单位", n)...)
			item = append(item, coop[n-1])
			in := input(
				row(2, "1", "（一）甲", "措施。", "2020年", strings.Join(lead, "、"), strings.Join(coop, "、")),
				row(3, "", "", "子项措施。", "2021年", "", strings.Join(item, "、")),
				row(4, "2", "", "措施。", "2020年", lead[0], coop[1]),
			)
			p, _, err := FromRows(in)
			if err != nil {
				t.Fatal(err)
			}
			t1, t2 := p.Tasks[0], p.Tasks[1]
			wantCoop := append(numbered("配合单位", n), numbered("子项单位", n)...)
			if got := names(t1.Lead); !slices.Equal(got, lead) {
				t.Errorf("task 1 lead %q, want %q", got, lead)
			}
			if got := names(t1.Coop); !slices.Equal(got, wantCoop) {
				t.Errorf("task 1 coop %q, want %q", got, wantCoop)
			}
			if got := names(t2.Lead); !slices.Equal(got, lead[:1]) {
				t.Errorf("task 2 lead %q: the task before's units must not count as named", got)
			}
			if got := names(t2.Coop); !slices.Equal(got, coop[1:2]) {
				t.Errorf("task 2 coop %q", got)
			}
		})
	}
}

func TestBuildWarnings(t *testing.T) {
	_, warns, err := FromRows(input(
		row(2, "1", "基础行动", "措施。", "2020年", "", ""),
		row(3, "2", "", "措施。", "2020年，甲；尽快完成", "市科技局", ""),
	))
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, w := range warns {
		msgs = append(msgs, w.Error())
	}
	want := []string{
		`content/tasks.csv:2:3: warning: task 1: area "基础行动" has no ordinal such as （一）; numbered 1 by its order`,
		"content/tasks.csv:2:9: warning: task 1: no lead department (牵头部门)",
		`content/tasks.csv:3:7: warning: task 2: cannot read the date of timeline clause "尽快完成": ` + timelineHint,
	}
	if !reflect.DeepEqual(msgs, want) {
		t.Errorf("warnings\n%q\nwant\n%q", msgs, want)
	}
}

func TestBuildNoAreaColumn(t *testing.T) {
	// A table without a 重点任务 column: cells have no position.
	r := row(2, "1", "", "措施。", "2020年", "市科技局", "")
	r.Set(column.Area, Cell{})
	p, _, err := FromRows(input(r))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Areas) != 0 || p.Tasks[0].Area != nil {
		t.Errorf("areas %v", p.Areas)
	}
}

func TestBuildDepartmentTableErrors(t *testing.T) {
	okRow := row(2, "1", "（一）甲", "措施。", "2020年", "市科技局", "")
	tests := []struct {
		name  string
		depts []DepartmentEntry
		line  int
		col   int
		msg   string
	}{
		{"two departments with one slug", []DepartmentEntry{
			{Name: "市科技局", Slug: "science", Line: 2, SlugCol: 6}, {Name: "市财政局", Slug: "science", Line: 3, NameCol: 1, SlugCol: 6},
		}, 3, 6, `slug "science" is used by both 市科技局 and 市财政局`},
		{"bad slug", []DepartmentEntry{{Name: "市科技局", Slug: "Science Bureau", Line: 2, SlugCol: 6}}, 2, 6, `slug "Science Bureau" of 市科技局 must be lowercase`},
		{"slug leaving the folder", []DepartmentEntry{{Name: "市科技局", Slug: "../x", Line: 2, SlugCol: 6}}, 2, 6, `slug "../x"`},
		{"empty name", []DepartmentEntry{{Name: " ", Slug: "x", Line: 2, NameCol: 1}}, 2, 1, "名称 is empty"},
		{"alias of two departments", []DepartmentEntry{
			{Name: "市科技局", Slug: "a", Line: 2}, {Name: "市科学技术局", Slug: "b", Aliases: []string{"市科技局"}, Line: 3, NameCol: 1, AliasesCol: 11},
		}, 3, 11, `name "市科技局" is listed for both 市科技局 and 市科学技术局`},
		{"name of two departments", []DepartmentEntry{
			{Name: "市科技局", Slug: "a", Line: 2}, {Name: "市科技局", Slug: "b", Line: 3, NameCol: 1, AliasesCol: 9},
		}, 3, 1, `name "市科技局" is listed for both`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := input(okRow)
			in.Departments = tt.depts
			_, _, err := FromRows(in)
			var e *problem.Problem
			if !errors.As(err, &e) {
				t.Fatalf("Build: %v; want a *problem.Problem", err)
			}
			if e.File != "content/departments.csv" || e.Line != tt.line || e.Col != tt.col || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("error %+v; want %d:%d and %q", e, tt.line, tt.col, tt.msg)
			}
		})
	}
}

func TestValidSlug(t *testing.T) {
	for _, s := range []string{"a", "industry-it", "d-1x9", "2020"} {
		if !ValidSlug(s) {
			t.Errorf("ValidSlug(%q) = false", s)
		}
	}
	for _, s := range []string{"", "A", "a b", "a--b", "-a", "a-", "../a", "a/b", "市科技局", strings.Repeat("a", 65)} {
		if ValidSlug(s) {
			t.Errorf("ValidSlug(%q) = true", s)
		}
	}
}

// Pages name a column in the table's own words; one the table lacks, in its
// word for units.
func TestHeading(t *testing.T) {
	for _, tt := range []struct {
		cols       []Column
		lead, coop string
	}{
		{[]Column{{Heading: "牵头单位", Std: column.Lead}, {Heading: "责任单位", Std: column.Coop}}, "牵头单位", "责任单位"},
		{[]Column{{Heading: "责任单位", Std: column.Lead}}, "责任单位", "配合单位"},
		{[]Column{{Heading: "责任科室", Std: column.Lead}}, "责任科室", "配合科室"},
		{[]Column{{Heading: "牵头部门", Std: column.Lead}}, "牵头部门", "配合部门"},
		{[]Column{{Heading: "负责", Std: column.Lead}}, "负责", "配合部门"},
	} {
		p := &Plan{Columns: tt.cols}
		if got := p.Heading(column.Lead) + " " + p.Heading(column.Coop); got != tt.lead+" "+tt.coop {
			t.Errorf("%v: %s, want %s %s", tt.cols, got, tt.lead, tt.coop)
		}
	}
}

// A table that numbers its tasks anew in each group (一、 1 2 3, 二、 1 2)
// numbers each task by its group's number and its own, at /tasks/2-1/,
// with a warning at the first number that repeats; its 序号 cells stay as
// written.
func TestBuildNumberedAnewInEachGroup(t *testing.T) {
	in := input(
		row(2, "1", "（一）甲", "措施一。", "2020年推进。", "市科技局", ""),
		row(3, "2", "", "措施二。", "2020年推进。", "市科技局", ""),
		row(4, "1", "（二）乙", "措施三。", "2021年推进。", "市科技局", ""),
		row(5, "2", "", "措施四。", "2021年推进。", "市科技局", ""),
	)
	p, warns, err := FromRows(in)
	if err != nil {
		t.Fatal(err)
	}
	var ids, slugs, cells []string
	for _, tk := range p.Tasks {
		ids, slugs, cells = append(ids, tk.ID), append(slugs, tk.Slug), append(cells, tk.Rows[0].Cell(column.ID).Text)
	}
	if want := []string{"1.1", "1.2", "2.1", "2.2"}; !slices.Equal(ids, want) {
		t.Errorf("numbers %q, want %q", ids, want)
	}
	if want := []string{"1-1", "1-2", "2-1", "2-2"}; !slices.Equal(slugs, want) {
		t.Errorf("addresses %q, want %q", slugs, want)
	}
	if want := []string{"1", "2", "1", "2"}; !slices.Equal(cells, want) {
		t.Errorf("序号 cells %q, want them as written, %q", cells, want)
	}
	found := false
	for _, w := range warns {
		found = found || w.Line == 4 && w.Col == 1 && strings.Contains(w.Msg, "numbers its tasks anew in each group")
	}
	if !found {
		t.Errorf("no warning at 4:1 that the table numbers its tasks anew: %v", warns)
	}
	// A task outside any group with a number that repeats: an error still.
	in.Rows = append([]Row{row(2, "1", "", "措施零。", "2020年推进。", "市科技局", "")}, in.Rows...)
	in.Rows[0].Set(column.Area, Cell{})
	if _, _, err := FromRows(in); err == nil || !strings.Contains(err.Error(), "appears twice") {
		t.Errorf("a repeated number outside a group: %v", err)
	}
}

// A county's table names the county's own departments (县教育局): the plan's
// level is 县, and those the departments table does not list are the
// level's own departments, as 市科技局 is in a city's; a city's table stays
// at 市 though it names a few units of a district.
func TestBuildLevel(t *testing.T) {
	in := input(
		row(2, "1", "（一）甲", "措施。", "2020年", "县教育局", "县财政局、县各有关单位、各乡镇人民政府"),
		row(3, "2", "", "措施。", "2020年", "县住建局", "市科技局"),
	)
	in.Departments = nil
	p, _, err := FromRows(in)
	if err != nil {
		t.Fatal(err)
	}
	if p.Level != "县" {
		t.Errorf("level %q, want 县", p.Level)
	}
	kinds := map[string]DeptKind{}
	for _, d := range p.Departments {
		kinds[d.Name] = d.Kind
	}
	want := map[string]DeptKind{"县教育局": Municipal, "县财政局": Municipal, "县住建局": Municipal, "县各有关单位": Collective,
		"各乡镇人民政府": Collective, "市科技局": Other}
	if !reflect.DeepEqual(kinds, want) {
		t.Errorf("kinds %v, want %v", kinds, want)
	}
	p, _, err = FromRows(input(row(2, "1", "（一）甲", "措施。", "2020年", "市科技局、区教育局", "市财政局")))
	if err != nil || p.Level != "市" {
		t.Errorf("a city's table: level %q, %v", p.Level, err)
	}
}

func TestParseDeptKind(t *testing.T) {
	for s, want := range map[string]DeptKind{"市直部门": Municipal, "县直部门": Municipal, "区直部门": Municipal, "旗直部门": Municipal,
		"统称": Collective, "其他单位": Other, "区政府": District, "省直部门": "", "直部门": "", "部门": ""} {
		if got, ok := ParseDeptKind(s); got != want || ok != (want != "") {
			t.Errorf("ParseDeptKind(%q) = %q, %v; want %q", s, got, ok, want)
		}
	}
}
