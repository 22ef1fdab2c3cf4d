package site

import (
	"strings"
	"testing"
	"testing/fstest"

	"plansite/internal/foldertest"
	"plansite/internal/pages"
)

// A build through a memo, after each change to any of the input folders,
// is the build without one, file for file; it parses the templates again
// only when a file of theirs changed, and minifies a static file again
// only when it changed.
func TestMemoBuildsAsAfresh(t *testing.T) {
	content := foldertest.Read(t, "../../content")
	templates := foldertest.Read(t, "../../templates")
	static := foldertest.Read(t, "../../static")
	o := Options{Content: Source{FS: content, Name: "content"}, Templates: Source{FS: templates, Name: "templates"},
		Static: Source{FS: static, Name: "static"}, Version: "test", BaseURL: "https://example.org/plan/"}
	was := [3]fstest.MapFS{foldertest.Read(t, "../../content"), foldertest.Read(t, "../../templates"), foldertest.Read(t, "../../static")}
	edit := func(m fstest.MapFS, name, old, new string) func(*testing.T) {
		return func(t *testing.T) {
			text := string(m[name].Data)
			if !strings.Contains(text, old) {
				t.Fatalf("%s lacks %q", name, old)
			}
			m[name] = &fstest.MapFile{Data: []byte(strings.Replace(text, old, new, 1))}
		}
	}
	steps := []struct {
		name      string
		change    func(*testing.T)
		templates bool // parsed again
		css       bool // style.css minified again
	}{
		{"first", func(*testing.T) {}, true, true},
		{"unchanged", func(*testing.T) {}, false, false},
		{"a cell", edit(content, "tasks.csv", "积极创建国家级人工智能先导区", "积极创建国家级人工智能先导区（改）"), false, false},
		{"a template", edit(templates, "task.html", "原表记载</h2>", "原表所载</h2>"), true, false},
		{"base.html", edit(templates, "base.html", "跳到正文", "跳至正文"), true, false},
		{"labels added", func(*testing.T) {
			templates["labels.toml"] = &fstest.MapFile{Data: []byte("[pages.departments]\nnav = \"责任单位\"\n")}
		}, true, false},
		{"labels changed", edit(templates, "labels.toml", "责任单位", "承担单位"), true, false},
		{"an optional template removed", func(*testing.T) { delete(templates, "progress.html") }, true, false},
		{"the optional template back", func(*testing.T) { templates["progress.html"] = was[1]["progress.html"] }, true, false},
		{"the stylesheet", edit(static, "style.css", "body", ".changed{color:red}body"), false, true},
		{"a script", edit(static, "cite.js", "use strict", "use strict"+"\";\"x"), false, false},
		{"all back", func(*testing.T) {
			for i, m := range []fstest.MapFS{content, templates, static} {
				for p := range m {
					delete(m, p)
				}
				for p, f := range was[i] {
					m[p] = f
				}
			}
		}, true, true},
	}
	memo := NewMemo()
	var parsed *pages.Templates
	var css []byte
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			s.change(t)
			want, err := makeSite(o)
			if err != nil {
				t.Fatal(err)
			}
			through := o
			through.Memo = memo
			got, err := makeSite(through)
			if err != nil {
				t.Fatal(err)
			}
			sameSite(t, s.name, want.Files, got.Files)
			if again := memo.templates != parsed; again != s.templates {
				t.Errorf("templates parsed again: %v, want %v", again, s.templates)
			}
			now := memo.static["style.css"].data
			if again := len(css) == 0 || &now[0] != &css[0]; again != s.css {
				t.Errorf("style.css minified again: %v, want %v", again, s.css)
			}
			parsed, css = memo.templates, now
		})
	}
}
