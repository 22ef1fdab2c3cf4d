package importer

import (
	"context"
	"slices"
	"strings"
	"testing"

	"plansite/internal/config"
	"plansite/internal/document"
	"plansite/internal/load"
)

// What a notice says of itself is found where notices say it: the title
// above the table, the 文号, and the issuer over the signed date.
func TestFactsOf(t *testing.T) {
	doc := &document.Document{
		Paragraphs: []string{
			"穗府办〔2023〕12号",
			"\u3000\u3000广州市人民政府办公厅关于印发广州市2023年重点工作任务分解方案的通知",
			"各区人民政府，市政府各部门：",
			"现将《广州市2023年重点工作任务分解方案》印发给你们，请认真贯彻执行。",
			"广州市人民政府办公厅",
			"二〇二三年三月二十八日",
		},
		Tables: []document.Table{{Before: 4}},
	}
	f := FactsOf(doc, 0)
	want := Facts{Title: "广州市人民政府办公厅关于印发广州市2023年重点工作任务分解方案的通知", TitleFrom: "paragraph 2",
		Issuer: "广州市人民政府办公厅", IssuerFrom: "paragraph 5", Number: "穗府办〔2023〕12号", NumberFrom: "paragraph 1",
		Date: "2023-03-28", DateFrom: "paragraph 6: 二〇二三年三月二十八日"}
	if f != want {
		t.Errorf("FactsOf =\n%+v\nwant\n%+v", f, want)
	}
	// Nothing stated: nothing invented.
	if f := FactsOf(&document.Document{Paragraphs: []string{"请认真贯彻执行。"}, Tables: []document.Table{{Before: 1}}}, 0); f != (Facts{}) {
		t.Errorf("FactsOf of a bare table = %+v", f)
	}
}

// The attachment a table is comes from its label above it, on a line of
// its own or in a row across the table over its title, as written but for
// spaces and a colon; a label in the notice's list of attachments, or
// above the notice's text, is not the table's.
func TestFactsOfAttachment(t *testing.T) {
	for _, c := range []struct {
		name, html, want, from string
	}{
		{"a line above the title", "<p>附件1</p><p>广州市人工智能产业发展任务分工表</p><table><tr><th>序号</th><th>任务</th></tr><tr><td>1</td><td>甲</td></tr></table>",
			"附件1", "paragraph 1"},
		{"spaced, with a colon", "<p>各区：</p><p>现将方案印发给你们。</p><p>附件 2：</p><p></p><table><tr><th>序号</th><th>任务</th></tr><tr><td>1</td><td>甲</td></tr></table>",
			"附件2", "paragraph 3"},
		{"in Chinese numerals, right above", "<p>附件二</p><table><tr><th>序号</th><th>任务</th></tr><tr><td>1</td><td>甲</td></tr></table>",
			"附件二", "paragraph 1"},
		{"a row across the table", "<table><tr><td colspan=2>附件</td></tr><tr><td colspan=2>某区2025年民生实事项目责任分工</td></tr><tr><th>序号</th><th>任务</th></tr><tr><td>1</td><td>甲</td></tr></table>",
			"附件", "table 1, row 1"},
		{"the notice's list of attachments", "<p>附件：1.重点任务分工表</p><table><tr><th>序号</th><th>任务</th></tr><tr><td>1</td><td>甲</td></tr></table>",
			"", ""},
		{"above a portal's lines", "<p>附件2</p><p>某县2022年度民生实事项目进度表</p><p>发布日期：2022-12-14</p><p>来源：某县人民政府办公室</p><p>浏览次数：1024</p><p>字体：[大 中 小]</p><table><tr><th>序号</th><th>任务</th></tr><tr><td>1</td><td>甲</td></tr></table>",
			"附件2", "paragraph 1"},
		{"above the notice's text", "<p>附件1</p><p>各区：</p><p>现将方案印发给你们，请认真贯彻执行。</p><table><tr><th>序号</th><th>任务</th></tr><tr><td>1</td><td>甲</td></tr></table>",
			"", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc, err := document.Read(context.Background(), "page.html", []byte("<html><body>"+c.html+"</body></html>"), document.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if f := FactsOf(doc, 0); f.Attachment != c.want || f.AttachmentFrom != c.from {
				t.Errorf("attachment %q from %q, want %q from %q", f.Attachment, f.AttachmentFrom, c.want, c.from)
			}
		})
	}
	s := SiteTOML(Facts{Title: "某方案", TitleFrom: "paragraph 2", Attachment: "附件1", AttachmentFrom: "paragraph 1"}, "x.html", nil, nil)
	if !strings.Contains(s, "\nattachment = \"附件1\"   # from paragraph 1\n") {
		t.Errorf("site.toml does not set the attachment found:\n%s", s)
	}
}

