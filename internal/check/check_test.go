package check

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

const siteTOML = `title = "测试计划"
issuer = "测试市人民政府"
date = "2020-02-27"
start_year = 2020
end_year = 2022
base_url = "https://example.org/"
`

const depts = `名称,slug,英文名称,别名,类别
市科技局,science,,,
市规划和自然资源局,planning,,,
市财政局,finance,,,
市教育局,education,,,
各区政府,districts,,,统称
`

// folder is a content folder with the given task table.
func folder(tasks string, more ...string) fstest.MapFS {
	fs := fstest.MapFS{
		"site.toml":       {Data: []byte(siteTOML)},
		"departments.csv": {Data: []byte(depts)},
		"tasks.csv":       {Data: []byte(tasks)},
	}
	for i := 0; i+1 < len(more); i += 2 {
		fs[more[i]] = &fstest.MapFile{Data: []byte(more[i+1])}
	}
	return fs
}

const header = "序号,重点任务,主要措施,时间节点,牵头部门,配合部门\n"

func TestCheck(t *testing.T) {
	tests := []struct {
		name   string
		fs     fstest.MapFS
		want   []string // every message, in order
		errors int
	}{
		{
			name: "clean",
			fs:   folder(header + "1,（一）甲,措施。,2020年。,市科技局,市财政局\n"),
		},
		{
			// 、 between units of a group and ， between groups is how
			// official tables write a list: read, and nothing to say.
			name: "、 within groups, ， between them",
			fs:   folder(header + "1,（一）甲,措施。,2020年。,市科技局,市财政局、市教育局，各区政府\n"),
		},
		{
			name: "、 within groups, the comma half-width",
			fs:   folder(header + "1,（一）甲,措施。,2020年。,市科技局,\"市财政局、市教育局,各区政府\"\n"),
		},
		{
			name: "likely alias missing from the departments table",
			fs:   folder(header + "1,（一）甲,措施。,2020年。,市科技局,市规划和自然局\n"),
			want: []string{
				`content/tasks.csv:2:24: warning: task 1: department "市规划和自然局" is not in content/departments.csv (named in 1 cell); it is published at /departments/d-`,
				`content/tasks.csv:2:24: warning: task 1: "市规划和自然局" looks like "市规划和自然资源局": if they are one department, list "市规划和自然局" as an alias (别名) of "市规划和自然资源局" in content/departments.csv`,
			},
		},
		{
			name: "an alias already listed is no warning",
			fs: folder(header+"1,（一）甲,措施。,2020年。,市科技局,市规划和自然局\n",
				"departments.csv", strings.Replace(depts, "planning,,,", "planning,,市规划和自然局,", 1)),
		},
		{
			name: "two unknown names alike, said once",
			fs:   folder(header + "1,（一）甲,措施。,2020年。,市交通运输局,——\n2,（一）甲,措施。,2020年。,市交通局,——\n"),
			want: []string{
				`content/tasks.csv:2:19: warning: task 1: department "市交通运输局" is not in content/departments.csv (named in 1 cell); it is published at /departments/d-`,
				`content/tasks.csv:3:19: warning: task 2: department "市交通局" is not in content/departments.csv (named in 1 cell); it is published at /departments/d-`,
				`content/tasks.csv:3:19: warning: task 2: "市交通局" looks like "市交通运输局": if they are one department, write it one way, or list one as an alias (别名) of the other in content/departments.csv`,
			},
		},
		{
			name: "alike names in one row are two departments",
			fs:   folder(header + "1,（一）甲,措施。,2020年。,招商工作部、安商工作部,——\n2,（一）甲,措施。,2020年。,市交通运输局,市交通局\n"),
			want: []string{
				`content/tasks.csv:2:19: warning: task 1: department "招商工作部" is not in content/departments.csv (named in 1 cell); it is published at /departments/d-`,
				`content/tasks.csv:2:19: warning: task 1: department "安商工作部" is not in content/departments.csv (named in 1 cell); it is published at /departments/d-`,
				`content/tasks.csv:3:19: warning: task 2: department "市交通运输局" is not in content/departments.csv (named in 1 cell); it is published at /departments/d-`,
				`content/tasks.csv:3:26: warning: task 2: department "市交通局" is not in content/departments.csv (named in 1 cell); it is published at /departments/d-`,
			},
		},
		{
			name: "short names a character or two apart are not alike",
			fs:   folder(header + "1,（一）甲,措施。,2020年。,市科技局,市教育局、市财政局\n"),
		},
		{
			name: "unreadable timeline clauses, each a warning",
			fs: folder(header + "1,（一）甲,措施。,2020年；尽快完成。,市科技局,——\n" +
				"2,（一）甲,措施。,适时推进,市科技局,——\n3,（一）甲,措施。,2021-2022年持续推进。,市科技局,——\n"),
			want: []string{
				`content/tasks.csv:2:12: warning: task 1: cannot read the date of timeline clause "尽快完成。": it holds no date`,
				`content/tasks.csv:3:12: warning: task 2: cannot read the date of timeline clause "适时推进": it holds no date`,
			},
		},
		{
			name: "task without a lead",
			fs:   folder(header + "1,（一）甲,措施。,2020年。,——,市财政局\n"),
			want: []string{`content/tasks.csv:2:19: warning: task 1: no lead department (牵头部门)`},
		},
		{
			name: "bad, duplicate and empty numbers, empty measures",
			fs:   folder(header + ",（一）甲,措施。,2020年。,市科技局,——\n1,（一）甲,措施。,2020年。,市科技局,——\n1,（一）甲,,2020年。,市科技局,——\n甲,（一）甲,措施。,2020年。,市科技局,——\n"),
			want: []string{
				`content/tasks.csv:2:1: error: 序号 is empty`,
				`content/tasks.csv:4:1: error: 序号 1 appears twice (first on line 3)`,
				`content/tasks.csv:4:8: error: task 1: 主要措施 is empty`,
				`content/tasks.csv:5:1: error: 序号 "甲" is not a task number (1, 2, … or 1.1, 1.2, …, or （一）, 一、)`,
			},
			errors: 4,
		},
		{
			name:   "a table that cannot be read stops the check",
			fs:     folder(header + "1,（一）甲,\"措施。,2020年。,市科技局,——\n"),
			want:   []string{`content/tasks.csv:2:`},
			errors: 1,
		},
		{
			name:   "what only the build finds: two areas with one number",
			fs:     folder(header + "1,（一）甲,措施。,2020年。,市科技局,——\n2,（一）乙,措施。,2020年。,市科技局,——\n"),
			want:   []string{`content/tasks.csv:3:3: error: task 2: area "（一）乙" has the same number 1 as "（一）甲"`},
			errors: 1,
		},
		{
			name: "an area without an ordinal is the build's warning",
			fs:   folder(header + "1,甲行动,措施。,2020年。,市科技局,——\n"),
			want: []string{`content/tasks.csv:2:3: warning: task 1: area "甲行动" has no ordinal such as （一）; numbered 1 by its order`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Content(tt.fs, "content")
			var got []string
			for _, p := range r.Problems {
				got = append(got, p.Error())
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d messages, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("message %d:\n got %s\nwant %s", i, got[i], tt.want[i])
				}
			}
			if r.Errors() != tt.errors {
				t.Errorf("%d errors, want %d", r.Errors(), tt.errors)
			}
		})
	}
}

