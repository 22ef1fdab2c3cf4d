package browser

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/chromedp/chromedp"

	"plansite/internal/linebreak"
	"plansite/internal/plan"
)

// breakTexts gathers, from the titles, headings, labels, names and table
// cells of a page, the text a reader sees in each: its shown text nodes,
// in order. The elements are kept in window.__brk for breakCheck.
const breakTexts = `(function(){
function shown(e){return e.getClientRects().length>0&&!e.closest('[hidden],.visually-hidden,svg')&&getComputedStyle(e).visibility==='visible'}
// The data page's descriptions of its files are prose, not labels.
function prose(e){return !!e.closest('.files dd')}
var els=[],texts=[];
document.querySelectorAll('h1,h2,h3,h4,h5,h6,.brand,.nav a,.crumbs li,.kicker,.from,.figures dd,.status-counts,dt,dd,th,td,caption,summary,.task-link,.task-meta,.pager a,.footer p,.sentences li,.milestone,.update-head,.dept-links li,.year-list a,.ways-list a').forEach(function(e){
	if(!shown(e)||prose(e))return;
	var w=document.createTreeWalker(e,NodeFilter.SHOW_TEXT),n,nodes=[],s='';
	while((n=w.nextNode())){if(shown(n.parentElement)){nodes.push([n,s.length]);s+=n.data}}
	if(!/\S/.test(s))return;
	els.push(nodes);texts.push(s);
});
window.__brk=els;return texts})()`

// breakCheck measures each run, [element, from, to] in UTF-16 units of its
// text, with Range.getClientRects: a run is broken when its boxes stand on
// more than one line (a box starting below the middle of the first).
const breakCheck = `(function(runs){
var out=[];
function at(nodes,k,end){for(var i=nodes.length-1;i>=0;i--){if(nodes[i][1]<k||(!end&&nodes[i][1]===k)){return [nodes[i][0],k-nodes[i][1]]}}return [nodes[0][0],0]}
runs.forEach(function(r){
	var nodes=window.__brk[r[0]],a=at(nodes,r[1],false),b=at(nodes,r[2],true),rg=document.createRange();
	rg.setStart(a[0],a[1]);rg.setEnd(b[0],b[1]);
	var rs=Array.from(rg.getClientRects()).filter(function(x){return x.width>0&&x.height>0});
	if(rs.length<2)return;
	var first=rs[0];
	for(var i=1;i<rs.length;i++){if(rs[i].top>first.top+first.height/2){out.push(r[0]+' '+rg.toString()+' on '+rs.length+' boxes, tops '+rs.map(function(x){return Math.round(x.top)}).join(','));return}}
});
return out})`

// widthCheck measures what a phone gives the text: how many characters
// of its own size the search placeholder needs and has room for, and the
// fewest characters a line of the measures (beside their ¶ links) and of
// the timeline's arrangements (安排) holds.
const widthCheck = `(function(){
function room(e){var cs=getComputedStyle(e);return e.clientWidth-parseFloat(cs.paddingLeft)-parseFloat(cs.paddingRight)}
var out={need:0,room:0,placeholder:'',measures:0,arrange:0},q=document.getElementById('site-q');
if(q&&q.getClientRects().length){
	var ps=getComputedStyle(q,'::placeholder'),c=document.createElement('canvas').getContext('2d');
	c.font=ps.fontWeight+' '+ps.fontSize+' '+ps.fontFamily;
	out.placeholder=q.placeholder;out.need=c.measureText(q.placeholder).width;out.room=room(q);
}
function fewest(sel){var m=0;document.querySelectorAll(sel).forEach(function(e){
	if(!e.getClientRects().length)return;
	var n=room(e)/parseFloat(getComputedStyle(e).fontSize);if(!m||n<m)m=n});return m}
out.measures=fewest('.sentences li');out.arrange=fewest('.milestones-table td:nth-child(2)');
return out})()`

// widths is what widthCheck measures.
type widths struct {
	Need, Room        float64
	Placeholder       string
	Measures, Arrange float64
}

// breakSite is a site served for the line-breaking test, with its plan's
// department names and the pages to load.
type breakSite struct {
	name, root string
	names      []string
	kinds      []struct{ name, path string }
}

