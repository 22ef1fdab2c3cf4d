package load

import (
	"encoding/csv"
	"errors"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"plansite/internal/column"
	"plansite/internal/config"
	"plansite/internal/plan"
	"plansite/internal/problem"
)

const (
	siteTOML = `# test site
title = "测试计划"
date = "2020-02-27"
start_year = 2020
end_year = 2022
`
	departmentsCSV = `名称,slug,英文名称,别名,类别
市科技局,science-technology,,,市直部门
市规划和自然资源局,planning,Planning Bureau,市规划和自然局,市直部门
各区政府,district-governments,,,统称
`
	header   = "序号,重点任务,主要措施,时间节点,牵头部门,配合部门\n"
	tasksCSV = header +
		"1,（一）基础创新提升行动,实施研发计划。强化联动。,2022年持续推进。,市科技局,各区政府\n" +
		"2,,\"建设平台，\"\"重点\"\"推进。\",\"2020-2021年，甲；\n2022年持续推进。\",市规划和自然局,——\n" +
		"3,（二）产业培育发展行动,组织实施工程。,2020-2022年持续推进。,市规划和自然资源局按职能推进,市科技局　\n"
	aboutMD = "+++\ntitle = \"关于本站\"\nweight = 10\n+++\n\n正文。\n"
)

// files returns a small valid content folder with some files replaced;
// a nil value removes the file.
func files(edits map[string]*string) fstest.MapFS {
	m := fstest.MapFS{}
	for name, data := range map[string]string{"site.toml": siteTOML, "departments.csv": departmentsCSV, "tasks.csv": tasksCSV, "about.md": aboutMD} {
		m[name] = &fstest.MapFile{Data: []byte(data)}
	}
	for name, data := range edits {
		if data == nil {
			delete(m, name)
		} else {
			m[name] = &fstest.MapFile{Data: []byte(*data)}
		}
	}
	return m
}

func ptr(s string) *string { return &s }

func TestSiteLoads(t *testing.T) {
	c, warns, err := Read(files(nil), "content")
	warns = withBase(warns)
	if err != nil {
		t.Fatal(err)
	}
	// The test site gives no issuer: the one warning says a citation needs it.
	if len(warns) != 1 || !strings.HasPrefix(warns[0].Msg, "issuer is not set") {
		t.Errorf("warnings: %v", warns)
	}
	p := c.Plan
	if c.Config.Title != "测试计划" || c.Config.ShortTitle != "测试计划" || c.Config.Language != "zh-CN" || p.Meta.Date != "2020-02-27" {
		t.Errorf("config %+v", c.Config)
	}
	if len(p.Tasks) != 3 || len(p.Areas) != 2 || len(p.Departments) != 3 {
		t.Fatalf("%d tasks, %d areas, %d departments; want 3, 2, 3", len(p.Tasks), len(p.Areas), len(p.Departments))
	}
	t2 := p.Tasks[1]
	if t2.Measures != `建设平台，"重点"推进。` || t2.Timeline != "2020-2021年，甲；\n2022年持续推进。" || t2.Area != p.Areas[0] {
		t.Errorf("task 2: measures %q timeline %q", t2.Measures, t2.Timeline)
	}
	if t2.Line != 3 || len(t2.Milestones) != 2 || t2.Lead[0].Slug != "planning" {
		t.Errorf("task 2: line %d, milestones %+v, lead %v", t2.Line, t2.Milestones, t2.Lead)
	}
	if t3 := p.Tasks[2]; t3.Line != 5 || t3.LeadNote != "按职能推进" || t3.Coop[0].Name != "市科技局" || t3.CoopText != "市科技局　" {
		t.Errorf("task 3: line %d note %q coop %v", t3.Line, t3.LeadNote, t3.Coop)
	}
	if !reflect.DeepEqual(p.Years, []int{2020, 2021, 2022}) {
		t.Errorf("years %v", p.Years)
	}
	if len(c.Pages) != 1 || c.Pages[0].Path != "about/" || c.Pages[0].Title != "关于本站" || c.Pages[0].Weight != 10 ||
		c.Pages[0].File != "content/about.md" || string(c.Pages[0].Body) != "\n正文。\n" {
		t.Errorf("pages %+v", c.Pages)
	}
}

// TestSiteVariants: forms of the same table that must give the same plan.
func TestSiteVariants(t *testing.T) {
	want, _, err := Read(files(nil), "content")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{
		"BOM":          "\ufeff" + tasksCSV,
		"CRLF":         strings.ReplaceAll(tasksCSV, "\n", "\r\n"),
		"BOM and CRLF": "\ufeff" + strings.ReplaceAll(tasksCSV, "\n", "\r\n"),
	} {
		t.Run(name, func(t *testing.T) {
			c, _, err := Read(files(map[string]*string{"tasks.csv": &data}), "content")
			if err != nil {
				t.Fatal(err)
			}
			for i, got := range c.Plan.Tasks {
				w := want.Plan.Tasks[i]
				timeline := strings.ReplaceAll(got.Timeline, "\r\n", "\n") // CRLF inside a quoted cell stays in the cell
				if got.ID != w.ID || got.Measures != w.Measures || timeline != w.Timeline || got.Line != w.Line || got.Title != w.Title {
					t.Errorf("task %s differs: %+v", got.ID, got)
				}
			}
		})
	}
}

