package site

import (
	"strings"
	"testing"

	"plansite/internal/output"
)

func TestDeployFiles(t *testing.T) {
	files := map[string]string{}
	for _, f := range deployFiles() {
		if err := output.CheckPath(f.Path); err != nil {
			t.Error(err)
		}
		files[f.Path] = string(f.Data)
	}
	if nj, ok := files[".nojekyll"]; !ok || nj != "" {
		t.Errorf(".nojekyll: present %v, content %q; want an empty file", ok, nj)
	}
	h, ok := files["_headers"]
	if !ok {
		t.Fatal("no _headers")
	}
	// Netlify syntax: a path at the start of a line, then indented
	// "Name: value" lines.
	rules := map[string]map[string]string{}
	var cur map[string]string
	for i, l := range strings.Split(h, "\n") {
		switch {
		case strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#"):
		case !strings.HasPrefix(l, "  "):
			cur = map[string]string{}
			rules[l] = cur
		default:
			k, v, ok := strings.Cut(strings.TrimSpace(l), ": ")
			if !ok || cur == nil {
				t.Fatalf("_headers:%d: %q", i+1, l)
			}
			cur[k] = v
		}
	}
	all := rules["/*"]
	for k, want := range map[string]string{
		"Content-Security-Policy": ContentSecurityPolicy,
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "strict-origin-when-cross-origin",
	} {
		if all[k] != want {
			t.Errorf("_headers /*: %s = %q, want %q", k, all[k], want)
		}
	}
	for _, d := range []string{"default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "frame-ancestors 'self'"} {
		if !strings.Contains(ContentSecurityPolicy, d+";") && !strings.HasSuffix(ContentSecurityPolicy, d) {
			t.Errorf("the policy lacks %s", d)
		}
	}
	if strings.Contains(h, "unsafe-") {
		t.Errorf("_headers loosens the policy:\n%s", h)
	}
	if cc := rules["/static/*"]["Cache-Control"]; !strings.Contains(cc, "immutable") {
		t.Errorf("/static/* Cache-Control = %q", cc)
	}
}
