package site

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"plansite/internal/foldertest"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// markup is a tag, to read a page's text from its HTML.
var markup = regexp.MustCompile(`<[^>]*>`)

var updateExample = flag.Bool("update-example", false, "rewrite examples/district-plan/content-xlsx/tasks.xlsx from the CSV beside it")

const (
	districtCSV  = "../../examples/district-plan/content"
	districtXLSX = "../../examples/district-plan/content-xlsx"
)

// The district example: a table with other column names (工作任务, 牵头单位,
// 责任单位, 完成时限), no area column, tasks numbered 1.1, 1.2, …, saved as
// GB18030 CSV and as a workbook.
func TestDistrictExample(t *testing.T) {
	if *updateExample {
		gb, err := os.ReadFile(filepath.Join(districtCSV, "tasks.csv"))
		if err != nil {
			t.Fatal(err)
		}
		text, err := simplifiedchinese.GB18030.NewDecoder().Bytes(gb)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(districtXLSX, "tasks.xlsx"), xlsxOf(t, text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := generateDir(t, districtCSV)
	files := filesMap(r.Files)
	var want []string
	for _, id := range []string{"1-1", "1-2", "1-3", "2-1", "2-2", "2-3", "3-1", "3-2", "3-3", "4-1", "4-2"} {
		want = append(want, "tasks/"+id+"/index.html")
	}
	want = append(want, "index.html", "404.html", "departments/index.html", "departments/government-data/index.html",
		"departments/subdistrict-offices/index.html", "years/index.html", "years/2023/index.html", "years/2024/index.html",
		"years/2025/index.html", "plan/index.html", "data/index.html", "data/fields/index.html", "search/index.html", "sitemap.xml", "robots.txt")
	for _, p := range want {
		if files[p] == nil {
			t.Errorf("%s is missing", p)
		}
	}
	var pages []string
	for p := range files {
		if strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
		if strings.HasPrefix(p, "areas/") {
			t.Errorf("%s exists, but the table has no area column", p)
		}
	}
	sort.Strings(pages)
	if got := len(pages); got != 11+1+1+1+17+1+3+4 {
		t.Errorf("%d HTML pages, want 39 (11 tasks, home, 404, departments, 17 departments, years, 3 years, plan, data, its fields, search): %v", got, pages)
	}
	for p, data := range files {
		if strings.Contains(string(data), "areas/") {
			t.Errorf("%s mentions areas/, but there are no area pages", p)
		}
	}
	checkSite(t, r)
	if home := string(files["index.html"]); strings.Contains(home, "0项行动") || strings.Contains(home, "按行动") {
		t.Errorf("the home page speaks of areas the table does not have")
	}

	// The page's text: the markup that keeps dates whole is not in it.
	task := markup.ReplaceAllString(string(files["tasks/1-2/index.html"]), "")
	for _, s := range []string{"编制公共数据目录", "按照“一数一源”要求梳理公共数据资源", "2023年6月底前完成首批目录；2024—2025年动态更新", "各街道办事处"} {
		if !strings.Contains(task, s) {
			t.Errorf("tasks/1-2/ lacks %q", s)
		}
	}
	year := string(files["years/2025/index.html"])
	if !strings.Contains(year, "任务3.3") || strings.Contains(year, "任务1.1<") {
		t.Errorf("years/2025/ should list task 3.3 (长期坚持) and not 1.1 (2023年底前)")
	}

	sameSite(t, "the workbook", r.Files, generateDir(t, districtXLSX).Files)
}

// A table without a timeline column has no year pages, and nothing links
// to them.
func TestNoTimelineColumn(t *testing.T) {
	dir := foldertest.Copy(t, districtCSV)
	gb, err := os.ReadFile(filepath.Join(dir, "tasks.csv"))
	if err != nil {
		t.Fatal(err)
	}
	text, err := simplifiedchinese.GB18030.NewDecoder().String(string(gb))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(text), "\r\n") {
		cells := strings.Split(line, ",")
		out = append(out, strings.Join(cells[:len(cells)-1], ",")) // the last column, 完成时限, has no commas
	}
	if err := os.WriteFile(filepath.Join(dir, "tasks.csv"), []byte(strings.Join(out, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := generateDir(t, dir)
	for _, f := range r.Files {
		if strings.HasPrefix(f.Path, "years/") {
			t.Errorf("%s exists without a timeline column", f.Path)
		}
		if strings.Contains(string(f.Data), "years/") {
			t.Errorf("%s mentions years/", f.Path)
		}
	}
	checkSite(t, r)
	if n := len(r.Files); n < 30 {
		t.Errorf("only %d files", n)
	}
}
