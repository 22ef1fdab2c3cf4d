package browser

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"plansite/internal/plan"
	"plansite/internal/search"
)

// readerCheck measures, in the page, what a reader finds at a glance:
//   - statuses: each status badge's class and text; a class must always
//     carry one text and a text one class, so that no status is told by its
//     colour alone;
//   - segments: in each stacked bar, neighbouring segments either differ
//     3:1 in colour or are parted by a gap of the page's background, against
//     which each keeps 3:1; each carries its number;
//   - cut: a table or chart wider than what holds it must scroll inside a
//     labelled region with a visible line saying it scrolls;
//   - open: 图表数据 tables open before the reader opens them;
//   - tiny: text drawn under 12 px (SVG text at its drawn size);
//   - small: targets under 24 × 24 px (inline links in running text
//     exempt, as WCAG 2.5.8 allows);
//   - fold: on a task page, the bottoms of its status and deadline rows,
//     and whether its timeline has a readable date (then the deadline row
//     must be there).
const readerCheck = `(function(){
function rgba(s){var m=s.match(/[\d.]+/g)||[0,0,0,0];return [+m[0],+m[1],+m[2],m.length>3?+m[3]:1]}
function lin(c){c/=255;return c<=0.03928?c/12.92:Math.pow((c+0.055)/1.055,2.4)}
function L(c){return 0.2126*lin(c[0])+0.7152*lin(c[1])+0.0722*lin(c[2])}
function ratio(a,b){var x=L(a),y=L(b);return (Math.max(x,y)+0.05)/(Math.min(x,y)+0.05)}
function bg(e){for(;e;e=e.parentElement){var c=rgba(getComputedStyle(e).backgroundColor);if(c[3]>0)return c}return [255,255,255,1]}
function hidden(e){return !!e.closest('[hidden]')||e.getClientRects().length===0||getComputedStyle(e).visibility!=='visible'}
function name(e){return e.tagName.toLowerCase()+(e.id?'#'+e.id:'')+(e.getAttribute('class')?'.'+e.getAttribute('class').split(' ').join('.'):'')}
var out={statuses:[],segments:[],cut:[],open:[],tiny:[],small:[],fold:null};
var byClass={},byText={},look={};
document.querySelectorAll('.status').forEach(function(e){
	if(hidden(e))return;
	var c=(e.className.match(/st-[\w-]+/)||[''])[0],t=e.textContent.trim();
	if(!t){out.statuses.push(name(e)+': no text');return}
	if(byClass[c]&&byClass[c]!==t)out.statuses.push(c+' says both '+byClass[c]+' and '+t);
	if(byText[t]&&byText[t]!==c)out.statuses.push(t+' is both '+byText[t]+' and '+c);
	byClass[c]=t;byText[t]=c;
	var cs=getComputedStyle(e);look[c]={rgb:rgba(cs.color),style:cs.borderTopStyle};
});
// Two statuses look alike when their colours are near and their frames the
// same: 未启动 #57606a and 暂无进展 #505a5f did.
var cls=Object.keys(look);
cls.forEach(function(a,i){cls.slice(i+1).forEach(function(b){
	var x=look[a].rgb,y=look[b].rgb,d=Math.sqrt(Math.pow(x[0]-y[0],2)+Math.pow(x[1]-y[1],2)+Math.pow(x[2]-y[2],2));
	if(d<60&&look[a].style===look[b].style)out.statuses.push(byClass[a]+' and '+byClass[b]+' look alike ('+x.slice(0,3)+' and '+y.slice(0,3)+', '+look[a].style+')');
})});
document.querySelectorAll('svg .row').forEach(function(row){
	var segs=[].slice.call(row.querySelectorAll('rect.st')).map(function(r){
		var g=r.closest('.seg'),n=g&&g.querySelector('text');
		return {r:r.getBoundingClientRect(),fill:rgba(getComputedStyle(r).fill),n:n?n.textContent.trim():'',back:bg(row.closest('svg'))};
	}).sort(function(a,b){return a.r.left-b.r.left});
	segs.forEach(function(s,i){
		if(!/^\d+$/.test(s.n))out.segments.push('a segment without its number');
		if(!i)return;
		var p=segs[i-1],gap=s.r.left-p.r.right;
		var apart=ratio(p.fill,s.fill)>=3||gap>=1&&ratio(p.fill,s.back)>=3&&ratio(s.fill,s.back)>=3;
		if(!apart)out.segments.push('neighbours '+p.fill+' and '+s.fill+', '+gap.toFixed(1)+' px apart, contrast '+ratio(p.fill,s.fill).toFixed(2));
	});
});
document.querySelectorAll('table, svg.chart-svg').forEach(function(e){
	if(hidden(e))return;
	var a=e.parentElement;
	for(;a&&a!==document.body;a=a.parentElement){var o=getComputedStyle(a).overflowX;if(o!=='visible')break}
	var r=e.getBoundingClientRect();
	if(!a||a===document.body){if(r.right>window.innerWidth+1)out.cut.push(name(e)+' reaches '+Math.round(r.right)+' px, past the window');return}
	if(a.getBoundingClientRect().right>window.innerWidth+1){out.cut.push(name(a)+', which holds '+name(e)+', reaches past the window');return}
	if(a.scrollWidth<=a.clientWidth+1)return;
	var o=getComputedStyle(a).overflowX,label=a.getAttribute('aria-labelledby'),h=a.nextElementSibling;
	var named=label&&label.split(' ').every(function(id){var l=document.getElementById(id);return l&&l.textContent.trim()});
	var hint=h&&h.classList.contains('scroll-hint')&&!hidden(h)&&h.textContent.trim();
	if(o!=='auto'&&o!=='scroll'||a.getAttribute('role')!=='region'||!named||!hint)
		out.cut.push(name(e)+' is cut in '+name(a)+' (overflow '+o+', region '+a.getAttribute('role')+', named '+!!named+', hint '+!!hint+')');
});
document.querySelectorAll('details.chart-data[open]').forEach(function(e){out.open.push(name(e))});
document.querySelectorAll('body *').forEach(function(e){
	var own='';e.childNodes.forEach(function(n){if(n.nodeType===3)own+=n.data});own=own.trim();
	if(!own||hidden(e)||e.closest('.visually-hidden,.skip,title,desc,script,style'))return;
	var size=parseFloat(getComputedStyle(e).fontSize);
	if(e instanceof SVGElement){var m=e.getScreenCTM();if(m)size*=m.a}
	if(size<11.95)out.tiny.push(name(e)+' "'+own.slice(0,12)+'" '+size.toFixed(1)+'px');
});
document.querySelectorAll('a,button,input,select,textarea,summary').forEach(function(e){
	if(hidden(e)||e.closest('.visually-hidden'))return;
	if(getComputedStyle(e).display==='inline'||e.classList.contains('skip'))return;
	var r=e.getBoundingClientRect();
	if(r.width<24||r.height<24)out.small.push(name(e)+' "'+e.textContent.trim().slice(0,20)+'" '+Math.round(r.width)+'x'+Math.round(r.height));
});
if(document.body.classList.contains('kind-task')){
	var bottom=function(sel){var e=document.querySelector(sel);return e?Math.round(e.getBoundingClientRect().bottom+window.scrollY):-1};
	var dated=[].some.call(document.querySelectorAll('.milestones-table th.when'),function(th){return th.textContent.trim()!=='未能识别'});
	out.fold={status:bottom('.glance-status'),deadline:bottom('.glance-deadline'),dated:dated,progress:!!document.querySelector('link[href*="status.css"]')};
}
return out})()`