// A title is found where real pages put it: set on two lines, named in
// the notice's text only, given a portal's name after it in the page's
// <title>, or naming a report of progress.
func TestFactsOfTitles(t *testing.T) {
	for _, c := range []struct {
		name       string
		paragraphs []string
		page       string
		title      string
	}{
		{"on two lines", []string{"徐庄镇2017年度安全生产专项整治", "工作计划", "为进一步做好安全生产工作，制定本计划。"}, "", "徐庄镇2017年度安全生产专项整治工作计划"},
		{"in the notice's text", []string{"各村（社区）：", "现将《徐庄镇2017年度安全生产专项整治工作计划》印发给你们，请认真贯彻执行。"}, "", "徐庄镇2017年度安全生产专项整治工作计划"},
		{"after a portal's name", nil, "泗洲头镇2024年度重点工作计划二季度执行情况_象山县人民政府", "泗洲头镇2024年度重点工作计划二季度执行情况"},
		{"a report of progress", []string{"泗洲头镇2024年度重点工作计划二季度执行情况"}, "", "泗洲头镇2024年度重点工作计划二季度执行情况"},
		{"a report of progress so far", []string{"2023年区政府重点民生实事项目推进情况(1-11月)"}, "", "2023年区政府重点民生实事项目推进情况(1-11月)"},
		{"a sentence is no line of a title", []string{"各单位：", "请认真贯彻执行。"}, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := &document.Document{Title: c.page, Paragraphs: c.paragraphs, Tables: []document.Table{{Before: len(c.paragraphs)}}}
			if f := FactsOf(doc, 0); f.Title != c.title {
				t.Errorf("title %q (from %s), want %q", f.Title, f.TitleFrom, c.title)
			}
		})
	}
}

func TestIsoDate(t *testing.T) {
	for _, tt := range []struct{ y, m, d, want string }{
		{"2020", "2", "27", "2020-02-27"},
		{"２０２３", "１２", "１", "2023-12-01"},
		{"二〇二三", "十二", "三十一", "2023-12-31"},
		{"二〇二三", "十", "二十", "2023-10-20"},
		{"二〇二三", "十三", "1", ""},
		{"2023", "2", "0", ""},
	} {
		got, ok := isoDate(tt.y, tt.m, tt.d)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("isoDate(%s, %s, %s) = %q, %v; want %q", tt.y, tt.m, tt.d, got, ok, tt.want)
		}
	}
}

// site.toml of a new site states what the document states and comments
// out the rest; a value is written as TOML, quotes escaped.
func TestSiteTOML(t *testing.T) {
	s := SiteTOML(Facts{Title: `关于"试点"的方案`, TitleFrom: "paragraph 2", Date: "2023-03-28", DateFrom: "paragraph 6"}, "通知.docx", []config.ColumnChoice{{Key: "measures", Heading: "具体要求", Why: "longest"}}, []string{"备注", "分管\"领导\""})
	for _, want := range []string{`title = "关于\"试点\"的方案"`, "[columns]\nmeasures = \"具体要求\"   # longest", `date = "2023-03-28"   # from paragraph 6`, `# issuer = ""`, `# base_url = `, `# other_columns = ["备注", "分管\"领导\""]`} {
		if !strings.Contains(s, want) {
			t.Errorf("site.toml lacks %q:\n%s", want, s)
		}
	}
	for _, f := range []Facts{{}, {Title: "甲", Issuer: "乙", Number: "丙〔2023〕1号", Date: "2023-01-02"}} {
		s := SiteTOML(f, "x.docx", []config.ColumnChoice{{Key: "area", Heading: "类", Why: "x"}}, []string{"备注"})
		if _, err := config.Parse("content/site.toml", []byte(s)); err != nil {
			t.Errorf("site.toml of %+v does not read: %v", f, err)
		}
		// Uncommented, the line is a setting of its own, not one of [columns].
		s = strings.Replace(s, "# other_columns", "other_columns", 1)
		if cfg, err := config.Parse("content/site.toml", []byte(s)); err != nil || !slices.Equal(cfg.OtherColumns, []string{"备注"}) {
			t.Errorf("site.toml of %+v with other_columns: %v, %v", f, cfg.OtherColumns, err)
		}
	}
}

