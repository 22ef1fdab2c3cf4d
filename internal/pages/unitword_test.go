package pages

import (
	"plansite/internal/plan"
	"regexp"
	"strings"
	"testing"
)

// unitTable's headings of units end in 单位, and one of its units has 部门
// in its name.
const unitTable = "序号,工作任务,完成时限,牵头单位,责任单位\n" +
	",一、总体目标,,,\n" +
	"1,建设平台。建成数据中心。,2023年底前,区科技局,区财政局、有关部门\n" +
	"2,培育企业。,2024年,区工信局,\n" +
	",二、保障措施,,,\n" +
	"3,加强保障。,持续推进,区财政局,各街道\n"

// A table whose headings say 单位 gets 单位 wherever the pages speak of its
// units in general (the home page, /departments/ and its charts, the
// navigation, breadcrumbs, titles and descriptions, the search tips): 部门
// is left only in unit names and the labels of the kinds of units.
func TestPagesSayTheTablesUnitWord(t *testing.T) {
	r := render(t, content(map[string]string{"tasks.csv": unitTable}))
	if got := r.s.UnitWord(); got != "单位" {
		t.Fatalf("UnitWord is %q, want 单位", got)
	}
	g := &r.s.Labels.DepartmentGroups
	// The kinds' anchors on /departments/ are the kinds' names.
	allowed := []string{"有关部门", g.Municipal.Fill(r.s.Plan.Level), g.District, g.Government, g.Collective, g.Other, "g-" + string(plan.Municipal)}
	breaks := regexp.MustCompile(`<wbr>|<span class="nw">|</span>`)
	for path, page := range r.pages {
		// /data/ documents the standard names of the columns, 牵头部门
		// among them, as TestPagesSayTheTablesWords checks.
		page = breaks.ReplaceAllString(standardNamesDocs.ReplaceAllString(page, ""), "")
		for _, a := range allowed {
			page = strings.ReplaceAll(page, a, "")
		}
		if i := strings.Index(page, "部门"); i >= 0 {
			t.Errorf("/%s says 部门: …%s…", path, page[max(0, i-60):min(len(page), i+30)])
		}
	}
	// And says 单位 there.
	for path, want := range map[string][]string{
		"":             {`5个责任单位，逐项列出`, `<dt>责任单位</dt>`, `<strong>按单位</strong><span>每个单位牵头和配合的任务`, `按部分、单位或年度查阅`},
		"departments/": {`<h1>责任单位</h1>`, `各单位承担的任务数`, `<title>责任单位 - `},
		"search/":      {`输入单位名称可查到`},
	} {
		page := breaks.ReplaceAllString(r.pages[path], "")
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("/%s does not say %s", path, w)
			}
		}
	}
}
