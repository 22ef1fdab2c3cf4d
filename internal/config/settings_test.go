package config

import (
	"strings"
	"testing"
)

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

// A value of the wrong type is told what to write, in the setting's own
// terms; updated before date is refused at updated.
func TestSettingsSayWhatToWrite(t *testing.T) {
	for _, tt := range []struct{ toml, want string }{
		{"title = \"x\"\nstart_year = \"2020\"\n", `content/site.toml:2:1: error: start_year is a number, but the value is text: write it without quotes, such as start_year = 2020`},
		{"title = \"x\"\nfirst_unit_leads = \"yes\"\n", `content/site.toml:2:1: error: first_unit_leads is true or false, but the value is text: write first_unit_leads = true or first_unit_leads = false, without quotes`},
		{"title = \"x\"\nsearch_examples = \"无人机\"\n", `content/site.toml:2:1: error: search_examples is a list, but the value is text: write it in brackets, such as search_examples = ["…", "…"]`},
		{"title = 2020\n", `content/site.toml:1:1: error: title is text, but the value is a number: write it in quotes, such as title = "…"`},
		{"title = \"x\"\ndate = \"2020-02-27\"\nupdated = \"2019-01-01\"\n", `content/site.toml:3:1: error: updated "2019-01-01" is before date "2020-02-27", the issue date`},
	} {
		_, err := Parse("content/site.toml", []byte(tt.toml))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q: %v\nwant %s", tt.toml, err, tt.want)
		}
	}
	if _, err := Parse("content/site.toml", []byte("title = \"x\"\ndate = \"2020-02-27\"\nupdated = \"2020-02-27\"\n")); err != nil {
		t.Errorf("updated on the issue date: %v", err)
	}
}

// The placeholder plansite new writes for a title it could not find builds,
// with a warning at the title; a title of the plan's own has none.
func TestTitlePlaceholderWarns(t *testing.T) {
	cfg, err := Parse("content/site.toml", []byte("# made by plansite new\n\ntitle = \""+TitlePlaceholder+"\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Warnings) != 1 || !strings.HasPrefix(cfg.Warnings[0].Error(), "content/site.toml:3:1: warning: title is still the placeholder") {
		t.Errorf("warnings %v; want one at 3:1 that says the title is the placeholder", cfg.Warnings)
	}
	cfg, err = Parse("content/site.toml", []byte("title = \"某市重点任务分工\"\n"))
	if err != nil || len(cfg.Warnings) != 0 {
		t.Errorf("a real title: %v, %v", cfg.Warnings, err)
	}
}
