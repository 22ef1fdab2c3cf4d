package portal

import (
	"strings"
	"testing"
	"testing/fstest"

	"plansite/internal/foldertest"
	"plansite/internal/problem"
)

// base is a portal of two plans sharing units: 2023 (older, with progress)
// and 2024. Tests add files to it or replace them.
const base = `
-- site.toml --
title = "示例市政府工作任务"
issuer = "示例市人民政府办公室"
updated = "2024-03-01"
base_url = "https://example.org/gov/"
-- departments.csv --
名称,slug,英文名称,别名,类别
示例市科学技术局,kj,Science and Technology Bureau,示例市科技局,市直部门
示例市财政局,cz,,,市直部门
-- plans/2023/site.toml --
title = "示例市2023年重点工作任务分解"
date = "2023-02-01"
updated = "2023-12-31"
-- plans/2023/tasks.csv --
序号,主要措施,时间节点,牵头部门,配合部门
1,建设科技园区。,2023年6月底前,示例市科技局,示例市财政局
2,完善创新政策。,2024年底前,示例市科学技术局,——
-- plans/2023/progress.csv --
序号,日期,状态,进展
1,2023-07-01,已完成,园区建成。
2,2023-10-01,推进中,政策起草中。
-- plans/2024/site.toml --
title = "示例市2024年重点工作任务分解"
date = "2024-01-20"
-- plans/2024/tasks.csv --
序号,主要措施,时间节点,牵头部门,配合部门
1,引进创新人才。,2024年9月底前,示例市科学技术局,示例市人力资源社会保障局
2,盘活财政资金。,2024年3月底前,示例市财政局,
`

func read(t *testing.T, fsys fstest.MapFS) (*Portal, []problem.Problem, error) {
	t.Helper()
	return Read(fsys, "content", 2)
}

func mustRead(t *testing.T, fsys fstest.MapFS) (*Portal, []problem.Problem) {
	t.Helper()
	pt, warns, err := read(t, fsys)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	return pt, warns
}

// with is the base portal with files set (a nil text removes the file).
func with(t *testing.T, files map[string]*string) fstest.MapFS {
	t.Helper()
	m := foldertest.Txtar(t, base)
	for name, text := range files {
		if text == nil {
			delete(m, name)
			continue
		}
		m[name] = &fstest.MapFile{Data: []byte(*text)}
	}
	return m
}

func ptr(s string) *string { return &s }

func TestPlansNewestFirst(t *testing.T) {
	pt, _ := mustRead(t, with(t, nil))
	var ids []string
	for _, p := range pt.Plans {
		ids = append(ids, p.ID)
	}
	if got := strings.Join(ids, " "); got != "2024 2023" {
		t.Errorf("plans in the order %s, want 2024 2023 (newest first)", got)
	}
	if pt.Plans[0].Dir != "plans/2024/" || pt.Plans[0].Name != "content/plans/2024" {
		t.Errorf("plan 2024 at %q, named %q", pt.Plans[0].Dir, pt.Plans[0].Name)
	}
	if pt.Tasks() != 4 {
		t.Errorf("%d tasks, want 4", pt.Tasks())
	}
}

// A unit has one address whatever plan names it, and under whatever name
// the portal's table gives it (an alias is the same unit).
func TestUnitsAcrossPlans(t *testing.T) {
	pt, _ := mustRead(t, with(t, nil))
	units := map[string]*Unit{}
	for _, u := range pt.Units {
		units[u.Slug] = u
	}
	kj := units["kj"]
	if kj == nil {
		t.Fatalf("no unit kj among %d units", len(pt.Units))
	}
	if len(kj.In) != 2 || kj.In[0].Plan.ID != "2024" || kj.In[1].Plan.ID != "2023" {
		t.Fatalf("kj is in %d plans, want 2024 then 2023", len(kj.In))
	}
	if kj.Lead() != 3 || kj.Coop() != 0 {
		t.Errorf("kj leads %d and helps with %d tasks, want 3 and 0 (示例市科技局 is an alias)", kj.Lead(), kj.Coop())
	}
	for _, p := range pt.Plans {
		for _, d := range p.Content.Plan.Departments {
			if d.Name == "示例市科学技术局" && d.Slug != "kj" {
				t.Errorf("plan %s publishes %s at %s", p.ID, d.Name, d.Slug)
			}
		}
	}
	// A unit no table lists gets the address its name makes, the same in
	// every plan that names it.
	var hr *Unit
	for _, u := range pt.Units {
		if u.Name == "示例市人力资源社会保障局" {
			hr = u
		}
	}
	if hr == nil || hr.Known || !strings.HasPrefix(hr.Slug, "d-") {
		t.Errorf("the unlisted unit: %+v", hr)
	}
	if pt.Units[len(pt.Units)-1] != hr {
		t.Errorf("the unlisted unit is not after the listed ones")
	}
}