type readerFindings struct {
	Statuses []string `json:"statuses"`
	Segments []string `json:"segments"`
	Cut      []string `json:"cut"`
	Open     []string `json:"open"`
	Tiny     []string `json:"tiny"`
	Small    []string `json:"small"`
	Fold     *struct {
		Status, Deadline int
		Dated, Progress  bool
	} `json:"fold"`
}

// TestReaderAtAGlance holds every page kind of the bundled site, the
// progress demo and each real table in examples/ at 320, 375 and 1280 px
// to what a reader needs at a glance (readerCheck): statuses told apart
// without colour, stacked segments parted 3:1, no chart or table cut
// without a labelled region that says it scrolls, data tables closed, no
// text under 12 px, no target under 24 px, and a task's status and
// deadline above the fold of a 375 × 667 phone.
func TestReaderAtAGlance(t *testing.T) {
	type site struct {
		name  string
		root  string
		kinds []struct{ name, path string }
	}
	bundled, _ := serve(t, sources(nil))
	o := sources(os.DirFS("../../examples/progress-demo/content"))
	o.BaseURL = "https://example.org/" // served at the root: 404.html links by absolute path
	demo, demoDir, _ := serveDir(t, o)
	sites := []site{{"bundled", bundled, pageKinds}, {"progress-demo", demo, kindsOf(t, demoDir)}}
	for _, r := range serveRealExamples(t) {
		sites = append(sites, site{r.name, r.root, r.kinds})
	}
	for _, width := range []int{320, 375, 1280} {
		ctx := browser(t, width, 667)
		for _, s := range sites {
			for _, pk := range s.kinds {
				where := s.name + " " + pk.name + " at " + strconv.Itoa(width)
				var f readerFindings
				actions := []chromedp.Action{
					chromedp.EmulateViewport(int64(width), 667),
					chromedp.Navigate(s.root + pk.path),
					chromedp.WaitReady("footer", chromedp.ByQuery),
				}
				if strings.HasPrefix(pk.path, "search/?") {
					actions = append(actions, waitFor(`document.getElementById('search-app').getAttribute('data-state')==='done'`))
				}
				run(t, ctx, where, append(actions, chromedp.Evaluate(readerCheck, &f))...)
				for _, list := range []struct {
					what  string
					found []string
				}{{"status", f.Statuses}, {"stacked bar", f.Segments}, {"cut off", f.Cut}, {"open data table", f.Open},
					{"text under 12 px", f.Tiny}, {"target under 24 × 24", f.Small}} {
					for _, x := range list.found {
						t.Errorf("%s: %s: %s", where, list.what, x)
					}
				}
				if fold := f.Fold; fold != nil && width == 375 {
					if fold.Progress && (fold.Status < 0 || fold.Status > 667) {
						t.Errorf("%s: the status ends at %d px, below the fold (667)", where, fold.Status)
					}
					if fold.Dated && (fold.Deadline < 0 || fold.Deadline > 667) {
						t.Errorf("%s: the deadline ends at %d px, below the fold (667)", where, fold.Deadline)
					}
				}
			}
		}
	}
}

