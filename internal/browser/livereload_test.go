package browser

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"plansite/internal/foldertest"
	servepkg "plansite/internal/serve"
	"plansite/internal/site"
)

// waitText waits until the page's text contains want, with no navigation
// but the reloads the server asks for.
func waitText(ctx context.Context, t *testing.T, want string, timeout time.Duration) string {
	t.Helper()
	deadline := time.Now().Add(timeout)
	var text string
	for time.Now().Before(deadline) {
		if err := chromedp.Run(ctx, chromedp.Evaluate(`document.body ? document.body.innerText : ""`, &text)); err == nil && strings.Contains(text, want) {
			return text
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("after %v the page does not say %q; it says:\n%s", timeout, want, text)
	return ""
}

// In a real browser: an open page reloads with the new text when the table
// changes, shows the error with file and line when the table breaks, and
// comes back when it is fixed; the server sends the site's
// Content-Security-Policy, and neither the pages nor the error page (its
// stylesheet, the reload script) break it.
func TestLiveReloadInBrowser(t *testing.T) {
	bctx := browser(t, 0, 0)
	// A copy of the bundled content, opened as plansite serve opens a
	// folder: watched, and named in messages by its path.
	dir := foldertest.Copy(t, "../../content")
	o := sources(nil)
	var err error
	if o.Content, err = site.Folder("content", dir); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	addr := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- servepkg.Run(ctx, servepkg.Options{Addr: "127.0.0.1:0", Site: o}, func(a string) { addr <- a })
	}()
	var base string
	select {
	case base = <-addr:
	case err := <-done:
		t.Fatal(err)
	}
	// Each document lists what the policy refused, from before its own
	// first script runs.
	run(t, bctx, "watch the policy", chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(`window.refused = [];
document.addEventListener("securitypolicyviolation", function (e) { window.refused.push(e.violatedDirective + " " + e.blockedURI); });`).Do(ctx)
		return err
	}))
	// live waits until the page's event stream connects, which the
	// policy would stop, then checks that the policy refused nothing.
	live := func(what string) {
		t.Helper()
		var ready bool
		for i := 0; i < 250 && !ready; i++ {
			chromedp.Run(bctx, chromedp.Evaluate(`window.plansiteLive === true`, &ready))
			time.Sleep(20 * time.Millisecond)
		}
		if !ready {
			t.Fatalf("%s: the page's event stream did not connect", what)
		}
		var refused []string
		run(t, bctx, "read what the policy refused", chromedp.Evaluate(`window.refused`, &refused))
		if len(refused) > 0 {
			t.Errorf("%s: the Content-Security-Policy refused %q", what, refused)
		}
		// The policy is in force: an inline script does not run.
		var ran bool
		run(t, bctx, "add an inline script", chromedp.Evaluate(`(function () {
  var s = document.createElement("script");
  s.textContent = "window.inlineRan = true";
  document.head.appendChild(s);
  return window.inlineRan === true;
})()`, &ran))
		if ran {
			t.Errorf("%s: an inline script ran, so the page has no Content-Security-Policy", what)
		}
	}
	run(t, bctx, "open", chromedp.Navigate(base+"tasks/1/"))
	waitText(bctx, t, "实施重点领域研发计划", 10*time.Second)
	live("the task page")

	// edit replaces the first old in the table with new, as an editor saves.
	tasks := filepath.Join(dir, "tasks.csv")
	edit := func(old, new string) {
		t.Helper()
		data, err := os.ReadFile(tasks)
		if err == nil && !strings.Contains(string(data), old) {
			t.Fatalf("the table lacks %q", old)
		}
		if err == nil {
			err = os.WriteFile(tasks, []byte(strings.Replace(string(data), old, new, 1)), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	edit("实施重点领域研发计划。", "实施重点领域研发计划（预览已更新）。")
	waitText(bctx, t, "实施重点领域研发计划（预览已更新）", 10*time.Second)

	edit("\n2,（一）", "\n1,（一）")
	text := waitText(bctx, t, "构建失败", 10*time.Second)
	if !strings.Contains(text, tasks+":3:1:") || !strings.Contains(text, `序号 1 appears twice`) {
		t.Errorf("the error page should name the file, line and clause; it says:\n%s", text)
	}
	live("the error page")
	// error.css, from the server's own path, colours the heading #a4262c.
	var color string
	run(t, bctx, "read the heading's colour", chromedp.Evaluate(`getComputedStyle(document.querySelector("h1")).color`, &color))
	if color != "rgb(164, 38, 44)" {
		t.Errorf("the error page's heading is %s: its stylesheet did not apply", color)
	}

	edit("\n1,（一）基础创新提升行动,创建", "\n2,（一）基础创新提升行动,创建")
	text = waitText(bctx, t, "实施重点领域研发计划（预览已更新）", 10*time.Second)
	if strings.Contains(text, "构建失败") {
		t.Errorf("the error is still shown after the fix")
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