func TestSiteWithoutOptionalFiles(t *testing.T) {
	c, warns, err := Read(files(map[string]*string{"departments.csv": nil, "about.md": nil}), "content")
	warns = withBase(warns)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Pages) != 0 {
		t.Errorf("pages %v", c.Pages)
	}
	// Every department is then unknown, at a stable slug, which one
	// warning says for them all; without the alias, 市规划和自然局 is a
	// department of its own, and one more warning says it looks like
	// 市规划和自然资源局.
	if len(warns) != 3 || len(c.Plan.Departments) != 4 {
		t.Fatalf("%d warnings, %d departments; want 3 (one for the issuer) and 4: %v", len(warns), len(c.Plan.Departments), warns)
	}
	if got := warns[0].Error(); !strings.HasPrefix(got, "content/tasks.csv: warning: the table names 4 departments, and there is no content/departments.csv: each is published at an address made from its name (/departments/d-") {
		t.Errorf("first warning: %s", got)
	}
	// With the file, each department it lacks is named where it is.
	c, warns, err = Read(files(map[string]*string{"departments.csv": ptr("名称,slug\n市科技局,sti\n"), "about.md": nil}), "content")
	warns = withBase(warns)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, w := range warns {
		if strings.Contains(w.Msg, "is not in content/departments.csv") {
			n++
		}
	}
	if n != 3 {
		t.Errorf("%d departments missing from departments.csv warned of, want 3: %v", n, warns)
	}
}

