package config

import "testing"

func TestBaseURL(t *testing.T) {
	ok := []struct{ in, abs, path string }{
		{"https://example.org", "https://example.org/", "/"},
		{"http://example.org/zt/ai-plan", "http://example.org/zt/ai-plan/", "/zt/ai-plan/"},
		{"https://example.org:8443/plan/", "https://example.org:8443/plan/", "/plan/"},
		{"http://[::1]:1313/", "http://[::1]:1313/", "/"},
		{"HTTPS://example.org/", "https://example.org/", "/"},
	}
	for _, tt := range ok {
		abs, path, err := BaseURL(tt.in)
		if err != nil || abs != tt.abs || path != tt.path {
			t.Errorf("BaseURL(%q) = %q, %q, %v; want %q, %q", tt.in, abs, path, err, tt.abs, tt.path)
		}
	}
	bad := []struct{ in, want string }{
		{"example.org/plan/", "must be an absolute http(s) address, such as https://example.org/plan/"},
		{"ftp://example.org/", "must be an absolute http(s) address, such as https://example.org/plan/"},
		{"https:example.org", "must be an absolute http(s) address, such as https://example.org/plan/"},
		{"https://:8080/", "must be an absolute http(s) address, such as https://example.org/plan/"},
		{"http://user:pw@x/", "must not carry a user name or password (user:pass@)"},
		{"http://user@x/", "must not carry a user name or password (user:pass@)"},
		{"https://x:0/", `has port "0"; a port is a number from 1 to 65535`},
		{"https://x:65536/", `has port "65536"; a port is a number from 1 to 65535`},
		{"https://x:/", `has port ""; a port is a number from 1 to 65535`},
		{"https://x:8o/", `is not an address: invalid port ":8o" after host`},
		{"https://x/?", "must not have a query (?…) or a fragment (#…)"},
		{"https://x/?utm=1", "must not have a query (?…) or a fragment (#…)"},
		{"https://x/#", "must not have a query (?…) or a fragment (#…)"},
		{"https://x/#top", "must not have a query (?…) or a fragment (#…)"},
		{"https://x/\n", `is not an address: net/url: invalid control character in URL`},
	}
	for _, tt := range bad {
		if _, _, err := BaseURL(tt.in); err == nil || err.Error() != tt.want {
			t.Errorf("BaseURL(%q): error %v; want %s", tt.in, err, tt.want)
		}
	}
}