// The bundled plan checks clean: task 2's 、 and ， are the official
// table's and are read as it means them.
func TestBundledContent(t *testing.T) {
	r := Content(os.DirFS("../../content"), "content")
	if len(r.Problems) != 0 {
		t.Errorf("got %v", r.Problems)
	}
}

// One run reports the problems of every file: a bad date in site.toml hides
// neither a broken departments.csv nor the task table's repeated 序号 and
// empty 主要措施, nor a Markdown page's front matter.
func TestEveryFileInOneRun(t *testing.T) {
	fs := folder(header+"1,（一）甲,措施。,2020年,市科技局,——\n1,,措施。,2020年,市科技局,——\n2,,,2020年,市科技局,——\n",
		"site.toml", strings.Replace(siteTOML, `date = "2020-02-27"`, `date = "2020-02-31"`, 1),
		"departments.csv", "名称,slug\n市科技局,Science Bureau\n",
		"about.md", "+++\ntitle = \"关于\"\nupdated = 2020\n+++\n")
	r := Content(fs, "content")
	var got []string
	for _, p := range r.Problems {
		if p.Severity == 0 {
			got = append(got, p.Error())
		}
	}
	for _, want := range []string{
		`content/about.md:3:1: error: front matter: updated is text`,
		`content/departments.csv:2:`,
		`content/site.toml:3:1: error: date "2020-02-31"`,
		`content/tasks.csv:3:1: error: 序号 1 appears twice`,
		`content/tasks.csv:4:`,
	} {
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, want)
		}
		if !found {
			t.Errorf("no error %s…; got:\n%s", want, strings.Join(got, "\n"))
		}
	}
}
