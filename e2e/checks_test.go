//go:build e2e

package e2e

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
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
// into one folder, named at the end of the run, and checks each: a PNG
// exactly as wide as the screen (a page that scrolled sideways would be
// drawn wider), as tall as the page, with something drawn from its top
// (not a blank page), and unlike every other kind's at that width (as a
// server answering every address with one page would make them).
func TestScreenshots(t *testing.T) {
	var mu sync.Mutex
	seen := map[[sha256.Size]byte]string{} // a screenshot's hash → the kind and width that gave it
	forEachView(t, &screenshots, []int{phoneWidth, wideWidth}, func(t *testing.T, kind, u string, w int) int {
		v := open(t, u, w)
		var shot []byte
		if err := chromedp.Run(v.ctx, chromedp.FullScreenshot(&shot, 100)); err != nil {
			t.Fatalf("screenshot of %s: %v", u, err)
		}
		name := kind
		if strings.Contains(kind, "*") {
			name = strings.TrimPrefix(u, env.base)
		}
		name = strings.Trim(unsafeName.ReplaceAllString(strings.ToLower(name), "-"), "-")
		file := filepath.Join(env.shots, fmt.Sprintf("%s-%d.png", name, w))
		if err := os.WriteFile(file, shot, 0o644); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(shot))
		if err != nil {
			t.Errorf("%s at %dpx: the screenshot is not a PNG: %v", u, w, err)
			return 1
		}
		var height int
		v.eval(t, `document.documentElement.scrollHeight`, &height)
		if b := img.Bounds(); b.Dx() != w || b.Dy() != height {
			t.Errorf("%s at %dpx: the screenshot is %d×%d px, want %d×%d: the page is wider than the screen or not drawn whole", u, w, b.Dx(), b.Dy(), w, height)
		}
		// The top of the page holds its header and title: text in a
		// colour unlike the background's, on at least 1% of its pixels.
		top := img.Bounds()
		top.Max.Y = min(top.Max.Y, top.Min.Y+200)
		if f := inked(img, top); f < 0.01 {
			t.Errorf("%s at %dpx: the top of the page is blank: %.2f%% of its pixels differ from the background", u, w, 100*f)
		}
		mu.Lock()
		defer mu.Unlock()
		h := sha256.Sum256(shot)
		if other, ok := seen[h]; ok {
			t.Errorf("%s at %dpx: the screenshot is the same as that of %s: the pages are not told apart", u, w, other)
		}
		seen[h] = fmt.Sprintf("%s at %dpx", kind, w)
		return 1
	})
}

// inked is the share of the pixels of r in img whose colour is not the most
// common one there, the background.
func inked(img image.Image, r image.Rectangle) float64 {
	counts := map[color.RGBA]int{}
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			counts[c]++
			n++
		}
	}
	most := 0
	for _, k := range counts {
		most = max(most, k)
	}
	if n == 0 {
		return 0
	}
	return float64(n-most) / float64(n)
}
