package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// newAndBuild makes a site from a document in a fresh folder, as a
// newcomer would, and builds it; it returns the site's home page.
func newAndBuild(t *testing.T, document string) string {
	t.Helper()
	t.Chdir(t.TempDir())
	code, _, stderr := runArgs("new", "mysite", document)
	if code != 0 {
		t.Fatalf("new: exit %d: %s", code, stderr)
	}
	code, _, stderr = runArgs("build", "mysite")
	if code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "base_url is not set") {
		t.Errorf("build did not say what it leaves out without base_url: %s", stderr)
	}
	home, err := os.ReadFile(filepath.Join("mysite", "public", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	return string(home)
}

// A portal's page, saved as it is served, becomes a site in two commands.
func TestNewFromWebPage(t *testing.T) {
	page, _ := filepath.Abs("../../internal/document/testdata/chizhou.html")
	// The page's text: <wbr> between a title's phrases is not in it.
	home := strings.ReplaceAll(newAndBuild(t, page), "<wbr>", "")
	if !strings.Contains(home, "强化行政规范性文件集中规范公开") || strings.Contains(home, "广州") {
		t.Error("the home page does not show the page's table, or shows the bundled plan")
	}
}

// A Word file saved by a real office suite becomes a site in two commands:
// the 序号 merged over two rows is one task, the group row across the table
// heads the tasks.
func TestNewFromWordFile(t *testing.T) {
	if _, err := exec.LookPath("soffice"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("LibreOffice is not installed, and CI must run this test")
		}
		t.Skip("LibreOffice is not installed")
	}
	src, _ := filepath.Abs("../../internal/document/testdata/tasks.fodt")
	dir := t.TempDir()
	cmd := exec.Command("soffice", "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "docx", "--outdir", dir, src)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v: %s", err, out)
	}
	newAndBuild(t, filepath.Join(dir, "tasks.docx"))
	task, err := os.ReadFile(filepath.Join("mysite", "public", "tasks", "5", "index.html"))
	if err != nil || !strings.Contains(string(task), "北斗产业园二期：完成规划。") {
		t.Errorf("task 5 lacks its second row (%v)", err)
	}
	if _, err := os.Stat(filepath.Join("mysite", "public", "tasks", "9")); err == nil {
		t.Error("the table's six tasks made a ninth page")
	}
}

