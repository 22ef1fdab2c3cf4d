package markdown

import (
	"errors"
	"os"
	"strings"
	"testing"

	"plansite/internal/config"
	"plansite/internal/problem"
)

func FuzzFrontMatter(f *testing.F) {
	if data, err := os.ReadFile("../../content/about.md"); err == nil {
		f.Add(data)
	} else {
		f.Fatal(err)
	}
	for _, s := range []string{
		"", "+++", "+++\n", "+++\n+++", "+++\r\n+++\r\n", "\ufeff+++\n+++\n", "---\n", "+++ \n+++\t\n",
		"+++\ntitle = \"关于\"\nweight = = 3\n+++\n", "+++\ntitle = \"关于\n+++\n", "+++\nupdated = 2020-03-01\n+++\n",
		"+++\n[extra]\nx = 1\n+++\n", "+++\nweight = \"十\"\n+++\n", "+++\ntitle = '''\n+++\n'''\n+++\n",
		"+++\n\"a.b\" = 1\n+++\n", "+++\n" + strings.Repeat("a.", 200) + "b = 1\n+++\n", "+++\nx = " + strings.Repeat("{a=", 200) + "\n+++\n", "+++\ntitle = \"\xff\"\n+++\n", "+++\r\ntitle = 1\r\n+++", "正文\n+++\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		fm, body, _, err := Split("content/x.md", src)
		text := strings.ReplaceAll(strings.TrimPrefix(string(src), "\ufeff"), "\r\n", "\n")
		if err != nil {
			var e *problem.Problem
			if !errors.As(err, &e) {
				t.Fatalf("Split: %v is a %T, not a *problem.Problem", err, err)
			}
			if e.File != "content/x.md" || e.Line < 1 || e.Col < 0 || e.Msg == "" {
				t.Fatalf("Split: error %+v", e)
			}
			if lines := strings.Count(text, "\n") + 1; e.Line > lines {
				t.Fatalf("Split: error on line %d of a text of %d lines: %v", e.Line, lines, err)
			}
			return
		}
		if !strings.HasSuffix(text, string(body)) {
			t.Fatalf("Split: body %q is not the end of the page %q", body, text)
		}
		if fm.Updated != "" && config.DateProblem(fm.Updated) != "" {
			t.Fatalf("Split accepted updated = %q", fm.Updated)
		}
	})
}
