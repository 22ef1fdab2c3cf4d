package site

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"plansite/internal/foldertest"
	"plansite/internal/pages"
	"plansite/internal/sitepath"
	"plansite/internal/synth"
)

var taskLink = regexp.MustCompile(`<a class="?task-link"? href="?[^ >"]*tasks/(\d+)/`)

// Lists that grow with the table are split into pages that a phone can
// load, each linked to the next and the previous.
func TestLongListsArePaginated(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, 2000, 7); err != nil {
		t.Fatal(err)
	}
	r := generateDir(t, dir)
	checkSite(t, r)
	files := filesMap(r.Files)
	for p, data := range files {
		if n := len(taskLink.FindAllString(string(data), -1)); strings.HasSuffix(p, ".html") && n > pages.PerPage {
			t.Errorf("%s lists %d tasks, more than %d", p, n, pages.PerPage)
		}
	}
	// 2,000 tasks in 8 areas: 250 each, on two pages.
	a1, a2 := string(files["areas/1/index.html"]), string(files["areas/1/page/2/index.html"])
	if a1 == "" || a2 == "" || files["areas/1/page/3/index.html"] != nil {
		t.Fatalf("area 1 should have exactly two pages")
	}
	if !strings.Contains(a1, `rel="next"`) || !strings.Contains(a2, `rel="prev"`) || strings.Contains(a2, `rel="next" href`) {
		t.Errorf("area pages lack their prev/next links")
	}
	if got := taskLink.FindAllStringSubmatch(a2, -1); len(got) != 50 || got[0][1] != "201" || got[49][1] != "250" {
		t.Errorf("area 1 page 2 should list tasks 201 to 250")
	}
	// The full table is paged too: 2,000 rows on ten pages, each row once,
	// in order, and each task page links its row on the page that has it
	// (checkSite above resolves the link and its #task- anchor).
	planRow := regexp.MustCompile(`<tr id="?task-(\d+)`)
	next := 1
	for n := 1; ; n++ {
		page := files[sitepath.Page(sitepath.Plan, n)+"index.html"]
		if page == nil {
			if n != 11 {
				t.Errorf("the full table has %d pages, want 10", n-1)
			}
			break
		}
		rows := planRow.FindAllStringSubmatch(string(page), -1)
		if len(rows) > pages.PerPage {
			t.Errorf("full table page %d has %d rows, more than %d", n, len(rows), pages.PerPage)
		}
		for _, r := range rows {
			if r[1] != fmt.Sprint(next) {
				t.Fatalf("full table page %d: row of task %s where task %d belongs", n, r[1], next)
			}
			next++
		}
	}
	if next != 2001 {
		t.Errorf("the full table's pages hold %d rows, want 2000", next-1)
	}
	if task := string(files["tasks/1234/index.html"]); !strings.Contains(task, `plan/page/7/#task-1234"`) {
		t.Errorf("task 1234 does not link its row on page 7 of the full table")
	}
	// The home page shows part of each area and links to the whole.
	if home := string(files["index.html"]); !strings.Contains(home, "查看本行动全部250项任务") {
		t.Errorf("the home page does not link to the whole of each area")
	}
}

// A department's list runs through its lead tasks, then its cooperating
// ones; without areas the home page itself is paged.
func TestDepartmentAndHomePages(t *testing.T) {
	dir := foldertest.Copy(t, districtCSV, "tasks.csv")
	var b strings.Builder
	b.WriteString("序号,工作任务,牵头单位,配合单位,完成时限\n")
	for i := 1; i <= 450; i++ {
		coop := "——"
		if i > 400 {
			coop = "区财政局"
		}
		fmt.Fprintf(&b, "%d,第%d项工作。,区政务服务数据管理局,%s,2024年\n", i, i, coop)
	}
	b.WriteString("451,最后一项工作。,区财政局,区政务服务数据管理局,2024年\n")
	if err := os.WriteFile(filepath.Join(dir, "tasks.csv"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	r := generateDir(t, dir)
	checkSite(t, r)
	files := filesMap(r.Files)
	d := func(n int) string {
		return string(files[sitepath.Page("departments/government-data/", n)+"index.html"])
	}
	// 450 lead + 1 cooperating = 451 items: three pages.
	if d(1) == "" || d(2) == "" || d(3) == "" || d(4) != "" {
		t.Fatalf("the department should have three pages")
	}
	if !strings.Contains(d(1), `id="lead"`) || strings.Contains(d(1), `id="coop"`) {
		t.Errorf("page 1 should show lead tasks only")
	}
	if p3 := d(3); !strings.Contains(p3, `id="lead"`) || !strings.Contains(p3, `id="coop"`) || !strings.Contains(p3, "tasks/451/") || !strings.Contains(p3, "tasks/450/") {
		t.Errorf("page 3 should end the lead tasks and hold the cooperating one")
	}
	if files["page/2/index.html"] == nil || files["page/3/index.html"] == nil || files["page/4/index.html"] != nil {
		t.Errorf("the home page of 451 tasks without areas should have three pages")
	}
	if !strings.Contains(string(files["page/3/index.html"]), "tasks/451/") {
		t.Errorf("home page 3 should list task 451")
	}
}
