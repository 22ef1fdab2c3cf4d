package load

import (
	"strings"
	"testing"
	"testing/fstest"

	"plansite/internal/column"
)

// The reader knows a column by its standard name and by every synonym the
// column table gives it, in the task table and in the progress file, and
// places each row's cell in it.
func TestHeaderNamesFromTheColumnTable(t *testing.T) {
	for _, kind := range []struct {
		name  string
		table column.Table
		read  func(header, row string) ([]string, []string, error) // the column read and the cell, by key
	}{
		{"task table", column.Task, func(header, row string) ([]string, []string, error) {
			tab, err := taskCSV("t.csv", []byte(header+"\n"+row+"\n"), nil)
			if err != nil {
				return nil, nil, err
			}
			var keys, cells []string
			for _, c := range tab.Columns {
				keys = append(keys, string(c.Std))
				cells = append(cells, tab.Rows[0].Cell(c.Std).Text)
			}
			return keys, cells, nil
		}},
		{"progress file", column.Progress, func(header, row string) ([]string, []string, error) {
			rows, err := ProgressRows("p.csv", []byte(header+"\n"+row+"\n"), nil)
			if err != nil {
				return nil, nil, err
			}
			var cells []string
			for _, c := range progressCells(rows[0]) {
				cells = append(cells, c.Text)
			}
			return column.Progress.Keys(), cells, nil
		}},
	} {
		for k, spec := range kind.table {
			// A heading joining two names of the column is the column.
			names := append([]string{spec.Name}, spec.Synonyms...)
			if len(spec.Synonyms) > 0 {
				names = append(names, spec.Synonyms[len(spec.Synonyms)-1]+"与"+spec.Name, spec.Name+"及"+spec.Synonyms[0])
			}
			for _, name := range names {
				headings := kind.table.Names(false)
				headings[k] = name
				var row []string
				for _, s := range kind.table {
					row = append(row, "2023-01-01 "+s.Key) // a date, for the progress file
				}
				if kind.name == "task table" {
					row[column.ID.Index()] = "1"
				}
				keys, cells, err := kind.read(strings.Join(headings, ","), strings.Join(row, ","))
				if err != nil {
					t.Errorf("%s: %s as %s: %v", kind.name, name, spec.Name, err)
					continue
				}
				if keys[k] != spec.Key || cells[k] != row[k] {
					t.Errorf("%s: %s read as %q with the cell %q, want %s and %q", kind.name, name, keys[k], cells[k], spec.Key, row[k])
				}
			}
		}
	}
}

