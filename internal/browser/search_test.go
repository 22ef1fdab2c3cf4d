package browser

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/chromedp/chromedp"

	"plansite/internal/search"
)

// table is content/tasks.csv and content/departments.csv, read here with
// encoding/csv alone, so that the expected results do not come from the
// code under test.
type table struct {
	header []string
	rows   [][]string
	// spellings maps each department name and alias to all the spellings
	// of that department.
	spellings map[string][]string
}

func readCSV(t testing.TB, name string) [][]string {
	t.Helper()
	data, err := os.ReadFile("../../content/" + name)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rows
}

func readTable(t testing.TB) table {
	tasks := readCSV(t, "tasks.csv")
	tb := table{header: tasks[0], rows: tasks[1:], spellings: map[string][]string{}}
	depts := readCSV(t, "departments.csv")
	for _, r := range depts[1:] {
		names := []string{r[0]}
		for _, a := range strings.Split(r[3], "|") {
			if a = strings.TrimSpace(a); a != "" {
				names = append(names, a)
			}
		}
		for _, n := range names {
			tb.spellings[n] = names
		}
	}
	return tb
}

func (tb table) col(name string) int {
	for i, h := range tb.header {
		if h == name {
			return i
		}
	}
	return -1
}

// expect returns the task numbers a query must find, by plain substring
// matching: a task matches a term when one of its cells contains the term,
// or when the term is a department's name (or another spelling of it) and
// the task's lead or cooperating cell names that department in any
// spelling. Every space-separated term must match.
func (tb table) expect(q string) []string {
	var out []string
	lead, coop := tb.col("牵头部门"), tb.col("配合部门")
	for _, r := range tb.rows {
		all := true
		for _, term := range strings.Fields(q) {
			hit := false
			for i, cell := range r {
				if i > 0 && strings.Contains(cell, term) {
					hit = true
				}
			}
			for _, sp := range tb.spellings[term] {
				if strings.Contains(r[lead], sp) || strings.Contains(r[coop], sp) {
					hit = true
				}
			}
			all = all && hit
		}
		if all {
			out = append(out, r[0])
		}
	}
	return out
}

// spec is what README says the queries find. The test checks that the
// table agrees, so that a change of data that breaks them is noticed.
var spec = map[string][]string{
	"无人机":  {"6", "18"},
	"区块链":  {"13"},
	"先导区":  {"7", "8", "18"},
	"市商务局": {"10", "19"},
}

func TestSearchQueries(t *testing.T) {
	tb := readTable(t)
	for q, want := range spec {
		if got := tb.expect(q); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("the table gives %v for %s; README says %v", got, q, want)
		}
	}
	if got := tb.expect("5G"); len(got) < 3 {
		t.Errorf("5G is in only %v; the table mentions it more often", got)
	}
	root, r := serve(t, sources(nil))
	ctx := browser(t, 1280, 900)
	tasks := map[string][]string{} // task number → sentences, to check the #mN links
	for _, task := range r.Content.Plan.Tasks {
		tasks[task.ID] = task.Sentences
	}

	type result struct {
		No    string   `json:"no"`
		Href  string   `json:"href"`
		Marks []string `json:"marks"`
	}
	queries := []struct{ q, like string }{
		{"无人机", ""}, {"5G", ""}, {"区块链", ""}, {"先导区", ""}, {"市商务局", ""},
		{"市规划和自然局", ""}, {"市规划和自然资源局", ""}, {"黄埔区政府", ""}, {"各区政府", ""},
		{"人工智能", ""}, {"无人机 先导区", ""}, {"火星基地", ""},
		// Folding: full-width and lower-case forms find what 5G finds.
		{"５Ｇ", "5G"}, {"5g", "5G"}, {"(智能网联汽车)", "（智能网联汽车）"},
	}
	for _, c := range queries {
		like := c.q
		if c.like != "" {
			like = c.like
		}
		want := tb.expect(like)
		// WeChat adds from=groupmessage to shared links: it must not matter.
		u := root + "search/?q=" + url.QueryEscape(c.q) + "&from=groupmessage"
		var got []result
		var count, addr string
		run(t, ctx, "search "+c.q,
			chromedp.Navigate(u),
			waitSearch(c.q),
			chromedp.Evaluate(`Array.from(document.querySelectorAll('#search-results > .result')).map(function(li){
				return {no: li.querySelector('.task-no').textContent.replace('任务',''),
					href: li.querySelector('.result-title a').getAttribute('href'),
					marks: Array.from(li.querySelectorAll('mark')).map(function(m){return plansiteFold(m.textContent)})}})`, &got),
			chromedp.AttributeValue("#search-app", "data-count", &count, nil),
			chromedp.Evaluate(`location.search`, &addr),
		)
		var nos []string
		for _, g := range got {
			nos = append(nos, g.No)
		}
		if fmt.Sprint(nos) != fmt.Sprint(want) || count != strconv.Itoa(len(want)) {
			t.Errorf("%s: found %v (count %s), want %v", c.q, nos, count, want)
		}
		terms := strings.Fields(search.Fold(c.q))
		for _, g := range got {
			if len(g.Marks) == 0 {
				t.Errorf("%s: task %s has no highlighted words", c.q, g.No)
			}
			for _, m := range g.Marks {
				if !containsAny(m, terms) {
					t.Errorf("%s: task %s highlights %q", c.q, g.No, m)
				}
			}
			// The title links to the first sentence that matches, if any.
			page := "../tasks/" + g.No + "/"
			if !strings.HasPrefix(g.Href, page) {
				t.Errorf("%s: task %s links to %s", c.q, g.No, g.Href)
				continue
			}
			first := 0
			for i, s := range tasks[g.No] {
				if first == 0 && containsAny(search.Fold(s), terms) {
					first = i + 1
				}
			}
			if wantHref := page + fragment(first); g.Href != wantHref {
				t.Errorf("%s: task %s links to %s, want %s", c.q, g.No, g.Href, wantHref)
			}
		}
		if !strings.Contains(addr, "from=groupmessage") || !strings.Contains(addr, "q=") {
			t.Errorf("%s: address became %s", c.q, addr)
		}
	}
}

