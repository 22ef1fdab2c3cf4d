package opendata

import (
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"plansite/internal/foldertest"
	"plansite/internal/load"
	"plansite/internal/plan"
)

// smallPlan is a content folder made by hand for these tests: two areas, a
// task with a sub-item, a column plansite does not read (备注), quotes,
// commas and a line break in cells, a cell that starts like a formula, a
// clause whose date cannot be read, a unit named by its alias, a unit's
// note in brackets, a closing 按职能推进, units of every kind, three not
// listed in departments.csv, and a progress file.
const smallPlan = `
-- site.toml --
title = "测试市数据开放行动计划（2020—2022年）"
short_title = "数据开放行动计划"
attachment = "附件 任务分工表"
issuer = "测试市人民政府办公厅"
number = "测府办〔2020〕7号"
date = "2020-03-01"
updated = "2023-01-15"
source_url = "https://example.gov.cn/plan.html"
source_name = "测试市人民政府网"
base_url = "https://example.org/ignored/"
-- departments.csv --
名称,slug,英文名称,别名,类别
市科技局,science,Science Bureau,,市直部门
市工业和信息化局,industry,,,市直部门
市规划和自然资源局,planning,,市规划和自然局|市规划局,市直部门
各区政府,districts,,,统称
-- tasks.csv --
序号,重点任务,主要措施,时间节点,牵头部门,配合部门,备注
1,（一）基础创新提升行动,"建设平台，""重点""推进。强化联动！",2020-2021年，建成平台；2022年持续推进,市科技局,各区政府、市规划和自然局,首批
,,子项措施。,2021年底前,市科技局,,子项备注
2,,=HYPERLINK(1)。,尽快完成,市工业和信息化局按职能推进,市科技局（牵头）,
3,（二）产业培育发展行动,"多行
措施。",2022年,各区政府,测试县人民政府、测试区政府、测试大学,
-- progress.csv --
序号,日期,状态,进展,来源
1,2021-03-01,推进中,开工。,https://example.org/a
1,2021-06,已完成,完成。,示例文件（示〔2021〕1号）
2,2021-01-01,滞后,"延期，""原因""。",
`

const testBase = "https://example.org/plan/"

// content is smallPlan, loaded, without its progress file when progress is
// false.
func content(t *testing.T, progress bool) (fstest.MapFS, *load.Content) {
	t.Helper()
	fsys := foldertest.Txtar(t, smallPlan)
	if !progress {
		delete(fsys, "progress.csv")
	}
	c, _, err := load.Read(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	return fsys, c
}

// siteOf is the open data's view of a loaded content folder.
func siteOf(c *load.Content) Input {
	s := Input{Plan: c.Plan, Config: c.Config, BaseURL: testBase, Table: c.WriteTable}
	if c.Progress != nil {
		s.Progress = c.Progress
		s.ProgressTable = func(w io.Writer) error { return load.WriteProgressCSV(w, c.ProgressRows) }
	}
	return s
}

// bundled is the repository's own content, loaded.
func bundled(t *testing.T) (fstest.MapFS, *load.Content) {
	t.Helper()
	fsys := foldertest.Read(t, "../../content")
	c, _, err := load.Read(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	return fsys, c
}

// fileOf writes one of the site-wide files.
func fileOf(t *testing.T, s Input, path string) []byte {
	t.Helper()
	for _, f := range Files(s) {
		if f.Path == path {
			var b bytes.Buffer
			if err := f.Write(&b); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			return b.Bytes()
		}
	}
	t.Fatalf("no file %s", path)
	return nil
}

// tableRecord is a row of a task table as encoding/csv alone reads it, by
// heading: the test's own reading, not the loader's.
type tableRecord map[string]string

func readRecords(t *testing.T, data []byte) (header []string, recs []tableRecord) {
	t.Helper()
	all, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range all[1:] {
		rec := tableRecord{}
		for i, h := range all[0] {
			rec[h] = r[i]
		}
		recs = append(recs, rec)
	}
	return all[0], recs
}

// The JSON as published, read back with types of the test's own; decoding
// refuses any field they lack.
type jsonPlan struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	Plan    map[string]any
	Columns []struct {
		Heading string `json:"heading"`
		Group   string `json:"group"`
		Key     string `json:"key"`
	} `json:"columns"`
	Statuses []struct {
		Name string `json:"name"`
		Done bool   `json:"done"`
	} `json:"statuses"`
	Areas []struct {
		Ordinal int      `json:"ordinal"`
		Label   string   `json:"label"`
		Name    string   `json:"name"`
		URL     string   `json:"url"`
		Tasks   []string `json:"tasks"`
	} `json:"areas"`
	Tasks       []jsonTask `json:"tasks"`
	Departments []struct {
		Slug    string   `json:"slug"`
		Name    string   `json:"name"`
		English string   `json:"english"`
		Aliases []string `json:"aliases"`
		Kind    string   `json:"kind"`
		Listed  bool     `json:"listed"`
		URL     string   `json:"url"`
		Lead    []string `json:"lead"`
		Coop    []string `json:"coop"`
	} `json:"departments"`
	Years []int `json:"years"`
}

type jsonCell struct {
	Heading string `json:"heading"`
	Group   string `json:"group"`
	Text    string `json:"text"`
}

type jsonTask struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Area      *int   `json:"area"`
	Title     string `json:"title"`
	Measures  string `json:"measures"`
	Sentences []struct {
		Anchor string `json:"anchor"`
		URL    string `json:"url"`
		Text   string `json:"text"`
	} `json:"sentences"`
	Timeline   string `json:"timeline"`
	Milestones []struct {
		Kind     string  `json:"kind"`
		From     *int    `json:"from"`
		To       *int    `json:"to"`
		Start    *string `json:"start"`
		End      *string `json:"end"`
		Day      *int    `json:"day"`
		Recurs   string  `json:"recurs"`
		Yearless bool    `json:"yearless"`
		When     string  `json:"when"`
		Text     string  `json:"text"`
		Clause   string  `json:"clause"`
	} `json:"milestones"`
	LeadText  string   `json:"lead_text"`
	CoopText  string   `json:"coop_text"`
	Lead      []string `json:"lead"`
	Coop      []string `json:"coop"`
	LeadNote  string   `json:"lead_note"`
	CoopNote  string   `json:"coop_note"`
	UnitNotes []struct {
		Slug string `json:"slug"`
		Note string `json:"note"`
	} `json:"unit_notes"`
	Items []struct {
		Measures      string     `json:"measures"`
		Timeline      string     `json:"timeline"`
		LeadText      string     `json:"lead_text"`
		CoopText      string     `json:"coop_text"`
		FirstSentence int        `json:"first_sentence"`
		OtherCells    []jsonCell `json:"other_cells"`
	} `json:"items"`
	OtherCells []jsonCell `json:"other_cells"`
	// With a progress file only.
	Status   *string `json:"status"`
	Deadline *string `json:"deadline"`
	Overdue  *bool   `json:"overdue"`
	Progress []struct {
		Anchor string `json:"anchor"`
		URL    string `json:"url"`
		Date   string `json:"date"`
		Status string `json:"status"`
		Text   string `json:"text"`
		Source string `json:"source"`
	} `json:"progress"`
}

func ids(ts []*plan.Task) string {
	var out []string
	for _, t := range ts {
		out = append(out, t.ID)
	}
	return strings.Join(out, " ")
}

func deptSlugs(ds []*plan.Department) string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Slug)
	}
	return strings.Join(out, " ")
}

// readFile reads a file of the repository.
func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
