//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// The widths of the checks: a small phone for reflow, a common phone and a
// laptop for axe and the screenshots.
const (
	reflowWidth = 320
	phoneWidth  = 375
	wideWidth   = 1280
)

// axeTags are the WCAG 2.0, 2.1 and 2.2 rules of levels A and AA.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

type axeNode struct {
	Target  string `json:"target"`
	HTML    string `json:"html"`
	Summary string `json:"summary"`
}

type axeRule struct {
	ID     string    `json:"id"`
	Impact string    `json:"impact"`
	Help   string    `json:"help"`
	URL    string    `json:"helpUrl"`
	Nodes  []axeNode `json:"nodes"`
}

type axeResult struct {
	Violations []axeRule `json:"violations"`
	Incomplete []axeRule `json:"incomplete"`
	Version    string    `json:"version"`
	Passes     int       `json:"passes"`
}

func axeScript() string {
	tags, _ := json.Marshal(axeTags)
	return `axe.run(document, {runOnly: {type: 'tag', values: ` + string(tags) + `}, resultTypes: ['violations', 'incomplete']})
.then(r => {
  const rules = list => list.map(v => ({id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.map(x => typeof x === 'string' ? x : JSON.stringify(x)).join(' '),
      html: n.html, summary: n.failureSummary || ''}))}));
  return {violations: rules(r.violations), incomplete: rules(r.incomplete), version: r.testEngine.version, passes: r.passes.length};
})`
}

var (
	axeOnce   sync.Once
	axeSource string
	axeErr    error
)

// runAxe injects axe-core into the page and runs the WCAG A and AA rules.
func runAxe(t *testing.T, v *visit) axeResult {
	t.Helper()
	axeOnce.Do(func() {
		b, err := os.ReadFile(env.axeJS)
		axeSource, axeErr = string(b), err
	})
	if axeErr != nil {
		t.Fatal(axeErr)
	}
	// Evaluated through the DevTools protocol, so the page's CSP does not
	// apply to axe itself.
	if err := chromedp.Run(v.ctx, chromedp.Evaluate(axeSource, nil)); err != nil {
		t.Fatalf("injecting axe-core: %v", err)
	}
	var r axeResult
	v.eval(t, axeScript(), &r)
	if r.Version == "" || r.Passes == 0 {
		t.Fatalf("%s: axe-core did not run (version %q, %d rules passed)", v.url, r.Version, r.Passes)
	}
	return r
}

// TestAxe runs axe-core on one page of every kind at a phone's and a
// laptop's width: zero violations.
func TestAxe(t *testing.T) {
	forEachView(t, &axeViolations, []int{phoneWidth, wideWidth}, func(t *testing.T, kind, u string, w int) int {
		v := open(t, u, w)
		r := runAxe(t, v)
		for _, rule := range r.Violations {
			var b strings.Builder
			fmt.Fprintf(&b, "%s at %dpx: axe %s (%s): %s\n    %s", u, w, rule.ID, rule.Impact, rule.Help, rule.URL)
			for _, n := range rule.Nodes {
				fmt.Fprintf(&b, "\n    target %s\n      %s\n      %s", n.Target, n.HTML, strings.ReplaceAll(n.Summary, "\n", "\n      "))
			}
			t.Error(b.String())
		}
		for _, rule := range r.Incomplete {
			var targets []string
			for _, n := range rule.Nodes {
				targets = append(targets, n.Target)
			}
			t.Logf("%s at %dpx: axe %s needs review (not counted): %s: %s", u, w, rule.ID, rule.Help, strings.Join(targets, ", "))
		}
		return len(r.Violations)
	})
}

// TestNetwork loads every page kind and records each request it makes:
// none may leave the site's host, none may fail, no script may throw.
func TestNetwork(t *testing.T) {
	forEachView(t, &foreignRequests, []int{phoneWidth, wideWidth}, func(t *testing.T, kind, u string, w int) int {
		v := open(t, u, w)
		f := v.foreign()
		for _, r := range f {
			t.Errorf("%s at %dpx requested %s: another host", u, w, r)
		}
		failed, _, exc := v.snapshot()
		for _, r := range failed {
			t.Errorf("%s at %dpx: %s", u, w, r)
		}
		for _, e := range exc {
			t.Errorf("%s at %dpx: uncaught script error %s", u, w, e)
		}
		v.mu.Lock()
		n := len(v.requests)
		v.mu.Unlock()
		if n == 0 {
			t.Errorf("%s: no request was recorded, not even the page", u)
		}
		return len(f)
	})
}

