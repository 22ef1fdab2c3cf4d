package importer

import (
	"slices"
	"strings"
	"testing"

	"plansite/internal/config"
	"plansite/internal/document"
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
		Issuer: "广州市人民政府办公厅", IssuerFrom: "paragraph 5", Number: "穗府办〔2023〕12号",
		Date: "2023-03-28", DateFrom: "paragraph 6: 二〇二三年三月二十八日"}
	if f != want {
		t.Errorf("FactsOf =\n%+v\nwant\n%+v", f, want)
	}
	// Nothing stated: nothing invented.
	if f := FactsOf(&document.Document{Paragraphs: []string{"附件1"}, Tables: []document.Table{{Before: 1}}}, 0); f != (Facts{}) {
		t.Errorf("FactsOf of a bare table = %+v", f)
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
