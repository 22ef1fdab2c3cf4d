package browser

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// pageKinds are one page of each kind, the long ones included.
var pageKinds = []struct{ name, path string }{
	{"home", ""},
	{"task", "tasks/18/"},
	{"area", "areas/2/"},
	{"areas", "areas/"},
	{"departments", "departments/"},
	{"department", "departments/industry-it/"},
	{"years", "years/"},
	{"year", "years/2020/"},
	{"about", "about/"},
	{"plan", "plan/"},
	{"data", "data/"},
	{"fields", "data/fields/"},
	{"search", "search/?q=%E6%97%A0%E4%BA%BA%E6%9C%BA"},
	{"404", "404.html"},
}

// layoutCheck measures, in the page: horizontal overflow; buttons, fields
// and block links smaller than 24×24 CSS px (links inside running text are
// exempt, as WCAG 2.5.8 allows); text whose contrast with what is behind
// it is under 4.5:1 (3:1 for large text), for HTML and SVG text; and a
// pager link whose title does not follow its number on the line.
const layoutCheck = `(function(){
function rgba(s){var m=s.match(/[\d.]+/g)||[0,0,0,0];return [+m[0],+m[1],+m[2],m.length>3?+m[3]:1]}
function lin(c){c/=255;return c<=0.03928?c/12.92:Math.pow((c+0.055)/1.055,2.4)}
function L(c){return 0.2126*lin(c[0])+0.7152*lin(c[1])+0.0722*lin(c[2])}
function over(f,b){var a=f[3];return [f[0]*a+b[0]*(1-a),f[1]*a+b[1]*(1-a),f[2]*a+b[2]*(1-a),1]}
function ratio(a,b){var x=L(a),y=L(b);return (Math.max(x,y)+0.05)/(Math.min(x,y)+0.05)}
function bg(e){for(;e;e=e.parentElement){var c=rgba(getComputedStyle(e).backgroundColor);if(c[3]>0)return c}return [255,255,255,1]}
function opacity(e){var o=1;for(;e;e=e.parentElement)o*=+getComputedStyle(e).opacity;return o}
function hidden(e){return !!e.closest('[hidden]')||e.getClientRects().length===0||getComputedStyle(e).visibility!=='visible'}
function name(e){return e.tagName.toLowerCase()+(e.id?'#'+e.id:'')+(e.getAttribute('class')?'.'+e.getAttribute('class').split(' ').join('.'):'')}
var out={scroll:document.documentElement.scrollWidth,width:window.innerWidth,small:[],low:[],pager:[]};
document.querySelectorAll('a,button,input,select,textarea,summary').forEach(function(e){
	if(hidden(e)||e.closest('.visually-hidden'))return;
	var cs=getComputedStyle(e);if(cs.display==='inline')return;
	if(e.classList.contains('skip'))return;
	var r=e.getBoundingClientRect();
	if(r.width<24||r.height<24)out.small.push(name(e)+' "'+e.textContent.trim().slice(0,20)+'" '+Math.round(r.width)+'x'+Math.round(r.height));
});
document.querySelectorAll('body *').forEach(function(e){
	var own='';e.childNodes.forEach(function(n){if(n.nodeType===3)own+=n.data});own=own.trim();
	if(!own||hidden(e)||e.closest('.visually-hidden,.skip,title,desc,script'))return;
	var cs=getComputedStyle(e),back=bg(e),fg;
	if(e instanceof SVGElement){
		fg=rgba(cs.fill);
		var p=e.previousElementSibling;
		if(p&&p.tagName==='rect'){var a=p.getBoundingClientRect(),b=e.getBoundingClientRect();
			if(b.left>=a.left-1&&b.right<=a.right+1&&b.top>=a.top-1&&b.bottom<=a.bottom+1){var f=rgba(getComputedStyle(p).fill);if(f[3]>0)back=f}}
	}else fg=rgba(cs.color);
	fg=over([fg[0],fg[1],fg[2],fg[3]*opacity(e)],back);
	var size=parseFloat(cs.fontSize),bold=+cs.fontWeight>=700;
	if(e instanceof SVGElement){var m=e.getScreenCTM();if(m)size*=m.a}
	var need=(size>=24||(bold&&size>=18.66))?3:4.5,r=ratio(fg,back);
	if(r<need)out.low.push(name(e)+' "'+own.slice(0,16)+'" '+r.toFixed(2)+' ('+cs.color+' on '+back.join(',')+', '+size.toFixed(1)+'px)');
});
// The pager's links: the title follows 任务N： on its line, under the label.
document.querySelectorAll('.pager a').forEach(function(a){
	var lbl=a.firstElementChild,t=lbl&&lbl.nextSibling,title=t&&t.nextElementSibling;
	if(!t||t.nodeType!==3||!title)return;
	var rg=document.createRange();rg.selectNodeContents(t);
	var n=rg.getClientRects()[0],f=title.getClientRects()[0];
	if(n&&f&&f.top>n.top+n.height/2)out.pager.push('"'+a.textContent.trim().slice(0,24)+'": its title starts a line below '+JSON.stringify(t.data));
});
return out})()`

type layout struct {
	Scroll int      `json:"scroll"`
	Width  int      `json:"width"`
	Small  []string `json:"small"`
	Low    []string `json:"low"`
	Pager  []string `json:"pager"`
}

