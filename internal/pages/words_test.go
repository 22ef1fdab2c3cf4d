package pages

import (
	"os"
	"regexp"
	"strings"
	"testing"

	col "plansite/internal/column"
	"plansite/internal/plan"
)

// standardWords are the standard columns' and groups' names, which a site
// of a table that says otherwise must not say as its own.
var standardWords = []string{"时间节点", "牵头部门", "配合部门", "重点任务", "主要措施", "行动"}

// otherWordsTable heads its columns with other names than the standard
// ones and groups its tasks under headings that are not actions (部分).
const otherWordsTable = "序号,工作任务,完成时限,牵头单位,责任单位\n" +
	",一、总体目标,,,\n" +
	"1,建设平台。建成数据中心。,2023年底前,区科技局,区财政局\n" +
	"2,培育企业。,2024年,区工信局,\n" +
	",二、保障措施,,,\n" +
	"3,加强保障。,持续推进,区财政局,各街道\n"

// standardNamesDocs is what /data/ documents as the standard names: the
// columns of tasks.csv, each with the table's heading beside it.
var standardNamesDocs = regexp.MustCompile(`列为[^（]*（本站读取的列用标准名称，字段说明页注明原表的列名；[^）]*）|<th scope="row">[^<]*<span class="note">（原表：[^）]*）</span>`)

// Every page, its description, its search labels and /data/ say the
// table's own words for its columns and groups; the standard names are
// said only where /data/ says that they are the standard names.
func TestPagesSayTheTablesWords(t *testing.T) {
	r := render(t, content(map[string]string{"tasks.csv": otherWordsTable}))
	docs := standardNamesDocs
	// /data/ says it in a sentence, its field reference for each of the
	// four columns plansite reads.
	documented := map[string]int{"data/": 1, "data/fields/": 4}
	for path, page := range r.pages {
		if want, ok := documented[path]; ok {
			if n := len(docs.FindAllString(page, -1)); n != want {
				t.Errorf("/%s documents the standard names %d times, want %d", path, n, want)
			}
			page = docs.ReplaceAllString(page, "")
		}
		for _, w := range standardWords {
			if i := strings.Index(page, w); i >= 0 {
				t.Errorf("/%s says %s: …%s…", path, w, page[max(0, i-60):min(len(page), i+30)])
			}
		}
	}
	home := r.pages[""]
	for _, want := range []string{
		`逐项列出工作任务、完成时限、牵头和责任单位。`, // the meta description
		`每项任务列明工作任务、完成时限、牵头单位和责任单位`,
	} {
		if !strings.Contains(home, want) {
			t.Errorf("the home page does not say %s", want)
		}
	}
	for path, want := range map[string]string{
		"years/":       `横条是完成时限覆盖的年份`,
		"years/2024/":  `2024年推进的1项任务及当年的完成时限。`,
		"tasks/1/":     `<caption class="visually-hidden">任务1的完成时限</caption>`,
		"search/":      `data-timeline="完成时限" data-lead="牵头单位" data-coop="责任单位" data-alias="单位别称"`,
		"data/fields/": `全部部分（原表中独占一行的标题），按编号排序。`,
	} {
		if !strings.Contains(r.pages[path], want) {
			t.Errorf("/%s does not say %s", path, want)
		}
	}
}

// The search script labels a match with the words the page gives it, and
// speaks of progress only in the words the status filter, which only a
// site with progress has, gives it.
func TestSearchScriptHasNoWordsOfItsOwn(t *testing.T) {
	b, err := os.ReadFile("../../static/search.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range append(standardWords, "落实情况", "状态", "部门", "单位") {
		if strings.Contains(string(b), w) {
			t.Errorf("static/search.js says %s", w)
		}
	}
	for _, attr := range []string{"data-timeline", "data-lead", "data-coop", "data-alias"} {
		if !strings.Contains(string(b), "'"+attr+"'") {
			t.Errorf("static/search.js does not read %s", attr)
		}
	}
}

