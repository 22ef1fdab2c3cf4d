//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// probePage breaks every rule the checks enforce, so that a check that
// cannot see its kind of fault fails here instead of passing on the site.
// It is served by the same nginx with the same headers, outside /plan/ so
// that it is no page of the site.
const probePage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>e2e probe</title>
<style>p { color: #000 }</style>
</head><body><main>
<h1>Probe</h1>
<p>An image without alt text, wider than any phone:</p>
<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==" width="2000" height="10">
<img src="http://localhost:%d/plan/" alt="another host">
<script>document.title = 'inline script ran';</script>
</main></body></html>
`

// TestHarness proves each detector on the probe page: axe, the CSP
// listener, the request recorder and the reflow measure.
func TestHarness(t *testing.T) {
	dir := filepath.Join(env.tmp, "www", "e2e-probe")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(fmt.Sprintf(probePage, env.port)), 0o644); err != nil {
		t.Fatal(err)
	}
	u := "http://" + env.host + "/e2e-probe/"

	v := open(t, u, reflowWidth)
	if r := reflow(t, v); r.Scroll <= r.Client {
		t.Errorf("reflow: the probe's 2000px image went unnoticed (scrollWidth %d, clientWidth %d)", r.Scroll, r.Client)
	}
	_, viol, _ := v.snapshot()
	var inline, img bool
	for _, x := range viol {
		inline = inline || strings.Contains(x, "script-src") || strings.Contains(x, "style-src")
		img = img || strings.Contains(x, "img-src")
	}
	if !inline || !img {
		t.Errorf("CSP: the probe's inline script and style and foreign image were not all reported (inline %v, image %v): %q", inline, img, viol)
	}
	if !evalBlocked(t, v) {
		t.Error("CSP: eval() is allowed on the probe")
	}
	foreign := v.foreign()
	if len(foreign) == 0 {
		t.Errorf("network: the probe's request to localhost:%d was not recorded as another host", env.port)
	}

	r := runAxe(t, v)
	found := false
	for _, rule := range r.Violations {
		found = found || rule.ID == "image-alt"
	}
	if !found {
		t.Errorf("axe: the probe's image without alt text was not reported: %+v", r.Violations)
	}
	t.Logf("probe: %d CSP reports, %d foreign requests, %d axe violations", len(viol), len(foreign), len(r.Violations))
}

// probeSite is a small site with one of each fault the crawl must find.
var probeSite = map[string]string{
	"index.html": `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>probe</title>
<link rel="stylesheet" href="style.css"><script src="http://localhost:%[1]d/x.js"></script></head><body>
<a href="missing/">missing</a> <a href="page.html#nope">bad anchor</a> <a href="page.html#yes">good anchor</a>
<a href="sub">no slash</a> <a href="/elsewhere/">outside</a> <a href="https://example.org/">out of the site</a>
</body></html>`,
	"page.html":      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>page</title></head><body><p id="yes">yes</p><a href="./">home</a></body></html>`,
	"sub/index.html": `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>sub</title></head><body></body></html>`,
	"orphan.html":    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>orphan</title></head><body></body></html>`,
	"style.css":      `body { background: url(missing.png) }`,
	"invalid.txt":    `<!DOCTYPE html><html><head><title>x</title></head><body><p id="a"><div id="a"></div></p></body></html>`,
}

// TestHarnessCrawlAndHTML proves the crawl and the HTML check on a probe
// site with known faults.
func TestHarnessCrawlAndHTML(t *testing.T) {
	dir := filepath.Join(env.tmp, "www", "e2e-site")
	for name, body := range probeSite {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(fmt.Sprintf(body, env.port)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	base := "http://" + env.host + "/e2e-site/"
	start := time.Now()
	s := doCrawl(t, base, dir)
	t.Logf("probe crawl took %v", time.Since(start))
	all := strings.Join(s.problems, "\n")
	for _, want := range []string{
		base + "missing/: HTTP 404",
		`no element with id "nope"`,
		base + "sub: HTTP 301 to /e2e-site/sub/",
		`leaves the sub-path /e2e-site/`,
		`x.js"> loads a file from another host`,
		base + "missing.png: HTTP 404",
		base + "orphan.html: no link or sitemap entry reaches it",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the crawl missed %q; it found:\n%s", want, all)
		}
	}
	if strings.Contains(all, `id "yes"`) || strings.Contains(all, "example.org") {
		t.Errorf("the crawl reported a good anchor or followed an external link:\n%s", all)
	}

	bad := filepath.Join(dir, "invalid.html")
	if err := os.Rename(filepath.Join(dir, "invalid.txt"), bad); err != nil {
		t.Fatal(err)
	}
	if msgs := validateHTML(t, []string{bad}); len(msgs) < 2 {
		t.Errorf("the Nu HTML Checker found %d errors in a page with a duplicate id and a div inside a p, want at least 2: %+v", len(msgs), msgs)
	}
}