// A heading one character off a standard name is probably that column
// mistyped: the warning asks, says what the site will lack without it, and
// how to fix it.
func TestDidYouMean(t *testing.T) {
	tab, err := taskCSV("content/tasks.csv", []byte("序号,重点仁务,主要措施,时间结点,牵头部门,配合部,备注\n1,（一）甲,措施。,2020年,市科技局,市财政局,无\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`content/tasks.csv:1:4: warning: column "重点仁务" is not one plansite reads: did you mean 重点任务? Without 重点任务, the tasks have no groups`,
		`content/tasks.csv:1:14: warning: column "时间结点" is not one plansite reads: did you mean 时间节点? Without 时间节点, no year pages (/years/)`,
		`content/tasks.csv:1:24: warning: column "配合部" is not one plansite reads: did you mean 配合部门?`,
		`content/tasks.csv:1:28: warning: column "备注" is not one plansite reads (序号`,
	}
	if len(tab.Warnings) != len(want) {
		t.Fatalf("warnings %v", tab.Warnings)
	}
	for i, w := range tab.Warnings {
		if !strings.HasPrefix(w.Error(), want[i]) {
			t.Errorf("warning %d:\n%s\nwant\n%s…", i, w.Error(), want[i])
		}
	}
}

// Two headings that both name 主要措施 (工作任务 over groups, 具体要求 over
// the measures): the longer cells are the measures, the shorter the groups.
func TestChooseColumns(t *testing.T) {
	header := []string{"工作任务", "", "具体要求", "责任科室"}
	body := [][]string{{"强化公开", "1", "对行政规范性文件进行全面清理，并向社会公布目录。", "办公室"}, {"深化解读", "2", "积极做好政策解读工作，持续提升质量。", "各科室"}}
	got := ChooseColumns(header, body)
	if len(got) != 2 || got[0].Key != "measures" || got[0].Heading != "具体要求" || got[1].Key != "area" || got[1].Heading != "工作任务" {
		t.Errorf("got %+v", got)
	}
	if got := ChooseColumns([]string{"序号", "主要措施", "牵头单位"}, body); len(got) != 0 {
		t.Errorf("a table in no doubt: %+v", got)
	}
}

// A table without a heading of 主要措施 has its measures in the column of
// the longest text that is not numbers, units or dates: 重点任务, which
// would otherwise be read as the groups, or a heading plansite does not
// know; one without a heading of 牵头部门, its leading units in the first
// column of units plansite does not read. The table must then load with
// the choices in site.toml, as plansite new writes them.
func TestChooseMissingColumns(t *testing.T) {
	for _, c := range []struct {
		name           string
		header         []string
		body           [][]string
		measures, lead string // the headings chosen; "" for none
	}{
		{"重点任务 heads the tasks",
			[]string{"序号", "重点任务", "牵头单位", "责任单位", "完成时限"},
			[][]string{{"1", "推进数字政府建设，提升一网通办水平。", "区政务服务数据管理局", "各街道", "2024年12月底前"}, {"2", "实施城市更新行动。", "区住建局", "区财政局", "2024年6月"}},
			"重点任务", ""},
		{"an unknown heading beside short groups",
			[]string{"序号", "重点任务", "推进举措", "牵头单位"},
			[][]string{{"1", "数字政府", "推进数字政府建设，提升一网通办水平。", "区政务服务数据管理局"}, {"2", "城市更新", "实施城市更新行动，改造老旧小区。", "区住建局"}},
			"推进举措", ""},
		{"long units and dates are not the tasks",
			[]string{"序号", "事项", "牵头单位", "完成时限"},
			[][]string{{"1", "建平台", "区政务服务数据管理局、区发展和改革局、区财政局", "2024年12月31日前全部完成并验收"}},
			"事项", ""},
		{"units plansite does not read lead, and are not the tasks",
			[]string{"序号", "事项", "承办单位", "协办单位"},
			[][]string{{"1", "建平台", "区政务服务数据管理局、区发展和改革局、区财政局", "各街道"}},
			"事项", "承办单位"},
		{"the first of two columns of units leads",
			[]string{"序号", "主要措施", "落实单位", "支持部门"},
			[][]string{{"1", "建平台。", "区政务服务数据管理局", "区财政局"}},
			"", "落实单位"},
		{"责任单位 alone leads already",
			[]string{"序号", "主要措施", "责任单位", "备注单位"},
			[][]string{{"1", "建平台。", "区政务服务数据管理局", "区财政局"}},
			"", ""},
		{"a report's progress is not the tasks",
			[]string{"序号", "工作责任组", "责任领导", "责任单位", "月度目标要求", "工作进展(每周报送更新)"},
			[][]string{{"3", "项目建设组", "张三", "区发改委", "1.加快固定资产投资调度，确保全年目标完成。", "2024年1-10月我区固定资产投资累计完成168.25亿元，同比增长8.2%，其中工业投资增长12.5%。"}},
			"月度目标要求", ""},
		{"a column without a heading is not the tasks",
			[]string{"", "牵头单位"},
			[][]string{{"推进数字政府建设，提升一网通办水平。", "区政务服务数据管理局"}},
			"", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			var measures, lead string
			toml := "title = \"t\"\n[columns]\n"
			for _, ch := range ChooseColumns(c.header, c.body) {
				switch ch.Key {
				case string(column.Measures):
					measures = ch.Heading
				case string(column.Lead):
					lead = ch.Heading
				}
				toml += ch.Key + " = \"" + ch.Heading + "\"\n"
			}
			if measures != c.measures || lead != c.lead {
				t.Fatalf("measures %q and lead %q, want %q and %q", measures, lead, c.measures, c.lead)
			}
			if c.header[0] == "" {
				return // the table has no measures to load
			}
			var csv strings.Builder
			for _, row := range append([][]string{c.header}, c.body...) {
				csv.WriteString(strings.Join(row, ",") + "\n")
			}
			if _, _, err := Read(fstest.MapFS{"tasks.csv": {Data: []byte(csv.String())}, "site.toml": {Data: []byte(toml)}}, "content"); err != nil {
				t.Errorf("the table with these choices does not load: %v", err)
			}
		})
	}
}

// A table whose headings name neither measures nor titles, with a short
// column of the matters (工作事项) before its text (主要内容): the text is
// the measures, the matters the titles, and the table loads so. A matter
// as long as the text, or after it, is no title.
func TestChooseItemTitles(t *testing.T) {
	header := []string{"序号", "工作事项", "主要内容", "牵头单位"}
	body := [][]string{
		{"1", "有序扩大家庭医生来源。", "现阶段家庭医生包括全科医生、其他类别临床医师、乡村医生和退休临床医师，由全科向专科拓展。", "市卫生健康委"},
		{"2", "保障合理用药。", "落实医保药品目录药品配备和使用管理政策，加强基层医疗卫生机构与上级医院用药衔接。", "市医保局"},
	}
	toml := "title = \"t\"\n[columns]\n"
	var title string
	for _, ch := range ChooseColumns(header, body) {
		if ch.Key == string(column.Title) {
			title = ch.Heading
		}
		toml += ch.Key + " = \"" + ch.Heading + "\"\n"
	}
	if title != "工作事项" {
		t.Fatalf("title %q, want 工作事项 (%s)", title, toml)
	}
	var csv strings.Builder
	for _, row := range append([][]string{header}, body...) {
		csv.WriteString(strings.Join(row, ",") + "\n")
	}
	c, _, err := Read(fstest.MapFS{"tasks.csv": {Data: []byte(csv.String())}, "site.toml": {Data: []byte(toml)}}, "content")
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Plan.Tasks[1].Title; got != "保障合理用药。" {
		t.Errorf("task 2's title %q", got)
	}
	for _, h := range [][]string{{"序号", "主要内容", "工作事项", "牵头单位"}, {"序号", "工作事项", "主要内容", "牵头单位"}} {
		b := body
		if h[1] == "工作事项" { // as long as the text
			b = [][]string{{"1", body[0][2], body[0][2] + "。", "市卫生健康委"}}
		}
		for _, ch := range ChooseColumns(h, b) {
			if ch.Key == string(column.Title) {
				t.Errorf("%q: %s chosen as the titles", h, ch.Heading)
			}
		}
	}
}
