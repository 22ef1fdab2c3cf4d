package labels

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"

	"plansite/internal/column"
	"plansite/internal/config"
)

func TestCompile(t *testing.T) {
	for _, tt := range []struct {
		raw  string
		args []string
		vals []string
		want string // the filled label, or the error
	}{
		{"任务{id}：{title}", []string{"id", "title"}, []string{"7", "创建先导区"}, "任务7：创建先导区"},
		{"{title}（第{page}页）", []string{"title", "page"}, []string{"责任部门", "2"}, "责任部门（第2页）"},
		// In the order the declaration gives, whatever the label's.
		{"{title} of task {id}", []string{"id", "title"}, []string{"7", "Pilot zone"}, "Pilot zone of task 7"},
		{"{id}{id}", []string{"id"}, []string{"7"}, "77"},
		{"{excerpt}", []string{"excerpt"}, []string{"全文"}, "全文"},
		{"找不到页面", nil, nil, "找不到页面"},
		{"", []string{"id"}, []string{"7"}, ""},
		{"{{id}} is {id}", []string{"id"}, []string{"7"}, "{id} is 7"},
		{"a }} b", nil, nil, "a } b"},
		{"{title}", nil, nil, "unknown placeholder {title}: this label takes only the table's words {measures}, {timeline}, {lead}, {coop} and {unit}; write {{ and }} for a brace"},
		{"任务{nam}", []string{"id", "title"}, nil, "unknown placeholder {nam}: this label may use {id} and {title}, and the table's words {measures}, {timeline}, {lead}, {coop} and {unit}"},
		{"{x}", []string{"a", "b", "c"}, nil, "unknown placeholder {x}: this label may use {a}, {b} and {c}, and the table's words {measures}, {timeline}, {lead}, {coop} and {unit}"},
		{"{ id}", []string{"id"}, nil, "unknown placeholder { id}: this label may use {id}, and the table's words {measures}, {timeline}, {lead}, {coop} and {unit}"},
		// The table's headings, in any label: their standard names until a
		// site's are given (ForTable); a label's own placeholder of the
		// same name is its own.
		{"按{timeline}", nil, nil, "按时间节点"},
		{"{lead}", nil, nil, "牵头部门"},
		{"{measures}和{timeline}", []string{"measures"}, []string{"任务"}, "任务和时间节点"},
		{"任务{id", []string{"id"}, nil, "a { that no } closes; write {{ for a brace"},
		{"任务}", []string{"id"}, nil, "a } that no { opens; write }} for a brace"},
	} {
		p, err := Compile(tt.raw, tt.args)
		got := ""
		if err != nil {
			got = err.Error()
		} else {
			got = p.Fill(tt.vals...)
		}
		if got != tt.want {
			t.Errorf("%q with %v: %q, want %q", tt.raw, tt.vals, got, tt.want)
		}
		if err == nil && p.String() != tt.raw {
			t.Errorf("%q: String() is %q", tt.raw, p.String())
		}
	}
}

// Filling a label is one allocation: no parsing, no fmt.
func TestFillAllocatesOnce(t *testing.T) {
	p := MustCompile("任务{id}：{title}", "id", "title")
	if n := testing.AllocsPerRun(100, func() { p.Fill("7", "创建先导区") }); n > 1 {
		t.Errorf("Fill allocates %v times", n)
	}
	whole := MustCompile("{excerpt}", "excerpt")
	if n := testing.AllocsPerRun(100, func() { whole.Fill("全文") }); n > 0 {
		t.Errorf("a label of one value allocates %v times", n)
	}
}

func BenchmarkFill(b *testing.B) {
	p := MustCompile("任务{id}：{title}", "id", "title")
	b.Run("pattern", func(b *testing.B) {
		for range b.N {
			_ = p.Fill("7", "积极创建国家级人工智能先导区")
		}
	})
	b.Run("sprintf", func(b *testing.B) {
		for range b.N {
			_ = fmt.Sprintf("任务%s：%s", "7", "积极创建国家级人工智能先导区")
		}
	})
}

var specs = []PageSpec{{Name: "home", Title: []string{"title"}, Description: []string{"title", "attachment", "tasks", "areas", "departments", "timeline", "units"}},
	{Name: "task", Title: []string{"id", "title"}, Description: []string{"excerpt"}},
	{Name: "404"}}

