package serve

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"plansite/internal/headless"
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
// comes back when it is fixed.
func TestLiveReloadInBrowser(t *testing.T) {
	browser := headless.Require(t)
	dir := contentCopy(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	addr := make(chan string, 1)
	done := make(chan error, 1)
	o := options(t, dir)
	go func() {
		done <- Run(ctx, Options{Addr: "127.0.0.1:0", Site: o}, func(a string) { addr <- a })
	}()
	var base string
	select {
	case base = <-addr:
	case err := <-done:
		t.Fatal(err)
	}
	b, err := headless.Start(ctx, browser, 0, 0)
	if err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	defer b.Close()
	bctx := b.Context()
	if err := chromedp.Run(bctx, chromedp.Navigate(base+"tasks/1/")); err != nil {
		t.Fatal(err)
	}
	waitText(bctx, t, "实施重点领域研发计划", 10*time.Second)
	// Let the page's event stream connect.
	var ready bool
	for i := 0; i < 250 && !ready; i++ {
		chromedp.Run(bctx, chromedp.Evaluate(`window.plansiteLive === true`, &ready))
		time.Sleep(20 * time.Millisecond)
	}
	if !ready {
		t.Fatal("the page's event stream did not connect")
	}

	tasks := filepath.Join(dir, "tasks.csv")
	replaceIn(t, tasks, "实施重点领域研发计划。", "实施重点领域研发计划（预览已更新）。")
	waitText(bctx, t, "实施重点领域研发计划（预览已更新）", 10*time.Second)

	replaceIn(t, tasks, "\n2,（一）", "\n1,（一）")
	text := waitText(bctx, t, "构建失败", 10*time.Second)
	if !strings.Contains(text, filepath.Join(dir, "tasks.csv")+":3:1:") || !strings.Contains(text, `序号 1 appears twice`) {
		t.Errorf("the error page should name the file, line and clause; it says:\n%s", text)
	}

	replaceIn(t, tasks, "\n1,（一）基础创新提升行动,创建", "\n2,（一）基础创新提升行动,创建")
	text = waitText(bctx, t, "实施重点领域研发计划（预览已更新）", 10*time.Second)
	if strings.Contains(text, "构建失败") {
		t.Errorf("the error is still shown after the fix")
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
