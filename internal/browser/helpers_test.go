package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"plansite/internal/headless"
	"plansite/internal/site"
)

// sources are the repository's own content, templates and static folders,
// the content replaced by content when it is not nil.
func sources(content fs.FS) site.Options {
	if content == nil {
		content = os.DirFS("../../content")
	}
	return site.Options{
		Content:   site.Source{FS: content, Name: "content"},
		Templates: site.Source{FS: os.DirFS("../../templates"), Name: "templates"},
		Static:    site.Source{FS: os.DirFS("../../static"), Name: "static"},
		Version:   "test",
	}
}

// serve builds the site into a temporary folder and serves it on
// 127.0.0.1, as a static host would. It returns the site's root URL.
func serve(tb testing.TB, o site.Options) (string, *site.Result) {
	tb.Helper()
	root, _, r := serveDir(tb, o)
	return root, r
}

// serveDir is serve that also returns the folder served.
func serveDir(tb testing.TB, o site.Options) (root, dir string, r *site.Result) {
	tb.Helper()
	dir = filepath.Join(tb.TempDir(), "public")
	r, err := site.Build(o, dir, nil)
	if err != nil {
		tb.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	tb.Cleanup(srv.Close)
	return srv.URL + "/", dir, r
}

// chromium returns the browser to drive, or skips the test where there is
// none, except under CI=true, where a missing browser is a failure: CI must
// run every browser test.
func chromium(tb testing.TB) string {
	tb.Helper()
	p := headless.Path()
	if p == "" {
		if os.Getenv("CI") == "true" {
			tb.Fatal("Chromium is not installed, and CI must run the browser tests: apt-get install chromium")
		}
		tb.Skip("Chromium is not installed; set CHROMIUM or install chromium to run the browser tests")
	}
	return p
}

// shared is the one Chromium of the test binary, started by the first
// test that asks for a browser and closed by TestMain: starting one takes
// a second or more on a busy machine, and the tests ask for dozens.
var shared struct {
	once sync.Once
	b    *headless.Browser
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.b != nil {
		shared.b.Close()
	}
	os.Exit(code)
}

// browser opens a tab of width×height CSS pixels (0 for Chromium's
// default window) in a browser context of its own, as a new browser
// would have: no storage, cookies or cache of another test's. The tab is
// closed when the test ends and has a deadline of three minutes. It skips
// or fails as chromium does when there is no browser.
func browser(tb testing.TB, width, height int) context.Context {
	tb.Helper()
	path := chromium(tb)
	shared.once.Do(func() { shared.b, shared.err = headless.Start(context.Background(), path, 0, 0) })
	if shared.err != nil {
		tb.Fatalf("starting Chromium: %v", shared.err)
	}
	// The tab is made by hand: chromedp's WithNewBrowserContext asks for a
	// tab without a window, which headless Chromium refuses in a browser
	// context that has none ("no browser is open").
	root := shared.b.Context()
	exec := cdp.WithExecutor(root, chromedp.FromContext(root).Browser)
	id, err := target.CreateBrowserContext().Do(exec)
	if err != nil {
		tb.Fatalf("opening a browser context in Chromium: %v", err)
	}
	tid, err := target.CreateTarget("about:blank").WithBrowserContextID(id).WithNewWindow(true).Do(exec)
	if err != nil {
		tb.Fatalf("opening a tab in Chromium: %v", err)
	}
	tab, closeTab := chromedp.NewContext(root, chromedp.WithTargetID(tid))
	ctx, cancel := context.WithTimeout(tab, 3*time.Minute)
	tb.Cleanup(func() {
		cancel()
		closeTab()
		if err := target.DisposeBrowserContext(id).Do(exec); err != nil {
			tb.Errorf("closing the test's browser context: %v", err)
		}
	})
	var open []chromedp.Action
	if width > 0 && height > 0 {
		open = append(open, chromedp.EmulateViewport(int64(width), int64(height)))
	}
	if err := chromedp.Run(ctx, open...); err != nil {
		tb.Fatalf("opening a tab in Chromium: %v", err)
	}
	return ctx
}

// run runs actions and fails the test on error.
func run(tb testing.TB, ctx context.Context, what string, actions ...chromedp.Action) {
	tb.Helper()
	if err := chromedp.Run(ctx, actions...); err != nil {
		tb.Fatalf("%s: %v", what, err)
	}
}

// waitSearch waits until the search page has finished searching for q over
// the whole index.
func waitSearch(q string) chromedp.Action {
	return waitFor(fmt.Sprintf(`(function(){var a=document.getElementById('search-app');return !!a&&a.getAttribute('data-state')==='done'&&a.getAttribute('data-q')===%s})()`, jsString(q)))
}

// waitFor evaluates the expression until it is true. Unlike chromedp.Poll
// it outlasts a navigation that is still under way, such as the one a form
// submission starts.
func waitFor(expr string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		deadline := time.Now().Add(30 * time.Second)
		var last error
		for time.Now().Before(deadline) {
			var ok bool
			err := chromedp.Evaluate(expr, &ok).Do(ctx)
			if err == nil && ok {
				return nil
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
			last = err
			time.Sleep(20 * time.Millisecond)
		}
		return fmt.Errorf("timed out waiting for %s (last error: %v)", expr, last)
	})
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
