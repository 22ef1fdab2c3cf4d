package serve

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"plansite/internal/foldertest"
)

// Whatever the path asked for, a redirect stays on this server: its
// Location is a path of the same origin, never //host or /\host, which
// browsers read as another site.
func TestRedirectStaysOnSite(t *testing.T) {
	s := New(Options{Site: options(t, foldertest.Copy(t, "../../content"))})
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	paths := []string{
		"/tasks/1",
		"//evil.example/../tasks/1",
		"//evil.example/tasks/1",
		"//evil.example/%2e%2e/tasks/1",
		"///evil.example/../tasks/1",
		`/\evil.example`,
		`/\evil.example/../tasks/1`,
		`/\/evil.example/../../tasks/1`,
		"/%2F%2Fevil.example",
		"/%2F%2Fevil.example/../tasks/1",
		"/%5Cevil.example/../tasks/1",
		"/../../tasks/1",
		"/tasks/../tasks/1?next=//evil.example",
		"/tasks/1/..//evil.example",
		"/./tasks/1",
		"/tasks//1",
	}
	redirects := 0
	for _, p := range paths {
		u, err := url.ParseRequestURI(p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		req := httptest.NewRequest("GET", "/", nil)
		req.URL, req.RequestURI = u, p
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		loc := rec.Result().Header.Get("Location")
		if loc == "" {
			continue
		}
		redirects++
		l, err := url.Parse(loc)
		if err != nil || l.Scheme != "" || l.Host != "" || l.User != nil || !strings.HasPrefix(loc, "/") ||
			strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, `/\`) {
			t.Errorf("%s: Location %q leaves the site", p, loc)
		}
		if rec.Code != http.StatusMovedPermanently {
			t.Errorf("%s: status %d with a Location", p, rec.Code)
		}
	}
	// Most of these name a page once cleaned: the loop above checked
	// redirects, not their absence.
	if redirects < 8 {
		t.Errorf("only %d of %d paths redirected", redirects, len(paths))
	}
	if code, _, h := get(t, s, "//evil.example/../tasks/1?from=x"); code != http.StatusMovedPermanently || h.Get("Location") != "/tasks/1/?from=x" {
		t.Errorf("got %d %q, want a redirect to /tasks/1/?from=x", code, h.Get("Location"))
	}
}

// sitePath never makes an address of another host, even of a name that no
// site has.
func TestSitePath(t *testing.T) {
	for p, want := range map[string]string{"tasks/1": "/tasks/1/", "/evil.example": "/evil.example/",
		`\evil.example`: "/evil.example/", `/\/evil.example`: "/evil.example/", "a b": "/a%20b/"} {
		if got := sitePath(p); got != want {
			t.Errorf("sitePath(%q) = %q, want %q", p, got, want)
		}
	}
}
