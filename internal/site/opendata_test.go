package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/net/html"

	"plansite/internal/column"
	"plansite/internal/config"
	"plansite/internal/load"
	"plansite/internal/plan"
)

// tableRow is one row of a task table CSV, read with encoding/csv alone.
type tableRow struct {
	id, area, measures, timeline, lead, coop string
	cells                                    []string
}

func readTable(t *testing.T, data []byte) []tableRow {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	var out []tableRow
	for _, r := range recs[1:] {
		out = append(out, tableRow{id: r[col["序号"]], area: r[col["重点任务"]], measures: r[col["主要措施"]],
			timeline: r[col["时间节点"]], lead: r[col["牵头部门"]], coop: r[col["配合部门"]], cells: r})
	}
	return out
}

// loadModel reads the bundled content with the loader: the model the data
// files must give back.
func loadModel(t *testing.T) *plan.Plan {
	t.Helper()
	c, _, err := load.Site(os.DirFS("../../content"), "content")
	if err != nil {
		t.Fatal(err)
	}
	return c.Plan
}

// tableRows reads data with the loader as the tasks.csv of a folder named
// prefix in messages.
func tableRows(t *testing.T, prefix string, data []byte) []plan.Row {
	t.Helper()
	tables, err := load.ReadTables(fstest.MapFS{load.DefaultCSV: {Data: data}}, prefix, config.Config{Encoding: config.EncodingUTF8})
	if err != nil {
		t.Fatal(err)
	}
	return tables.Rows
}

// /data/tasks.csv is content/tasks.csv byte for byte behind a UTF-8 BOM,
// and reads back to the same rows.
func TestTableCSVIsTheTableWithBOM(t *testing.T) {
	b := bundled(t)
	orig, err := os.ReadFile("../../content/tasks.csv")
	if err != nil {
		t.Fatal(err)
	}
	got := b.file(t, "data/tasks.csv")
	if !bytes.HasPrefix(got, []byte{0xEF, 0xBB, 0xBF}) {
		t.Fatal("data/tasks.csv does not start with a UTF-8 BOM")
	}
	if !bytes.Equal(got[3:], bytes.TrimPrefix(orig, []byte("\ufeff"))) {
		t.Fatal("data/tasks.csv minus its BOM differs from content/tasks.csv")
	}
	a, o := tableRows(t, "data", got), tableRows(t, "content", orig)
	if len(a) != len(o) || len(a) != 23 {
		t.Fatalf("rows: %d published, %d in content, want 23", len(a), len(o))
	}
	for i := range a {
		if a[i].Cell(column.Measures).Text != o[i].Cell(column.Measures).Text || a[i].Cell(column.Timeline).Text != o[i].Cell(column.Timeline).Text || a[i].Cell(column.Lead).Text != o[i].Cell(column.Lead).Text || a[i].Cell(column.Coop).Text != o[i].Cell(column.Coop).Text {
			t.Errorf("row %d reads differently from the published file", i+1)
		}
	}
}

// The JSON as published, read back with types of the test's own, strictly.
type jsonPlan struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	Plan    struct {
		Title      string `json:"title"`
		ShortTitle string `json:"short_title"`
		Attachment string `json:"attachment"`
		Issuer     string `json:"issuer"`
		Date       string `json:"date"`
		Updated    string `json:"updated"`
		SourceURL  string `json:"source_url"`
		SourceName string `json:"source_name"`
		StartYear  int    `json:"start_year"`
		EndYear    int    `json:"end_year"`
		SiteURL    string `json:"site_url"`
		TableURL   string `json:"table_url"`
	} `json:"plan"`
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

type jsonTask struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Area      *int   `json:"area"`
	Title     string `json:"title"`
	Measures  string `json:"measures"`
	Sentences []struct {
		Anchor, URL, Text string
	} `json:"sentences"`
	Timeline   string `json:"timeline"`
	Milestones []struct {
		Kind               string
		From, To           int
		Start, End         string
		Day                *int
		Recurs             string
		Yearless           bool
		When, Text, Clause string
	} `json:"milestones"`
	LeadText  string   `json:"lead_text"`
	CoopText  string   `json:"coop_text"`
	Lead      []string `json:"lead"`
	Coop      []string `json:"coop"`
	LeadNote  string   `json:"lead_note"`
	CoopNote  string   `json:"coop_note"`
	UnitNotes []struct {
		Slug, Note string
	} `json:"unit_notes"`
	Items []struct {
		Measures      string `json:"measures"`
		Timeline      string `json:"timeline"`
		LeadText      string `json:"lead_text"`
		CoopText      string `json:"coop_text"`
		FirstSentence int    `json:"first_sentence"`
		OtherCells    []struct {
			Heading, Text string
		} `json:"other_cells"`
	} `json:"items"`
	OtherCells []struct {
		Heading, Text string
	} `json:"other_cells"`
}