// A portal's page of a report, which no one signs, says who published it
// and when on a line of its own: those are its issuer and date, and its
// title names a 进度表. A signature, where there is one, comes first.
func TestFactsOfPortalPage(t *testing.T) {
	doc := &document.Document{
		Paragraphs: []string{
			"苍南县2022年度市县民生实事未完成项目进度表(截至10月31日)",
			"来源:苍南县人民政府办公室 发布日期:2022-12-14 浏览次数:",
		},
		Tables: []document.Table{{Before: 2}},
	}
	f := FactsOf(doc, 0)
	want := Facts{Title: "苍南县2022年度市县民生实事未完成项目进度表(截至10月31日)", TitleFrom: "paragraph 1",
		Issuer: "苍南县人民政府办公室", IssuerFrom: "paragraph 2: 来源:苍南县人民政府办公室",
		Date: "2022-12-14", DateFrom: "paragraph 2: 发布日期:2022-12-14"}
	if f != want {
		t.Errorf("FactsOf =\n%+v\nwant\n%+v", f, want)
	}
	doc.Paragraphs = append(doc.Paragraphs, "来源：本网", "某县人民政府办公室", "2022年11月30日")
	if f := FactsOf(doc, 0); f.Issuer != "某县人民政府办公室" || f.Date != "2022-11-30" {
		t.Errorf("a signed page: issuer %q, date %q", f.Issuer, f.Date)
	}
	// A note in brackets after the body's name is the body's still.
	doc.Paragraphs = []string{"发布机构：谯城区政府(办公室)", "发布日期：2025-03-28"}
	if f := FactsOf(doc, 0); f.Issuer != "谯城区政府(办公室)" || f.Date != "2025-03-28" {
		t.Errorf("an issuer with a note: issuer %q, date %q", f.Issuer, f.Date)
	}
	doc.Paragraphs = []string{"来源：本网", "发布时间：2022年13月1日"}
	if f := FactsOf(doc, 0); f.Issuer != "" || f.Date != "" {
		t.Errorf("no body and no date: issuer %q, date %q", f.Issuer, f.Date)
	}
}