// TestSearchFilters combines the search page's filters of the progress
// demo: a status, a group, a unit and a year, with and without words; the
// address keeps them all, the results are exactly the tasks that pass all,
// and each result overdue says 逾期.
func TestSearchFilters(t *testing.T) {
	root, r := serve(t, sources(os.DirFS("../../examples/progress-demo/content")))
	l := r.Content.Plan
	ctx := browser(t, 375, 900)
	for _, c := range []struct{ query, q, status, area, dept, year string }{
		{"?status=%E6%BB%9E%E5%90%8E&dept=%E7%A4%BA%E4%BE%8B%E5%B8%82%E5%B7%A5%E4%B8%9A%E5%92%8C%E4%BF%A1%E6%81%AF%E5%8C%96%E5%B1%80", "", "滞后", "", "示例市工业和信息化局", ""},
		{"?area=2&year=2024", "", "", "2", "", "2024"},
		{"?q=%E7%A4%BA%E4%BE%8B&area=1&year=2025", "示例", "", "1", "", "2025"},
	} {
		var got struct {
			IDs   []string `json:"ids"`
			Late  []string `json:"late"`
			Query string   `json:"query"`
		}
		run(t, ctx, c.query, chromedp.Navigate(root+"search/"+c.query),
			waitFor(`document.getElementById('search-app').getAttribute('data-state')==='done'`),
			chromedp.Evaluate(`(function(){var ids=[],late=[];document.querySelectorAll('#search-results .result').forEach(function(li){var n=li.querySelector('.task-no').textContent.replace('任务','');ids.push(n);if(li.querySelector('.overdue-tag'))late.push(n)});return {ids:ids,late:late,query:location.search}})()`, &got))
		var want, late []string
		for _, task := range l.Tasks {
			ok := c.q == "" || strings.Contains(search.NewDoc(l, task, &search.Progress{Log: r.Content.Progress}).Hay, search.Fold(c.q))
			if st := r.Content.Progress.Current(task); c.status != "" && (st == nil || st.Name != c.status) {
				ok = false
			}
			if c.area != "" && (task.Area == nil || strconv.Itoa(task.Area.Ordinal) != c.area) {
				ok = false
			}
			if c.dept != "" {
				in := func(d *plan.Department) bool { return d.Name == c.dept }
				ok = ok && (slices.ContainsFunc(task.Lead, in) || slices.ContainsFunc(task.Coop, in))
			}
			if c.year != "" {
				y, _ := strconv.Atoi(c.year)
				ok = ok && task.ActiveIn(y)
			}
			if ok {
				want = append(want, task.ID)
				if r.Content.Progress.Overdue(task) {
					late = append(late, task.ID)
				}
			}
		}
		if len(want) == 0 {
			t.Fatalf("%s: no task passes, so the test shows nothing", c.query)
		}
		if strings.Join(got.IDs, ",") != strings.Join(want, ",") || strings.Join(got.Late, ",") != strings.Join(late, ",") {
			t.Errorf("%s: tasks %v (逾期 %v), want %v (逾期 %v)", c.query, got.IDs, got.Late, want, late)
		}
		for _, k := range []string{"status", "area", "dept", "year"} {
			if strings.Contains(c.query, k+"=") != strings.Contains(got.Query, k+"=") {
				t.Errorf("%s: the address became %s", c.query, got.Query)
			}
		}
	}
}