func taskIDList(ts []*plan.Task) []string {
	out := []string{}
	for _, t := range ts {
		out = append(out, t.ID)
	}
	return out
}

func deptSlugs(ds []*plan.Department) []string {
	out := []string{}
	for _, d := range ds {
		out = append(out, d.Slug)
	}
	return out
}

func same(a, b []string) bool {
	return strings.Join(a, "\x00") == strings.Join(b, "\x00") && len(a) == len(b)
}

// plan.json gives back the model the site was built from: every area, task,
// sentence, milestone and department, with the text exactly as in the table.
func TestPlanJSONRoundTrip(t *testing.T) {
	b := bundled(t)
	p := loadModel(t)
	var d jsonPlan
	dec := json.NewDecoder(bytes.NewReader(b.file(t, "data/plan.json")))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		t.Fatal(err)
	}
	c := b.cfg
	if d.Plan.Title != c.Title || d.Plan.Issuer != c.Issuer || d.Plan.Date != c.Date || d.Plan.Attachment != c.Attachment {
		t.Errorf("plan meta %+v does not match site.toml", d.Plan)
	}
	if len(d.Areas) != len(p.Areas) || len(d.Tasks) != len(p.Tasks) || len(d.Departments) != len(p.Departments) {
		t.Fatalf("plan.json has %d areas, %d tasks, %d departments; the model %d, %d, %d",
			len(d.Areas), len(d.Tasks), len(d.Departments), len(p.Areas), len(p.Tasks), len(p.Departments))
	}
	if len(d.Tasks) != 23 || len(d.Areas) != 5 || len(d.Departments) != 17 {
		t.Errorf("want 23 tasks, 5 areas, 17 departments")
	}
	for i, a := range p.Areas {
		j := d.Areas[i]
		if j.Ordinal != a.Ordinal || j.Label != a.Label || j.Name != a.Name || !same(j.Tasks, taskIDList(a.Tasks)) || j.URL != c.BaseURL+"areas/"+strconv.Itoa(a.Ordinal)+"/" {
			t.Errorf("area %d: %+v", a.Ordinal, j)
		}
	}
	rows := readTable(t, b.file(t, "data/tasks.csv"))
	for i, task := range p.Tasks {
		j := d.Tasks[i]
		if j.ID != task.ID || j.URL != c.BaseURL+"tasks/"+task.Slug+"/" || j.Title != task.Title {
			t.Errorf("task %s: id/url/title %q %q %q", task.ID, j.ID, j.URL, j.Title)
		}
		// Against the table itself, not only the model.
		if r := rows[i]; j.Measures != r.measures || j.Timeline != r.timeline || j.LeadText != r.lead || j.CoopText != r.coop {
			t.Errorf("task %s: the text differs from the table", task.ID)
		}
		var joined strings.Builder
		if len(j.Sentences) != len(task.Sentences) {
			t.Errorf("task %s: %d sentences, want %d", task.ID, len(j.Sentences), len(task.Sentences))
		}
		for k, s := range j.Sentences {
			joined.WriteString(s.Text)
			anchor := "m" + strconv.Itoa(k+1)
			if s.Anchor != anchor || s.URL != j.URL+"#"+anchor || (k < len(task.Sentences) && s.Text != task.Sentences[k]) {
				t.Errorf("task %s sentence %d: %+v", task.ID, k+1, s)
			}
		}
		if joined.String() != j.Measures {
			t.Errorf("task %s: the sentences do not join back into 主要措施", task.ID)
		}
		if (task.Area == nil) != (j.Area == nil) || (j.Area != nil && *j.Area != task.Area.Ordinal) {
			t.Errorf("task %s: area %v", task.ID, j.Area)
		}
		if len(j.Milestones) != len(task.Milestones) {
			t.Errorf("task %s: %d milestones, want %d", task.ID, len(j.Milestones), len(task.Milestones))
		} else {
			for k, m := range task.Milestones {
				jm := j.Milestones[k]
				if jm.Kind != string(m.Kind) || jm.From != m.From || jm.To != m.To || jm.Start != m.Start.String() || jm.End != m.End.String() ||
					jm.When != m.When || jm.Text != m.Text || jm.Clause != m.Clause {
					t.Errorf("task %s milestone %d: %+v, want %+v", task.ID, k, jm, m)
				}
			}
		}
		if !same(j.Lead, deptSlugs(task.Lead)) || !same(j.Coop, deptSlugs(task.Coop)) || j.LeadNote != task.LeadNote || j.CoopNote != task.CoopNote {
			t.Errorf("task %s: departments %v %v %q %q", task.ID, j.Lead, j.Coop, j.LeadNote, j.CoopNote)
		}
		// The task's own JSON is the same object.
		var own jsonTask
		if err := json.Unmarshal(b.file(t, "tasks/"+task.Slug+"/index.json"), &own); err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(own)
		e, _ := json.Marshal(j)
		if !bytes.Equal(a, e) {
			t.Errorf("tasks/%s/index.json differs from its entry in plan.json", task.Slug)
		}
	}
	kinds := map[plan.Kind]string{plan.Municipal: "municipal", plan.District: "district", plan.Collective: "collective"}
	for i, dep := range p.Departments {
		j := d.Departments[i]
		if j.Slug != dep.Slug || j.Name != dep.Name || j.English != dep.English || !same(j.Aliases, append([]string{}, dep.Aliases...)) ||
			j.Kind != kinds[dep.Kind] || j.Listed != dep.Known || !same(j.Lead, taskIDList(dep.Lead)) || !same(j.Coop, taskIDList(dep.Coop)) ||
			j.URL != c.BaseURL+"departments/"+dep.Slug+"/" {
			t.Errorf("department %s: %+v", dep.Name, j)
		}
	}
	// The brief's own figure: the alias of the typo in task 7.
	for _, j := range d.Departments {
		if j.Name == "市规划和自然资源局" && !same(j.Aliases, []string{"市规划和自然局"}) {
			t.Errorf("市规划和自然资源局: aliases %v", j.Aliases)
		}
	}
	if len(d.Years) != len(p.Years) || d.Years[0] != 2020 || d.Years[len(d.Years)-1] != 2022 {
		t.Errorf("years %v", d.Years)
	}
}

