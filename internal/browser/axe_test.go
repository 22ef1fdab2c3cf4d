package browser

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// axePath is axe-core as npm ci installs it from package-lock.json.
const axePath = "../../node_modules/axe-core/axe.min.js"

// axeRun runs the WCAG 2.0–2.2 rules of levels A and AA and gives each
// violation as a line.
const axeRun = `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
.then(r => ({passes: r.passes.length, violations: r.violations.map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', '))}))`

// axeSource is axe-core's script, read once; without it the test skips, but
// fails under CI=true.
func axeSource(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(axePath)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("axe-core is not installed, and CI must run this test: npm ci (%v)", err)
		}
		t.Skipf("axe-core is not installed (npm ci): %v", err)
	}
	return string(src)
}

// axeCheck opens url in the tab ctx and reports each violation of axe-core
// as an error of the test, where naming the page.
func axeCheck(t *testing.T, ctx context.Context, axe, url, where string) {
	t.Helper()
	var r struct {
		Passes     int      `json:"passes"`
		Violations []string `json:"violations"`
	}
	actions := []chromedp.Action{chromedp.Navigate(url), chromedp.WaitReady("footer", chromedp.ByQuery)}
	if strings.Contains(url, "/search/?") {
		actions = append(actions, waitFor(`document.getElementById('search-app').getAttribute('data-state')==='done'`))
	}
	// Evaluated through the DevTools protocol, so the page's CSP does not
	// apply to axe itself.
	actions = append(actions, chromedp.Evaluate(axe, nil), chromedp.Evaluate(axeRun, &r, awaitPromise))
	run(t, ctx, where, actions...)
	if r.Passes == 0 {
		t.Errorf("%s: axe-core did not run", where)
	}
	for _, v := range r.Violations {
		t.Errorf("%s: %s", where, v)
	}
}

// The pages of 落实情况, with their status colours, pass axe-core in every
// reading setting: the end-to-end tests run axe on the bundled plan, which
// has no progress.
func TestProgressAxe(t *testing.T) {
	axe := axeSource(t)
	root, _ := serve(t, sources(os.DirFS("../../examples/progress-demo/content")))
	ctx := browser(t, 375, 900)
	for _, m := range []layoutMode{{"375", 375, "", false}, {"375-large-contrast", 375, "l", true}, {"1280-contrast", 1280, "", true}} {
		m.apply(t, ctx, root)
		for _, path := range []string{"progress/", "tasks/1/", "areas/1/", "", "search/?status=%E5%B7%B2%E5%AE%8C%E6%88%90"} {
			axeCheck(t, ctx, axe, root+path, "/"+path+" at "+m.name)
		}
	}
}

// Every page kind of each real table in examples/ passes axe-core at phone
// width: their shapes (columns without a heading, other columns, no area or
// timeline column) change the pages that the bundled plan's tests see.
func TestRealExamplesAxe(t *testing.T) {
	axe := axeSource(t)
	ctx := browser(t, 375, 900)
	for _, r := range serveRealExamples(t) {
		for _, k := range r.kinds {
			axeCheck(t, ctx, axe, r.root+k.path, r.name+" "+k.name)
		}
	}
}

func awaitPromise(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }
