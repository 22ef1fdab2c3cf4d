package plan

import (
	"fmt"
	"plansite/internal/column"
	"plansite/internal/problem"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestTaskNumber(t *testing.T) {
	for _, tt := range []struct{ raw, want string }{
		{"7", "7"}, {" 7 ", "7"}, {"1.1", "1.1"}, {"7.", "7"}, {"7、", "7"}, {"204.", "204"},
		{"（七）", "7"}, {"(七)", "7"}, {"七、", "7"}, {"十二", "12"}, {"(1)", "1"}, {"（12）", "12"},
		{"第七", ""}, {"甲", ""}, {"1.", "1"}, {"1..2", ""}, {"", ""}, {"七七七七", ""},
	} {
		got, ok := TaskNumber(tt.raw)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("TaskNumber(%q) = %q, %v; want %q", tt.raw, got, ok, tt.want)
		}
	}
}

// TestIsDottedNumber holds the hand-written match to the pattern it
// replaces, ^\d{1,6}(?:\.\d{1,6})*$, on every string of up to eight
// characters from 0, 1, 9, a dot, a letter and a full-width digit.
func TestIsDottedNumber(t *testing.T) {
	re := regexp.MustCompile(`^\d{1,6}(?:\.\d{1,6})*$`)
	alphabet := []string{"0", "1", "9", ".", "a", "１"}
	var all func(s string, n int)
	all = func(s string, n int) {
		if got, want := isDottedNumber(s), re.MatchString(s); got != want {
			t.Fatalf("isDottedNumber(%q) = %v, want %v", s, got, want)
		}
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			all(s+c, n-1)
		}
	}
	all("", 8)
	for _, s := range []string{"1234567", "123456.1234567", "123456.123456", "1.2.3.4.5.6.7"} {
		if got, want := isDottedNumber(s), re.MatchString(s); got != want {
			t.Errorf("isDottedNumber(%q) = %v, want %v", s, got, want)
		}
	}
}

// describe is a plan in lines: each area with its tasks, each task with its
// number, sentences, milestones' years and units.
func describe(p *Plan) string {
	var b strings.Builder
	for _, t := range p.Tasks {
		area := ""
		if t.Area != nil {
			area = fmt.Sprintf("[%d %s] ", t.Area.Ordinal, t.Area.Name)
		}
		var lead, coop []string
		for _, d := range t.Lead {
			lead = append(lead, d.Name)
		}
		for _, d := range t.Coop {
			coop = append(coop, d.Name)
		}
		var years []string
		for _, m := range t.Milestones {
			years = append(years, m.Years())
		}
		fmt.Fprintf(&b, "%s%s: %s | %s | lead %s | coop %s | items %d\n", area, t.ID, strings.Join(t.Sentences, "/"),
			strings.Join(years, ","), strings.Join(lead, "、"), strings.Join(coop, "、"), len(t.Items))
	}
	return b.String()
}

// Real tables: heading rows that start a group, rows without a number that
// continue the task above, numbers written 1. or （一）, no 序号 column, the
// first unit leading.
func TestBuildRealShapes(t *testing.T) {
	c := func(line, col int, s string) Cell { return Cell{Text: s, Line: line, Col: col} }
	// 序号, 任务, 牵头单位, 责任单位 (no area column, no timeline)
	r := func(line int, id, task, lead, coop string) Row {
		return mkRow(stdCells{column.ID: c(line, 1, id), column.Measures: c(line, 2, task), column.Lead: c(line, 3, lead), column.Coop: c(line, 4, coop)})
	}
	tests := []struct {
		name  string
		in    Input
		want  string
		warns []string // parts of the warnings, in order
	}{
		{"heading rows start groups", Input{TasksFile: tasksFile, Rows: []Row{
			r(2, "", "一、经济社会发展的主要预期目标", "", ""),
			r(3, "1.", "生产总值增长6%。", "区发改局", "开发区，各专班"),
			r(4, "2.", "工业增加值增长5%。", "区工信局", "开发区"),
			r(5, "", "——推进教育高质量发展", "", ""),
			r(6, "3.", "新建幼儿园。", "", "市教育局"),
		}}, `[1 经济社会发展的主要预期目标] 1: 生产总值增长6%。 |  | lead 区发改局 | coop 开发区、各专班 | items 0
[1 经济社会发展的主要预期目标] 2: 工业增加值增长5%。 |  | lead 区工信局 | coop 开发区 | items 0
[2 推进教育高质量发展] 3: 新建幼儿园。 |  | lead  | coop 市教育局 | items 0
`, []string{"task 3: no lead department"}},
		{"a row without a number continues the task above", Input{TasksFile: tasksFile, Rows: []Row{
			r(2, "1", "建设平台。", "市科技局", ""),
			r(3, "", "完善制度。", "", "市财政局（牵头）"),
			r(4, "2", "推广应用。", "市工业和信息化局", ""),
		}}, `1: 建设平台。/完善制度。 |  | lead 市科技局、市财政局 | coop  | items 1
2: 推广应用。 |  | lead 市工业和信息化局 | coop  | items 0
`, nil},
		{"（一） numbers", Input{TasksFile: tasksFile, Rows: []Row{
			r(2, "（一）", "破除门槛。", "市发改委", ""),
			r(3, "（二）", "落实政策。", "市财政局", ""),
		}}, `1: 破除门槛。 |  | lead 市发改委 | coop  | items 0
2: 落实政策。 |  | lead 市财政局 | coop  | items 0
`, nil},
		{"the first unit leads", Input{TasksFile: tasksFile, FirstUnitLeads: true, Rows: []Row{
			r(2, "1", "建设平台。", "市科技局、市财政局、各区政府", ""),
		}}, `1: 建设平台。 |  | lead 市科技局 | coop 市财政局、各区政府 | items 0
`, nil},
		{"a starred unit leads, the others in its cell help", Input{TasksFile: tasksFile, Rows: []Row{
			r(2, "5", "兑现惠企资金。", "区政府办公室*、区财政局", ""),
			r(3, "6", "争取专项资金。", "区财政局＊、区发改局", "区科技局"),
			r(4, "7", "设立子基金。", "区财政局、区科技局", ""),
		}}, `5: 兑现惠企资金。 |  | lead 区政府办公室 | coop 区财政局 | items 0
6: 争取专项资金。 |  | lead 区财政局 | coop 区发改局、区科技局 | items 0
7: 设立子基金。 |  | lead 区财政局、区科技局 | coop  | items 0
`, nil},
		{"no 序号 column: numbered by order", Input{TasksFile: tasksFile,
			Columns: []Column{{Heading: "工作任务", Std: column.Area}, {Heading: "具体要求", Std: column.Measures}, {Heading: "责任部门", Std: column.Lead}},
			Rows: []Row{
				mkRow(stdCells{column.Area: c(2, 1, "一、做好财政信息公开。"), column.Measures: c(2, 2, "1.推进预算公开。"), column.Lead: c(2, 3, "财务科")}),
				mkRow(stdCells{column.Area: c(3, 1, ""), column.Measures: c(3, 2, "2.更新网站。"), column.Lead: c(3, 3, "办公室")}),
			}}, `[1 做好财政信息公开。] 1: 1.推进预算公开。 |  | lead 财务科 | coop  | items 0
[1 做好财政信息公开。] 2: 2.更新网站。 |  | lead 办公室 | coop  | items 0
`, []string{"no 序号 column"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, warns, err := FromRows(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := describe(p); got != tt.want {
				t.Errorf("plan\n%s\nwant\n%s", got, tt.want)
			}
			var unlisted []problem.Problem // every department here is missing from a departments table
			for _, w := range warns {
				if !strings.Contains(w.Msg, "is not in") {
					unlisted = append(unlisted, w)
				}
			}
			if len(unlisted) != len(tt.warns) {
				t.Fatalf("warnings %v, want %q", unlisted, tt.warns)
			}
			for i, w := range tt.warns {
				if !strings.Contains(unlisted[i].Error(), w) {
					t.Errorf("warning %q does not say %q", unlisted[i].Error(), w)
				}
			}
		})
	}
}

// A department the departments table does not list is grouped by what its
// name says, never at a level the table does not give.
func TestGuessKind(t *testing.T) {
	for _, tt := range []struct {
		name string
		want DeptKind
	}{
		{"各县（市、区）人民政府", Collective}, {"有关单位", Collective}, {"市各相关部门", Collective},
		{"街道办事处", Collective}, {"村（社区）", Collective}, {"某街道办事处", Other}, {"区级相关部门", Collective},
		{"黄埔区政府", District}, {"天河区人民政府", District},
		{"宁县人民政府", Government}, {"某镇政府", Government},
		{"市科技局", Municipal}, {"市场监管局", Other}, {"县发改局", Other}, {"办公室", Other}, {"区工信局", Other},
	} {
		if got := guessKind(tt.name); got != tt.want {
			t.Errorf("guessKind(%s) = %s, want %s", tt.name, got, tt.want)
		}
	}
}

// 无牵头单位的，责任单位即为牵头单位: with others_lead_without_lead, a task
// whose lead cell is empty is led by the units of its other cell.
func TestOthersLeadWithoutLead(t *testing.T) {
	c := func(line, col int, s string) Cell { return Cell{Text: s, Line: line, Col: col} }
	r := func(line int, id, lead, coop string) Row {
		return mkRow(stdCells{column.ID: c(line, 1, id), column.Measures: c(line, 2, "措施。"), column.Lead: c(line, 3, lead), column.Coop: c(line, 4, coop)})
	}
	in := Input{TasksFile: tasksFile, OthersLeadWithoutLead: true, Rows: []Row{
		r(2, "204", "市教育局", "各区人民政府"),
		r(3, "205", "", "市教育局"),
	}}
	p, warns, err := FromRows(in)
	if err != nil {
		t.Fatal(err)
	}
	want := "204: 措施。 |  | lead 市教育局 | coop 各区人民政府 | items 0\n205: 措施。 |  | lead 市教育局 | coop  | items 0\n"
	if got := describe(p); got != want {
		t.Errorf("plan\n%s\nwant\n%s", got, want)
	}
	for _, w := range warns {
		if strings.Contains(w.Msg, "no lead") {
			t.Errorf("warning %v", w)
		}
	}
}

// A unit that helps in one row of a task and leads in another (市医保局
// helps in its first row and leads in its second) leads the task, once,
// and its page lists the task among those it leads, not those it helps.
func TestUnitLeadingALaterRow(t *testing.T) {
	c := func(line, col int, s string) Cell { return Cell{Text: s, Line: line, Col: col} }
	r := func(line int, id, lead, coop string) Row {
		return mkRow(stdCells{column.ID: c(line, 1, id), column.Measures: c(line, 2, "措施。"), column.Lead: c(line, 3, lead), column.Coop: c(line, 4, coop)})
	}
	p, _, err := FromRows(Input{TasksFile: tasksFile, Rows: []Row{
		r(2, "6", "各区政府", "市卫生健康委，市医保局"),
		r(3, "", "市医保局、市卫生健康委、各区政府", ""),
		r(4, "7", "市民政局", "市医保局"),
	}})
	if err != nil {
		t.Fatal(err)
	}
	want := "6: 措施。/措施。 |  | lead 各区政府、市医保局、市卫生健康委 | coop  | items 1\n7: 措施。 |  | lead 市民政局 | coop 市医保局 | items 0\n"
	if got := describe(p); got != want {
		t.Errorf("plan\n%s\nwant\n%s", got, want)
	}
	for _, d := range p.Departments {
		if d.Name == "市医保局" && (len(d.Lead) != 1 || d.Lead[0].ID != "6" || len(d.Coop) != 1 || d.Coop[0].ID != "7") {
			t.Errorf("市医保局 leads %d and helps %d tasks", len(d.Lead), len(d.Coop))
		}
	}
}

// Heading rows at every level are kept: above an area column they are the
// areas' parents (一、 over （一）); without one, the innermost heading is the
// group and those around it its parents. A heading written in the 序号
// column, where a heading merged across the table has its text, is one too.
func TestHeadingLevels(t *testing.T) {
	in := input(
		row(2, "一、加快产业转型", "", "", "", "", ""),
		row(3, "1", "（一）基础创新", "甲。", "2020年", "市科技局", ""),
		row(4, "2", "（二）产业培育", "乙。", "2020年", "市科技局", ""),
		row(5, "", "", "二、优化环境", "", "", ""),
		row(6, "3", "（三）营商环境", "丙。", "2020年", "市科技局", ""),
	)
	in.Columns = []Column{{Heading: "序号", Std: column.ID}, {Heading: "重点任务", Std: column.Area}, {Heading: "主要措施", Std: column.Measures},
		{Heading: "时间节点", Std: column.Timeline}, {Heading: "牵头部门", Std: column.Lead}, {Heading: "配合部门", Std: column.Coop}}
	p, _, err := FromRows(in)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range p.Areas {
		got = append(got, strings.Join(append(a.Parents, a.Label), " > "))
	}
	want := []string{"一、加快产业转型 > （一）基础创新", "一、加快产业转型 > （二）产业培育", "二、优化环境 > （三）营商环境"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("areas %q, want %q", got, want)
	}
	// No area column: the headings are the groups, nested.
	in = input(
		row(2, "", "", "一、总体目标", "", "", ""),
		row(3, "", "", "（一）经济", "", "", ""),
		row(4, "1", "", "甲。", "2020年", "市科技局", ""),
		row(5, "", "", "（二）社会", "", "", ""),
		row(6, "2", "", "乙。", "2020年", "市科技局", ""),
		row(7, "", "", "二、重点任务", "", "", ""),
		row(8, "3", "", "丙。", "2020年", "市科技局", ""),
	)
	in.Columns = []Column{{Heading: "序号", Std: column.ID}, {Heading: "主要措施", Std: column.Measures},
		{Heading: "时间节点", Std: column.Timeline}, {Heading: "牵头部门", Std: column.Lead}}
	p, _, err = FromRows(in)
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, a := range p.Areas {
		got = append(got, strings.Join(append(a.Parents, a.Label), " > "))
	}
	want = []string{"一、总体目标 > （一）经济", "一、总体目标 > （二）社会", "二、重点任务"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("areas %q, want %q", got, want)
	}
}

// A numbered heading with no task before the next heading of its level or
// above is a group the table lists empty (a department's extract of a
// larger table keeps the other parts' headings): a group all the same, so
// that the groups keep the table's numbers. A heading of other words (a
// title row) is no group.
func TestEmptyGroups(t *testing.T) {
	cols := []Column{{Heading: "序号", Std: column.ID}, {Heading: "主要措施", Std: column.Measures},
		{Heading: "时间节点", Std: column.Timeline}, {Heading: "牵头部门", Std: column.Lead}}
	tests := []struct {
		name   string
		rows   []Row
		merged int      // the first rows are merged across the table, as a title is
		want   []string // each group: parents > label: its tasks
	}{
		{"siblings", []Row{
			row(2, "", "", "一、预期目标", "", "", ""),
			row(3, "3", "", "甲。", "2025年", "区发改委", ""),
			row(4, "", "", "二、扩投资", "", "", ""),
			row(5, "", "", "三、延链条", "", "", ""),
			row(6, "", "", "六、惠民生", "", "", ""),
			row(7, "68", "", "乙。", "2025年", "区教育局", ""),
		}, 0, []string{"一、预期目标: 3", "二、扩投资: ", "三、延链条: ", "六、惠民生: 68"}},
		{"a child empty, then a sibling of its parent", []Row{
			row(2, "", "", "一、总体目标", "", "", ""),
			row(3, "", "", "（一）经济", "", "", ""),
			row(4, "", "", "二、重点任务", "", "", ""),
			row(5, "1", "", "甲。", "2020年", "市科技局", ""),
		}, 0, []string{"一、总体目标 > （一）经济: ", "二、重点任务: 1"}},
		{"nested headings, none empty", []Row{
			row(2, "", "", "一、总体目标", "", "", ""),
			row(3, "", "", "（一）经济", "", "", ""),
			row(4, "1", "", "甲。", "2020年", "市科技局", ""),
		}, 0, []string{"一、总体目标 > （一）经济: 1"}},
		{"the same heading under two", []Row{
			row(2, "", "", "一、产业发展", "", "", ""),
			row(3, "", "", "（一）主要目标", "", "", ""),
			row(4, "1", "", "甲。", "2024年", "市发改局", ""),
			row(5, "", "", "二、民生保障", "", "", ""),
			row(6, "", "", "（一）主要目标", "", "", ""),
			row(7, "2", "", "乙。", "2024年", "市教育局", ""),
		}, 0, []string{"一、产业发展 > （一）主要目标: 1", "二、民生保障 > （一）主要目标: 2"}},
		{"dashes", []Row{
			row(2, "", "", "——推进教育高质量发展", "", "", ""),
			row(3, "", "", "——加快建设健康城市", "", "", ""),
			row(4, "1", "", "甲。", "2020年", "市卫健委", ""),
		}, 0, []string{"——推进教育高质量发展: ", "——加快建设健康城市: 1"}},
		{"title rows merged across the table", []Row{
			row(2, "谯城区教育局分解表", "", "", "", "", ""),
			row(3, "节选", "", "", "", "", ""),
			row(4, "", "", "一、预期目标", "", "", ""),
			row(5, "3", "", "甲。", "2025年", "区发改委", ""),
		}, 2, []string{"节选 > 一、预期目标: 3"}},
	}
	for _, tt := range tests {
		in := input(tt.rows...)
		in.Columns = cols
		for i := range in.Rows {
			in.Rows[i].Record = in.Rows[i].line()
			if i < tt.merged {
				in.Merges = append(in.Merges, Merge{Top: i + 2, Left: 1, Bottom: i + 2, Right: len(cols)})
			}
		}
		p, _, err := FromRows(in)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var got []string
		for i, a := range p.Areas {
			var ids []string
			for _, task := range a.Tasks {
				ids = append(ids, task.ID)
			}
			got = append(got, strings.Join(append(slices.Clone(a.Parents), a.Label), " > ")+": "+strings.Join(ids, " "))
			if a.Ordinal != i+1 {
				t.Errorf("%s: %s numbered %d, the %dth group", tt.name, a.Label, a.Ordinal, i+1)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: groups %q, want %q", tt.name, got, tt.want)
		}
	}
}