// A table whose tasks' text is headed 重点任务, as many are (序号, 重点任务,
// 牵头单位, 责任单位, 完成时限), on a page in GB2312 as county portals serve
// it: 重点任务 would be read as the groups and leave no measures, so new
// chooses it as the measures in site.toml, says so, and the site builds.
func TestNewChoosesTheMeasures(t *testing.T) {
	gb, err := simplifiedchinese.GBK.NewEncoder().String(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>某区2024年重点工作任务分工方案</title></head><body>
<table border="1">
<tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>责任单位</td><td>完成时限</td></tr>
<tr><td>1</td><td>推进数字政府建设，提升一网通办水平。</td><td>区政务服务数据管理局</td><td>各街道</td><td>2024年12月底前</td></tr>
<tr><td>2</td><td>实施城市更新行动。</td><td>区住建局</td><td>区财政局、区自然资源局</td><td>2024年6月</td></tr>
</table></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(t.TempDir(), "通知.html")
	if err := os.WriteFile(doc, []byte(gb), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	code, _, stderr := runArgs("new", "mysite", doc)
	if code != 0 {
		t.Fatalf("new: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, `site.toml reads column "重点任务" as [columns] measures`) {
		t.Errorf("new does not say which column it chose as the measures: %s", stderr)
	}
	if code, _, stderr = runArgs("build", "mysite"); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	task, err := os.ReadFile(filepath.Join("mysite", "public", "tasks", "2", "index.html"))
	if err != nil || !strings.Contains(string(task), "实施城市更新行动") || !strings.Contains(string(task), "区自然资源局") {
		t.Errorf("task 2's page lacks its cells (%v)", err)
	}
	if _, err := os.Stat(filepath.Join("mysite", "public", "areas")); err == nil {
		t.Error("the tasks' text was read as groups: the site has area pages")
	}
}

// twoRowHeading is a table whose heading has two rows (责任单位 over 牵头单位
// and 配合单位, the other headings merged down over both), with group rows
// across the table and a 备注 column plansite does not read.
const twoRowHeading = `<html><head><meta charset="utf-8"><title>某市2024年营商环境重点任务清单</title></head><body>
<p>某市2024年营商环境重点任务清单</p>
<table border="1">
<tr><td rowspan="2">序号</td><td rowspan="2">工作任务</td><td colspan="2">责任单位</td><td rowspan="2">完成时限</td><td rowspan="2">备注</td></tr>
<tr><td>牵头单位</td><td>配合单位</td></tr>
<tr><td colspan="6">一、提升政务服务效能</td></tr>
<tr><td>1</td><td>推行“高效办成一件事”，年内新增10个主题套餐。</td><td>市政务服务数据管理局</td><td>市直各有关部门</td><td>2024年12月底前</td><td></td></tr>
<tr><td>2</td><td>深化工程建设项目审批制度改革。</td><td>市住房城乡建设局</td><td>市自然资源局、市发展改革委</td><td>2024年6月</td><td>持续推进</td></tr>
<tr><td colspan="6">二、优化市场环境</td></tr>
<tr><td>3</td><td>清理妨碍统一市场和公平竞争的政策措施。</td><td>市市场监管局</td><td>各区政府</td><td>2024年9月底前</td><td></td></tr>
</table></body></html>`

// A heading of two rows, on a web page and in the Word file LibreOffice
// makes of it, becomes a site in two commands: tasks.csv keeps both rows,
// the columns are read by the lower one, each unit lands in its column, and
// /plan/ and each task's 原表记载 show the upper row's 责任单位 over its two
// columns.
func TestNewTwoRowHeading(t *testing.T) {
	for _, doc := range pageAndWordFile(t, "list", twoRowHeading) {
		t.Run(filepath.Ext(doc), func(t *testing.T) {
			t.Chdir(t.TempDir())
			code, _, stderr := runArgs("new", "mysite", doc)
			if code != 0 {
				t.Fatalf("new: exit %d: %s", code, stderr)
			}
			table, err := os.ReadFile(filepath.Join("mysite", "content", "tasks.csv"))
			if err != nil || !strings.HasPrefix(string(table), "序号,工作任务,责任单位,,完成时限,备注\n序号,工作任务,牵头单位,配合单位,完成时限,备注\n一、提升政务服务效能,") {
				t.Fatalf("tasks.csv does not begin with the two rows of the heading, then the first group (%v):\n%s", err, table)
			}
			if code, _, stderr = runArgs("build", "mysite"); code != 0 {
				t.Fatalf("build: exit %d: %s", code, stderr)
			}
			task, err := os.ReadFile(filepath.Join("mysite", "public", "tasks", "2", "index.html"))
			if err != nil || !strings.Contains(string(task), "深化工程建设项目审批制度改革") || !strings.Contains(string(task), "持续推进") {
				t.Errorf("task 2's page lacks its cells (%v)", err)
			}
			if !strings.Contains(string(task), "<dt>责任单位·牵头单位</dt>") {
				t.Error("task 2's 原表记载 does not name its lead column by both rows of the heading")
			}
			full, err := os.ReadFile(filepath.Join("mysite", "public", "plan", "index.html"))
			if err != nil || !strings.Contains(string(full), `<thead><tr><th scope="col" rowspan="2">序号</th><th scope="col" rowspan="2">工作任务</th><th scope="col" colspan="2">责任单位</th><th scope="col" rowspan="2">完成时限</th><th scope="col" rowspan="2">备注</th></tr><tr><th scope="col">牵头单位</th><th scope="col">配合单位</th></tr></thead>`) {
				t.Errorf("/plan/ does not show the heading's two rows (%v)", err)
			}
			if !strings.Contains(string(full), `data-label="责任单位·配合单位"`) {
				t.Error("/plan/ does not name a cooperating unit's cell by both rows of the heading, as a phone shows it")
			}
			data, err := os.ReadFile(filepath.Join("mysite", "public", "tasks", "2", "index.json"))
			if err != nil || !strings.Contains(string(data), `"lead_text":"市住房城乡建设局","coop_text":"市自然资源局、市发展改革委"`) {
				t.Errorf("task 2's data does not give its units in their columns (%v): %s", err, data)
			}
		})
	}
}

// A notice of 民生实事 as a portal shows it: the table begins with 附件 and
// the plan's title, each one cell across it, over a heading of 序号,
// 项目内容, 责任单位 (alone, so the lead) and 完成时间. new finds the table
// and its heading, takes the title row as site.toml's title, and the site
// builds.
func TestNewTitleRowsAndResponsibleUnits(t *testing.T) {
	page := filepath.Join(t.TempDir(), "notice.html")
	if err := os.WriteFile(page, []byte(`<html><head><meta charset="utf-8"><title>关于印发《某区2025年民生实事项目责任分工》的通知</title></head><body>
<p>现将《某区2025年民生实事项目责任分工》印发给你们，请认真贯彻落实。</p><p>某区人民政府办公室</p><p>2025年2月10日</p>
<table border="1">
<tr><td colspan="5">附件</td></tr>
<tr><td colspan="5">某区2025年民生实事项目责任分工</td></tr>
<tr><td>序号</td><td>项目内容</td><td>责任单位</td><td>完成时间</td><td>备注</td></tr>
<tr><td>1</td><td>新建改建公办幼儿园3所，新增学位900个。</td><td>区教育局（牵头）、区住建局、区财政局</td><td>2025年8月</td><td></td></tr>
<tr><td>2</td><td>改造老旧小区12个，惠及居民3200户。</td><td>区住建局（牵头）、各街道</td><td>2025年12月</td><td>跨年度项目</td></tr>
</table></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	if code, _, stderr := runArgs("new", "mysite", page); code != 0 {
		t.Fatalf("new: exit %d: %s", code, stderr)
	}
	toml, err := os.ReadFile(filepath.Join("mysite", "content", "site.toml"))
	if err != nil || !strings.Contains(string(toml), "# From table 1, row 2.\ntitle = \"某区2025年民生实事项目责任分工\"") {
		t.Errorf("site.toml does not take its title from the table's title row (%v):\n%s", err, toml)
	}
	table, err := os.ReadFile(filepath.Join("mysite", "content", "tasks.csv"))
	if err != nil || !strings.HasPrefix(string(table), "序号,项目内容,责任单位,完成时间,备注\n") {
		t.Errorf("tasks.csv does not begin with the heading (%v):\n%s", err, table)
	}
	if code, _, stderr := runArgs("build", "mysite"); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	task, err := os.ReadFile(filepath.Join("mysite", "public", "tasks", "2", "index.html"))
	if err != nil || !strings.Contains(string(task), "惠及居民") || !strings.Contains(string(task), "跨年度项目") {
		t.Errorf("task 2's page lacks its cells (%v)", err)
	}
}

// A table whose headings name no column plansite knows (编号, 实事内容,
// 承办部门) under a lone 附件 and its title: new says to name it with
// -table N, and then takes the row that names the columns as the heading,
// not the first row, says so, chooses the measures and the lead, and the
// site builds.
func TestNewTableNamedWithoutKnownHeadings(t *testing.T) {
	page := filepath.Join(t.TempDir(), "list.html")
	if err := os.WriteFile(page, []byte(`<html><head><meta charset="utf-8"><title>某区2024年为民办实事项目安排表</title></head><body>
<table border="1">
<tr><td>附件</td><td></td><td></td><td></td></tr>
<tr><td colspan="4">某区2024年为民办实事项目安排表</td></tr>
<tr><td>编号</td><td>实事内容</td><td>承办部门</td><td>办结时间</td></tr>
<tr><td>1</td><td>新建公办幼儿园3所，新增学位1080个。</td><td>区教育局</td><td>2024年12月</td></tr>
<tr><td>2</td><td>改造老旧小区12个，惠及居民3200户。</td><td>区住建局、各街道</td><td>2024年底前</td></tr>
</table></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	code, _, stderr := runArgs("new", "mysite", page)
	if code == 0 || !strings.Contains(stderr, "name the one to read with -table N") {
		t.Fatalf("new without -table: exit %d: %s", code, stderr)
	}
	code, _, stderr = runArgs("new", "mysite", page, "-table", "1")
	if code != 0 {
		t.Fatalf("new -table 1: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, `its row 3, "编号 | 实事内容 | 承办部门 | 办结时间", is taken as the heading`) {
		t.Errorf("new did not say which row it took as the heading: %s", stderr)
	}
	table, err := os.ReadFile(filepath.Join("mysite", "content", "tasks.csv"))
	if err != nil || !strings.HasPrefix(string(table), "编号,实事内容,承办部门,办结时间\n") {
		t.Errorf("tasks.csv does not begin with the heading (%v):\n%s", err, table)
	}
	toml, err := os.ReadFile(filepath.Join("mysite", "content", "site.toml"))
	if err != nil || !strings.Contains(string(toml), `measures = "实事内容"`) || !strings.Contains(string(toml), `lead = "承办部门"`) {
		t.Errorf("site.toml does not choose the measures and the lead (%v):\n%s", err, toml)
	}
	if code, _, stderr := runArgs("build", "mysite"); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	year, err := os.ReadFile(filepath.Join("mysite", "public", "years", "2024", "index.html"))
	if err != nil || !strings.Contains(string(year), `href="../../tasks/1/"`) {
		t.Errorf("办结时间 was not read as the timeline: no year page of 2024 listing task 1 (%v)", err)
	}
}

// A Word file that gives each section a table of its own, under a
// paragraph that names the section, its tasks numbered anew from 1, as many
// plans are written: new reads every table as one, each section a group,
// none of the tasks is lost, and each is numbered by its section's number
// and its own; the same from the web page and from the .docx LibreOffice
// makes of it.
func TestNewTablePerSection(t *testing.T) {
	const head = `<tr><td>序号</td><td>主要措施</td><td>牵头单位</td><td>完成时限</td></tr>`
	for _, doc := range pageAndWordFile(t, "plan", `<html><head><meta charset="utf-8"><title>某市2024年优化营商环境重点任务分工方案</title></head><body>
<p>附件</p>
<p>一、优化营商环境</p>
<table border="1">`+head+`
<tr><td>1</td><td>推行企业开办一件事。</td><td>市市场监管局</td><td>2024年6月</td></tr>
<tr><td>2</td><td>压缩工程建设项目审批时间。</td><td>市住建局</td><td>2024年底</td></tr>
</table>
<p>二、扩大有效投资</p>
<table border="1">`+head+`
<tr><td>1</td><td>推进重大项目建设。</td><td>市发展改革委</td><td>2024年12月</td></tr>
</table></body></html>`) {
		t.Run(filepath.Ext(doc), func(t *testing.T) {
			t.Chdir(t.TempDir())
			code, _, stderr := runArgs("new", "mysite", doc)
			if code != 0 {
				t.Fatalf("new: exit %d: %s", code, stderr)
			}
			if !strings.Contains(stderr, "made mysite/content from tables 1 and 2 of 2 in ") {
				t.Errorf("new did not say it read both tables: %s", stderr)
			}
			if code, _, stderr = runArgs("build", "mysite"); code != 0 {
				t.Fatalf("build: exit %d: %s", code, stderr)
			}
			area, err := os.ReadFile(filepath.Join("mysite", "public", "areas", "2", "index.html"))
			if err != nil || !strings.Contains(string(area), `href="../../tasks/2-1/"`) {
				t.Errorf("the second section is not a group holding its task 1, as task 2.1 (%v)", err)
			}
			if _, err := os.Stat(filepath.Join("mysite", "public", "tasks", "2-1", "index.html")); err != nil {
				t.Errorf("the second table's task has no page: %v", err)
			}
		})
	}
}

// A report whose heading has two rows, one heading merged down over both
// and across two columns (项目名称 over a project and its parts), and whose
// 序号 and 项目名称 are merged over a task's rows (a real 民生实事 report's
// shape): new makes a site that builds, /plan/ draws the heading as the
// document does, and a task's merged 项目名称 is one sentence, not one a row.
func TestNewHeadingMergedAcross(t *testing.T) {
	for _, doc := range pageAndWordFile(t, "report", `<html><head><meta charset="utf-8"><title>某区2024年度民生实事项目进度表</title></head><body>
<p>附件2</p>
<p>某区2024年度民生实事项目进度表</p>
<table border="1">
<tr><td rowspan="2">序号</td><td rowspan="2">牵头单位</td><td rowspan="2" colspan="2">项目名称</td><td colspan="2">本月进展情况</td></tr>
<tr><td>前期手续</td><td>在建形象进度</td></tr>
<tr><td rowspan="2">一</td><td rowspan="2">区住建局</td><td rowspan="2">（一）打通断头路专项行动（2条路）</td><td>1.文化中心北路</td><td colspan="2">已完工</td></tr>
<tr><td>2.乐业路</td><td colspan="2">已完工</td></tr>
<tr><td>二</td><td>区城管局</td><td colspan="2">（一）井盖整治项目</td><td>已完成</td><td>主体完工</td></tr>
</table></body></html>`) {
		t.Run(filepath.Ext(doc), func(t *testing.T) {
			t.Chdir(t.TempDir())
			if code, _, stderr := runArgs("new", "mysite", doc); code != 0 {
				t.Fatalf("new: exit %d: %s", code, stderr)
			}
			if code, _, stderr := runArgs("build", "mysite"); code != 0 {
				t.Fatalf("build: exit %d: %s", code, stderr)
			}
			plan, err := os.ReadFile(filepath.Join("mysite", "public", "plan", "index.html"))
			if err != nil || !strings.Contains(string(plan), `<th scope="col" colspan="2" rowspan="2">项目名称</th>`) {
				t.Errorf("/plan/ does not draw 项目名称 over two columns and two rows (%v)", err)
			}
			task, err := os.ReadFile(filepath.Join("mysite", "public", "tasks", "1", "index.html"))
			_, measures, _ := strings.Cut(string(task), `<ol class="sentences">`)
			measures, _, _ = strings.Cut(measures, "</ol>")
			if n := strings.Count(measures, "打通断头路专项行动"); err != nil || n != 1 {
				t.Errorf("task 1's measures say its 项目名称 %d times, want once (%v)", n, err)
			}
			toml, err := os.ReadFile(filepath.Join("mysite", "content", "site.toml"))
			if err != nil || !strings.Contains(string(toml), "\nattachment = \"附件2\"") {
				t.Errorf("site.toml does not say the attachment (%v):\n%s", err, toml)
			}
		})
	}
}

// A page that states no title (a portal's table saved alone): new says so,
// and build and check warn at site.toml's title until it is written, in
// the same order as each other.
func TestNewWithoutTitle(t *testing.T) {
	page := filepath.Join(t.TempDir(), "table.html")
	if err := os.WriteFile(page, []byte(`<html><head><meta charset="utf-8"><title></title></head><body><table border="1">
<tr><td>序号</td><td>主 要 工 作 任 务</td><td>完 成 情 况</td><td>牵头单位</td></tr>
<tr><td>1</td><td>生产总值增长6%。</td><td>预计上半年增长6%。</td><td>★发改局、经信局</td></tr>
</table></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	code, _, stderr := runArgs("new", "mysite", page)
	if code != 0 || !strings.Contains(stderr, "found no title in "+page) {
		t.Fatalf("new: exit %d, and it should say it found no title: %s", code, stderr)
	}
	code, _, built := runArgs("build", "mysite")
	if code != 0 {
		t.Fatalf("build: exit %d: %s", code, built)
	}
	want := filepath.Join("mysite", "content", "site.toml") + ":5:1: warning: title is still the placeholder"
	if !strings.Contains(built, want) {
		t.Errorf("build does not warn at the placeholder title:\n%s", built)
	}
	_, checkOut, checkErr := runArgs("check", "mysite")
	checked := checkOut + checkErr
	warnings := func(out string) (ws []string) {
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, ": warning: ") {
				ws = append(ws, line)
			}
		}
		return ws
	}
	if b, c := warnings(built), warnings(checked); len(b) < 2 || strings.Join(b, "\n") != strings.Join(c, "\n") {
		t.Errorf("build and check warn differently:\nbuild:\n%s\ncheck:\n%s", strings.Join(b, "\n"), strings.Join(c, "\n"))
	}
}

// pageAndWordFile writes the web page html as name.html and, with
// LibreOffice (always in CI), the .docx LibreOffice makes of it: a table
// from the page and from a Word file alike.
func pageAndWordFile(t *testing.T, name, html string) []string {
	t.Helper()
	dir := t.TempDir()
	page := filepath.Join(dir, name+".html")
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	docs := []string{page}
	if _, err := exec.LookPath("soffice"); err == nil || os.Getenv("CI") == "true" {
		cmd := exec.Command("soffice", "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "docx:MS Word 2007 XML", "--outdir", filepath.Join(dir, "word"), page)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice: %v: %s", err, out)
		}
		docs = append(docs, filepath.Join(dir, "word", name+".docx"))
	}
	return docs
}

// A table named with -table N that lacks a column a build needs (a 进展情况
// report by county, no units that lead): new still makes the site folder,
// then says at once, as a build would, what is missing and where to name
// it, and exits 1; it never ends by telling to build a site that cannot be.
func TestNewTableThatCannotBuild(t *testing.T) {
	page := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(page, []byte(`<html><head><meta charset="utf-8"><title>2023年3月份暖民心行动各县区进展情况表</title></head><body>
<table border="1">
<tr><td>县区</td><td>项目名称</td><td>年度目标任务</td><td>完成进度</td></tr>
<tr><td>寿县</td><td>一、就业促进行动</td><td>城镇新增就业4500人。</td><td>完成1200人。</td></tr>
<tr><td>寿县</td><td>二、技能培训行动</td><td>开展补贴性职业技能培训3000人次。</td><td>完成800人次。</td></tr>
</table></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	code, _, stderr := runArgs("new", "mysite", page, "-table", "1")
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	last := lines[len(lines)-1]
	if code != 1 || !strings.Contains(stderr, `mysite/content/tasks.csv:1:1: error: missing column "牵头部门"`) ||
		!strings.Contains(last, "but it does not build yet: correct what is above (each error says where), then: plansite check mysite") {
		t.Errorf("new of a table without its units: exit %d:\n%s", code, stderr)
	}
	if strings.Contains(stderr, "plansite build mysite") {
		t.Errorf("new tells to build a site that cannot be built:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join("mysite", "content", "site.toml")); err != nil {
		t.Errorf("new did not leave the site folder to correct: %v", err)
	}
}
