package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plansite/internal/foldertest"
	"plansite/internal/site"
)

// dirSource is an input folder on disk, read as plansite serve reads it.
func dirSource(t testing.TB, kind, dir string) site.Source {
	t.Helper()
	src, err := site.Folder(kind, dir)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func options(t testing.TB, content string) site.Options {
	return site.Options{Content: dirSource(t, "content", content), Templates: dirSource(t, "templates", "../../templates"),
		Static: dirSource(t, "static", "../../static"), BaseURL: "http://127.0.0.1:1313/"}
}

// built is a preview of a copy of the bundled content, built once: the
// copy's folder and the server.
func built(t *testing.T) (string, *Server) {
	t.Helper()
	dir := foldertest.Copy(t, "../../content")
	s := New(Options{Site: options(t, dir)})
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	return dir, s
}

func get(t *testing.T, h http.Handler, target string) (int, string, http.Header) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
	body, _ := io.ReadAll(rec.Result().Body)
	return rec.Code, string(body), rec.Result().Header
}

func replaceIn(t *testing.T, file, old, new string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s lacks %q", file, old)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestServer(t *testing.T) {
	dir, s := built(t)
	code, body, h := get(t, s, "/tasks/7/?from=groupmessage")
	if code != 200 || !strings.Contains(h.Get("Content-Type"), "text/html") || !strings.Contains(body, "任务7") {
		t.Fatalf("/tasks/7/: %d %s", code, h.Get("Content-Type"))
	}
	if !strings.Contains(body, `<script src="/_plansite/reload.js" data-build="`) || !strings.HasSuffix(body, "defer></script></body></html>") {
		t.Errorf("the served page lacks the reload script before </body>")
	}
	if code, _, h := get(t, s, "/tasks/7"); code != http.StatusMovedPermanently || h.Get("Location") != "/tasks/7/" {
		t.Errorf("/tasks/7 should redirect to /tasks/7/, got %d %s", code, h.Get("Location"))
	}
	if code, body, _ := get(t, s, "/no/such/page/"); code != 404 || !strings.Contains(body, "找不到页面") {
		t.Errorf("a missing page should give the 404 page, got %d", code)
	}
	if code, body, _ := get(t, s, "/_plansite/reload.js"); code != 200 || !strings.Contains(body, "EventSource") {
		t.Errorf("reload.js: %d", code)
	}
	_, css, _ := get(t, s, "/static/style.css")

	// The site as served is the site as built, but for the script.
	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(options(t, dir), out, nil); err != nil {
		t.Fatal(err)
	}
	for p, f := range foldertest.Read(t, out) {
		if strings.Contains(string(f.Data), "_plansite") {
			t.Errorf("the build's %s mentions _plansite", p)
		}
		if p == "tasks/7/index.html" {
			served := string(inject(f.Data, s.build(s.cur)))
			if served != body7(t, s) {
				t.Errorf("tasks/7/ as served differs from the build plus the script")
			}
		}
	}

	// A broken table: every page shows the error; assets stay.
	replaceIn(t, filepath.Join(dir, "tasks.csv"), "\n2,（一）", "\n1,（一）")
	if err := s.Rebuild(); err == nil {
		t.Fatal("the broken table built")
	}
	code, body, _ = get(t, s, "/tasks/3/")
	if code != 500 || !strings.Contains(body, "tasks.csv:3:1:") || !strings.Contains(body, "序号 1 appears twice") {
		t.Errorf("the error page should give the error with file and line, got %d %s", code, body)
	}
	if !strings.Contains(body, `src="/_plansite/reload.js"`) {
		t.Errorf("the error page lacks the reload script")
	}
	if code, got, _ := get(t, s, "/static/style.css"); code != 200 || got != css {
		t.Errorf("the last good stylesheet should still be served, got %d", code)
	}
	// Fixed: the site is back.
	replaceIn(t, filepath.Join(dir, "tasks.csv"), "\n1,（一）基础创新提升行动,创建", "\n2,（一）基础创新提升行动,创建")
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := get(t, s, "/tasks/3/"); code != 200 {
		t.Errorf("after the fix: %d", code)
	}
}

func body7(t *testing.T, s *Server) string {
	_, b, _ := get(t, s, "/tasks/7/")
	return b
}
