package browser

import (
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestPortalNoForeignRequests loads a page of each kind of the example
// portal and of the real tables' portal, and records every request each
// makes until the network is quiet (a search page fetches its index after
// it loads): none may go to another host than the one serving the site.
func TestPortalNoForeignRequests(t *testing.T) {
	for _, c := range []struct{ name, dir string }{
		{"example portal", "../../examples/portal/content"},
		{"real tables' portal", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := c.dir
			if dir == "" {
				dir = realPortal(t)
			}
			root, r := servePortal(t, dir)
			kinds := portalKinds
			if c.dir == "" {
				kinds = append(realPortalKinds(r),
					struct{ name, path string }{"plan-home", "plans/guangzhou-ai/"},
					struct{ name, path string }{"plan-task", "plans/guangzhou-ai/tasks/7/"},
					struct{ name, path string }{"plan-search", "plans/guangzhou-ai/search/?q=" + url.QueryEscape("无人机")})
			}
			host := mustURL(t, root).Host
			ctx := browser(t, 375, 900)
			var mu sync.Mutex
			var reqs []string
			chromedp.ListenTarget(ctx, func(ev any) {
				if e, ok := ev.(*network.EventRequestWillBeSent); ok {
					mu.Lock()
					reqs = append(reqs, e.Request.URL)
					mu.Unlock()
				}
			})
			run(t, ctx, "recording requests", network.Enable(), network.SetCacheDisabled(true))
			count := func() int {
				mu.Lock()
				defer mu.Unlock()
				return len(reqs)
			}
			for _, k := range kinds {
				before := count()
				run(t, ctx, k.name, chromedp.Navigate(root+k.path))
				// Quiet: no new request for 300 ms (up to 10 s, only to
				// end a page that never stops asking).
				last, quiet := count(), 0
				for deadline := time.Now().Add(10 * time.Second); quiet < 3 && time.Now().Before(deadline); {
					time.Sleep(100 * time.Millisecond)
					if n := count(); n == last {
						quiet++
					} else {
						last, quiet = n, 0
					}
				}
				mu.Lock()
				page := reqs[before:]
				mu.Unlock()
				if len(page) == 0 {
					t.Errorf("%s: no request was recorded, not even the page", k.name)
				}
				for _, u := range page {
					p, err := url.Parse(u)
					switch {
					case err != nil:
						t.Errorf("%s: unparsable request %q", k.name, u)
					case p.Scheme == "data" || p.Scheme == "blob" || p.Scheme == "about":
					case p.Host != host:
						t.Errorf("%s (%s) requested %s: another host", k.name, k.path, u)
					}
				}
			}
			t.Logf("%d pages, %d requests, all to %s", len(kinds), count(), host)
		})
	}
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
