package browser

import (
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"
)

// otherColsTable is a report of progress whose 进展情况 and 备注 plansite
// does not read: the words a reader looks for are in them. 资金 is only in
// task 1's 备注 and in task 2's first sentence.
const otherColsTable = "序号,工作任务,责任单位,进展情况,备注\n" +
	"1,改造中小学校舍。,区教育局,已完成校舍改造,资金已到位\n" +
	"2,统筹资金建设图书馆。,区文旅局,完成主体工程,\n"

// hit is a search result as the page draws it: the task, and where each
// match is with its link.
type hit struct {
	Task  string   `json:"task"`
	Where []string `json:"where"`
	Links []string `json:"links"`
}

const hitsJS = `Array.from(document.querySelectorAll('#search-results > .result')).map(function(li){
	var as = Array.from(li.querySelectorAll('.hit-where'));
	return {task: li.querySelector('.task-no').textContent,
		where: as.map(function(a){return a.textContent}),
		links: as.map(function(a){return a.getAttribute('href').replace(/^.*\/tasks\//, 'tasks/')})};
})`

// A word that is only in a column plansite does not read is found, the
// match labelled with the column's heading and linked to the task's
// 原表记载, where the cell is; the search page says those columns are
// searched.
func TestSearchFindsOtherColumns(t *testing.T) {
	root, _ := serve(t, sources(fstest.MapFS{
		"tasks.csv": {Data: []byte(otherColsTable)},
		"site.toml": {Data: []byte("title = \"某区2024年民生实事项目进展情况\"\nstart_year = 2024\nend_year = 2024\n")},
	}))
	ctx := browser(t, 1280, 900)
	var hits []hit
	var lead string
	run(t, ctx, "search 资金已到位",
		chromedp.Navigate(root+"search/?q="+url.QueryEscape("资金已到位")),
		waitSearch("资金已到位"),
		chromedp.Evaluate(hitsJS, &hits),
		chromedp.Text(".lead", &lead, chromedp.ByQuery),
	)
	want := []hit{{Task: "任务1", Where: []string{"备注"}, Links: []string{"tasks/1/#original"}}}
	if !slices.EqualFunc(hits, want, equalHit) {
		t.Errorf("results %+v, want %+v", hits, want)
	}
	if !strings.Contains(lead, "进展情况、备注") {
		t.Errorf("the search page does not say the other columns are searched: %q", lead)
	}
}

// In a portal, a match only in a column plansite does not read ranks
// with the matches deep in a task's text, after one in a first sentence,
// not with a unit's name.
func TestPortalSearchRanksOtherColumnsLast(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"site.toml":            "title = \"某区重点工作公开\"\n",
		"plans/2024/site.toml": "title = \"某区2024年民生实事项目进展情况\"\nstart_year = 2024\nend_year = 2024\n",
		"plans/2024/tasks.csv": otherColsTable,
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	root, _ := servePortal(t, dir)
	ctx := browser(t, 1280, 900)
	var hits []hit
	run(t, ctx, "portal search 资金",
		chromedp.Navigate(root+"search/?q="+url.QueryEscape("资金")),
		waitFor(`document.getElementById('search-app').getAttribute('data-state')==='done'`),
		chromedp.Evaluate(hitsJS, &hits),
	)
	want := []hit{
		{Task: "任务2", Where: []string{"第1句"}, Links: []string{"tasks/2/#m1"}},
		{Task: "任务1", Where: []string{"备注"}, Links: []string{"tasks/1/#original"}},
	}
	if !slices.EqualFunc(hits, want, equalHit) {
		t.Errorf("results %+v, want %+v", hits, want)
	}
}

func equalHit(a, b hit) bool {
	return a.Task == b.Task && slices.Equal(a.Where, b.Where) && slices.Equal(a.Links, b.Links)
}

// A word that is only in a 落实情况 update is found, the match labelled
// with the update's date, as the task page names it, and linked to the
// update on the task's page; the search page says updates are searched.
func TestSearchFindsProgressTexts(t *testing.T) {
	root, r := serve(t, sources(os.DirFS("../../examples/progress-demo/content")))
	// The second update of the second task that has two, in file order.
	var task, anchor, date, text string
	for _, tk := range r.Content.Plan.Tasks {
		if us := r.Content.Progress.For(tk); len(us) >= 2 && task == "" {
			task, anchor, date, text = tk.ID, us[1].Anchor(), us[1].Date.String(), us[1].Text
		}
	}
	q := strings.TrimPrefix(strings.SplitN(text, "：", 2)[0], "（虚构示例）") // 第1项任务第2次进展
	if task == "" || !strings.Contains(text, "：") {
		t.Fatalf("the demo has no task with two updates of the expected shape: %q", text)
	}
	ctx := browser(t, 1280, 900)
	var hits []hit
	var lead string
	run(t, ctx, "search "+q,
		chromedp.Navigate(root+"search/?q="+url.QueryEscape(q)),
		waitSearch(q),
		chromedp.Evaluate(hitsJS, &hits),
		chromedp.Text(".lead", &lead, chromedp.ByQuery),
	)
	want := []hit{{Task: "任务" + task, Where: []string{date + "进展"}, Links: []string{"tasks/" + task + "/#" + anchor}}}
	if !slices.EqualFunc(hits, want, equalHit) {
		t.Errorf("results %+v, want %+v", hits, want)
	}
	if !strings.HasSuffix(lead, "，以及落实情况中查找词语。") {
		t.Errorf("the search page does not say updates are searched: %q", lead)
	}
}
