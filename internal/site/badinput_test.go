package site

import (
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"plansite/internal/foldertest"
)

// replaceLine replaces line n (1-based) of a file.
func replaceLine(t *testing.T, m fstest.MapFS, file string, n int, edit func(string) string) {
	t.Helper()
	lines := strings.Split(string(m[file].Data), "\n")
	lines[n-1] = edit(lines[n-1])
	m[file] = &fstest.MapFile{Data: []byte(strings.Join(lines, "\n"))}
}

func TestBadInputKeepsOldSite(t *testing.T) {
	cases := []badCase{
		{"unbalanced quote", func(t *testing.T, c, _ fstest.MapFS) {
			replaceLine(t, c, "tasks.csv", 3, func(s string) string { return strings.Replace(s, "创建国家级", `"创建国家级`, 1) })
		}, []string{"content/tasks.csv:3:", "quote"}},
		{"wrong number of fields", func(t *testing.T, c, _ fstest.MapFS) {
			replaceLine(t, c, "tasks.csv", 5, func(s string) string { return s + ",多余" })
		}, []string{"content/tasks.csv:5:", "wrong number of fields"}},
		{"missing header column", func(t *testing.T, c, _ fstest.MapFS) {
			replaceLine(t, c, "tasks.csv", 1, func(s string) string { return strings.Replace(s, "主要措施", "措施", 1) })
		}, []string{"content/tasks.csv:1:", `missing column "主要措施"`, `if "措施" is that column`}},
		{"no header", func(t *testing.T, c, _ fstest.MapFS) {
			c["tasks.csv"] = &fstest.MapFile{Data: []byte("")}
		}, []string{"content/tasks.csv:1:", "empty"}},
		{"duplicate 序号", func(t *testing.T, c, _ fstest.MapFS) {
			replaceLine(t, c, "tasks.csv", 4, func(s string) string { return "2" + strings.TrimPrefix(s, "3") })
		}, []string{"content/tasks.csv:4:1:", "序号 2 appears twice (first on line 3)"}},
		{"non-numeric 序号", func(t *testing.T, c, _ fstest.MapFS) {
			replaceLine(t, c, "tasks.csv", 8, func(s string) string { return "第七" + strings.TrimPrefix(s, "7") })
		}, []string{"content/tasks.csv:8:1:", `序号 "第七" is not a task number`}},
		{"empty 主要措施", func(t *testing.T, c, _ fstest.MapFS) {
			replaceLine(t, c, "tasks.csv", 6, func(s string) string {
				f := strings.SplitN(s, ",", 4)
				return f[0] + "," + f[1] + ",," + f[3]
			})
		}, []string{"content/tasks.csv:6:", "task 5: 主要措施 is empty"}},
		{"template does not parse", func(t *testing.T, _, tm fstest.MapFS) {
			tm["task.html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}\n<h1>{{.Title}</h1>{{end}}")}
		}, []string{"templates/task.html:2:"}},
		{"template fails to run", func(t *testing.T, _, tm fstest.MapFS) {
			tm["area.html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}\n<h1>{{.Area.Nope}}</h1>{{end}}")}
		}, []string{"templates/area.html:2:", "Nope"}},
		// A fragment is made once for many pages (pages.Frame): it may not
		// show one page's own data, and says where it tried.
		{"fragment shows a page's title", func(t *testing.T, _, tm fstest.MapFS) {
			replaceIn(t, tm, "base.html", `href="#main">跳到正文`, `href="#main">{{.Title}}`)
		}, []string{"templates/base.html:", "Title"}},
		{"fragment asks for a section outside the navigation", func(t *testing.T, _, tm fstest.MapFS) {
			replaceIn(t, tm, "base.html", `href="#main">跳到正文`, `href="#main">{{.Current "tasks/"}}`)
		}, []string{"templates/base.html:", `"tasks/" is not in the navigation`}},
		// A value is made once per value and folder depth (pages.Value):
		// it may not show a page's own data either.
		{"value shows a page's title", func(t *testing.T, _, tm fstest.MapFS) {
			replaceIn(t, tm, "base.html", `{{define "year-link"}}<a href="{{.Page.YearURL .V}}">{{.V}}年</a>`,
				`{{define "year-link"}}<a href="{{.Page.YearURL .V}}">{{.Title}}</a>`)
		}, []string{"templates/base.html:", "Title"}},
		{"broken front matter", func(t *testing.T, c, _ fstest.MapFS) {
			c["about.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"关于\"\nweight = = 3\n+++\n正文")}
		}, []string{"content/about.md:3:"}},
		{"slug leaving the output folder", func(t *testing.T, c, _ fstest.MapFS) {
			replaceLine(t, c, "departments.csv", 2, func(s string) string { return strings.Replace(s, ",industry-it,", ",../../etc,", 1) })
		}, []string{"content/departments.csv:2:", `slug "../../etc"`}},
		{"page name leaving the output folder", func(t *testing.T, c, _ fstest.MapFS) {
			c["a..about.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"x\"\n+++\n")}
		}, []string{"content/a..about.md", "not lowercase ASCII"}},
	}
	keepsOldSite(t, cases)
}

// badCase breaks the bundled content or templates; the build must then
// fail with a message holding every want.
type badCase struct {
	name   string
	break_ func(t *testing.T, content, templates fstest.MapFS)
	want   []string
}

// keepsOldSite builds the bundled site, then each broken one over it: each
// must fail with its message and leave the previous site exactly as it was,
// with nothing left beside it.
func keepsOldSite(t *testing.T, cases []badCase) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(repoSources(), out, nil); err != nil {
		t.Fatal(err)
	}
	before := foldertest.Snapshot(t, out)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			content, templates := foldertest.Read(t, "../../content"), foldertest.Read(t, "../../templates")
			tc.break_(t, content, templates)
			o := repoSources()
			o.Content.FS, o.Templates.FS = content, templates
			_, err := Build(o, out, nil)
			if err == nil {
				t.Fatal("build succeeded")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %.300q does not contain %q", err, w)
				}
			}
			foldertest.Unchanged(t, "the previous site", before, foldertest.Snapshot(t, out))
		})
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.*"))
	if len(leftovers) > 0 {
		t.Errorf("failed builds left %v", leftovers)
	}
}

func TestMarkdownHasNoRawHTML(t *testing.T) {
	content := foldertest.Read(t, "../../content")
	content["about.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"关于\"\n+++\n<script>alert(1)</script>\n\n正文<img src=x onerror=alert(1)>")}
	o := repoSources()
	o.Content.FS = content
	files := generate(t, o)
	page := string(files["about/index.html"])
	if strings.Contains(page, "<script>alert") || strings.Contains(page, "onerror") {
		t.Errorf("raw HTML passed through: %s", page)
	}
}

// replaceIn replaces old, which must be there, with new in file name of fsys.
func replaceIn(t *testing.T, fsys fstest.MapFS, name, old, new string) {
	t.Helper()
	data := string(fsys[name].Data)
	if !strings.Contains(data, old) {
		t.Fatalf("%s has no %q", name, old)
	}
	fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(data, old, new, 1))}
}
