package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"

	"plansite/internal/column"
	"plansite/internal/config"
	"plansite/internal/load"
	"plansite/internal/opendata"
	"plansite/internal/plan"
	"plansite/internal/sitepath"
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
	c, _, err := load.Read(os.DirFS("../../content"), "content")
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

func same(a, b []string) bool {
	return strings.Join(a, "\x00") == strings.Join(b, "\x00") && len(a) == len(b)
}

// sameOpenData checks that the open data of a built site (the schema
// aside, which the build minifies) is what internal/opendata makes of its
// content at its base URL, byte for byte: what those files hold is that
// package's tests' to check.
func sameOpenData(t *testing.T, b *builtSite) {
	t.Helper()
	c, _, err := load.Read(b.content, "content")
	if err != nil {
		t.Fatal(err)
	}
	base, _, err := config.BaseURL(b.cfg.BaseURL)
	if err != nil {
		t.Fatal(err)
	}
	s := opendata.Input{Plan: c.Plan, Config: c.Config, BaseURL: base, Table: c.WriteTable}
	if c.Progress != nil {
		s.Progress = c.Progress
		s.ProgressTable = func(w io.Writer) error { return load.WriteProgressCSV(w, c.ProgressRows) }
	}
	want := map[string][]byte{}
	for _, f := range opendata.Files(s) {
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		want[f.Path] = buf.Bytes()
	}
	for _, task := range c.Plan.Tasks {
		data, err := opendata.TaskProgressJSON(s, task)
		if err != nil {
			t.Fatal(err)
		}
		want[sitepath.TaskJSON(task)] = data
	}
	for p, data := range want {
		if !bytes.Equal(b.file(t, p), data) {
			t.Errorf("%s is not what internal/opendata makes of the content", p)
		}
	}
}

// The open data files of the bundled site are opendata's.
func TestOpenDataIsTheContents(t *testing.T) {
	sameOpenData(t, bundled(t))
}

// schemaFields collects every property name the schema defines.
// jsonKeys are the keys of the objects of a JSON document, at any depth.
func jsonKeys(t *testing.T, data []byte) map[string]bool {
	t.Helper()
	var root any
	if err := json.Unmarshal(data, &root); err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	var rec func(any)
	rec = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, c := range v {
				keys[k] = true
				rec(c)
			}
		case []any:
			for _, c := range v {
				rec(c)
			}
		}
	}
	rec(root)
	return keys
}

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

// The /data/ page links every data file, and its field reference,
// /data/fields/, explains every field of plan.json and every column of
// tasks.csv.
func TestDataPageExplainsEveryField(t *testing.T) {
	b := bundled(t)
	doc := b.doc(t, "data/index.html")
	documented := map[string]bool{}
	for _, tr := range elements(b.doc(t, "data/fields/index.html"), "tr") {
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
	// The fields this site's plan.json has; a site without progress has
	// not those of progress, which its page leaves out.
	has := jsonKeys(t, b.file(t, "data/plan.json"))
	for _, f := range fields {
		if has[f] && !documented[f] {
			t.Errorf("the /data/ page does not explain the field %q", f)
		}
	}
	for _, f := range []string{"statuses", "status", "deadline", "overdue", "progress"} {
		if has[f] || documented[f] {
			t.Errorf("the site has no progress, but plan.json has %q (%v) or /data/ explains it (%v)", f, has[f], documented[f])
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
	for _, f := range []string{"data/tasks.csv", "data/plan.json", "data/plan.schema.json", "feed.xml", "tasks/1/index.json", "data/fields/index.html"} {
		if !linked[f] {
			t.Errorf("/data/ does not link %s", f)
		}
	}
}

// /plan/ is the whole table in the original's order and columns, every cell
// exactly as in the table, the merged 重点任务 cell spanning its rows; each
// group's rows are a table of their own under the group's heading.
func TestPlanPageIsTheTable(t *testing.T) {
	b := bundled(t)
	doc := b.doc(t, "plan/index.html")
	tables := elements(doc, "table")
	if len(tables) != 5 {
		t.Fatalf("%d tables on /plan/, want one for each of the 5 groups", len(tables))
	}
	var trs []*html.Node
	for _, table := range tables {
		var head []string
		for _, th := range elements(elements(table, "thead")[0], "th") {
			head = append(head, fullText(th))
		}
		if want := []string{"序号", "重点任务", "主要措施", "时间节点", "牵头部门", "配合部门"}; !same(head, want) {
			t.Errorf("columns %v, want %v", head, want)
		}
		trs = append(trs, elements(elements(table, "tbody")[0], "tr")...)
	}
	rows := readTable(t, b.file(t, "data/tasks.csv"))
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
