package opendata

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"plansite/internal/column"
	"plansite/internal/config"
	"plansite/internal/load"
	"plansite/internal/plan"
	"plansite/internal/progress"
	"plansite/internal/sitepath"
)

// kindCodes is what the JSON calls each kind of department, written out
// here rather than taken from the code under test.
var kindCodes = map[plan.DeptKind]string{plan.Municipal: "municipal", plan.District: "district",
	plan.Government: "government", plan.Collective: "collective", plan.Other: "other"}

// sites are the content folders the round trip is checked on.
func sites(t *testing.T) map[string]struct {
	fsys fstest.MapFS
	c    *load.Content
} {
	t.Helper()
	out := map[string]struct {
		fsys fstest.MapFS
		c    *load.Content
	}{}
	for name, f := range map[string]func() (fstest.MapFS, *load.Content){
		"small":               func() (fstest.MapFS, *load.Content) { return content(t, false) },
		"small with progress": func() (fstest.MapFS, *load.Content) { return content(t, true) },
		"bundled":             func() (fstest.MapFS, *load.Content) { return bundled(t) },
	} {
		fsys, c := f()
		out[name] = struct {
			fsys fstest.MapFS
			c    *load.Content
		}{fsys, c}
	}
	return out
}

func decodePlan(t *testing.T, data []byte) jsonPlan {
	t.Helper()
	var d jsonPlan
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("plan.json: %v", err)
	}
	return d
}

// plan.json gives back the model it was made from, every text exactly as
// in the table (read here with encoding/csv), and each task's own JSON is
// its entry of plan.json.
func TestPlanJSONRoundTrip(t *testing.T) {
	for name, site := range sites(t) {
		t.Run(name, func(t *testing.T) {
			s, p := siteOf(site.c), site.c.Plan
			d := decodePlan(t, fileOf(t, s, sitepath.PlanJSON))
			if d.Format != DataFormat || d.Version != DataVersion || d.Plan["title"] != site.c.Config.Title ||
				d.Plan["issuer"] != site.c.Config.Issuer || d.Plan["number"] != site.c.Config.Number || d.Plan["site_url"] != testBase || d.Plan["table_url"] != testBase+sitepath.TableCSV {
				t.Errorf("format %q version %d plan %v", d.Format, d.Version, d.Plan)
			}
			if len(d.Areas) != len(p.Areas) || len(d.Tasks) != len(p.Tasks) || len(d.Departments) != len(p.Departments) || len(p.Tasks) == 0 {
				t.Fatalf("plan.json has %d areas, %d tasks, %d departments; the model %d, %d, %d",
					len(d.Areas), len(d.Tasks), len(d.Departments), len(p.Areas), len(p.Tasks), len(p.Departments))
			}
			for i, a := range p.Areas {
				j := d.Areas[i]
				if j.Ordinal != a.Ordinal || j.Label != a.Label || j.Name != a.Name || strings.Join(j.Tasks, " ") != ids(a.Tasks) || j.URL != testBase+sitepath.Area(a) {
					t.Errorf("area %d: %+v", a.Ordinal, j)
				}
			}
			checkTasks(t, s, p, d, site.fsys)
			// The columns are the table's heading as written, each with the
			// key of the standard column of that name, if any.
			header, _ := readRecords(t, site.fsys["tasks.csv"].Data)
			keyOf := map[string]string{}
			for _, k := range column.Task.Keys() {
				keyOf[column.Task.Name(k)] = k
			}
			if len(d.Columns) != len(header) {
				t.Errorf("%d columns, the table %d", len(d.Columns), len(header))
			}
			for i := range min(len(d.Columns), len(header)) {
				if c := d.Columns[i]; c.Heading != header[i] || c.Group != "" || c.Key != keyOf[header[i]] {
					t.Errorf("column %d: %+v, want %q read as %q", i+1, c, header[i], keyOf[header[i]])
				}
			}
			for i, dep := range p.Departments {
				j := d.Departments[i]
				if j.Slug != dep.Slug || j.Name != dep.Name || j.English != dep.English || strings.Join(j.Aliases, "|") != strings.Join(dep.Aliases, "|") ||
					j.Kind != kindCodes[dep.Kind] || j.Listed != dep.Known || strings.Join(j.Lead, " ") != ids(dep.Lead) ||
					strings.Join(j.Coop, " ") != ids(dep.Coop) || j.URL != testBase+sitepath.Dept(dep) {
					t.Errorf("department %s: %+v", dep.Name, j)
				}
			}
			if fmt.Sprint(d.Years) != fmt.Sprint(p.Years) {
				t.Errorf("years %v, want %v", d.Years, p.Years)
			}
			if (d.Statuses != nil) != (site.c.Progress != nil) {
				t.Errorf("statuses %v with progress %v", d.Statuses, site.c.Progress != nil)
			}
		})
	}
}