// TestCSP checks that no page of any kind breaks the Content-Security-Policy
// nginx sends (TestHostHeaders checks that it is sent), at either width.
func TestCSP(t *testing.T) {
	forEachView(t, &cspViolations, []int{phoneWidth, wideWidth}, func(t *testing.T, kind, u string, w int) int {
		v := open(t, u, w)
		_, viol, _ := v.snapshot()
		for _, x := range viol {
			t.Errorf("%s at %dpx violates the CSP: %s", u, w, x)
		}
		// The policy is really in force in this page: eval is refused
		// without 'unsafe-eval'.
		if !evalBlocked(t, v) {
			t.Errorf("%s: eval() works, so no script-src policy is in force", u)
		}
		return len(viol)
	})
}

// evalBlocked tells whether the page's policy refuses eval(), as a policy
// without 'unsafe-eval' does. DevTools lets evaluated code eval unless told
// not to.
func evalBlocked(t *testing.T, v *visit) bool {
	t.Helper()
	var ok bool
	err := chromedp.Run(v.ctx, chromedp.Evaluate(`(() => { try { eval('1'); return false; } catch (e) { return e instanceof EvalError; } })()`, &ok,
		func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
			return p.WithAllowUnsafeEvalBlockedByCSP(false)
		}))
	if err != nil {
		t.Fatalf("%s: %v", v.url, err)
	}
	return ok
}

type reflowResult struct {
	Scroll int      `json:"scroll"`
	Client int      `json:"client"`
	Wide   []string `json:"wide"`
}

// reflow measures the page's width against the viewport's and names up to
// eight elements that stick out.
func reflow(t *testing.T, v *visit) reflowResult {
	t.Helper()
	var r reflowResult
	v.eval(t, `(() => {
  const d = document.documentElement, wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const b = el.getBoundingClientRect();
    if (b.right > d.clientWidth + 0.5 && b.width > 0) {
      wide.push(el.localName + (el.id ? '#' + el.id : '') + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '') + ' right=' + Math.round(b.right));
      if (wide.length >= 8) break;
    }
  }
  return {scroll: d.scrollWidth, client: d.clientWidth, wide: wide};
})()`, &r)
	return r
}

// TestReflow checks that no page kind scrolls sideways 320 CSS px wide
// (WCAG 1.4.10), and names the elements that stick out.
func TestReflow(t *testing.T) {
	forEachView(t, &overflowPages, []int{reflowWidth}, func(t *testing.T, kind, u string, w int) int {
		v := open(t, u, w)
		r := reflow(t, v)
		if r.Client != w {
			t.Errorf("%s: the viewport is %dpx wide, want %d", u, r.Client, w)
		}
		if r.Scroll > r.Client {
			t.Errorf("%s scrolls sideways at %dpx: scrollWidth %d > clientWidth %d; elements past the edge: %s", u, w, r.Scroll, r.Client, strings.Join(r.Wide, ", "))
			return 1
		}
		return 0
	})
}

var unsafeName = regexp.MustCompile(`[^a-z0-9]+`)

// TestScreenshots saves a full-page PNG of every page kind at both widths
// into one folder, named at the end of the run.
func TestScreenshots(t *testing.T) {
	forEachView(t, &screenshots, []int{phoneWidth, wideWidth}, func(t *testing.T, kind, u string, w int) int {
		v := open(t, u, w)
		var png []byte
		if err := chromedp.Run(v.ctx, chromedp.FullScreenshot(&png, 100)); err != nil {
			t.Fatalf("screenshot of %s: %v", u, err)
		}
		name := kind
		if strings.Contains(kind, "*") {
			name = strings.TrimPrefix(u, env.base)
		}
		name = strings.Trim(unsafeName.ReplaceAllString(strings.ToLower(name), "-"), "-")
		file := filepath.Join(env.shots, fmt.Sprintf("%s-%d.png", name, w))
		if err := os.WriteFile(file, png, 0o644); err != nil {
			t.Fatal(err)
		}
		return 1
	})
}