func TestDirectoryMerge(t *testing.T) {
	type want struct {
		err, warn string // substrings of an error and a warning; "" for none
		slug      string // the address of 示例市财政局 in plan 2023
	}
	cases := []struct {
		name  string
		files map[string]*string
		want
	}{
		{"the portal's table alone", nil, want{slug: "cz"}},
		{"a plan's table adds a unit", map[string]*string{
			"departments.csv":            nil,
			"plans/2023/departments.csv": ptr("名称,slug\n示例市财政局,finance\n")},
			want{slug: "finance"}},
		{"a plan's other slug gives way to the portal's", map[string]*string{
			"plans/2023/departments.csv": ptr("名称,slug\n示例市财政局,finance\n")},
			want{slug: "cz", warn: `content/plans/2023/departments.csv:2:8: warning: "示例市财政局" is listed in content/departments.csv:3 with the slug cz`}},
		{"the older plan's table gives the address", map[string]*string{
			"departments.csv":            nil,
			"plans/2024/departments.csv": ptr("名称,slug\n示例市财政局,newer\n"),
			"plans/2023/departments.csv": ptr("名称,slug\n示例市财政局,older\n")},
			want{slug: "older", warn: `content/plans/2024/departments.csv:2:8: warning: "示例市财政局" is listed in content/plans/2023/departments.csv:2 with the slug older`}},
		{"a plan's alias joins the unit", map[string]*string{
			"plans/2024/departments.csv": ptr("名称,slug,别名\n示例市财政局,cz,市财政\n")},
			want{slug: "cz"}},
		{"a row naming two units is left out", map[string]*string{
			"plans/2024/departments.csv": ptr("名称,slug,别名\n示例市财政局,cz,示例市科技局\n")},
			want{slug: "cz", warn: `content/plans/2024/departments.csv:2:1: warning: this row names units that content/departments.csv:3 ("示例市财政局") and content/departments.csv:2 ("示例市科学技术局") list as two`}},
		{"a table's own mistakes are errors", map[string]*string{
			"plans/2024/departments.csv": ptr("名称,slug\n甲,x\n乙,x\n")},
			want{err: `content/plans/2024/departments.csv:3:3: error: slug "x" is used by both 甲 and 乙`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pt, warns, err := read(t, with(t, c.files))
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error %v, want %s", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			found := c.warn == ""
			for _, w := range warns {
				if c.warn != "" && strings.Contains(w.Error(), c.warn) {
					found = true
				}
			}
			if !found {
				t.Errorf("no warning %s among %v", c.warn, warns)
			}
			for _, d := range pt.Plan("2023").Content.Plan.Departments {
				if d.Name == "示例市财政局" && d.Slug != c.slug {
					t.Errorf("示例市财政局 is at %s, want %s", d.Slug, c.slug)
				}
			}
		})
	}
}