func containsAny(s string, terms []string) bool {
	for _, t := range terms {
		if strings.Contains(s, t) {
			return true
		}
	}
	return false
}

func fragment(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("#m%d", n)
}

// TestSearchAsYouType types into the search page and into the header box
// of another page, and follows a result to its sentence.
func TestSearchAsYouType(t *testing.T) {
	tb := readTable(t)
	root, _ := serve(t, sources(nil))
	ctx := browser(t, 390, 900)
	var nos []string
	var q string
	readNos := chromedp.Evaluate(`Array.from(document.querySelectorAll('#search-results .task-no')).map(function(e){return e.textContent.replace('任务','')})`, &nos)

	// Typing shows results without pressing Enter, and the address follows.
	run(t, ctx, "type",
		chromedp.Navigate(root+"search/"),
		chromedp.WaitVisible("#q", chromedp.ByID),
		chromedp.SendKeys("#q", "区块", chromedp.ByID),
		chromedp.SendKeys("#q", "链", chromedp.ByID),
		waitSearch("区块链"),
		readNos,
		chromedp.Evaluate(`new URLSearchParams(location.search).get('q')`, &q),
	)
	if fmt.Sprint(nos) != fmt.Sprint(tb.expect("区块链")) || q != "区块链" {
		t.Errorf("typing 区块链: found %v, address q=%q", nos, q)
	}

	// The header box of any page submits to the search page.
	run(t, ctx, "header box",
		chromedp.Navigate(root+"tasks/3/"),
		chromedp.SetValue("#site-q", "无人机", chromedp.ByID),
		chromedp.Click(".site-search button", chromedp.ByQuery),
		waitSearch("无人机"),
		readNos,
	)
	if fmt.Sprint(nos) != fmt.Sprint(tb.expect("无人机")) {
		t.Errorf("header box 无人机: found %v", nos)
	}

	// A result lands on its sentence.
	var target string
	run(t, ctx, "follow",
		chromedp.Click("#search-results .result-title a", chromedp.ByQuery),
		chromedp.WaitReady(".sentences", chromedp.ByQuery),
		chromedp.Evaluate(`(function(){var e=document.querySelector(':target');return e?e.id+' '+e.textContent:''})()`, &target),
	)
	if !strings.HasPrefix(target, "m") || !strings.Contains(target, "无人机") {
		t.Errorf("the first 无人机 result lands on %q", target)
	}
}

// TestFoldSameInBrowser compares the script's folding with Go's over the
// whole Basic Multilingual Plane and some supplementary characters: the
// index is folded by one and the query by the other.
func TestFoldSameInBrowser(t *testing.T) {
	root, _ := serve(t, sources(nil))
	ctx := browser(t, 800, 600)
	var units []uint16
	for c := 0; c < 0x10000; c++ {
		if c < 0xD800 || c > 0xDFFF {
			units = append(units, uint16(c))
		}
	}
	units = append(units, utf16.Encode([]rune("𠀀😀𝐀"))...)
	in := string(utf16.Decode(units))
	var got string
	run(t, ctx, "fold",
		chromedp.Navigate(root+"search/"),
		chromedp.Poll(`typeof plansiteFold === 'function'`, nil),
		chromedp.Evaluate(`plansiteFold(`+jsString(in)+`)`, &got),
	)
	want := search.Fold(in)
	if got != want {
		g, w := []rune(got), []rune(want)
		diffs := 0
		for i := 0; i < len(g) && i < len(w) && diffs < 10; i++ {
			if g[i] != w[i] {
				t.Errorf("fold(%U): script %U, Go %U", []rune(in)[i], g[i], w[i])
				diffs++
			}
		}
		if len(g) != len(w) {
			t.Errorf("folded lengths differ: script %d, Go %d", len(g), len(w))
		}
	}
}
