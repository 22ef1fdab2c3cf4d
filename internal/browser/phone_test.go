package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/chromedp/chromedp"
)

// districtKinds are one page of each kind of examples/district-plan: no
// area column, so no area pages; tasks numbered 1.1, 1.2, …
var districtKinds = []struct{ name, path string }{
	{"home", ""},
	{"task", "tasks/1-2/"},
	{"departments", "departments/"},
	{"department", "departments/government-data/"},
	{"years", "years/"},
	{"year", "years/2023/"},
	{"plan", "plan/"},
	{"data", "data/"},
	{"search", "search/?q=%E6%95%B0%E6%8D%AE"},
	{"404", "404.html"},
}

// phoneCheck measures what makes a page hard to read on a phone:
//   - orphan: a heading or task title whose last line holds one character
//     (CJK breaks anywhere, so a long title can end with one);
//   - split: a department's name broken across lines, unless the name alone
//     is wider than the line it is in;
//   - tiny: SVG chart text drawn under 12 CSS px after the SVG is scaled;
//   - narrow: a table cell with two or more Han characters squeezed to
//     less than three characters' width (two for a two-character heading
//     such as 牵头);
//   - region: an element that scrolls sideways without being a focusable,
//     labelled region (keyboard users could not scroll it, screen readers
//     could not name it).
const phoneCheck = `(function(){
function shown(e){return e.getClientRects().length>0&&!e.closest('[hidden],.visually-hidden')&&getComputedStyle(e).visibility==='visible'}
function name(e){return e.tagName.toLowerCase()+(e.id?'#'+e.id:'')+(e.getAttribute('class')?'.'+e.getAttribute('class').split(' ').join('.'):'')}
var out={orphan:[],split:[],tiny:[],narrow:[],region:[]};
// Lines of an element: one rect per character, a new line where a
// character starts below the middle of the line before.
function lines(e){
	var ls=[],cur=null,w=document.createTreeWalker(e,NodeFilter.SHOW_TEXT),n,r=document.createRange();
	while((n=w.nextNode())){
		if(!shown(n.parentElement))continue;
		var s=n.data;
		for(var i=0;i<s.length;){
			var cp=s.codePointAt(i),k=cp>0xffff?2:1;
			if(!/\s/.test(s[i])){
				r.setStart(n,i);r.setEnd(n,i+k);
				var b=r.getClientRects()[0];
				if(b&&b.width>0){
					if(!cur||b.top>cur.top+cur.h/2){cur={top:b.top,h:b.height,text:''};ls.push(cur)}
					cur.text+=s.substr(i,k);
				}
			}
			i+=k;
		}
	}
	return ls;
}
document.querySelectorAll('h1,h2,h3,.task-title,.result-title,.brand-title').forEach(function(e){
	if(!shown(e))return;
	var ls=lines(e);
	if(ls.length>1&&Array.from(ls[ls.length-1].text).length===1)
		out.orphan.push(name(e)+' "'+e.textContent.trim().slice(0,40)+'" ends with "'+ls[ls.length-1].text+'" on a line of its own');
});
document.querySelectorAll('a[href],.dept').forEach(function(e){
	if(!shown(e))return;
	if(e.tagName==='A'&&!/\/departments\/[^\/]+\/$/.test(new URL(e.href).pathname))return;
	// One rect per line and per marked run inside it: count the lines.
	var rs=e.getClientRects(),tops=[];
	for(var j=0;j<rs.length;j++)if(!tops.some(function(t){return Math.abs(t-rs[j].top)<rs[j].height/2}))tops.push(rs[j].top);
	if(tops.length<2)return;
	var box=e.parentElement;while(box&&getComputedStyle(box).display==='inline')box=box.parentElement;
	var cs=getComputedStyle(box),room=box.clientWidth-parseFloat(cs.paddingLeft)-parseFloat(cs.paddingRight),total=0;
	for(var i=0;i<rs.length;i++)total+=rs[i].width;
	if(total<=room+1)out.split.push(name(e)+' "'+e.textContent.trim()+'" on '+tops.length+' lines ('+Math.round(total)+' px of text in '+Math.round(room)+' px)');
});
document.querySelectorAll('svg text').forEach(function(e){
	if(!shown(e))return;
	var m=e.getScreenCTM(),size=parseFloat(getComputedStyle(e).fontSize)*(m?Math.hypot(m.a,m.b):1);
	if(size<11.95)out.tiny.push(name(e)+' "'+e.textContent.trim()+'" '+size.toFixed(1)+' px');
});
document.querySelectorAll('td,th').forEach(function(e){
	if(!shown(e)||getComputedStyle(e).display!=='table-cell')return;
	var han=(e.textContent.match(/\p{Script=Han}/gu)||[]).length;if(han<2)return;
	var cs=getComputedStyle(e),w=e.clientWidth-parseFloat(cs.paddingLeft)-parseFloat(cs.paddingRight),fs=parseFloat(cs.fontSize);
	if(w<Math.min(3,han)*fs-1)out.narrow.push(name(e)+' "'+e.textContent.trim().slice(0,16)+'" '+Math.round(w)+' px, under 3 characters of '+fs+' px');
});
document.querySelectorAll('body *').forEach(function(e){
	var cs=getComputedStyle(e);
	if(!shown(e)||!/auto|scroll/.test(cs.overflowX)||e.scrollWidth<=e.clientWidth+1)return;
	var l=e.getAttribute('aria-labelledby'),ok=e.getAttribute('role')==='region'&&e.tabIndex===0&&l&&l.split(/\s+/).every(function(id){var t=document.getElementById(id);return t&&t.textContent.trim()!==''});
	if(!ok)out.region.push(name(e)+' scrolls sideways but is not a focusable region with aria-labelledby');
});
return out})()`