// TestSiteErrors: each malformed input gives one error that says where.
func TestSiteErrors(t *testing.T) {
	row := func(s string) *string { return ptr(header + s + "\n") }
	tests := []struct {
		name string
		file string
		data *string
		want string // the whole message
	}{
		// tasks.csv, as encoding/csv reads it.
		{"unbalanced quote", "tasks.csv", row(`1,（一）甲,"措施。,2020年,市科技局,`),
			`content/tasks.csv:2:8: error: unbalanced quote: the quoted cell that starts here is never closed (the file ends inside it); close it, or write a quote inside a cell as ""`},
		{"unbalanced quote running into the next rows", "tasks.csv", ptr(header + "1,（一）甲,\"措施。,2020年,市科技局,\n2,,措施。,2020年,市科技局,\n3,,\"措施\",2020年,市科技局,\n"),
			`content/tasks.csv:2:8: error: unbalanced quote: the quoted cell that starts here runs on to line 4, column 4, where a quote is followed by other text; close it, or write a quote inside a cell as ""`},
		{"stray quote in a quoted cell", "tasks.csv", row(`1,（一）甲,"措施"。,2020年,市科技局,`),
			`content/tasks.csv:2:11: error: a stray quote (") in a quoted cell; inside quotes write a quote twice (""), and follow the closing quote with a comma or the end of the line`},
		{"quote inside an unquoted cell", "tasks.csv", row(`1,（一）甲,措"施。,2020年,市科技局,`),
			`content/tasks.csv:2:9: error: a quote (") inside an unquoted cell; quote the whole cell and double the quote ("")`},
		{"too few fields", "tasks.csv", row(`1,（一）甲,措施。,2020年,市科技局`),
			`content/tasks.csv:2:1: error: wrong number of fields: this row has 5, the header has 6 (a missing or extra comma, or an unquoted comma inside a cell)`},
		{"too many fields", "tasks.csv", row(`1,（一）甲,措施，甲,乙。,2020年,市科技局,`),
			`content/tasks.csv:2:1: error: wrong number of fields: this row has 7, the header has 6 (a missing or extra comma, or an unquoted comma inside a cell)`},
		{"missing header column", "tasks.csv", ptr("序号,时间节点,牵头部门,配合部门\n1,2020年,市科技局,\n"),
			`content/tasks.csv:1:1: error: missing column "主要措施"; the header must name 主要措施, 牵头部门; no heading reads like it: name its column 主要措施 or 工作任务, or give its heading in site.toml: [columns] measures = "…"`},
		{"unknown header column", "tasks.csv", ptr("序号,重点任务,措施,时间节点,牵头部门,配合部门\n1,（一）甲,措施。,2020年,市科技局,\n"),
			`content/tasks.csv:1:1: error: missing column "主要措施"; the header must name 主要措施, 牵头部门; if "措施" is that column, say so in site.toml: [columns] measures = "措施"`},
		{"duplicate header", "tasks.csv", ptr(strings.TrimSuffix(header, "\n") + ",序号\n1,（一）甲,措施。,2020年,市科技局,,1\n"),
			`content/tasks.csv:1:29: error: column "序号" appears twice (columns 1 and 7)`},
		{"duplicate header through a synonym", "tasks.csv", ptr("序号,编号,主要措施,牵头部门\n1,1,措施。,市科技局\n"),
			`content/tasks.csv:1:4: error: columns "序号" (1) and "编号" (2) are both read as 序号; say in site.toml which one is, for example [columns] id = "编号", and the other is published as written`},
		{"invalid UTF-8", "tasks.csv", row("1,（一）甲\xff,措施。,2020年,市科技局,"),
			`content/tasks.csv:2:7: error: the file is neither UTF-8 nor GB18030 (a mix, or another encoding); save the table as CSV UTF-8 (or set encoding in site.toml)`},
		{"GB18030 is read as such", "tasks.csv", ptr("\xd0\xf2\xba\xc5,\xd6\xf7\xd2\xaa\xb4\xeb\xca\xa9\n"),
			`content/tasks.csv:1:1: error: missing column "牵头部门"; the header must name 主要措施, 牵头部门; no heading reads like it: name its column 牵头部门 or 牵头单位, or give its heading in site.toml: [columns] lead = "…"`},
		{"empty file", "tasks.csv", ptr(""), `content/tasks.csv:1: error: the file is empty; the first line must be the header`},
		{"blank lines only", "tasks.csv", ptr("\n\n"), `content/tasks.csv:1: error: the file is empty; the first line must be the header`},
		{"header only", "tasks.csv", ptr(header), `content/tasks.csv: error: the table has no tasks`},
		{"missing tasks.csv", "tasks.csv", nil, `content/tasks.csv: error: there is no task table: save it here as tasks.csv (or tasks.xlsx), or make it from the document with plansite import DOCUMENT -o content/tasks.csv`},

		// tasks.csv, as the plan model reads it. Columns are characters, not bytes.
		{"duplicate 序号", "tasks.csv", row("1,（一）甲,措施。,2020年,市科技局,\n1,,措施。,2020年,市科技局,"),
			`content/tasks.csv:3:1: error: 序号 1 appears twice (first on line 2)`},
		{"non-numeric 序号", "tasks.csv", row("甲,（一）甲,措施。,2020年,市科技局,"),
			`content/tasks.csv:2:1: error: 序号 "甲" is not a task number (1, 2, … or 1.1, 1.2, …, or （一）, 一、)`},
		{"a second heading row that cannot be read as one", "tasks.csv", ptr("序号,主要措施,牵头部门\n序号,主要措施,市科技局\n1,措施。,市科技局\n"),
			`content/tasks.csv:2:1: error: 序号 "序号" is not a task number (1, 2, … or 1.1, 1.2, …, or （一）, 一、); the row repeats the heading, as the lower row of a heading of two rows does, but cannot be read as one: each of its cells must say the heading above it (a heading merged down over both rows) or stand under a heading that spans columns`},
		{"empty 主要措施", "tasks.csv", row("1,（一）甲,,2020年,市科技局,"),
			`content/tasks.csv:2:8: error: task 1: 主要措施 is empty`},
		{"empty first area", "tasks.csv", row("1,,措施。,2020年,市科技局,"),
			`content/tasks.csv:2:3: error: task 1: 重点任务 is empty and no row above names an area`},

		// departments.csv
		{"department slug shared", "departments.csv", ptr("名称,slug\n市科技局,science\n市财政局,science\n"),
			`content/departments.csv:3:6: error: slug "science" is used by both 市科技局 and 市财政局`},
		{"department slug invalid", "departments.csv", ptr("名称,slug\n市科技局,../x\n"),
			`content/departments.csv:2:6: error: slug "../x" of 市科技局 must be lowercase ASCII letters and digits joined by hyphens`},
		{"department alias taken", "departments.csv", ptr("名称,slug,英文名称,别名\n市科技局,a,,\n市科学技术局,b,,市科技局\n"),
			`content/departments.csv:3:11: error: name "市科技局" is listed for both 市科技局 and 市科学技术局`},
		{"department kind unknown", "departments.csv", ptr("名称,slug,类别\n市科技局,science,部门\n"),
			`content/departments.csv:2:14: error: 类别 "部门" is not one of 市直部门, 区政府, 政府, 统称, 其他单位 (or 县直部门, 区直部门, 旗直部门: a level's own departments)`},
		{"department header unknown", "departments.csv", ptr("名称,网址\n市科技局,science\n"),
			`content/departments.csv:1:4: error: unknown column "网址"; the columns are 名称, slug, 英文名称, 别名, 类别
content/departments.csv:1:1: error: missing column "slug"; the header must name 名称, slug`},

		// site.toml
		// BurntSushi/toml places this error at the space before the x.
		{"site.toml syntax", "site.toml", ptr("title = \"测试计划\"\nshort_title = \"简称\" x\n"),
			`content/site.toml:2:19: error: expected a top-level item to end with a newline, comment, or EOF, but got 'x' instead`},
		{"site.toml unclosed string", "site.toml", ptr("title = \"测试计划\n"),
			`content/site.toml:1:14: error: strings cannot contain newlines`},
		{"site.toml unknown key", "site.toml", ptr(siteTOML + "  titel = \"x\"\n"),
			`content/site.toml:6:3: error: unknown setting "titel"; the settings are documented in README.md`},
		{"site.toml unknown column key", "site.toml", ptr(siteTOML + "[columns]\nid = \"编号\"\nfoo = \"x\"\n"),
			`content/site.toml:8:1: error: unknown setting "columns.foo"; the settings are documented in README.md`},
		{"site.toml bad date", "site.toml", ptr("title = \"测试计划\"\ndate = \"2020-13-01\"\n"),
			`content/site.toml:2:1: error: date "2020-13-01" is not a day of the calendar: there is no month 13`},
		{"site.toml date not written YYYY-MM-DD", "site.toml", ptr("title = \"测试计划\"\ndate = \"2020-2-27\"\n"),
			`content/site.toml:2:1: error: date "2020-2-27" is not YYYY-MM-DD`},
		{"site.toml updated on no day", "site.toml", ptr(siteTOML + "updated = \"2023-02-29\"\n"),
			`content/site.toml:6:1: error: updated "2023-02-29" is not a day of the calendar: 2023-02 has 28 days`},
		{"site.toml source_url relative", "site.toml", ptr(siteTOML + "source_url = \"/yw/post.html\"\n"),
			`content/site.toml:6:1: error: source_url "/yw/post.html" must be an absolute http(s) address, such as https://www.gz.gov.cn/…`},
		{"site.toml source_url javascript", "site.toml", ptr(siteTOML + "source_url = \"javascript:alert(1)\"\n"),
			`content/site.toml:6:1: error: source_url "javascript:alert(1)" must be an absolute http(s) address, such as https://www.gz.gov.cn/…`},
		{"site.toml source_url without host", "site.toml", ptr(siteTOML + "source_url = \"https:///a\"\n"),
			`content/site.toml:6:1: error: source_url "https:///a" must be an absolute http(s) address, such as https://www.gz.gov.cn/…`},
		{"site.toml language", "site.toml", ptr(siteTOML + "language = \"zh_CN!\"\n"),
			`content/site.toml:6:1: error: language "zh_CN!" is not a BCP 47 language tag, such as zh-CN or zh-Hans-CN (language: tag is not well-formed)`},
		{"site.toml language with underscore", "site.toml", ptr(siteTOML + "language = \"zh_CN\"\n"),
			`content/site.toml:6:1: error: language "zh_CN" is not a BCP 47 language tag: its parts are joined by hyphens, as in zh-CN`},
		{"site.toml language unknown", "site.toml", ptr(siteTOML + "language = \"zz\"\n"),
			`content/site.toml:6:1: error: language "zz" is not a BCP 47 language tag, such as zh-CN or zh-Hans-CN (language: subtag "zz" is well-formed but unknown)`},
		{"page file name with a newline", "a\nb.md", ptr("+++\ntitle = \"x\"\n+++\n"),
			`"content/a\nb.md": error: the file name gives the address "/a\nb/", but "a\nb" is not lowercase ASCII letters and digits joined by hyphens`},
		{"site.toml base_url relative", "site.toml", ptr(siteTOML + "base_url = \"/plan/\"\n"),
			`content/site.toml:6:1: error: base_url "/plan/" must be an absolute http(s) address, such as https://example.org/plan/`},
		{"site.toml base_url user", "site.toml", ptr(siteTOML + "base_url = \"https://admin:secret@example.org/\"\n"),
			`content/site.toml:6:1: error: base_url "https://admin:secret@example.org/" must not carry a user name or password (user:pass@)`},
		{"site.toml base_url port", "site.toml", ptr(siteTOML + "base_url = \"https://example.org:70000/\"\n"),
			`content/site.toml:6:1: error: base_url "https://example.org:70000/" has port "70000"; a port is a number from 1 to 65535`},
		{"site.toml base_url query", "site.toml", ptr(siteTOML + "\n  base_url = \"https://example.org/?a=1\"\n"),
			`content/site.toml:7:3: error: base_url "https://example.org/?a=1" must not have a query (?…) or a fragment (#…)`},
		{"site.toml encoding", "site.toml", ptr(siteTOML + "encoding = \"latin1\"\n"),
			`content/site.toml:6:1: error: encoding "latin1" is not one of auto, utf-8, gb18030`},
		{"site.toml table not a table", "site.toml", ptr(siteTOML + "table = \"tasks.doc\"\n"),
			`content/site.toml:6:1: error: table "tasks.doc" must be a .csv or an .xlsx file`},
		{"site.toml table outside", "site.toml", ptr(siteTOML + "table = \"../tasks.csv\"\n"),
			`content/site.toml:6:1: error: table "../tasks.csv" must be a file name inside the content folder`},
		{"site.toml unquoted date", "site.toml", ptr("title = \"测试计划\"\ndate = 2020-02-27\n"),
			`content/site.toml:2:1: error: date: incompatible types: TOML value has type time.Time; destination has type string; write dates in quotes, such as "2020-02-27"`},
		{"site.toml year as text", "site.toml", ptr("title = \"测试计划\"\nstart_year = \"2020\"\n"),
			`content/site.toml:2:1: error: start_year is a number, but the value is text: write it without quotes, such as start_year = 2020`},
		{"site.toml years reversed", "site.toml", ptr("title = \"测试计划\"\nstart_year = 2022\nend_year = 2020\n"),
			`content/site.toml:3:1: error: end_year 2020 is before start_year 2022`},
		{"site.toml year out of range", "site.toml", ptr("title = \"测试计划\"\nstart_year = 20\n"),
			`content/site.toml:2:1: error: start_year 20 is not a year between 1900 and 2200`},
		{"site.toml nested too deep", "site.toml", ptr("title = \"测试计划\"\n" + strings.Repeat("a.", 200) + "b = 1\n"),
			`content/site.toml:2:1: error: keys or tables nested more than 100 deep`},
		{"site.toml without title", "site.toml", ptr("date = \"2020-02-27\"\n"), `content/site.toml: error: title is missing`},
		{"site.toml empty title", "site.toml", ptr("date = \"2020-02-27\"\ntitle = \"　\"\n"), `content/site.toml:2:1: error: title is missing`},
		{"site.toml missing", "site.toml", nil, `content/site.toml: error: cannot read the site configuration: file does not exist`},

		// Markdown pages
		{"broken front matter", "about.md", ptr("+++\ntitle = \"关于\"\nweight = = 3\n+++\n正文"),
			`content/about.md:3:10: error: front matter: expected value but found '=' instead`},
		{"unclosed front matter", "about.md", ptr("+++\ntitle = \"关于\"\n\n正文"),
			`content/about.md:1:1: error: front matter opened with +++ is never closed (no closing +++ line)`},
		{"YAML front matter", "about.md", ptr("---\ntitle: 关于\n---\n正文"),
			`content/about.md:1:1: error: front matter must be TOML between +++ lines, not YAML between ---`},
		{"front matter unknown key", "about.md", ptr("+++\ntitle = \"关于\"\nauthor = \"x\"\n+++\n"),
			`content/about.md:3:1: error: front matter: unknown key "author" (known: title, description, updated, weight)`},
		{"page without title", "about.md", ptr("正文"), `content/about.md:1: error: front matter has no title`},
		{"file name not a slug", "About Us.md", ptr("+++\ntitle = \"x\"\n+++\n"),
			`content/About Us.md: error: the file name gives the address /About Us/, but "About Us" is not lowercase ASCII letters and digits joined by hyphens`},
		{"Chinese file name", "关于.md", ptr("+++\ntitle = \"x\"\n+++\n"),
			`content/关于.md: error: the file name gives the address /关于/, but "关于" is not lowercase ASCII letters and digits joined by hyphens`},
		{"reserved name", "tasks.md", ptr("+++\ntitle = \"x\"\n+++\n"),
			`content/tasks.md: error: /tasks/ is an address the generator uses; rename the file`},
		{"reserved folder", "departments/extra.md", ptr("+++\ntitle = \"x\"\n+++\n"),
			`content/departments/extra.md: error: /departments/ is an address the generator uses; rename the file`},
		{"home page", "index.md", ptr("+++\ntitle = \"x\"\n+++\n"),
			`content/index.md: error: this page would take the address of the home page /, which the generator makes; rename the file`},
		{"two files, one address", "about/index.md", ptr("+++\ntitle = \"x\"\n+++\n"),
			`content/about.md: error: this page has the address /about/, like content/about/index.md; rename one of them`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, err := Read(files(map[string]*string{tt.file: tt.data}), "content")
			if err == nil {
				t.Fatalf("loaded %+v", c)
			}
			if err.Error() != tt.want {
				t.Errorf("error\n%s\nwant\n%s", err, tt.want)
			}
		})
	}
}

