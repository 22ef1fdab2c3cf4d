package markdown

import (
	"errors"
	"plansite/internal/problem"
	"strings"
	"testing"
	"time"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		src  string
		fm   FrontMatter
		body string
	}{
		{"no front matter", "# 标题\n\n正文。\n", FrontMatter{}, "# 标题\n\n正文。\n"},
		{"empty", "", FrontMatter{}, ""},
		{"front matter", "+++\ntitle = \"关于本站\"\ndescription = \"说明\"\nupdated = \"2020-03-01\"\nweight = 10\n+++\n\n正文。\n",
			FrontMatter{Title: "关于本站", Description: "说明", Updated: "2020-03-01", Weight: 10}, "\n正文。\n"},
		{"CRLF", "+++\r\ntitle = \"关于\"\r\n+++\r\n正文。\r\n第二行\r\n", FrontMatter{Title: "关于"}, "正文。\n第二行\n"},
		{"BOM", "\ufeff+++\ntitle = \"关于\"\n+++\n正文", FrontMatter{Title: "关于"}, "正文"},
		{"BOM and CRLF without front matter", "\ufeff正文\r\n", FrontMatter{}, "正文\n"},
		{"empty front matter", "+++\n+++\n正文", FrontMatter{}, "正文"},
		{"empty front matter, nothing else", "+++\n+++", FrontMatter{}, ""},
		{"closing fence at the end of the file", "+++\ntitle = \"关于\"\n+++", FrontMatter{Title: "关于"}, ""},
		{"fences with trailing spaces", "+++ \ntitle = \"关于\"\n+++\t\n正文", FrontMatter{Title: "关于"}, "正文"},
		{"+++ later in the body stays", "+++\ntitle = \"关于\"\n+++\n甲\n+++\n乙", FrontMatter{Title: "关于"}, "甲\n+++\n乙"},
		{"+++ not on the first line", "\n+++\ntitle = \"x\"\n+++\n", FrontMatter{}, "\n+++\ntitle = \"x\"\n+++\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fm, body, _, err := Split("content/about.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if fm != tt.fm || string(body) != tt.body {
				t.Errorf("Split = %+v, %q; want %+v, %q", fm, body, tt.fm, tt.body)
			}
		})
	}
}

func TestSplitErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"unclosed", "+++\ntitle = \"关于\"\n\n正文", "content/about.md:1:1: error: front matter opened with +++ is never closed (no closing +++ line)"},
		{"only the opening fence", "+++", "content/about.md:1:1: error: front matter opened with +++ is never closed (no closing +++ line)"},
		{"opening fence and newline", "+++\n", "content/about.md:1:1: error: front matter opened with +++ is never closed (no closing +++ line)"},
		{"YAML", "---\ntitle: 关于\n---\n", "content/about.md:1:1: error: front matter must be TOML between +++ lines, not YAML between ---"},
		{"YAML with CRLF", "---\r\ntitle: 关于\r\n---\r\n", "content/about.md:1:1: error: front matter must be TOML between +++ lines, not YAML between ---"},
		{"TOML syntax", "+++\ntitle = \"关于\"\nweight = = 3\n+++\n", "content/about.md:3:10: error: front matter: expected value but found '=' instead"},
		{"TOML syntax after a BOM and CRLF", "\ufeff+++\r\ntitle = \"关于\"\r\nweight = = 3\r\n+++\r\n", "content/about.md:3:10: error: front matter: expected value but found '=' instead"},
		// The column counts characters: 关于 are two, not six bytes.
		{"unclosed string", "+++\ntitle = \"关于\n+++\n", "content/about.md:2:12: error: front matter: strings cannot contain newlines"},
		{"wrong type", "+++\ntitle = \"关于\"\n  weight = \"十\"\n+++\n",
			"content/about.md:3:3: error: front matter: weight is a number, but the value is text: write it without quotes, such as weight = 10"},
		{"unknown key", "+++\ntitle = \"关于\"\nauthor = \"某\"\n+++\n",
			`content/about.md:3:1: error: front matter: unknown key "author" (known: title, description, updated, weight)`},
		{"unknown table", "+++\ntitle = \"关于\"\n[extra]\nx = 1\n+++\n",
			`content/about.md:3:1: error: front matter: unknown key "extra" (known: title, description, updated, weight)`},
		{"bad updated", "+++\ntitle = \"关于\"\nupdated = \"2020-3-1\"\n+++\n",
			`content/about.md:3:1: error: front matter: updated "2020-3-1" is not a date YYYY-MM-DD`},
		{"unquoted date", "+++\ntitle = \"关于\"\nupdated = 2020-03-01\n+++\n",
			`content/about.md:3:1: error: front matter: updated: incompatible types: TOML value has type time.Time; destination has type string; write dates in quotes, such as "2020-02-27"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, _, err := Split("content/about.md", []byte(tt.src))
			var e *problem.Problem
			if !errors.As(err, &e) {
				t.Fatalf("Split: %v (%T), want a *problem.Problem", err, err)
			}
			if err.Error() != tt.want {
				t.Errorf("error\n%s\nwant\n%s", err, tt.want)
			}
		})
	}
}

// TestDeepTOML: BurntSushi/toml takes quadratic time in the nesting depth
// (minutes for these inputs), so config.DecodeTOML refuses deep nesting up front.
func TestDeepTOML(t *testing.T) {
	want := "content/about.md:3:1: error: front matter: keys or tables nested more than 100 deep"
	for name, head := range map[string]string{
		"dotted key":     strings.Repeat("a.", 20000) + "b = 1\n",
		"inline tables":  "x = " + strings.Repeat("{a=", 20000) + "1" + strings.Repeat("}", 20000) + "\n",
		"table header":   "[" + strings.Repeat("a.", 20000) + "b]\n",
		"array of table": "[[" + strings.Repeat("a.", 20000) + "b]]\n",
	} {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			_, _, _, err := Split("content/about.md", []byte("+++\ntitle = \"关于\"\n"+head+"+++\n"))
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
			if err == nil || err.Error() != want {
				t.Errorf("error %v, want %s", err, want)
			}
		})
	}
}

func TestRenderHasNoRawHTML(t *testing.T) {
	r := New()
	tests := []struct {
		src      string
		mustNot  []string
		mustHave []string
	}{
		{"<script>alert(1)</script>\n", []string{"<script"}, nil},
		{"正文<script>alert(1)</script>。\n", []string{"<script"}, []string{"正文"}},
		{"<img src=x onerror=alert(1)>\n", []string{"<img", "onerror"}, nil},
		{"甲<img src=x onerror=alert(1)>乙\n", []string{"<img"}, []string{"甲", "乙"}},
		{"<div onclick=\"x()\">块</div>\n", []string{"<div", "onclick"}, nil},
		{"[链接](javascript:alert(1))\n", []string{"javascript:"}, []string{"链接"}},
		{"`<script>`\n", []string{"<script>"}, []string{"&lt;script&gt;"}},
		{"a & b < c\n", []string{" < "}, []string{"&amp;", "&lt;"}},
	}
	for _, tt := range tests {
		html, err := r.Render([]byte(tt.src))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range tt.mustNot {
			if strings.Contains(string(html), s) {
				t.Errorf("Render(%q) = %q holds %q", tt.src, html, s)
			}
		}
		for _, s := range tt.mustHave {
			if !strings.Contains(string(html), s) {
				t.Errorf("Render(%q) = %q lacks %q", tt.src, html, s)
			}
		}
	}
}

func TestRender(t *testing.T) {
	html, err := New().Render([]byte("## 内容来源\n\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n\n~~删~~ https://gxj.gz.gov.cn/\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`<h2 id="`, "<table>", "<td>1</td>", "<del>删</del>", `<a href="https://gxj.gz.gov.cn/">`} {
		if !strings.Contains(string(html), s) {
			t.Errorf("Render gives %q, without %q", html, s)
		}
	}
}

// Raw HTML is left out of the page; the editor is told where, once a page.
func TestRawHTMLWarning(t *testing.T) {
	head := "+++\ntitle = \"关于\"\n+++\n"
	for _, tt := range []struct{ name, body, want string }{
		{"none", "正文 `<b>` in code\n\n    <div>indented code</div>\n", ""},
		{"block", "正文\n\n<div class=\"x\">\n甲\n</div>\n", `content/about.md:6:1: warning: raw HTML "<div class=\"x\">" is left out of the page`},
		{"inline, twice", "第一段\n\n第二段有<br>换行<b>粗</b>\n", `content/about.md:6:5: warning: raw HTML "<br>" (and 2 more on this page) is left out`},
		{"script", "<script>alert(1)</script>\n", `content/about.md:4:1: warning: raw HTML "<script>"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, warns, err := Split("content/about.md", []byte(head+tt.body))
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case tt.want == "" && len(warns) > 0:
				t.Errorf("warned %v", warns)
			case tt.want != "" && (len(warns) != 1 || !strings.HasPrefix(warns[0].Error(), tt.want)):
				t.Errorf("warned %v, want one starting %s", warns, tt.want)
			}
		})
	}
	// What the warning says: the renderer leaves it out.
	html, err := New().Render([]byte("甲<b>乙</b>\n\n<script>alert(1)</script>\n"))
	if err != nil || strings.Contains(string(html), "<b>") || strings.Contains(string(html), "<script") || !strings.Contains(string(html), "甲") {
		t.Errorf("rendered %q, %v", html, err)
	}
}
