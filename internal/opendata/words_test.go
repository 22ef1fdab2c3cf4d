package opendata

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"plansite/internal/column"
	"plansite/internal/labels"
)

// site is a site's words: a table headed 工作任务, 完成时限 and 牵头单位, its
// groups parts under heading rows, without progress.
func site() *Words {
	headings := map[column.Column]string{column.ID: "序号", column.Measures: "工作任务", column.Timeline: "完成时限", column.Lead: "牵头单位"}
	return &Words{
		Heading: func(c column.Column) string {
			if h, ok := headings[c]; ok {
				return h
			}
			return c.Name()
		},
		Has:    func(c column.Column) bool { _, ok := headings[c]; return ok },
		Areas:  "部分",
		Groups: true, AreaLabel: "一、总体目标", AreaName: "总体目标",
		Unit: "单位",
	}
}

func TestFill(t *testing.T) {
	w := site()
	for _, tt := range []struct {
		text, published, site string
	}{
		{"原表“{measures:主要措施}”", "原表“主要措施”", "原表“工作任务”"},
		{"全部{areas:行动}", "全部行动", "全部部分"},
		{"{?timeline:和{timeline:时间节点}}", "和时间节点", "和完成时限"},
		{"甲{?coop:乙{coop:配合部门}}丙", "甲乙配合部门丙", "甲丙"},
		{"{?area:原表“{area:重点任务}”列}{!area:原表中独占一行的标题}", "原表“重点任务”列", "原表中独占一行的标题"},
		{"{!progress:无}{?progress:有}", "有", "无"},
		{"例如“{area_label:（二）产业培育发展行动}”", "例如“（二）产业培育发展行动”", "例如“一、总体目标”"},
		{"写法{?alias:，例如“{alias:市规划和自然局}”}。", "写法，例如“市规划和自然局”。", "写法。"},
		{"一个责任{unit:部门}{?dept_word:或单位}", "一个责任部门或单位", "一个责任单位"},
		// The JSON's own braces, and a brace that opens nothing, stay.
		{`{"description": "{lead:牵头部门}"}`, `{"description": "牵头部门"}`, `{"description": "牵头单位"}`},
		{"{a b} {:x} {x", "{a b} {:x} {x", "{a b} {:x} {x"},
	} {
		if got, err := fill(tt.text, nil); err != nil || got != tt.published {
			t.Errorf("%q published: %q, %v; want %q", tt.text, got, err, tt.published)
		}
		if got, err := fill(tt.text, w); err != nil || got != tt.site {
			t.Errorf("%q on the site: %q, %v; want %q", tt.text, got, err, tt.site)
		}
	}
	// A table whose units are 部门 says what the published schema says.
	w.Unit = "部门"
	if got, err := fill("一个责任{unit:部门}{?dept_word:或单位}", w); err != nil || got != "一个责任部门或单位" {
		t.Errorf("for 部门: %q, %v", got, err)
	}
	for _, bad := range []string{"{plan:x}", "{?plan:x}"} {
		if _, err := fill(bad, w); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// The published schema is plain JSON Schema in the standard words: no
// placeholder is left in it, and it says what every {?…} says.
func TestPublishedSchemaHasNoPlaceholders(t *testing.T) {
	s := string(Schema())
	if m := regexp.MustCompile(`\{[?!]?[a-z_]+:`).FindString(s); m != "" {
		t.Errorf("the published schema holds %s", m)
	}
	var v any
	if err := json.Unmarshal(Schema(), &v); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"原表“主要措施”，逐字原文。", "全部行动（原表“重点任务”列），按编号排序。", "第3版：有落实情况（progress.csv）的网站增加 statuses"} {
		if !strings.Contains(s, want) {
			t.Errorf("the published schema does not say %s", want)
		}
	}
}

// For a site, /data/ lists the fields its plan.json has, in its table's
// words: not those of progress without it, nor those of a column its
// table lacks, which EmptyFields names; nor a section only they lead to.
func TestSchemaDocsOfASite(t *testing.T) {
	docs, err := SchemaDocs(&labels.Default().DataTypes, site())
	if err != nil {
		t.Fatal(err)
	}
	var sections, fields []string
	all := ""
	for _, s := range docs {
		sections = append(sections, s.Title)
		all += s.Description
		for _, f := range s.Fields {
			fields = append(fields, s.Title+"."+f.Name)
			all += f.Description
		}
	}
	for _, gone := range []string{"plan.json.statuses", "tasks[].status", "tasks[].deadline", "tasks[].overdue", "tasks[].progress",
		"tasks[].coop_text", "tasks[].coop_note", "tasks[].items[].coop_text"} {
		if slices.Contains(fields, gone) {
			t.Errorf("lists %s", gone)
		}
	}
	for _, kept := range []string{"tasks[].timeline", "tasks[].milestones", "tasks[].coop", "tasks[].items[].timeline", "plan.json.areas"} {
		if !slices.Contains(fields, kept) {
			t.Errorf("does not list %s", kept)
		}
	}
	for _, gone := range []string{"statuses[]", "tasks[].progress[]"} {
		if slices.Contains(sections, gone) {
			t.Errorf("has the section %s", gone)
		}
	}
	if !slices.Contains(sections, "tasks[].milestones[]") {
		t.Errorf("has no section tasks[].milestones[]: %v", sections)
	}
	for _, w := range []string{"落实情况", "主要措施", "时间节点", "牵头部门", "重点任务", "行动", "产业培育", "市规划和自然局"} {
		if strings.Contains(all, w) {
			t.Errorf("says %s", w)
		}
	}
	for _, w := range []string{"原表“工作任务”，逐字原文。", "完成时限按“；”或换行拆分的分句", "全部部分（原表中独占一行的标题）", "例如“一、总体目标”"} {
		if !strings.Contains(all, w) {
			t.Errorf("does not say %s", w)
		}
	}
	if got, want := EmptyFields(site()), []string{"tasks[].coop_text", "tasks[].coop_note", "tasks[].items[].coop_text"}; !slices.Equal(got, want) {
		t.Errorf("empty fields %q, want %q", got, want)
	}
	// Without timeline, its fields go, and the section only they lead to.
	w := site()
	has := w.Has
	w.Has = func(c column.Column) bool { return c != column.Timeline && has(c) }
	docs, err = SchemaDocs(&labels.Default().DataTypes, w)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range docs {
		if s.Title == "tasks[].milestones[]" {
			t.Error("the milestones' section is left in")
		}
		for _, f := range s.Fields {
			if strings.Contains(f.Description, "完成时限") || strings.Contains(f.Description, "时间节点") {
				t.Errorf("%s.%s says %q", s.Title, f.Name, f.Description)
			}
		}
	}
}
