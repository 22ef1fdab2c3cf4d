package serve

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"plansite/internal/foldertest"
)

// TestReloadOnProgressEdit serves a copy of the progress demo, as plansite
// serve does, watching its folder, and adds an update to progress.csv: the
// task page served next shows it, with its anchor, without a restart.
func TestReloadOnProgressEdit(t *testing.T) {
	src := "../../examples/progress-demo/content"
	dir := foldertest.Copy(t, src)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	addr := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Addr: "127.0.0.1:0", Site: options(t, dir)}, func(a string) { addr <- a })
	}()
	var base string
	select {
	case base = <-addr:
	case err := <-done:
		t.Fatal(err)
	}
	page := func() string {
		r, err := http.Get(base + "tasks/1/")
		if err != nil {
			t.Fatal(err)
		}
		defer r.Body.Close()
		b, _ := io.ReadAll(r.Body)
		return string(b)
	}
	// The page's text: the markup that keeps 第1项 whole is not in it.
	text := func(page string) string { return regexp.MustCompile(`<[^>]*>`).ReplaceAllString(page, "") }
	const news = "（测试）第1项任务已全部完成，服务站投入使用。"
	if strings.Contains(text(page()), news) {
		t.Fatal("the update is there before the edit")
	}
	f, err := os.OpenFile(filepath.Join(dir, "progress.csv"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	// Task 1 has two updates in the demo: this one is its third, #p3.
	if _, err := f.WriteString("1,2024-10-30,已完成," + news + ",\n"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	var body string
	for end := time.Now().Add(15 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		if body = page(); strings.Contains(text(body), news) {
			break
		}
	}
	if !strings.Contains(text(body), news) {
		t.Fatal("the task page did not show the new update")
	}
	if !strings.Contains(body, `id="p3"`) {
		t.Errorf("the new update lacks its anchor p3")
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
