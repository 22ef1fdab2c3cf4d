//go:build e2e

package e2e

import (
	"bufio"
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plansite/internal/site"
)

// securityHeaders are the headers every response must carry.
var securityHeaders = map[string]string{
	"Content-Security-Policy": site.ContentSecurityPolicy,
	"X-Content-Type-Options":  "nosniff",
	"Referrer-Policy":         site.ReferrerPolicy,
}

// TestHostHeaders checks what nginx, configured by deploy/nginx.conf, sends
// with every file the crawl fetched: the security headers, caching by kind
// of file, and the charset of text.
func TestHostHeaders(t *testing.T) {
	s := crawlSite(t)
	n := 0
	for u, r := range s.res {
		if r.header == nil {
			continue
		}
		n++
		for k, want := range securityHeaders {
			if got := r.header.Values(k); len(got) != 1 || got[0] != want {
				t.Errorf("%s: %s is %q, want %q", u, k, got, want)
			}
		}
		cc := r.header.Get("Cache-Control")
		switch {
		case strings.Contains(u, "/static/") && strings.Contains(u, "?v="):
			if !strings.Contains(cc, "immutable") || !strings.Contains(cc, "max-age=31536000") {
				t.Errorf("%s: Cache-Control %q: a versioned static file should be cached for a year", u, cc)
			}
		default:
			if cc != "no-cache" {
				t.Errorf("%s: Cache-Control %q, want no-cache", u, cc)
			}
		}
		ct := r.header.Get("Content-Type")
		if strings.HasPrefix(ct, "text/") && !strings.Contains(strings.ToLower(ct), "charset=utf-8") {
			t.Errorf("%s: Content-Type %q has no charset=utf-8", u, ct)
		}
	}
	if n == 0 {
		t.Fatal("the crawl fetched nothing")
	}
	if r := s.res[s.notFound]; r == nil || r.status != 404 || r.ctype != "text/html" {
		t.Errorf("a missing page is not answered with the site's 404 page")
	}
}

// TestHostGzipAndRedirects checks compression and the slash redirects that
// keep relative links working.
func TestHostGzipAndRedirects(t *testing.T) {
	s := crawlSite(t)
	for _, k := range []string{"home", taskKind()} {
		u := s.kinds[k]
		req, _ := http.NewRequest("GET", u, nil)
		req.Header.Set("Accept-Encoding", "gzip") // set by hand: the transport leaves the body compressed
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if ce := resp.Header.Get("Content-Encoding"); ce != "gzip" {
			t.Errorf("%s: Content-Encoding %q, want gzip", u, ce)
		}
	}
	for _, c := range []struct{ from, to string }{
		{strings.TrimSuffix(env.base, "/"), basePath},
		{strings.TrimSuffix(s.kinds[taskKind()], "/"), strings.TrimPrefix(s.kinds[taskKind()], "http://"+env.host)},
	} {
		resp, err := client.Get(c.from)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != c.to {
			t.Errorf("%s: HTTP %d to %q, want 301 to %q", c.from, resp.StatusCode, resp.Header.Get("Location"), c.to)
		}
	}
}

// TestDeployFiles checks the files the build writes for static hosts:
// .nojekyll, and a _headers whose headers for every path are the ones nginx
// sends.
func TestDeployFiles(t *testing.T) {
	if _, err := os.Stat(filepath.Join(env.out, ".nojekyll")); err != nil {
		t.Errorf("the build has no .nojekyll: %v", err)
	}
	b, err := os.ReadFile(filepath.Join(env.out, "_headers"))
	if err != nil {
		t.Fatalf("the build has no _headers: %v", err)
	}
	rules := map[string]map[string]string{}
	var cur map[string]string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for line := 1; sc.Scan(); line++ {
		l := sc.Text()
		switch {
		case strings.TrimSpace(l) == "" || strings.HasPrefix(strings.TrimSpace(l), "#"):
		case !strings.HasPrefix(l, " ") && !strings.HasPrefix(l, "\t"):
			cur = map[string]string{}
			rules[strings.TrimSpace(l)] = cur
		default:
			k, v, ok := strings.Cut(strings.TrimSpace(l), ":")
			if !ok || cur == nil {
				t.Fatalf("_headers:%d: %q is not a header under a path", line, l)
			}
			cur[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	all := rules["/*"]
	if all == nil {
		t.Fatalf("_headers has no /* rule:\n%s", b)
	}
	for k, want := range securityHeaders {
		if all[k] != want {
			t.Errorf("_headers /*: %s is %q, want %q (as nginx sends)", k, all[k], want)
		}
	}
	if strings.Contains(string(b), "unsafe-inline") {
		t.Error("_headers allows 'unsafe-inline'")
	}
}
