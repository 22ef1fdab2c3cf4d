package site

import (
	"testing"
	"testing/fstest"
)

// fourTimes writes every task's 主要措施 once for every four tasks: 23⁴
// times for the bundled table, some 90 MB.
const fourTimes = `{{range .Site.Plan.Tasks}}{{range $.Site.Plan.Tasks}}{{range $.Site.Plan.Tasks}}{{range $.Site.Plan.Tasks}}{{.Measures}}{{end}}{{end}}{{end}}{{end}}`

// A template that writes more than pages.MaxPage into one page stops there
// with an error naming the template and the page, and the build keeps the
// previous site.
func TestPageOutputLimit(t *testing.T) {
	cases := []badCase{
		{"a page's own template", func(t *testing.T, _, tm fstest.MapFS) {
			tm["task.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}` + fourTimes + `{{end}}`)}
		}, []string{"templates/task.html: error: page /tasks/1/ is larger than 64 MB, the limit of one page: does the template repeat a list inside a list?"}},
		// A fragment is made apart from the page, into its own buffer.
		{"a fragment of base.html", func(t *testing.T, _, tm fstest.MapFS) {
			replaceIn(t, tm, "base.html", `href="#main">跳到正文`, `href="#main">`+fourTimes+`跳到正文`)
		}, []string{"templates/base.html: error: page / is larger than 64 MB"}},
	}
	keepsOldSite(t, cases)
}
