package browser

import (
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"plansite/internal/search"
)

// TestSearchStatus searches the progress demo by status, alone and with
// words: the results are the tasks whose current status it is, each shows
// its status, the address keeps both, and each filter link counts the
// tasks it would show and leads to them.
func TestSearchStatus(t *testing.T) {
	root, r := serve(t, sources(os.DirFS("../../examples/progress-demo/content")))
	l := r.Content.Progress
	status := func(id string) string {
		for _, task := range r.Content.Plan.Tasks {
			if task.ID == id {
				if s := l.Current(task); s != nil {
					return s.Name
				}
				return "暂无进展"
			}
		}
		return ""
	}
	// expect lists the tasks with status st (any when "") whose folded text
	// holds every word of q.
	expect := func(q, st string) []string {
		var ids []string
		for _, task := range r.Content.Plan.Tasks {
			hay, ok := search.NewDoc(r.Content.Plan, task, &search.Progress{Log: l}).Hay, true
			for _, w := range strings.Fields(search.Fold(q)) {
				ok = ok && strings.Contains(hay, w)
			}
			if ok && (st == "" || status(task.ID) == st) {
				ids = append(ids, task.ID)
			}
		}
		return ids
	}
	type result struct {
		No     string `json:"no"`
		Status string `json:"status"`
	}
	type link struct {
		Status  string `json:"status"`
		N       string `json:"n"`
		Href    string `json:"href"`
		Current bool   `json:"current"`
	}
	ctx := browser(t, 375, 900)
	for _, c := range []struct{ q, st string }{{"", "已完成"}, {"", "暂无进展"}, {"示范城区", "推进中"}, {"示例市民政局", "滞后"}, {"火星基地", "已完成"}} {
		want := expect(c.q, c.st)
		var got []result
		var links []link
		var count, addr string
		run(t, ctx, "search "+c.q+" "+c.st,
			chromedp.Navigate(root+"search/?q="+url.QueryEscape(c.q)+"&status="+url.QueryEscape(c.st)),
			waitSearch(c.q),
			chromedp.Evaluate(`Array.from(document.querySelectorAll('#search-results > .result')).map(function(li){
				return {no: li.querySelector('.task-no').textContent.replace('任务',''), status: li.querySelector('.result-status .status').textContent}})`, &got),
			chromedp.Evaluate(`Array.from(document.querySelectorAll('#status-filter a')).map(function(a){
				return {status: a.getAttribute('data-status'), n: a.parentNode.querySelector('.n').textContent, href: a.getAttribute('href'), current: a.hasAttribute('aria-current')}})`, &links),
			chromedp.AttributeValue("#search-app", "data-count", &count, nil),
			chromedp.Evaluate(`location.search`, &addr),
		)
		var nos []string
		for _, g := range got {
			nos = append(nos, g.No)
			if g.Status != c.st {
				t.Errorf("%s %s: task %s shows status %s", c.q, c.st, g.No, g.Status)
			}
		}
		if fmt.Sprint(nos) != fmt.Sprint(want) || count != strconv.Itoa(len(want)) {
			t.Errorf("%s %s: found %v (count %s), want %v", c.q, c.st, nos, count, want)
		}
		if !strings.Contains(addr, "status="+url.QueryEscape(c.st)) {
			t.Errorf("%s %s: address became %s", c.q, c.st, addr)
		}
		if len(links) < 2 {
			t.Fatalf("%s %s: %d filter links", c.q, c.st, len(links))
		}
		for _, a := range links {
			if n := strconv.Itoa(len(expect(c.q, a.Status))) + "项"; a.N != n {
				t.Errorf("%s %s: link %q says %s, want %s", c.q, c.st, a.Status, a.N, n)
			}
			if a.Current != (a.Status == c.st) {
				t.Errorf("%s %s: link %q current: %v", c.q, c.st, a.Status, a.Current)
			}
			if a.Status != "" && !strings.Contains(a.Href, "status="+url.QueryEscape(a.Status)) || c.q != "" && !strings.Contains(a.Href, "q=") {
				t.Errorf("%s %s: link %q goes to %s", c.q, c.st, a.Status, a.Href)
			}
		}
	}
	// Choosing a status from the links filters in place and keeps the words.
	var count, addr string
	run(t, ctx, "click a status",
		chromedp.Navigate(root+"search/?q="+url.QueryEscape("示范城区")),
		waitSearch("示范城区"),
		chromedp.Click(`#status-filter a[data-status="已完成"]`, chromedp.ByQuery),
		waitFor(`document.getElementById('search-app').getAttribute('data-status')==='已完成'&&document.getElementById('search-app').getAttribute('data-state')==='done'`),
		chromedp.AttributeValue("#search-app", "data-count", &count, nil),
		chromedp.Evaluate(`location.search`, &addr),
	)
	if want := len(expect("示范城区", "已完成")); count != strconv.Itoa(want) {
		t.Errorf("after choosing 已完成: %s tasks, want %d", count, want)
	}
	if !strings.Contains(addr, "q=") || !strings.Contains(addr, "status=") {
		t.Errorf("after choosing 已完成 the address is %s", addr)
	}
}