// TestColumnsAreCharacters: a column number counts characters, as an editor
// does, not the three bytes of each Chinese character.
func TestColumnsAreCharacters(t *testing.T) {
	tab, err := taskCSV("t.csv", []byte("\ufeff"+header+"1,（一）甲,措施。,2020年,市科技局,配合\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	r := tab.Rows[0]
	for _, c := range []struct {
		cell      plan.Cell
		text      string
		line, col int
	}{
		{r.Cell(column.ID), "1", 2, 1}, {r.Cell(column.Area), "（一）甲", 2, 3}, {r.Cell(column.Measures), "措施。", 2, 8},
		{r.Cell(column.Timeline), "2020年", 2, 12}, {r.Cell(column.Lead), "市科技局", 2, 18}, {r.Cell(column.Coop), "配合", 2, 23},
	} {
		if c.cell.Text != c.text || c.cell.Line != c.line || c.cell.Col != c.col {
			t.Errorf("cell %+v, want %q at %d:%d", c.cell, c.text, c.line, c.col)
		}
	}
	if r.Cell(column.Title) != (plan.Cell{}) {
		t.Errorf("absent 标题 column gives %+v", r.Cell(column.Title))
	}
}

// TestColumnsAcrossLines: a quoted cell with a line break moves the fields
// after it to the next line, and their columns count from that line's start.
func TestColumnsAcrossLines(t *testing.T) {
	tab, err := taskCSV("t.csv", []byte(header+"1,（一）甲,措施。,\"2020年，甲；\n2022年乙。\",市科技局,配合\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	r := tab.Rows[0]
	if r.Cell(column.Timeline).Line != 2 || r.Cell(column.Timeline).Col != 12 || r.Cell(column.Lead).Line != 3 || r.Cell(column.Lead).Col != 10 || r.Cell(column.Coop).Line != 3 || r.Cell(column.Coop).Col != 15 {
		t.Errorf("timeline %+v, lead %+v, coop %+v; want 2:12, 3:10, 3:15", r.Cell(column.Timeline), r.Cell(column.Lead), r.Cell(column.Coop))
	}
}

// A column plansite does not read (备注, 牵头领导) is published as written:
// each row keeps its cell, with its place, and the header keeps the column
// in its order, with a warning that says how to map it.
func TestOtherColumns(t *testing.T) {
	data := "序号,牵头领导,主要措施,牵头部门,备注\n1,张三,措施。,市科技局,无\n2,,措施。,市财政局,\"见\n附件\"\n"
	tab, err := taskCSV("t.csv", []byte(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	var heads []string
	for _, c := range tab.Columns {
		heads = append(heads, c.Heading+"="+c.Std.Name())
	}
	if got, want := strings.Join(heads, " "), "序号=序号 牵头领导= 主要措施=主要措施 牵头部门=牵头部门 备注="; got != want {
		t.Errorf("columns %q, want %q", got, want)
	}
	want := [][]plan.Cell{
		{{Text: "张三", Line: 2, Col: 3}, {Text: "无", Line: 2, Col: 15}},
		{{Text: "", Line: 3, Col: 3}, {Text: "见\n附件", Line: 3, Col: 13}},
	}
	for i, r := range tab.Rows {
		if !slices.Equal(r.Others, want[i]) {
			t.Errorf("row %d: others %+v, want %+v", i+1, r.Others, want[i])
		}
		if got := r.In(tab.Columns, 4).Text; got != want[i][1].Text {
			t.Errorf("row %d: 备注 %q", i+1, got)
		}
	}
	var msgs []string
	for _, w := range tab.Warnings {
		msgs = append(msgs, w.Error())
	}
	if len(msgs) != 2 || !strings.HasPrefix(msgs[0], `t.csv:1:4: warning: column "牵头领导" is not one plansite reads`) || !strings.HasPrefix(msgs[1], `t.csv:1:19: warning: column "备注" is not one plansite reads`) {
		t.Errorf("warnings %q", msgs)
	}
}

// A column site.toml lists under other_columns is published as written
// without a warning, its heading matched spaces aside; a name there that
// is no such column of the table is a warning at site.toml.
func TestOtherColumnsAsWritten(t *testing.T) {
	table := strings.TrimSuffix(header, "\n") + ",备 注\n1,（一）基础创新提升行动,实施研发计划。,2022年持续推进。,市科技局,,无\n"
	edits := map[string]*string{"tasks.csv": &table}
	_, warns, err := Read(files(edits), "content")
	if err != nil {
		t.Fatal(err)
	}
	said := func(warns []problem.Problem, text string) bool {
		return slices.ContainsFunc(warns, func(w problem.Problem) bool { return strings.Contains(w.Error(), text) })
	}
	if !said(warns, `column "备 注" is not one plansite reads`) || !said(warns, `other_columns = ["备注"]`) {
		t.Fatalf("no warning of the column, or one that does not say how to keep it: %v", warns)
	}
	settings := siteTOML + "other_columns = [\"备注\", \"牵头领导\"]\n"
	edits["site.toml"] = &settings
	_, warns, err = Read(files(edits), "content")
	if err != nil {
		t.Fatal(err)
	}
	if said(warns, `column "备 注"`) {
		t.Errorf("a column listed in other_columns is still warned of: %v", warns)
	}
	if !said(warns, `content/site.toml: warning: other_columns names "牵头领导", but the table has no column of that heading`) {
		t.Errorf("no warning of a name in other_columns that is no column: %v", warns)
	}
}

// Where site.toml names a column, only the heading it names is that column:
// the one the message of two columns read as one suggests.
func TestSettingTakesTheColumn(t *testing.T) {
	tab, err := taskCSV("t.csv", []byte("序号,编号,主要措施,牵头部门\n1,7,措施。,市科技局\n"), config.Columns{"id": "编号"})
	if err != nil {
		t.Fatal(err)
	}
	if tab.Columns[0].Std != column.None || tab.Columns[1].Std != column.ID || tab.Rows[0].Cell(column.ID).Text != "7" || tab.Rows[0].Others[0].Text != "1" {
		t.Errorf("columns %+v, row %+v", tab.Columns, tab.Rows[0])
	}
}

// A heading cell wrapped onto two lines, or spaced out, is still its
// column; the pages show it as the table writes it.
func TestHeadingsWithSpaces(t *testing.T) {
	data := "序 号,主要措施,\"牵头\n单位\",责任 单位\n1,措施。,市科技局,市财政局\n"
	tab, err := taskCSV("t.csv", []byte(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range tab.Columns {
		got = append(got, c.Heading+"="+c.Std.Name())
	}
	if want := "序 号=序号 主要措施=主要措施 牵头\n单位=牵头部门 责任 单位=配合部门"; strings.Join(got, " ") != want {
		t.Errorf("columns %q, want %q", strings.Join(got, " "), want)
	}
	// 责任 单位 alone names the leads, as 责任单位 does.
	tab, err = taskCSV("t.csv", []byte("序号,主要措施,责任 单位\n1,措施。,市科技局\n"), nil)
	if err != nil || tab.Columns[2].Std != column.Lead {
		t.Errorf("责任 单位 alone: %+v, %v", tab.Columns, err)
	}
}

// Of several columns without a heading, the one of task numbers is 序号;
// the others are published under no name.
func TestUnnamedColumns(t *testing.T) {
	data := "工作任务,,,具体要求,责任单位\n一、甲,（一）乙,1,措施。,市科技局\n,,2,措施。,市财政局\n"
	tab, err := taskCSV("t.csv", []byte(data), config.Columns{"area": "工作任务", "measures": "具体要求"})
	if err != nil {
		t.Fatal(err)
	}
	if tab.Columns[2].Std != column.ID || tab.Columns[1].Std != column.None || tab.Rows[1].Cell(column.ID).Text != "2" || tab.Rows[0].Others[0].Text != "（一）乙" {
		t.Errorf("columns %+v, rows %+v", tab.Columns, tab.Rows)
	}
	// Two columns of numbers: neither is taken for 序号.
	tab, err = taskCSV("t.csv", []byte("主要措施,,,牵头部门\n措施。,1,7,市科技局\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if tab.Columns[1].Std != column.None || tab.Columns[2].Std != column.None || len(tab.Rows[0].Others) != 2 {
		t.Errorf("columns %+v", tab.Columns)
	}
}

func TestColumnMapping(t *testing.T) {
	data := "编号,工作任务,完成时限,牵头单位,责任单位,要点\n1.1,措施。,2020年,市科技局,,标题甲\n"
	tab, err := taskCSV("t.csv", []byte(data), config.Columns{"title": "要点"})
	if err != nil {
		t.Fatal(err)
	}
	r := tab.Rows[0]
	if r.Cell(column.ID).Text != "1.1" || r.Cell(column.Measures).Text != "措施。" || r.Cell(column.Timeline).Text != "2020年" || r.Cell(column.Lead).Text != "市科技局" || r.Cell(column.Title).Text != "标题甲" || r.Cell(column.Area).Line != 0 {
		t.Errorf("row %+v", r)
	}
}

// TestRealContent loads the bundled content and checks it against the brief.
func TestRealContent(t *testing.T) {
	c, warns, err := Read(os.DirFS("../../content"), "content")
	if err != nil {
		t.Fatal(err)
	}
	// None, as README says: the official table is read as it is written.
	if len(warns) != 0 {
		t.Errorf("warnings %v, want none", warns)
	}
	p := c.Plan
	if len(p.Tasks) != 23 || len(p.Areas) != 5 || len(p.Departments) != 17 {
		t.Errorf("%d tasks, %d areas, %d departments; want 23, 5, 17", len(p.Tasks), len(p.Areas), len(p.Departments))
	}
	if !reflect.DeepEqual(p.Years, []int{2020, 2021, 2022}) {
		t.Errorf("years %v", p.Years)
	}
	for i, a := range p.Areas {
		if a.Ordinal != i+1 {
			t.Errorf("area %d has ordinal %d", i, a.Ordinal)
		}
	}
	// Task 1 is active only in 2022.
	if t1 := p.Tasks[0]; t1.ActiveIn(2020) || t1.ActiveIn(2021) || !t1.ActiveIn(2022) {
		t.Errorf("task 1 milestones %+v", t1.Milestones)
	}

	// Every character of every cell arrives unchanged.
	f, err := os.Open("../../content/tasks.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range recs[1:] {
		tk := p.Tasks[i]
		if got := []string{tk.ID, tk.Measures, tk.Timeline, tk.LeadText, tk.CoopText}; !reflect.DeepEqual(got, []string{r[0], r[2], r[3], r[4], r[5]}) {
			t.Errorf("task %s: %q, want %q", tk.ID, got, r)
		}
		if strings.Join(tk.Sentences, "") != tk.Measures {
			t.Errorf("task %s: sentences do not join to the measures", tk.ID)
		}
	}

	// The departments table of the brief: lead and cooperating task numbers.
	want := map[string][2]string{
		"市工业和信息化局":   {"3 4 5 6 7 11 13 14 15 18", "1 2 9 10 22 23"},
		"各区政府":       {"", "2 7 11 13 14 15 17 18 19"},
		"市科技局":       {"1 2 9 15", "4 6 10"},
		"市发展改革委":     {"5 15", "10 23"},
		"市政务服务数据管理局": {"16 17 23", ""},
		"黄埔区政府":      {"8 12 13", ""},
		"市各相关部门":     {"", "16 17"},
		"市财政局":       {"", "2 23"},
		"市规划和自然资源局":  {"18", "7"},
		"市商务局":       {"10 19", ""},
		"市公安局":       {"18", ""},
		"市交通运输局":     {"18", ""},
		"市地方金融监管局":   {"20", ""},
		"市卫生健康委":     {"22", ""},
		"市教育局":       {"21", ""},
		"市人力资源社会保障局": {"", "21"},
		"市国资委":       {"", "23"},
	}
	ids := func(ts []*plan.Task) string {
		var s []string
		for _, t := range ts {
			s = append(s, t.ID)
		}
		return strings.Join(s, " ")
	}
	slugs := map[string]string{}
	for _, d := range p.Departments {
		w, ok := want[d.Name]
		if !ok {
			t.Errorf("unexpected department %q", d.Name)
			continue
		}
		if got := [2]string{ids(d.Lead), ids(d.Coop)}; got != w {
			t.Errorf("%s: lead/coop %q, want %q", d.Name, got, w)
		}
		if other, dup := slugs[d.Slug]; dup || !plan.ValidSlug(d.Slug) || !d.Known {
			t.Errorf("%s: slug %q (also %q), known %v", d.Name, d.Slug, other, d.Known)
		}
		slugs[d.Slug] = d.Name
	}
	kinds := map[string]plan.DeptKind{"各区政府": plan.Collective, "市各相关部门": plan.Collective, "黄埔区政府": plan.District, "市科技局": plan.Municipal}
	for _, d := range p.Departments {
		if k, ok := kinds[d.Name]; ok && d.Kind != k {
			t.Errorf("%s is %q, want %q", d.Name, d.Kind, k)
		}
	}
	// 按职能推进 of tasks 15 and 18 is a note.
	for _, i := range []int{14, 17} {
		if p.Tasks[i].LeadNote != "按职能推进" {
			t.Errorf("task %s: lead note %q", p.Tasks[i].ID, p.Tasks[i].LeadNote)
		}
	}
	if len(c.Pages) == 0 {
		t.Error("no pages")
	}
}

// TestErrorsArePlanErrors: callers can rely on the error type.
func TestErrorsArePlanErrors(t *testing.T) {
	_, err := taskCSV("x.csv", []byte("a,b\n"), nil)
	var e *problem.Problem
	if !errors.As(err, &e) || e.File != "x.csv" || e.Line != 1 || e.Col != 1 {
		t.Errorf("error %v (%T)", err, err)
	}
}

// A timeline clause whose date cannot be read is a located warning, never a
// refusal to publish, and the clause is kept as written.
func TestSiteTimelineWarnings(t *testing.T) {
	for _, tt := range []struct{ name, row, clause, at string }{
		{"unreadable clause", "1,（一）甲,措施。,2020年，甲；尽快完成,市科技局,", "尽快完成", "content/tasks.csv:2:12: warning: task 1: "},
		{"in the second line of a quoted cell", "1,（一）甲,措施。,\"2020年，甲；\n明年乙\",市科技局,", "明年乙", "content/tasks.csv:2:12: warning: task 1: "},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, warns, err := Read(files(map[string]*string{"tasks.csv": ptr(header + tt.row + "\n")}), "content")
			warns = withBase(warns)
			if err != nil {
				t.Fatal(err)
			}
			want := tt.at + `cannot read the date of timeline clause "` + tt.clause + `"`
			if len(warns) != 2 || !strings.HasPrefix(warns[0].Error(), want) { // and the issuer's
				t.Fatalf("warnings %v, want one starting %s", warns, want)
			}
			ms := c.Plan.Tasks[0].Milestones
			if last := ms[len(ms)-1]; last.Clause != tt.clause || last.Dated() {
				t.Errorf("milestones %+v: the clause is not kept as unread", ms)
			}
		})
	}
}

// check names the site.toml keys a complete citation needs.
func TestSiteCitationGaps(t *testing.T) {
	toml := "title = \"测试计划\"\nstart_year = 2020\nend_year = 2022\n"
	_, warns, err := Read(files(map[string]*string{"site.toml": &toml}), "content")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range warns {
		if w.File == "content/site.toml" {
			got = append(got, w.Msg)
		}
	}
	if len(got) != 3 || got[0] != NoBaseURL || !strings.HasPrefix(got[1], "issuer is not set") || !strings.HasPrefix(got[2], "date is not set") {
		t.Errorf("site.toml warnings %q, want base_url, issuer and date", got)
	}
}

// The header as real tables write it: a column of responsible units alone
// names the leads; beside a 牵头 column it names those who help; a column
// without a heading, in a table without 序号, holds the numbers.
func TestHeaderOfRealTables(t *testing.T) {
	for _, tt := range []struct {
		name, csv      string
		lead, coop, id string
		headings       []string
		warn           string
	}{
		{"责任单位 alone leads", "序号,任务,责任单位\n1.,措施。,市发改委\n", "市发改委", "", "1.", []string{"序号", "任务", "责任单位"}, ""},
		{"责任单位 beside 牵头单位 helps", "序号,任务,牵头单位,责任单位\n1.,措施。,区发改局,开发区\n", "区发改局", "开发区", "1.", []string{"序号", "任务", "牵头单位", "责任单位"}, ""},
		{"a column without a heading is 序号", "工作任务,,具体要求,责任科室,时限要求\n公开,1,措施。,办公室,年底前\n", "办公室", "", "1",
			[]string{"工作任务", "", "具体要求", "责任科室", "时限要求"}, "this column has no heading; it is read as 序号"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cols := config.Columns{"measures": "任务"}
			if strings.Contains(tt.csv, "具体要求") {
				cols = config.Columns{"title": "工作任务", "measures": "具体要求"}
			}
			tab, err := taskCSV("t.csv", []byte(tt.csv), cols)
			if err != nil {
				t.Fatal(err)
			}
			r := tab.Rows[0]
			if r.Cell(column.Lead).Text != tt.lead || r.Cell(column.Coop).Text != tt.coop || r.Cell(column.ID).Text != tt.id {
				t.Errorf("row %+v; want lead %q, coop %q, 序号 %q", r, tt.lead, tt.coop, tt.id)
			}
			var hs []string
			for _, c := range tab.Columns {
				hs = append(hs, c.Heading)
			}
			if strings.Join(hs, "|") != strings.Join(tt.headings, "|") {
				t.Errorf("headings %q, want %q", hs, tt.headings)
			}
			if tt.warn == "" && len(tab.Warnings) > 0 || tt.warn != "" && (len(tab.Warnings) != 1 || !strings.Contains(tab.Warnings[0].Msg, tt.warn)) {
				t.Errorf("warnings %v, want %q", tab.Warnings, tt.warn)
			}
		})
	}
}

// withBase leaves out the warning that the test content's site.toml has
// no base_url, as a build with -base-url does.
func withBase(warns []problem.Problem) []problem.Problem {
	return slices.DeleteFunc(warns, func(w problem.Problem) bool { return w.Msg == NoBaseURL })
}