// checkTasks compares each task of plan.json with the model and with the
// table's own rows: a row with a 序号 is a task, the rows below it without
// one are its sub-items.
func checkTasks(t *testing.T, s Input, p *plan.Plan, d jsonPlan, fsys fstest.MapFS) {
	t.Helper()
	_, recs := readRecords(t, fsys["tasks.csv"].Data)
	var rows [][]tableRecord // per task: its row, then its sub-items'
	for _, r := range recs {
		if r["序号"] != "" || len(rows) == 0 {
			rows = append(rows, nil)
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], r)
	}
	if len(rows) != len(p.Tasks) {
		t.Fatalf("the table has %d tasks, the model %d", len(rows), len(p.Tasks))
	}
	for i, task := range p.Tasks {
		j, own := d.Tasks[i], rows[i][0]
		url := testBase + sitepath.Task(task)
		if j.ID != own["序号"] || j.ID != task.ID || j.URL != url || j.Title != task.Title {
			t.Errorf("task %s: id/url/title %q %q %q", task.ID, j.ID, j.URL, j.Title)
		}
		if j.Measures != own["主要措施"] || j.Timeline != own["时间节点"] || j.LeadText != own["牵头部门"] || j.CoopText != own["配合部门"] {
			t.Errorf("task %s: the text differs from the table's row", task.ID)
		}
		var joined strings.Builder
		for k, sen := range j.Sentences {
			joined.WriteString(sen.Text)
			anchor := "m" + strconv.Itoa(k+1)
			if sen.Anchor != anchor || sen.URL != url+"#"+anchor || k >= len(task.Sentences) || sen.Text != task.Sentences[k] {
				t.Errorf("task %s sentence %d: %+v", task.ID, k+1, sen)
			}
		}
		var measures strings.Builder
		for _, r := range rows[i] {
			measures.WriteString(r["主要措施"])
		}
		if joined.String() != measures.String() || len(j.Sentences) != len(task.Sentences) {
			t.Errorf("task %s: the sentences do not join back into 主要措施 and its sub-items'", task.ID)
		}
		if (task.Area == nil) != (j.Area == nil) || j.Area != nil && *j.Area != task.Area.Ordinal {
			t.Errorf("task %s: area %v", task.ID, j.Area)
		}
		if len(j.Milestones) != len(task.Milestones) {
			t.Errorf("task %s: %d milestones, want %d", task.ID, len(j.Milestones), len(task.Milestones))
		}
		for k, m := range task.Milestones {
			if k >= len(j.Milestones) {
				break
			}
			jm := j.Milestones[k]
			dated := jm.From != nil && jm.To != nil && jm.Start != nil && jm.End != nil
			if jm.Kind != string(m.DateKind) || dated != m.Dated() || jm.When != m.When || jm.Text != m.Text || jm.Clause != m.Clause ||
				dated && (*jm.From != m.From || *jm.To != m.To || *jm.Start != m.Start.String() || *jm.End != m.End.String()) {
				t.Errorf("task %s milestone %d: %+v, want %+v", task.ID, k, jm, m)
			}
		}
		if strings.Join(j.Lead, " ") != deptSlugs(task.Lead) || strings.Join(j.Coop, " ") != deptSlugs(task.Coop) || j.LeadNote != task.LeadNote || j.CoopNote != task.CoopNote {
			t.Errorf("task %s: departments %v %v %q %q", task.ID, j.Lead, j.Coop, j.LeadNote, j.CoopNote)
		}
		if len(j.UnitNotes) != len(task.UnitNotes) {
			t.Errorf("task %s: %d unit notes, want %d", task.ID, len(j.UnitNotes), len(task.UnitNotes))
		}
		for k, n := range task.UnitNotes {
			if k < len(j.UnitNotes) && (j.UnitNotes[k].Slug != n.Dept.Slug || j.UnitNotes[k].Note != n.Note) {
				t.Errorf("task %s: unit note %+v, want %s %s", task.ID, j.UnitNotes[k], n.Dept.Slug, n.Note)
			}
		}
		// The sub-items and the cells of other columns, as in the table.
		otherCells := func(r tableRecord) string {
			var out []string
			for _, c := range p.Columns {
				if c.Std == "" {
					out = append(out, c.Heading+"="+r[c.Heading])
				}
			}
			return strings.Join(out, ";")
		}
		cellsOf := func(cs []jsonCell) string {
			var out []string
			for _, c := range cs {
				out = append(out, c.Heading+"="+c.Text)
			}
			return strings.Join(out, ";")
		}
		if cellsOf(j.OtherCells) != otherCells(own) {
			t.Errorf("task %s: other cells %v, want %s", task.ID, j.OtherCells, otherCells(own))
		}
		if len(j.Items) != len(rows[i])-1 {
			t.Errorf("task %s: %d sub-items, the table %d", task.ID, len(j.Items), len(rows[i])-1)
		}
		for k, it := range j.Items {
			if k+1 >= len(rows[i]) {
				break
			}
			r := rows[i][k+1]
			if it.Measures != r["主要措施"] || it.Timeline != r["时间节点"] || it.LeadText != r["牵头部门"] || it.CoopText != r["配合部门"] ||
				cellsOf(it.OtherCells) != otherCells(r) || it.FirstSentence >= len(j.Sentences) || j.Sentences[it.FirstSentence].Text == "" ||
				!strings.HasPrefix(it.Measures, j.Sentences[it.FirstSentence].Text) {
				t.Errorf("task %s sub-item %d: %+v", task.ID, k+1, it)
			}
		}
		// The task's own file is the same object.
		own1, err := TaskProgressJSON(s, task)
		if err != nil {
			t.Fatal(err)
		}
		entry, _ := json.Marshal(j)
		var mine jsonTask
		if err := json.Unmarshal(own1, &mine); err != nil {
			t.Fatal(err)
		}
		if again, _ := json.Marshal(mine); !bytes.Equal(again, entry) {
			t.Errorf("task %s: its own JSON differs from its entry in plan.json", task.ID)
		}
	}
}