// A notice saved as a workbook holds each of its lines as a row across the
// table above the heading, a dozen rows down: the table is found there, and
// the rows say the title, 文号, issuer and date as the notice's paragraphs
// do. The title under the attachment's label is the attachment's; the
// document's is the notice's, above.
func TestFactsOfNoticeAboveTheTable(t *testing.T) {
	across := func(texts ...string) string {
		var b strings.Builder
		for _, s := range texts {
			b.WriteString("<tr><td colspan=3>" + s + "</td></tr>")
		}
		return b.String()
	}
	notice := []string{
		"大竹县人民政府办公室关于对2016年民生实事进行重点督办的通知",
		"来源:信息公开办 发布日期:2016-03-01",
		"竹府办〔2016〕20号",
		"各乡镇人民政府、街道办事处,县级各部门:",
		"为让人民群众生活得更有保障、更加幸福，现将2016年“民生实事”目标任务分解下达。",
		"请各责任单位认真研究、强化责任、细化措施。",
		"县政府督查室将常年跟踪，适时开展督查。",
		"附件:2016年民生实事目标任务分解表",
		"大竹县人民政府办公室",
		"2016年2月26日",
		"附件",
		"2016年民生实事目标任务分解表",
	}
	table := "<table>" + across(notice...) +
		"<tr><td>序号</td><td>民生实事</td><td>责任单位</td><td>完成时限</td></tr>" +
		"<tr><td>1</td><td>新建2座人行天桥。</td><td>县住建局</td><td>9月投入使用</td></tr></table>"
	doc, err := document.Read(context.Background(), "notice.html", []byte("<html><body>"+table+"</body></html>"), document.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tab, err := FromDocument(doc, load.HeaderScore, 0)
	if err != nil {
		t.Fatalf("the heading under %d rows of the notice is not found: %v", len(notice), err)
	}
	if tab.Index != 1 || tab.HeaderRows != 1 || len(tab.Rows) != 2 {
		t.Errorf("table %d, %d heading rows, %d rows", tab.Index, tab.HeaderRows, len(tab.Rows))
	}
	f := FactsOf(doc, 0)
	want := Facts{Title: notice[0], TitleFrom: "table 1, row 1",
		Attachment: "附件 2016年民生实事目标任务分解表", AttachmentFrom: "table 1, row 11 and table 1, row 12",
		Issuer: "大竹县人民政府办公室", IssuerFrom: "table 1, row 9", Number: "竹府办〔2016〕20号", NumberFrom: "table 1, row 3",
		Date: "2016-02-26", DateFrom: "table 1, row 10: 2016年2月26日"}
	if f != want {
		t.Errorf("FactsOf =\n%+v\nwant\n%+v", f, want)
	}
	// Without the notice, the caption is the title, and the label alone
	// the attachment; so too when the page's title is the caption.
	for _, page := range []string{"", "<title>2016年民生实事目标任务分解表</title>"} {
		doc, err = document.Read(context.Background(), "table.html", []byte("<html><head>"+page+"</head><body><p>附件</p><p>2016年民生实事目标任务分解表</p>"+
			"<table><tr><td>序号</td><td>民生实事</td><td>责任单位</td></tr><tr><td>1</td><td>新建2座人行天桥。</td><td>县住建局</td></tr></table></body></html>"), document.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if f := FactsOf(doc, 0); f.Title != "2016年民生实事目标任务分解表" || f.Attachment != "附件" {
			t.Errorf("%q: title %q, attachment %q", page, f.Title, f.Attachment)
		}
	}
}

// A portal's page of public information states its facts in a table of
// pairs above the text (发布机构: | 某区政府): the issuer, date and 文号 are
// read there, and its 名称 is no line of the title.
func TestFactsOfFactsTable(t *testing.T) {
	page := `<html><body><table>
<tr><td>索引号:</td><td>11341602003166647K/202503-00040</td><td>组配分类:</td><td>年度重点工作分解情况</td></tr>
<tr><td>发布机构:</td><td>谯城区政府(办公室)</td><td>主题分类:</td><td>综合政务</td></tr>
<tr><td>名称:</td><td>某区重点工作任务分解表（名称栏）</td><td>文号:</td><td>谯政办〔2025〕3号</td></tr>
<tr><td>发文日期:</td><td>2025-03-28</td><td>发布日期:</td><td>2025-03-29</td></tr>
</table><h1>谯城区2025年政府工作报告重点工作任务分解表</h1>
<table><tr><td>序号</td><td>重点工作任务</td><td>主要责任单位</td></tr><tr><td>1</td><td>地区生产总值增长6.5%左右。</td><td>区发改委</td></tr></table></body></html>`
	doc, err := document.Read(context.Background(), "page.html", []byte(page), document.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := FactsOf(doc, 1)
	want := Facts{Title: "谯城区2025年政府工作报告重点工作任务分解表", TitleFrom: "paragraph 1",
		Issuer: "谯城区政府(办公室)", IssuerFrom: "table 1, row 2: 发布机构：谯城区政府(办公室)", Number: "谯政办〔2025〕3号", NumberFrom: "table 1, row 3",
		Date: "2025-03-28", DateFrom: "table 1, row 4: 发文日期：2025-03-28"}
	if f != want {
		t.Errorf("FactsOf =\n%+v\nwant\n%+v", f, want)
	}
}

// A title row of one cell in two paragraphs (附件2 / …任务分工表) is the
// attachment's label and its title; bodies that issue a notice jointly
// sign side by side above its date, on two lines, and all of them are its
// issuer.
func TestFactsOfJointNotice(t *testing.T) {
	page := `<html><head><title>广州市卫生健康委等4部门关于印发推进广州市家庭医生签约服务高质量发展实施方案的通知</title></head><body>
<p>各区卫生健康局、财政局：</p><p>现将《关于推进广州市家庭医生签约服务高质量发展实施方案》印发给你们，请认真贯彻执行。</p>
<p>广州市卫生健康委员会` + "\u00a0\u00a0\u00a0\u00a0" + `广州市财政局</p><p>广州市人力资源和社会保障局` + "\u00a0\u00a0" + `广州市医疗保障局</p><p>2023年10月19日</p>
<table><tr><td colspan=3><p>附件2</p><p>关于推进广州市家庭医生签约服务高质量发展工作的任务分工表</p></td></tr>
<tr><td>序号</td><td>主要内容</td><td>牵头单位</td></tr><tr><td>1</td><td>扩大签约服务供给。</td><td>市卫生健康委</td></tr></table></body></html>`
	doc, err := document.Read(context.Background(), "page.html", []byte(page), document.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := FactsOf(doc, 0)
	want := Facts{Title: "关于推进广州市家庭医生签约服务高质量发展实施方案", TitleFrom: "paragraph 2: 《关于推进广州市家庭医生签约服务高质量发展实施方案》",
		Attachment: "附件2 关于推进广州市家庭医生签约服务高质量发展工作的任务分工表", AttachmentFrom: "table 1, row 1",
		Issuer: "广州市卫生健康委员会、广州市财政局、广州市人力资源和社会保障局、广州市医疗保障局", IssuerFrom: "paragraph 3",
		Date: "2023-10-19", DateFrom: "paragraph 5: 2023年10月19日"}
	if f != want {
		t.Errorf("FactsOf =\n%+v\nwant\n%+v", f, want)
	}
	// A body's name spaced within itself is one body, as written.
	if bs := bodies("广州市 工业和信息化局"); len(bs) != 1 || bs[0] != "广州市 工业和信息化局" {
		t.Errorf("a spaced name: %q", bs)
	}
}
