package site

import (
	"plansite/internal/foldertest"
	"strings"
	"testing"
	"testing/fstest"
)

// A templates folder's labels.toml changes the words it names, in the
// pages, the charts and the feed, and leaves every other word as it was.
func TestTemplatesLabels(t *testing.T) {
	o := repoSources()
	tm := foldertest.Read(t, "../../templates")
	tm["labels.toml"] = &fstest.MapFile{Data: []byte(`# One word each.
[pages.departments]
nav = "Departments"
[pages.task]
title = "Task {id}: {title}"
[chart.department_bars]
title = "Tasks per department"
[feed]
issued_title = "Issued: {title}"
`)}
	o.Templates.FS = tm
	site := generate(t, o)
	for _, tt := range []struct{ file, want, gone string }{
		{"index.html", `<a href="departments/">Departments</a>`, `<a href="departments/">按部门</a>`},
		{"index.html", `<a href="years/">按年度</a>`, ""},
		{"tasks/7/index.html", "<title>Task 7: 积极创建国家级人工智能先导区 - ", "<title>任务7"},
		{"departments/index.html", "Tasks per department", "各部门承担的任务数"},
		{"departments/index.html", "项行动中的分工", ""},
		{"feed.xml", "<title>Issued: 广州市关于推进新一代人工智能产业发展的行动计划（2020-2022年）</title>", "印发："},
	} {
		page := string(site[tt.file])
		if !strings.Contains(page, tt.want) {
			t.Errorf("%s has no %s", tt.file, tt.want)
		}
		if tt.gone != "" && strings.Contains(page, tt.gone) {
			t.Errorf("%s still has %s", tt.file, tt.gone)
		}
	}
}