// A labels file changes the keys it sets and no other; each mistake in it
// is an error at its line and column.
func TestParse(t *testing.T) {
	for _, tt := range []struct {
		name, file string
		check      func(*Labels) string // what is wrong with the labels read, or ""
		err        string
	}{
		{name: "one word", file: "[pages.task]\ntitle = \"第{id}项 {title}\"\n", check: func(l *Labels) string {
			task := l.Pages["task"]
			if got := task.Title.Fill("7", "T"); got != "第7项 T" {
				return "title " + got
			}
			if got := task.Column.Fill(); got != "任务" {
				return "column, which the file leaves out, is " + got
			}
			if got := l.Pages["404"].Title.Fill(); got != "找不到页面" {
				return "another kind's title is " + got
			}
			return ""
		}},
		{name: "a fixed section", file: "[chart.timeline]\ntitle = \"Timeline of {tasks} tasks\"\n", check: func(l *Labels) string {
			if got := l.Chart.Timeline.Title.Fill("3", "2020", "2022"); got != "Timeline of 3 tasks" {
				return "title " + got
			}
			if got := l.Chart.Timeline.Description.Fill("2020年1项"); !strings.HasPrefix(got, "甘特图") {
				return "description, left out, is " + got
			}
			return ""
		}},
		{name: "an empty word", file: "[pages.home]\nnav = \"\"\n", check: func(l *Labels) string {
			if l.Pages["home"].Nav.Fill() != "" || l.Pages["home"].Crumb.Fill() != "首页" {
				return fmt.Sprintf("%+v", l.Pages["home"])
			}
			return ""
		}},
		{name: "byte order mark", file: "\ufeff[feed]\nissued_title = \"Issued: {title}\"\n", check: func(l *Labels) string {
			if got := l.Feed.IssuedTitle.Fill("P"); got != "Issued: P" {
				return got
			}
			return ""
		}},
		{name: "nothing", file: "", check: func(l *Labels) string {
			if !reflect.DeepEqual(l.Progress, Default().Progress) {
				return "the defaults differ"
			}
			return ""
		}},
		{name: "unknown key", file: "[pages.task]\n\n  titel = \"x\"\n",
			err: `templates/labels.toml:3:3: error: unknown label pages.task.titel; plansite's labels are those of its default labels.toml (README.md, "Labels"): correct the name or remove the line`},
		{name: "unknown section", file: "[feeds]\nissued_title = \"x\"\n",
			err: `templates/labels.toml:1:1: error: unknown label feeds;`},
		{name: "unknown kind", file: "# mine\n[pages.tasks]\ntitle = \"x\"\n",
			err: "templates/labels.toml:2:1: error: [pages.tasks]: no page kind is called tasks; the kinds are home, task, 404"},
		{name: "unknown placeholder", file: "[pages.task]\ntitle = \"任务{nam}：{title}\"\n",
			err: "templates/labels.toml:2:12: error: pages.task.title: unknown placeholder {nam}: this label may use {id} and {title}, and the table's words {measures}, {timeline}, {lead}, {coop} and {unit}"},
		{name: "placeholder of a fixed label", file: "[chart.matrix]\ndescription = \"共{tasks}项\"\n",
			err: "templates/labels.toml:2:17: error: chart.matrix.description: unknown placeholder {tasks}: this label may use {departments}, {areas}, {counter} and {noun}, and the table's words"},
		{name: "placeholder on a later line", file: "[feed]\nissued_summary = \"\"\"\n{issuer}印发\n《{plan}》\"\"\"\n",
			err: "templates/labels.toml:4:2: error: feed.issued_summary: unknown placeholder {plan}: this label may use {issuer}, {date}, {title}, {attachment} and {tasks}, and the table's words"},
		{name: "brace", file: "[pages.404]\ntitle = \"404 {\"\n",
			err: "templates/labels.toml:2:14: error: pages.404.title: a { that no } closes; write {{ for a brace"},
		{name: "not text", file: "[pages.home]\nnav = [\"首页\"]\n",
			err: "templates/labels.toml:2:1: error: pages.home.nav: incompatible types"},
		{name: "not TOML", file: "[pages.home]\nnav = \"x\n",
			err: "templates/labels.toml:2:9: error: strings cannot contain newlines"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l, err := Parse("templates/labels.toml", []byte(tt.file), specs)
			switch {
			case tt.err != "" && err == nil:
				t.Fatalf("no error, want %q", tt.err)
			case tt.err != "" && !strings.HasPrefix(err.Error(), tt.err):
				t.Fatalf("%s\nwant %s", err.Error(), tt.err)
			case tt.err == "" && err != nil:
				t.Fatal(err)
			case tt.err == "":
				if msg := tt.check(l); msg != "" {
					t.Error(msg)
				}
			}
		})
	}
}