// With a progress file each task says its status, deadline, whether it is
// overdue and its updates, in file order with their anchors; without one
// these fields are left out.
func TestTaskProgress(t *testing.T) {
	fsys, c := content(t, true)
	s := siteOf(c)
	d := decodePlan(t, fileOf(t, s, sitepath.PlanJSON))
	var statuses []string
	for _, st := range d.Statuses {
		statuses = append(statuses, fmt.Sprintf("%s:%v", st.Name, st.Done))
	}
	var want []string
	for _, st := range c.Progress.Statuses {
		want = append(want, fmt.Sprintf("%s:%v", st.Name, st.Done))
	}
	if strings.Join(statuses, " ") != strings.Join(want, " ") || len(want) == 0 {
		t.Errorf("statuses %v, want %v", statuses, want)
	}
	_, recs := readRecords(t, fsys["progress.csv"].Data)
	for i, task := range c.Plan.Tasks {
		j := d.Tasks[i]
		cur := ""
		if st := c.Progress.Current(task); st != nil {
			cur = st.Name
		}
		deadline := "null" // the rule is progress's, tested there
		if dl, ok := progress.Deadline(task); ok {
			deadline = dl.String()
		}
		got := "null"
		if j.Deadline != nil {
			got = *j.Deadline
		}
		if j.Status == nil || *j.Status != cur || got != deadline || j.Overdue == nil || *j.Overdue != c.Progress.Overdue(task) {
			t.Errorf("task %s: status %v deadline %s overdue %v; want %q %s %v", task.ID, j.Status, got, j.Overdue, cur, deadline, c.Progress.Overdue(task))
		}
		var rows []tableRecord
		for _, r := range recs {
			if r["序号"] == task.ID {
				rows = append(rows, r)
			}
		}
		if j.Progress == nil || len(j.Progress) != len(rows) {
			t.Fatalf("task %s: %d updates, the file %d", task.ID, len(j.Progress), len(rows))
		}
		for k, u := range j.Progress {
			r, anchor := rows[k], "p"+strconv.Itoa(k+1)
			if u.Anchor != anchor || u.URL != testBase+sitepath.Task(task)+"#"+anchor || u.Date != r["日期"] || u.Status != r["状态"] || u.Text != r["进展"] || u.Source != r["来源"] {
				t.Errorf("task %s update %d: %+v, want %v", task.ID, k+1, u, r)
			}
		}
	}
	// Task 3 has passed its deadline undone; task 1 is done.
	if !*d.Tasks[2].Overdue || *d.Tasks[0].Overdue {
		t.Errorf("overdue: task 1 %v, task 3 %v", *d.Tasks[0].Overdue, *d.Tasks[2].Overdue)
	}

	_, plain := content(t, false)
	raw := fileOf(t, siteOf(plain), sitepath.PlanJSON)
	for _, key := range []string{`"statuses"`, `"status"`, `"deadline"`, `"overdue"`, `"progress"`} {
		if bytes.Contains(raw, []byte(key+":")) {
			t.Errorf("plan.json of a site without progress has %s", key)
		}
	}
}