// A site without a progress file says nothing of progress: /data/ lists no
// field that only a site with progress has, and no page says 落实情况. With
// one, /data/ lists them.
func TestNoProgressNoWordOfIt(t *testing.T) {
	fields := []string{"<code>statuses</code>", "<code>status</code>", "<code>deadline</code>", "<code>overdue</code>",
		"<code>progress</code>", "<code>statuses[]</code>", "<code>tasks[].progress[]</code>"}
	r := render(t, content(map[string]string{"tasks.csv": otherWordsTable}))
	for path, page := range r.pages {
		if strings.Contains(page, "落实情况") {
			t.Errorf("/%s says 落实情况", path)
		}
	}
	for _, f := range fields {
		if strings.Contains(r.pages["data/fields/"], f) {
			t.Errorf("/data/ lists %s", f)
		}
	}
	with := content(map[string]string{"tasks.csv": otherWordsTable, "progress.csv": "序号,日期,状态,进展\n1,2023-06-01,推进中,已开工。\n"})
	with["site.toml"].Data = append(with["site.toml"].Data, "updated = \"2023-07-01\"\n"...)
	r = render(t, with)
	for _, f := range fields {
		if !strings.Contains(r.pages["data/fields/"], f) {
			t.Errorf("with progress, /data/ does not list %s", f)
		}
	}
	if s := r.pages["search/"]; !strings.Contains(s, `data-label="落实情况："`) {
		t.Errorf("with progress, the search page's status filter does not carry its words")
	}
}

// The home page names the table's columns of units by their headings, the
// word they end in once.
func TestUnits(t *testing.T) {
	d := &DefaultLabels().HomeDescription
	for _, tt := range []struct {
		lead, coop string // "" for none
		want       string
	}{
		{"牵头部门", "配合部门", "牵头和配合部门"},
		{"牵头单位", "责任单位", "牵头和责任单位"},
		{"牵头部门", "协办单位", "牵头部门和协办单位"},
		{"责任单位", "", "责任单位"},
		{"单位", "配合单位", "单位和配合单位"},
	} {
		pl := &plan.Plan{Columns: []plan.Column{{Heading: tt.lead, Std: col.Lead}}}
		if tt.coop != "" {
			pl.Columns = append(pl.Columns, plan.Column{Heading: tt.coop, Std: col.Coop})
		}
		if got := units(pl, d); got != tt.want {
			t.Errorf("%s and %s: %q, want %q", tt.lead, tt.coop, got, tt.want)
		}
	}
}

// A heading spaced out to fill its cell (主 要 工 作 任 务), or broken over
// two lines, is said without its spaces in the pages' sentences and
// headings, and shown as the table writes it where the table is shown.
func TestSpacedHeadingsInSentences(t *testing.T) {
	r := render(t, content(map[string]string{"tasks.csv": "序号,主 要 工 作 任 务,完 成 情 况,\"牵头\n单位\"\n1,生产总值增长6%。,预计增长6%。,★发改局、经信局\n"}))
	for path, want := range map[string]string{
		"":         "每项任务列明主要工作任务",
		"search/":  "主要工作任务和",
		"tasks/1/": `<h2 id="measures">主要工作任务</h2>`,
		"plan/":    "主 要 工 作 任 务",
	} {
		if !strings.Contains(r.pages[path], want) {
			t.Errorf("/%s does not say %s", path, want)
		}
	}
	for path, page := range r.pages {
		if path != "plan/" && path != "tasks/1/" && path != "data/fields/" && strings.Contains(page, "主 要") {
			i := strings.Index(page, "主 要")
			t.Errorf("/%s says the spaced heading: …%s…", path, page[max(0, i-60):min(len(page), i+30)])
		}
	}
}

// A site made by plansite new sets no attachment, issuer or date: no
// sentence begins with 的 or says 印发 without who or when, and no empty
// kicker is left where the attachment would be.
func TestSentencesWithoutAttachment(t *testing.T) {
	c := content(map[string]string{"tasks.csv": otherWordsTable})
	c["site.toml"].Data = []byte("title = \"示例计划\"\n")
	r := render(t, c)
	for path, want := range map[string]string{
		"areas/": `<p class="lead">任务分工表的3项任务`,
		"data/":  `原表是《示例计划》。`,
	} {
		if !strings.Contains(r.pages[path], want) {
			t.Errorf("/%s does not say %s", path, want)
		}
	}
	for path, page := range r.pages {
		for _, bad := range []string{`<p class="lead">的`, `》印发`, `<p class="kicker"></p>`} {
			if strings.Contains(page, bad) {
				t.Errorf("/%s has %s", path, bad)
			}
		}
	}
}