// compileSchema compiles the published schema, asserting formats too.
func compileSchema(t *testing.T, schema []byte, ref string) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	if err != nil {
		t.Fatal(err)
	}
	const url = "https://plansite.test/data/plan.schema.json"
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url + ref)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validate(s *jsonschema.Schema, data []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return s.Validate(inst)
}

// plan.json validates against plan.schema.json (draft 2020-12), each task's
// JSON against its task definition, and the schema rejects what it should.
func TestPlanJSONValidatesAgainstSchema(t *testing.T) {
	b := bundled(t)
	schema := b.file(t, "data/plan.schema.json")
	if !bytes.Contains(schema, []byte(`"$schema":"https://json-schema.org/draft/2020-12/schema"`)) {
		t.Error("the schema does not declare draft 2020-12")
	}
	whole := compileSchema(t, schema, "")
	if err := validate(whole, b.file(t, "data/plan.json")); err != nil {
		t.Fatalf("plan.json: %v", err)
	}
	task := compileSchema(t, schema, "#/$defs/task")
	for _, p := range b.paths {
		if strings.HasPrefix(p, "tasks/") && strings.HasSuffix(p, "/index.json") {
			if err := validate(task, b.file(t, p)); err != nil {
				t.Errorf("%s: %v", p, err)
			}
		}
	}
	// The schema is strict: it must reject broken data.
	bad := map[string]func(string) string{
		"unknown field":       func(s string) string { return strings.Replace(s, `"format":`, `"extra":1,"format":`, 1) },
		"missing tasks":       func(s string) string { return strings.Replace(s, `"tasks":[`, `"tasks_":[`, 1) },
		"bad anchor":          func(s string) string { return strings.Replace(s, `"anchor":"m1"`, `"anchor":"x1"`, 1) },
		"bad department kind": func(s string) string { return strings.Replace(s, `"kind":"municipal"`, `"kind":"city"`, 1) },
		"bad date": func(s string) string {
			return strings.Replace(s, `"date":"2020-02-27"`, `"date":"2020年2月27日"`, 1)
		},
	}
	names := make([]string, 0, len(bad))
	for n := range bad {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		broken := bad[n](string(b.file(t, "data/plan.json")))
		if broken == string(b.file(t, "data/plan.json")) {
			t.Errorf("%s: the mutation did not apply", n)
			continue
		}
		if validate(whole, []byte(broken)) == nil {
			t.Errorf("%s: the schema accepts broken data", n)
		}
	}
}