// The defaults set every label, and a templates folder without labels.toml
// has them; with one, its words.
func TestRead(t *testing.T) {
	var l Labels
	md, err := config.DecodeTOML(defaults, &l)
	if err != nil {
		t.Fatal(err)
	}
	var walk func(v reflect.Value, key toml.Key)
	walk = func(v reflect.Value, key toml.Key) {
		for i := range v.NumField() {
			f := v.Type().Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
			k := append(key[:len(key):len(key)], name)
			switch {
			case f.Type.Kind() == reflect.Map:
			case f.Type == patternType || f.Type.Kind() == reflect.String:
				if !md.IsDefined(k...) {
					t.Errorf("the defaults leave out %s", k)
				}
			default:
				walk(v.Field(i), k)
			}
		}
	}
	walk(reflect.ValueOf(l), nil)

	l1, err := Read(fstest.MapFS{"base.html": {}}, "templates", specs)
	if err != nil || l1.Pages["task"].Title.Fill("7", "T") != "任务7：T" {
		t.Errorf("without labels.toml: %v, %v", err, l1)
	}
	l2, err := Read(fstest.MapFS{"labels.toml": {Data: []byte("[pages.task]\ntitle = \"T{id}\"\n")}}, "templates", specs)
	if err != nil || l2.Pages["task"].Title.Fill("7", "T") != "T7" {
		t.Errorf("with labels.toml: %v, %v", err, l2)
	}
	_, err = Read(fstest.MapFS{"labels.toml": {Data: []byte("[pages.task]\ntitle = \"T{x}\"\n")}}, "my-templates", specs)
	if err == nil || !strings.HasPrefix(err.Error(), "my-templates/labels.toml:2:") {
		t.Errorf("a mistake: %v", err)
	}
}

// ForTable writes the table's headings into every label that names them,
// page kinds' included, and leaves the labels it was given as they were.
func TestForTable(t *testing.T) {
	l, err := Parse("templates/labels.toml", []byte("[pages.task]\ntitle = \"{lead}：{title}\"\ncrumb = \"{unit}的任务\"\n[progress]\nby_lead = \"{lead}的任务\"\n"), specs)
	if err != nil {
		t.Fatal(err)
	}
	headings := map[column.Column]string{column.Measures: "工作任务", column.Timeline: "完成时限", column.Lead: "牵头单位", column.Coop: "责任单位"}
	site := l.ForTable(func(c column.Column) string { return headings[c] }, "单位")
	for _, c := range []struct{ got, want string }{
		{site.Pages["task"].Title.Fill("7", "建设平台"), "牵头单位：建设平台"},
		{site.Progress.ByLead.Fill(), "牵头单位的任务"},
		{site.Chart.Timeline.Description.Fill("2020年1项"), "甘特图：每行一项任务，横条是完成时限覆盖的年份，菱形标在每个完成时限的截止年份。各年推进的任务数：2020年1项。下表列出同样的数据。"},
		{site.HomeDescription.Timeline.Fill(), "完成时限、"},
		// A label's own placeholder is its own, though a table word has its name.
		{site.SearchDescription.Measures.Fill("任务内容"), "任务内容和责任单位"},
		// {unit} is the word the headings of units end in, in every label
		// that names it, page kinds' nav and crumb included.
		{site.Pages["home"].Description.Fill("计划", "附件", "3", "", "2", "", "牵头和责任单位"), "《计划》附件：3项任务、2个责任单位，逐项列出工作任务、牵头和责任单位。"},
		// No attachment set, as plansite new leaves it: no space before the colon.
		{site.Pages["home"].Description.Fill("计划", "", "3", "", "2", "", "牵头和责任单位"), "《计划》：3项任务、2个责任单位，逐项列出工作任务、牵头和责任单位。"},
		{site.Pages["task"].Crumb.Fill(), "单位的任务"},
		{site.Chart.DepartmentBars.Title.Fill(), "各单位承担的任务数"},
		{site.Chart.DepartmentBars.Label.Fill(), "单位"},
		{site.HomeDescription.UnitsAlike.Fill("牵头", "配合", "科室"), "牵头和配合科室"},
		{l.Pages["task"].Crumb.Fill(), "部门的任务"},
		{l.Chart.DepartmentBars.Title.Fill(), "各部门承担的任务数"},
		// The labels given keep the standard names.
		{l.Pages["task"].Title.Fill("7", "建设平台"), "牵头部门：建设平台"},
		{l.HomeDescription.Timeline.Fill(), "时间节点、"},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
	if site.Pages["task"].Title.String() != "{lead}：{title}" {
		t.Errorf("a label as written is %q", site.Pages["task"].Title.String())
	}
	// Filled in, a label of one value is still one allocation at most.
	p := site.Pages["task"].Title
	if n := testing.AllocsPerRun(100, func() { p.Fill("7", "建设平台") }); n > 1 {
		t.Errorf("Fill allocates %v times", n)
	}
}
