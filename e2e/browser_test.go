//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// visit is one page loaded in its own tab, with everything it did on the
// network and every policy violation or script error it raised.
type visit struct {
	ctx    context.Context
	url    string
	width  int
	status int64

	mu         sync.Mutex
	requests   []string // every URL the page asked for
	failed     []string // requests to this host that failed or got a 4xx/5xx
	violations []string // Content-Security-Policy violations (console and events)
	exceptions []string // uncaught script errors
}

// recordCSP runs before any script of the page and keeps the
// securitypolicyviolation events; scripts added this way are not subject to
// the page's CSP.
const recordCSP = `window.__e2eCSP = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__e2eCSP.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') +
    ' at ' + (e.sourceFile || '') + ':' + e.lineNumber + ':' + e.columnNumber +
    (e.sample ? ' (' + e.sample + ')' : ''));
});`

// open loads u in a new tab width CSS px wide. The tab closes with the test.
func open(t *testing.T, u string, width int) *visit {
	t.Helper()
	ctx, cancel := chromedp.NewContext(env.browser)
	t.Cleanup(cancel)
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(cancelT)
	v := &visit{ctx: ctx, url: u, width: width}
	chromedp.ListenTarget(ctx, v.listen)
	err := chromedp.Run(ctx,
		network.Enable(),
		cdplog.Enable(),
		// The browser cache would hide requests: every visit asks again.
		network.SetCacheDisabled(true),
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(recordCSP).Do(ctx)
			return err
		}),
		chromedp.EmulateViewport(int64(width), 800),
	)
	if err != nil {
		t.Fatalf("starting Chromium for %s: %v", u, err)
	}
	resp, err := chromedp.RunResponse(ctx, chromedp.Navigate(u))
	if err != nil {
		t.Fatalf("loading %s: %v", u, err)
	}
	if resp != nil {
		v.status = resp.Status
	}
	v.settle(t)
	return v
}

// settle waits for the fonts and for the network to be quiet, so that late
// requests (a script fetching an index) are seen.
func (v *visit) settle(t *testing.T) {
	t.Helper()
	var ok bool
	if err := chromedp.Run(v.ctx, chromedp.Evaluate(`document.fonts.ready.then(() => true)`, &ok, awaitPromise)); err != nil {
		t.Fatalf("%s: %v", v.url, err)
	}
	quiet, n := 0, -1
	for quiet < 3 {
		time.Sleep(100 * time.Millisecond)
		v.mu.Lock()
		m := len(v.requests)
		v.mu.Unlock()
		if m == n {
			quiet++
		} else {
			quiet, n = 0, m
		}
	}
	var csp []string
	if err := chromedp.Run(v.ctx, chromedp.Evaluate(`window.__e2eCSP || []`, &csp)); err != nil {
		t.Fatalf("%s: %v", v.url, err)
	}
	v.mu.Lock()
	for _, c := range csp {
		v.violations = append(v.violations, "event: "+c)
	}
	v.mu.Unlock()
}

func awaitPromise(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }

func (v *visit) listen(ev any) {
	v.mu.Lock()
	defer v.mu.Unlock()
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		v.requests = append(v.requests, e.Request.URL)
	case *network.EventResponseReceived:
		if e.Response.Status >= 400 && e.Type != network.ResourceTypeDocument {
			v.failed = append(v.failed, fmt.Sprintf("%s: HTTP %d", e.Response.URL, e.Response.Status))
		}
	case *network.EventLoadingFailed:
		v.failed = append(v.failed, fmt.Sprintf("%s request %s failed: %s %s", e.Type, e.RequestID, e.ErrorText, e.BlockedReason))
	case *cdplog.EventEntryAdded:
		if strings.Contains(e.Entry.Text, "Content Security Policy") {
			v.violations = append(v.violations, "console: "+e.Entry.Text)
		}
	case *runtime.EventExceptionThrown:
		d := e.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg = d.Exception.Description
		}
		v.exceptions = append(v.exceptions, fmt.Sprintf("%s:%d:%d: %s", d.URL, d.LineNumber+1, d.ColumnNumber+1, msg))
	}
}

// foreign lists the requests that went anywhere but the test host.
func (v *visit) foreign() []string {
	v.mu.Lock()
	defer v.mu.Unlock()
	var out []string
	for _, r := range v.requests {
		u, err := url.Parse(r)
		if err != nil {
			out = append(out, r+" (unparsable)")
			continue
		}
		switch u.Scheme {
		case "data", "blob", "about":
			continue // never leave the page
		case "http", "https", "ws", "wss":
			if u.Scheme == "http" && u.Host == env.host {
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

func (v *visit) snapshot() (failed, violations, exceptions []string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	return append([]string(nil), v.failed...), append([]string(nil), v.violations...), append([]string(nil), v.exceptions...)
}

// eval runs a JavaScript expression in the page.
func (v *visit) eval(t *testing.T, js string, res any) {
	t.Helper()
	if err := chromedp.Run(v.ctx, chromedp.Evaluate(js, res, awaitPromise)); err != nil {
		t.Fatalf("%s at %dpx: %v", v.url, v.width, err)
	}
}