// Names so alike in two plans that they are probably one unit, which no
// table lists, are warned of with the row that would merge them; names
// one plan has both of are that plan's own check's.
func TestAlikeAcrossPlans(t *testing.T) {
	fsys := with(t, map[string]*string{
		"departments.csv":         nil,
		"plans/2024/tasks.csv":    ptr("序号,主要措施,牵头部门\n1,引进人才。,示例市规划和自然资源局\n"),
		"plans/2023/tasks.csv":    ptr("序号,主要措施,牵头部门\n1,建设园区。,示例市文化局\n2,编制规划。,示例市规划和自然局\n"),
		"plans/2023/progress.csv": nil,
	})
	_, warns := mustRead(t, fsys)
	var across []string
	for _, w := range warns {
		if strings.Contains(w.Msg, "looks like") {
			across = append(across, w.Error())
		}
	}
	want := `content/plans/2023/tasks.csv:3: warning: task 2: "示例市规划和自然局" (plans/2023) looks like "示例市规划和自然资源局" (plans/2024): if they are one unit, add a row to content/departments.csv with 名称 "示例市规划和自然资源局" and 别名 "示例市规划和自然局"`
	if len(across) != 1 || !strings.HasPrefix(across[0], want) {
		t.Errorf("warnings of names alike:\n%s\nwant one:\n%s", strings.Join(across, "\n"), want)
	}
}

func TestPortalProblems(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]*string
		want  string
	}{
		{"a folder name that is no address", map[string]*string{"plans/Plan 2025/site.toml": ptr("title = \"x\"\n")},
			`content/plans/Plan 2025: error: the folder's name is the plan's address, /plans/Plan 2025/, and must be lowercase ASCII letters`},
		{"a file among the plans", map[string]*string{"plans/notes.txt": ptr("x")},
			`content/plans/notes.txt: error: content/plans/ holds only the plans' folders`},
		{"a plan's setting in the portal's site.toml", map[string]*string{"site.toml": ptr("title = \"门户\"\nstart_year = 2023\n")},
			`content/site.toml:2:1: error: start_year is a setting of one plan, and this is the portal's site.toml`},
		{"a page at the plans' address", map[string]*string{"plans.md": ptr("+++\ntitle = \"x\"\n+++\n")},
			`content/plans.md: error: /plans/ is an address the portal uses`},
		{"a plan's own error", map[string]*string{"plans/2024/tasks.csv": ptr("序号,主要措施,牵头部门\n1,甲。,乙\n1,丙。,丁\n")},
			`content/plans/2024/tasks.csv:3:1: error: 序号 1 appears twice`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := read(t, with(t, c.files))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error:\n%v\nwant:\n%s", err, c.want)
			}
		})
	}
	empty := fstest.MapFS{"site.toml": {Data: []byte("title = \"x\"\n")}, "plans/.keep": {Data: nil}}
	if _, _, err := read(t, empty); err == nil || !strings.Contains(err.Error(), "content/plans: error: content/plans/ holds no plan") {
		t.Errorf("a portal without plans: %v", err)
	}
}

func TestStatusesAndDeadlines(t *testing.T) {
	pt, _ := mustRead(t, with(t, nil))
	if !pt.HasProgress() || len(pt.Statuses) != 5 {
		t.Fatalf("statuses: %+v", pt.Statuses)
	}
	p23 := pt.Plan("2023")
	if s := pt.Status(p23, p23.Tasks()[0]); s == nil || s.Name != "已完成" || s.Class() != "st-2" {
		t.Errorf("task 1 of 2023: status %+v", s)
	}
	if s := pt.Status(pt.Plan("2024"), pt.Plan("2024").Tasks()[0]); s != nil {
		t.Errorf("a plan without progress has status %+v", s)
	}
	if got := pt.Years(); len(got) != 2 || got[0] != 2023 || got[1] != 2024 {
		t.Errorf("years %v", got)
	}
	var due []string
	for _, d := range pt.DueIn(2024) {
		due = append(due, d.Plan.ID+"/"+d.Task.ID+"@"+d.Deadline.String())
	}
	if got := strings.Join(due, " "); got != "2024/2@2024-03-31 2024/1@2024-09-30 2023/2@2024-12-31" {
		t.Errorf("due in 2024: %s", got)
	}
	// The portal's date is 2024-03-01: 2023's task 1 fell due before it.
	var soon []string
	for _, d := range pt.Soonest(2) {
		soon = append(soon, d.Plan.ID+"/"+d.Task.ID)
	}
	if got := strings.Join(soon, " "); got != "2024/2 2024/1" {
		t.Errorf("soonest: %s", got)
	}
}