// A table with one column of units (责任单位), none marked as leading:
// every unit undertakes its tasks, and no page speaks of 牵头 or 配合. One
// cell that marks its lead (（牵头）) makes the others of its cell help, and
// the pages speak of both again.
func TestUnitsAlone(t *testing.T) {
	const alone = "序号,工作任务,完成时限,责任单位\n" +
		",一、总体目标,,\n" +
		"1,建设平台。,2023年底前,区科技局、区财政局\n" +
		"2,培育企业。,2024年,区工信局\n"
	r := render(t, content(map[string]string{"tasks.csv": alone}))
	for path, page := range r.pages {
		if strings.HasPrefix(path, "data/") {
			continue // it documents plan.json's lead and coop, and the standard names
		}
		// The search script's word for a match in a column of helping
		// units, which no cell of this table fills.
		page = strings.Replace(page, `data-coop="配合单位"`, "", 1)
		for _, w := range []string{"牵头", "配合"} {
			if i := strings.Index(page, w); i >= 0 {
				t.Errorf("/%s says %s: …%s…", path, w, page[max(0, i-60):min(len(page), i+30)])
			}
		}
	}
	for path, want := range map[string]string{
		"":             `<span class="nw">责任单位：</span>`,
		"departments/": `<meta name="description" content="3个责任单位及其承担的任务。">`,
	} {
		if !strings.Contains(r.pages[path], want) {
			t.Errorf("/%s does not say %s", path, want)
		}
	}
	r = render(t, content(map[string]string{"tasks.csv": strings.Replace(alone, "区科技局、", "区科技局（牵头）、", 1)}))
	if !strings.Contains(r.pages[""], `<span class="nw">牵头：</span>`) || !strings.Contains(r.pages["departments/"], "配合") {
		t.Error("with a lead marked, the pages do not speak of 牵头 and 配合")
	}
}

// A county's table groups its own departments as 县直部门, on /departments/
// and each one's page, and /data/ says so of plan.json's kind.
func TestCountyDepartments(t *testing.T) {
	r := render(t, content(map[string]string{"tasks.csv": "序号,工作任务,牵头单位,配合单位\n1,建设平台。,县科技局,县财政局、各乡镇\n2,培育企业。,县工信局,市商务局\n"}))
	if !strings.Contains(r.pages["departments/"], `<h2 id="g-市直部门">县直部门</h2>`) {
		t.Error("/departments/ does not group the county's departments as 县直部门")
	}
	var page string
	for path, p := range r.pages {
		if strings.HasPrefix(path, "departments/d-") && strings.Contains(p, "<title>县科技局") {
			page = p
		}
	}
	if !strings.Contains(page, `<p class="kicker">县直部门</p>`) {
		t.Error("县科技局's page does not say it is one of the 县直部门")
	}
	if !strings.Contains(r.pages["data/fields/"], "municipal（县直部门") {
		t.Error("/data/fields/ does not say municipal is the county's own departments")
	}
	if strings.Contains(r.pages["departments/"], "市直部门</h2>") {
		t.Error("a city's department is grouped as one of the county's")
	}
}

// A heading written on two lines (责任⏎领导) is shown so in /plan/'s
// heading row, as the table has it, and said as one word everywhere else.
// A plan of one year says its year once (2023年, not 2023–2023年), and the
// home page's description lists the timeline column the page lists.
func TestHeadingsOnTwoLinesAndOneYear(t *testing.T) {
	r := render(t, content(map[string]string{"tasks.csv": "序号,主要措施,时间节点,\"牵头\n单位\",\"责任\n领导\"\n1,建设平台。,2023年6月底前,区科技局,张三\n2,培育企业。,年内,区工信局,李四\n"}))
	for path, want := range map[string]string{
		"plan/":        "<th scope=\"col\">责任\n领导</th>",
		"data/fields/": "（原表：牵头单位）",
		"years/":       `<meta name="description" content="2023年逐年的任务安排。">`,
		"":             "逐项列出主要措施、时间节点、牵头单位。",
	} {
		if !strings.Contains(r.pages[path], want) {
			t.Errorf("/%s does not say %q", path, want)
		}
	}
	for path, page := range r.pages {
		// /plan/'s heading row is the table's own.
		page = strings.Replace(strings.Replace(page, "<th scope=\"col\">责任\n领导</th>", "", 1), "<th scope=\"col\">牵头\n单位</th>", "", 1)
		for _, bad := range []string{"责任\n领导", "牵头\n单位", "2023–2023"} {
			if i := strings.Index(page, bad); i >= 0 {
				t.Errorf("/%s says %q: …%s…", path, bad, page[max(0, i-60):min(len(page), i+30)])
			}
		}
	}
}