// TestLineBreaks loads every page kind of the bundled site, of
// examples/progress-demo, examples/district-plan and each real table in
// examples/ at 320, 375 and 1280 px and finds, in its titles, headings,
// labels, names and table cells, every run no line may break inside: a
// unit's name (the table's own, aliases included) or the issuer's, a date or span of
// years, a number with its unit, a label, a term (internal/linebreak
// finds them, from the text the reader sees, not from the page's markup).
// None may stand on more than one line, as Chromium lays the page out.
func TestLineBreaks(t *testing.T) {
	var sites []breakSite
	add := func(name, content string, kinds []struct{ name, path string }) {
		o := sources(nil)
		if content != "" {
			o = sources(os.DirFS(content))
			o.BaseURL = "https://example.org/"
		}
		root, dir, r := serveDir(t, o)
		if kinds == nil {
			kinds = kindsOf(t, dir)
		}
		if _, err := os.Stat(filepath.Join(dir, "progress", "index.html")); err == nil {
			kinds = append(kinds, struct{ name, path string }{"progress", "progress/"})
		}
		names := append(deptNames(r.Content.Plan), strings.Split(r.Content.Config.Issuer, "、")...)
		sites = append(sites, breakSite{name, root, names, kinds})
	}
	add("bundled", "", pageKinds)
	add("progress-demo", "../../examples/progress-demo/content", nil)
	add("district", "../../examples/district-plan/content", districtKinds)
	real, err := filepath.Glob("../../examples/*/SOURCE")
	if err != nil || len(real) == 0 {
		t.Fatalf("no real tables in examples/ (%v)", err)
	}
	for _, src := range real {
		ex := filepath.Dir(src)
		add(filepath.Base(ex), filepath.Join(ex, "content"), nil)
	}
	ctx := browser(t, 375, 900)
	runs := 0
	for _, s := range sites {
		b := linebreak.New(s.names)
		for _, width := range []int{320, 375, 1280} {
			for _, pk := range s.kinds {
				where := fmt.Sprintf("%s %s at %d", s.name, pk.name, width)
				actions := []chromedp.Action{
					chromedp.EmulateViewport(int64(width), 900),
					chromedp.Navigate(s.root + pk.path),
					chromedp.WaitReady("footer", chromedp.ByQuery),
				}
				if pk.name == "search" {
					actions = append(actions, waitFor(`document.getElementById('search-app').getAttribute('data-state')==='done'`))
				}
				var texts []string
				actions = append(actions, chromedp.Evaluate(breakTexts, &texts))
				run(t, ctx, where, actions...)
				var todo [][3]int
				for i, text := range texts {
					for _, r := range b.Runs(text) {
						todo = append(todo, [3]int{i, utf16Len(text[:r.From]), utf16Len(text[:r.To])})
					}
				}
				runs += len(todo)
				var broken []string
				run(t, ctx, where, chromedp.Evaluate(breakCheck+"("+jsJSON(todo)+")", &broken))
				for _, x := range broken {
					t.Errorf("%s: broken across lines: element %s", where, x)
				}
				var w widths
				run(t, ctx, where, chromedp.Evaluate(widthCheck, &w))
				if w.Need > w.Room+0.5 {
					t.Errorf("%s: the search placeholder %q needs %.0f px and has %.0f: it is cut", where, w.Placeholder, w.Need, w.Room)
				}
				// Characters a line: at 375 px the measures had 13 and the
				// arrangements 6 beside their neighbours.
				if width < 1280 && w.Measures > 0 && w.Measures < map[int]float64{320: 13, 375: 15}[width] {
					t.Errorf("%s: the measures get %.1f characters a line", where, w.Measures)
				}
				if width < 1280 && w.Arrange > 0 && w.Arrange < 8 {
					t.Errorf("%s: the timeline's arrangements get %.1f characters a line", where, w.Arrange)
				}
			}
		}
	}
	if runs < 1000 {
		t.Errorf("only %d runs checked in all the pages: the test finds too few to mean anything", runs)
	}
}

// deptNames are the names and aliases of the plan's departments.
func deptNames(p *plan.Plan) []string {
	var out []string
	for _, d := range p.Departments {
		out = append(append(out, d.Name), d.Aliases...)
	}
	return out
}

// utf16Len is the length of s in UTF-16 units, as JavaScript counts.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r == utf8.RuneError {
			n++
			continue
		}
		n += len(utf16.Encode([]rune{r}))
	}
	return n
}

// jsJSON is v as a JavaScript literal.
func jsJSON(v [][3]int) string {
	if v == nil {
		return "[]"
	}
	s := "["
	for i, r := range v {
		if i > 0 {
			s += ","
		}
		s += fmt.Sprintf("[%d,%d,%d]", r[0], r[1], r[2])
	}
	return s + "]"
}