type phoneReport struct {
	Orphan []string `json:"orphan"`
	Split  []string `json:"split"`
	Tiny   []string `json:"tiny"`
	Narrow []string `json:"narrow"`
	Region []string `json:"region"`
}

// TestPhoneReading loads every page kind of the bundled site, of the
// district example and of each real table in examples/ at 375 px and 320 px, in the default text size and in
// 大: no heading or title ends with one character on a line of its own,
// no department name is broken across lines, chart text is at least 12 px
// on the screen, name cells are at least three characters wide, and what
// scrolls sideways is a labelled, focusable region. With SCREENSHOTS=DIR
// it saves a screenshot of each page at 375 and 1280 px.
func TestPhoneReading(t *testing.T) {
	bundled, _ := serve(t, sources(nil))
	district, _ := serve(t, sources(os.DirFS("../../examples/district-plan/content")))
	sites := []struct {
		name, root string
		kinds      []struct{ name, path string }
	}{
		{"bundled", bundled, pageKinds},
		{"district", district, districtKinds},
	}
	for _, r := range serveRealExamples(t) {
		sites = append(sites, struct {
			name, root string
			kinds      []struct{ name, path string }
		}{r.name, r.root, r.kinds})
	}
	shots := os.Getenv("SCREENSHOTS")
	if shots != "" {
		if err := os.MkdirAll(shots, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	modes := []struct {
		name  string
		width int
		size  string
		check bool
	}{
		{"375", 375, "", true},
		{"320", 320, "", true},
		{"320-large", 320, "l", true},
		{"1280", 1280, "", false},
	}
	ctx := browser(t, 375, 900)
	for _, s := range sites {
		for _, m := range modes {
			if !m.check && shots == "" {
				continue
			}
			set := `localStorage.clear();true`
			if m.size != "" {
				set = `localStorage.clear();localStorage.setItem('plansite-size',` + jsString(m.size) + `);true`
			}
			var ok bool
			run(t, ctx, "settings", chromedp.Navigate(s.root), chromedp.Evaluate(set, &ok))
			for _, pk := range s.kinds {
				where := s.name + " " + pk.name + " at " + m.name
				var r phoneReport
				actions := []chromedp.Action{
					chromedp.EmulateViewport(int64(m.width), 900),
					chromedp.Navigate(s.root + pk.path),
					chromedp.WaitReady("footer", chromedp.ByQuery),
				}
				if pk.name == "search" {
					actions = append(actions, waitFor(`document.getElementById('search-app').getAttribute('data-state')==='done'`))
				}
				actions = append(actions, chromedp.Evaluate(phoneCheck, &r))
				if shots != "" && (m.name == "375" || m.name == "1280") {
					var png []byte
					file := filepath.Join(shots, fmt.Sprintf("%s-%s-%s.png", s.name, pk.name, m.name))
					actions = append(actions, chromedp.FullScreenshot(&png, 100), chromedp.ActionFunc(func(context.Context) error {
						return os.WriteFile(file, png, 0o644)
					}))
				}
				run(t, ctx, where, actions...)
				if !m.check {
					continue
				}
				for _, x := range r.Orphan {
					t.Errorf("%s: orphan: %s", where, x)
				}
				for _, x := range r.Split {
					t.Errorf("%s: department name split: %s", where, x)
				}
				for _, x := range r.Tiny {
					t.Errorf("%s: chart text under 12 px: %s", where, x)
				}
				for _, x := range r.Narrow {
					t.Errorf("%s: name cell too narrow: %s", where, x)
				}
				for _, x := range r.Region {
					t.Errorf("%s: %s", where, x)
				}
			}
		}
	}
}

// realSite is one of the real tables in examples/, built and served, with
// one page of each kind it has.
type realSite struct {
	name, root string
	kinds      []struct{ name, path string }
}

// serveRealExamples builds and serves each real table in examples/ (each
// folder with a SOURCE file).
func serveRealExamples(tb testing.TB) []realSite {
	tb.Helper()
	real, err := filepath.Glob("../../examples/*/SOURCE")
	if err != nil || len(real) == 0 {
		tb.Fatalf("no real tables in examples/ (%v)", err)
	}
	var out []realSite
	for _, src := range real {
		ex := filepath.Dir(src)
		o := sources(os.DirFS(filepath.Join(ex, "content")))
		// The test server serves the site at its root, so the site is built
		// for a root address: 404.html links by absolute path.
		o.BaseURL = "https://example.org/"
		root, dir, _ := serveDir(tb, o)
		out = append(out, realSite{filepath.Base(ex), root, kindsOf(tb, dir)})
	}
	return out
}

// kindsOf finds one page of each kind in the site built into dir, the
// largest of each, since long titles, lists and tables are what break on a
// phone; the search looks for the first two characters of that task's title.
func kindsOf(tb testing.TB, dir string) []struct{ name, path string } {
	tb.Helper()
	kinds := []struct{ name, path string }{{"home", ""}}
	largest := func(name, sub string) string {
		entries, err := os.ReadDir(filepath.Join(dir, sub))
		if err != nil {
			return ""
		}
		best, size := "", int64(-1)
		for _, e := range entries {
			fi, err := os.Stat(filepath.Join(dir, sub, e.Name(), "index.html"))
			if err != nil || !e.IsDir() || fi.Size() <= size {
				continue
			}
			best, size = e.Name(), fi.Size()
		}
		if best != "" {
			kinds = append(kinds, struct{ name, path string }{name, sub + "/" + best + "/"})
		}
		return best
	}
	task := largest("task", "tasks")
	largest("area", "areas")
	for _, k := range []struct{ name, path string }{{"areas", "areas"}, {"departments", "departments"}, {"years", "years"}, {"plan", "plan"},
		{"data", "data"}, {"fields", "data/fields"}, {"progress", "progress"}} {
		if _, err := os.Stat(filepath.Join(dir, k.path, "index.html")); err == nil {
			kinds = append(kinds, struct{ name, path string }{k.name, k.path + "/"})
		}
	}
	largest("department", "departments")
	largest("year", "years")
	if task == "" {
		tb.Fatalf("%s: no task pages", dir)
	}
	var j struct{ Title string }
	data, err := os.ReadFile(filepath.Join(dir, "tasks", task, "index.json"))
	if err == nil {
		err = json.Unmarshal(data, &j)
	}
	if err != nil || utf8.RuneCountInString(j.Title) < 2 {
		tb.Fatalf("%s: the title of task %s: %v", dir, task, err)
	}
	q := string([]rune(j.Title)[:2])
	return append(kinds, struct{ name, path string }{"search", "search/?q=" + url.QueryEscape(q)},
		struct{ name, path string }{"404", "404.html"})
}
