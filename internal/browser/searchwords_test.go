package browser

import (
	"net/url"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"
)

// A match in a unit's other name is labelled in the table's own word for
// its units: a table of 牵头单位 and 责任单位 speaks of 单位, never of the
// bundled table's 部门.
func TestSearchLabelsAliasInTheTablesWords(t *testing.T) {
	const table = "序号,工作任务,完成时限,牵头单位,责任单位\n" +
		"1,建设城市更新项目库。,2024年底前,区住房城乡建设局,区财政局\n" +
		"2,开展老旧小区改造。,2025年,区财政局,\n"
	const depts = "名称,slug,英文名称,别名,类别\n" +
		"区住房城乡建设局,housing,,区住建局,\n" +
		"区财政局,finance,,,\n"
	lead := strings.Split(strings.SplitN(table, "\n", 2)[0], ",")[3]
	want := strings.TrimPrefix(lead, "牵头") + "别称"
	root, _ := serve(t, sources(fstest.MapFS{
		"tasks.csv":       {Data: []byte(table)},
		"departments.csv": {Data: []byte(depts)},
		"site.toml":       {Data: []byte("title = \"某区城市更新工作方案\"\nstart_year = 2024\nend_year = 2025\n")},
	}))
	ctx := browser(t, 1280, 900)
	var labels []string
	run(t, ctx, "search 区住建局",
		chromedp.Navigate(root+"search/?q="+url.QueryEscape("区住建局")),
		waitSearch("区住建局"),
		chromedp.Evaluate(`Array.from(document.querySelectorAll('#search-results .hit-where')).map(function(a){return a.textContent})`, &labels),
	)
	if len(labels) != 1 || labels[0] != want {
		t.Errorf("the match in the other name is labelled %q, want [%s]", labels, want)
	}
}