// /data/tasks.csv is the table as read behind a UTF-8 byte order mark, and
// reads back to the same rows, every cell of every column; /data/progress.csv
// likewise the progress file.
func TestTableCSVRoundTrip(t *testing.T) {
	for name, site := range sites(t) {
		t.Run(name, func(t *testing.T) {
			s := siteOf(site.c)
			got := fileOf(t, s, sitepath.TableCSV)
			body, ok := bytes.CutPrefix(got, []byte("\ufeff"))
			if !ok {
				t.Fatal("data/tasks.csv does not start with a UTF-8 byte order mark")
			}
			var table bytes.Buffer
			if err := site.c.WriteTable(&table); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(body, table.Bytes()) {
				t.Error("data/tasks.csv is not the table as written by load")
			}
			// Every cell of the content's table, by heading.
			_, want := readRecords(t, site.fsys["tasks.csv"].Data)
			_, back := readRecords(t, got)
			if fmt.Sprint(back) != fmt.Sprint(want) {
				t.Errorf("data/tasks.csv reads as\n%v\nwant\n%v", back, want)
			}
			tables, err := load.ReadTables(fstest.MapFS{load.DefaultCSV: {Data: got}}, "data", config.Config{Encoding: config.EncodingAuto})
			if err != nil {
				t.Fatalf("the loader refuses data/tasks.csv: %v", err)
			}
			if len(tables.Rows) != len(site.c.Rows) {
				t.Fatalf("%d rows read back, %d read", len(tables.Rows), len(site.c.Rows))
			}
			for i, r := range tables.Rows {
				a, b := r.Cells(site.c.Plan.Columns), site.c.Rows[i].Cells(site.c.Plan.Columns)
				for k := range b {
					if k >= len(a) || a[k].Text != b[k].Text {
						t.Errorf("row %d, column %d reads back differently", i+1, k+1)
					}
				}
			}
			paths := map[string]bool{}
			for _, f := range Files(s) {
				paths[f.Path] = true
			}
			if paths[sitepath.ProgressCSV] != (site.c.Progress != nil) {
				t.Errorf("data/progress.csv published: %v, with progress: %v", paths[sitepath.ProgressCSV], site.c.Progress != nil)
			}
			if site.c.Progress != nil {
				data := fileOf(t, s, sitepath.ProgressCSV)
				_, back := readRecords(t, data)
				_, want := readRecords(t, site.fsys["progress.csv"].Data)
				if !bytes.HasPrefix(data, []byte("\ufeff")) || fmt.Sprint(back) != fmt.Sprint(want) {
					t.Errorf("data/progress.csv reads as %v, want %v behind a byte order mark", back, want)
				}
			}
		})
	}
	if err := writeTableCSV(&bytes.Buffer{}, Input{}); err == nil || !strings.Contains(err.Error(), sitepath.TableCSV) {
		t.Errorf("a site without a table: %v", err)
	}
}

// A heading of two rows gives each column its lower row's heading and
// the upper row's over it, as the table draws them, and each cell of a
// column plansite does not read its column's two headings.
func TestColumnsOfTwoRowHeading(t *testing.T) {
	const table = "序号,主要措施,责任,,,完成时限\n序号,主要措施,牵头单位,配合单位,责任领导,完成时限\n1,建平台。,区政数局,各街道,张三,2024年\n"
	c, _, err := load.Read(fstest.MapFS{
		"tasks.csv": {Data: []byte(table)},
		"site.toml": {Data: []byte("title = \"某区数字政府建设工作方案\"\n")},
	}, "content")
	if err != nil {
		t.Fatal(err)
	}
	d := decodePlan(t, fileOf(t, siteOf(c), sitepath.PlanJSON))
	var got []string
	for _, col := range d.Columns {
		got = append(got, col.Group+"/"+col.Heading+"="+col.Key)
	}
	want := []string{"/序号=id", "/主要措施=measures", "责任/牵头单位=lead", "责任/配合单位=coop", "责任/责任领导=", "/完成时限=timeline"}
	if !slices.Equal(got, want) {
		t.Errorf("columns %q, want %q", got, want)
	}
	if cells := d.Tasks[0].OtherCells; len(cells) != 1 || cells[0] != (jsonCell{Heading: "责任领导", Group: "责任", Text: "张三"}) {
		t.Errorf("other cells %+v", cells)
	}
}