// schemaFields collects every property name the schema defines.
func schemaFields(t *testing.T, schema []byte) []string {
	t.Helper()
	var root any
	if err := json.Unmarshal(schema, &root); err != nil {
		t.Fatal(err)
	}
	set := map[string]bool{}
	var rec func(any)
	rec = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if props, ok := v["properties"].(map[string]any); ok {
				for k := range props {
					set[k] = true
				}
			}
			for _, c := range v {
				rec(c)
			}
		case []any:
			for _, c := range v {
				rec(c)
			}
		}
	}
	rec(root)
	var out []string
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// The /data/ page explains every field of plan.json and every column of
// tasks.csv, and links every data file.
func TestDataPageExplainsEveryField(t *testing.T) {
	b := bundled(t)
	doc := b.doc(t, "data/index.html")
	documented := map[string]bool{}
	for _, tr := range elements(doc, "tr") {
		ths := elements(tr, "th")
		tds := elements(tr, "td")
		if len(ths) == 1 && len(tds) > 0 && strings.TrimSpace(fullText(tds[len(tds)-1])) != "" {
			documented[strings.TrimSpace(fullText(ths[0]))] = true
		}
	}
	fields := schemaFields(t, b.file(t, "data/plan.schema.json"))
	if len(fields) < 30 {
		t.Fatalf("only %d fields in the schema", len(fields))
	}
	for _, f := range fields {
		if !documented[f] {
			t.Errorf("the /data/ page does not explain the field %q", f)
		}
	}
	for _, col := range []string{"序号", "重点任务", "主要措施", "时间节点", "牵头部门", "配合部门"} {
		if !documented[col] {
			t.Errorf("the /data/ page does not explain the column %s", col)
		}
	}
	linked := map[string]bool{}
	for _, a := range elements(doc, "a") {
		href, _ := attr(a, "href")
		if target, _, ok := resolve("data/index.html", href); ok {
			if _, exists := b.files[target]; !exists {
				t.Errorf("/data/ links %s, which does not exist", href)
			}
			linked[target] = true
		}
	}
	for _, f := range []string{"data/tasks.csv", "data/plan.json", "data/plan.schema.json", "feed.xml", "tasks/1/index.json"} {
		if !linked[f] {
			t.Errorf("/data/ does not link %s", f)
		}
	}
}

// /plan/ is the whole table in the original's order and columns, every cell
// exactly as in the table, the merged 重点任务 cell spanning its rows.
func TestPlanPageIsTheTable(t *testing.T) {
	b := bundled(t)
	doc := b.doc(t, "plan/index.html")
	tables := elements(doc, "table")
	if len(tables) != 1 {
		t.Fatalf("%d tables on /plan/", len(tables))
	}
	var head []string
	for _, th := range elements(elements(tables[0], "thead")[0], "th") {
		head = append(head, fullText(th))
	}
	if want := []string{"序号", "重点任务", "主要措施", "时间节点", "牵头部门", "配合部门"}; !same(head, want) {
		t.Errorf("columns %v, want %v", head, want)
	}
	rows := readTable(t, b.file(t, "data/tasks.csv"))
	trs := elements(elements(tables[0], "tbody")[0], "tr")
	if len(trs) != len(rows) {
		t.Fatalf("%d rows, want %d", len(trs), len(rows))
	}
	span := 0
	lastArea := ""
	for i, tr := range trs {
		r := rows[i]
		if id, _ := attr(tr, "id"); id != "task-"+r.id {
			t.Errorf("row %d: id %q, want task-%s", i+1, id, r.id)
		}
		var cells []string
		var area string
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || (c.Data != "td" && c.Data != "th") {
				continue
			}
			if hasClass(c, "plan-area") {
				area = fullText(c)
				n, _ := attr(c, "rowspan")
				span, _ = strconv.Atoi(n)
				lastArea = area
				continue
			}
			cells = append(cells, fullText(c))
		}
		if area == "" {
			span--
			area = lastArea
			if span <= 0 {
				t.Errorf("row %d: no 重点任务 cell covers it", i+1)
			}
		}
		if r.area != "" && area != r.area {
			t.Errorf("row %d: 重点任务 %q, want %q", i+1, area, r.area)
		}
		if want := []string{r.id, r.measures, r.timeline, r.lead, r.coop}; !same(cells, want) {
			t.Errorf("row %d: cells %q, want %q", i+1, cells, want)
		}
	}
}