// TestLayout loads each page kind at 320 px (a small phone), 640 px (a
// 1280 px window at 200% zoom) and 1280 px, in the default look, in 大 and
// in high contrast: nothing may scroll sideways, targets must be at least
// 24×24 and text contrast at least 4.5:1. With SCREENSHOTS=DIR it also
// saves a screenshot of each.
func TestLayout(t *testing.T) {
	root, _ := serve(t, sources(nil))
	checkLayout(t, browser(t, 1280, 900), root, pageKinds, []layoutMode{
		{"320", 320, "", false},
		{"375", 375, "", false},
		{"640", 640, "", false},
		{"1280", 1280, "", false},
		{"320-large", 320, "l", false},
		{"375-large-contrast", 375, "l", true},
		{"1280-contrast", 1280, "", true},
	})
}

// TestProgressLayout checks the pages that show statuses, from the
// progress demo, in every reading setting: each status colour must stay
// readable (4.5:1) and nothing may scroll sideways at 320 px.
func TestProgressLayout(t *testing.T) {
	root, _ := serve(t, sources(os.DirFS("../../examples/progress-demo/content")))
	checkLayout(t, browser(t, 1280, 900), root, []struct{ name, path string }{
		{"progress", "progress/"},
		{"task-progress", "tasks/1/"},
		{"area-progress", "areas/1/"},
		{"search-status", "search/?status=%E5%B7%B2%E5%AE%8C%E6%88%90"},
	}, []layoutMode{
		{"320", 320, "", false},
		{"320-large", 320, "l", false},
		{"320-small", 320, "s", false},
		{"320-contrast", 320, "", true},
		{"1280", 1280, "", false},
		{"1280-large", 1280, "l", false},
		{"1280-small", 1280, "s", false},
		{"1280-large-contrast", 1280, "l", true},
	})
}

// TestRealExamplesLayout holds every page kind of each real table in
// examples/ to the same rules at 320 px, in 大 and in high contrast, and at
// 640 px.
func TestRealExamplesLayout(t *testing.T) {
	ctx := browser(t, 1280, 900)
	for _, r := range serveRealExamples(t) {
		t.Run(r.name, func(t *testing.T) {
			checkLayout(t, ctx, r.root, r.kinds, []layoutMode{
				{"320", 320, "", false},
				{"320-large-contrast", 320, "l", true},
				{"640", 640, "", false},
			})
		})
	}
}

// layoutMode is a window width and reading setting.
type layoutMode struct {
	name     string
	width    int
	size     string // localStorage plansite-size
	contrast bool
}

// apply puts the tab ctx in the mode: its width, which lasts across
// navigations, and its reading settings, stored as by a reader who chose
// them on an earlier visit, the last mode's cleared. One browser serves
// every mode: starting one is a second or more on a busy machine.
func (m layoutMode) apply(t *testing.T, ctx context.Context, root string) {
	t.Helper()
	set := fmt.Sprintf(`localStorage.clear();%s%s;true`,
		map[bool]string{true: `localStorage.setItem('plansite-size',` + jsString(m.size) + `);`}[m.size != ""],
		map[bool]string{true: `localStorage.setItem('plansite-contrast','on')`}[m.contrast])
	var ok bool
	run(t, ctx, "settings", chromedp.EmulateViewport(int64(m.width), 900), chromedp.Navigate(root), chromedp.Evaluate(set, &ok))
}

// checkLayout runs layoutCheck on each page in each mode, in the tab ctx.
// A search page (search/?…) is checked once its search is done.
func checkLayout(t *testing.T, ctx context.Context, root string, kinds []struct{ name, path string }, modes []layoutMode) {
	shots := os.Getenv("SCREENSHOTS")
	if shots != "" {
		if err := os.MkdirAll(shots, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range modes {
		m.apply(t, ctx, root)
		for _, pk := range kinds {
			var l layout
			actions := []chromedp.Action{
				chromedp.Navigate(root + pk.path),
				chromedp.WaitReady("footer", chromedp.ByQuery),
			}
			if strings.HasPrefix(pk.path, "search/?") {
				actions = append(actions, waitFor(`document.getElementById('search-app').getAttribute('data-state')==='done'`))
			}
			actions = append(actions, chromedp.Evaluate(layoutCheck, &l))
			if shots != "" {
				var png []byte
				actions = append(actions, chromedp.FullScreenshot(&png, 100), chromedp.ActionFunc(func(context.Context) error {
					return os.WriteFile(filepath.Join(shots, pk.name+"-"+m.name+".png"), png, 0o644)
				}))
			}
			run(t, ctx, pk.name+" at "+m.name, actions...)
			where := pk.name + " at " + m.name
			if l.Width != m.width {
				t.Errorf("%s: the window is %d px wide, not the mode's %d", where, l.Width, m.width)
			}
			if l.Scroll > l.Width {
				t.Errorf("%s: scrolls sideways (%d px wide in a %d px window)", where, l.Scroll, l.Width)
			}
			for _, s := range l.Small {
				t.Errorf("%s: target smaller than 24×24: %s", where, s)
			}
			for _, s := range l.Low {
				t.Errorf("%s: contrast too low: %s", where, s)
			}
			for _, s := range l.Pager {
				t.Errorf("%s: pager: %s", where, s)
			}
		}
	}
	if shots != "" {
		t.Logf("screenshots in %s", shots)
	}
}
