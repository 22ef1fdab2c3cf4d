package load

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/gocarina/gocsv"

	"plansite/internal/config"
	"plansite/internal/plan"
)

// cell is a field of a record: its text, which gocsv sets, and where it
// stands in its file, which records sets.
type cell plan.Cell

// UnmarshalCSV lets gocsv set the text.
func (c *cell) UnmarshalCSV(s string) error {
	c.Text = s
	return nil
}

// taskRecord is one row of the task table. Its tags are the standard
// column names, which the header's own names are resolved to first;
// taskColumns lists the same columns with everything else about them.
type taskRecord struct {
	ID       cell `csv:"序号"`
	Area     cell `csv:"重点任务"`
	Title    cell `csv:"标题"`
	Measures cell `csv:"主要措施"`
	Timeline cell `csv:"时间节点"`
	Lead     cell `csv:"牵头部门"`
	Coop     cell `csv:"配合部门"`
}

func (r *taskRecord) row() plan.Row {
	return plan.Row{ID: plan.Cell(r.ID), Area: plan.Cell(r.Area), Title: plan.Cell(r.Title), Measures: plan.Cell(r.Measures),
		Timeline: plan.Cell(r.Timeline), Lead: plan.Cell(r.Lead), Coop: plan.Cell(r.Coop)}
}

func recordOf(r plan.Row) taskRecord {
	return taskRecord{ID: cell(r.ID), Area: cell(r.Area), Title: cell(r.Title), Measures: cell(r.Measures),
		Timeline: cell(r.Timeline), Lead: cell(r.Lead), Coop: cell(r.Coop)}
}

// departmentRecord is one row of departments.csv.
type departmentRecord struct {
	Name    cell `csv:"名称"`
	Slug    cell `csv:"slug"`
	English cell `csv:"英文名称"`
	Aliases cell `csv:"别名"`
	Kind    cell `csv:"类别"`
}

// column describes a column of a table whose rows are records R.
type column[R any] struct {
	name     string // the standard name, the tag of its field of R
	required bool
	// The names other plans' tables give it, and the site.toml setting
	// of [columns] that names it: task table only.
	synonyms []string
	setting  func(config.Columns) string
	field    func(*R) *cell
}

// taskColumns are the columns of the task table, in the standard order: the
// order messages list them in and /data/tasks.csv writes them in.
var taskColumns = []column[taskRecord]{
	{name: "序号", required: true, synonyms: []string{"编号", "任务编号"},
		setting: func(c config.Columns) string { return c.ID }, field: func(r *taskRecord) *cell { return &r.ID }},
	{name: "重点任务", synonyms: []string{"重点领域", "行动", "专项行动"},
		setting: func(c config.Columns) string { return c.Area }, field: func(r *taskRecord) *cell { return &r.Area }},
	{name: "标题",
		setting: func(c config.Columns) string { return c.Title }, field: func(r *taskRecord) *cell { return &r.Title }},
	{name: "主要措施", required: true, synonyms: []string{"工作任务", "重点工作", "工作措施", "具体措施", "任务内容"},
		setting: func(c config.Columns) string { return c.Measures }, field: func(r *taskRecord) *cell { return &r.Measures }},
	{name: "时间节点", synonyms: []string{"完成时限", "时间安排", "完成时间", "时间进度"},
		setting: func(c config.Columns) string { return c.Timeline }, field: func(r *taskRecord) *cell { return &r.Timeline }},
	{name: "牵头部门", required: true, synonyms: []string{"牵头单位"},
		setting: func(c config.Columns) string { return c.Lead }, field: func(r *taskRecord) *cell { return &r.Lead }},
	{name: "配合部门", synonyms: []string{"责任单位", "配合单位", "参与单位", "协同单位"},
		setting: func(c config.Columns) string { return c.Coop }, field: func(r *taskRecord) *cell { return &r.Coop }},
}

var departmentColumns = []column[departmentRecord]{
	{name: "名称", required: true, field: func(r *departmentRecord) *cell { return &r.Name }},
	{name: "slug", required: true, field: func(r *departmentRecord) *cell { return &r.Slug }},
	{name: "英文名称", field: func(r *departmentRecord) *cell { return &r.English }},
	{name: "别名", field: func(r *departmentRecord) *cell { return &r.Aliases }},
	{name: "类别", field: func(r *departmentRecord) *cell { return &r.Kind }},
}

// standardName resolves a header name to the standard name of its column: a
// name that [columns] sets first, then a synonym; any other name is kept.
func standardName[R any](cols []column[R], set config.Columns, h string) string {
	for _, c := range cols {
		if c.setting != nil && h != "" && c.setting(set) == h {
			return c.name
		}
	}
	for _, c := range cols {
		if slices.Contains(c.synonyms, h) {
			return c.name
		}
	}
	return h
}

// rowSource gives the records of a table one by one, the header first, each
// field with its position and each cell checked: csvSource reads CSV text,
// sheetSource a worksheet. It says itself that a table has no header, and
// gives io.EOF after the last record.
type rowSource interface {
	next() (rec []string, pos []plan.Cell, err error)
}

// records decodes the rows of src into records R with gocsv, each field
// with its position, and gives the line each record starts on.
//
// gocsv matches the header to R's tags and sets each field's text, but it
// knows nothing of where a cell stands. So a decoder, gocsv's Decoder,
// hands it the rows as src reads them, the header resolved to the standard
// names, and keeps every field's position aside; once gocsv has made the
// records, each field takes the position of its column in its row.
// CSV files and workbooks come through here alike.
func records[R any](file string, src rowSource, cols []column[R], set config.Columns) ([]R, []int, error) {
	d := &decoder[R]{file: file, src: src, cols: cols, set: set}
	var recs []R
	if err := gocsv.UnmarshalDecoder(d, &recs); err != nil {
		var pe *plan.Error
		if errors.As(err, &pe) {
			return nil, nil, pe
		}
		return nil, nil, &plan.Error{File: file, Msg: err.Error()}
	}
	lines := make([]int, len(recs))
	for i := range recs {
		for j, k := range d.colOf {
			f := cols[k].field(&recs[i])
			f.Line, f.Col = d.pos[i][j].Line, d.pos[i][j].Col
		}
		lines[i] = d.pos[i][0].Line
	}
	return recs, lines, nil
}

// decoder is the gocsv.Decoder of records.
type decoder[R any] struct {
	file  string
	src   rowSource
	cols  []column[R]
	set   config.Columns
	colOf []int         // the index in cols of each field's column
	pos   [][]plan.Cell // the position of each field of each row below the header
}

func (d *decoder[R]) GetCSVRows() ([][]string, error) {
	header, pos, err := d.src.next()
	if err != nil {
		return nil, err
	}
	if err := d.readHeader(header, pos); err != nil {
		return nil, err
	}
	rows := [][]string{header}
	for {
		rec, pos, err := d.src.next()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, err
		}
		rows = append(rows, rec)
		d.pos = append(d.pos, pos)
	}
}

// readHeader resolves the header's names to the standard ones in place and
// checks that each is known, none is repeated and none required is missing.
func (d *decoder[R]) readHeader(header []string, pos []plan.Cell) error {
	seen := make([]int, len(d.cols)) // the column of the header, from 1, that each of cols is
	d.colOf = make([]int, len(header))
	for i, h := range header {
		h = standardName(d.cols, d.set, plan.TrimSpace(h))
		header[i] = h
		k := slices.IndexFunc(d.cols, func(c column[R]) bool { return c.name == h })
		if k >= 0 && seen[k] > 0 {
			return &plan.Error{File: d.file, Line: pos[i].Line, Col: pos[i].Col, Msg: fmt.Sprintf("column %s appears twice (columns %d and %d)", plan.QuoteCell(h), seen[k], i+1)}
		}
		if k < 0 {
			return &plan.Error{File: d.file, Line: pos[i].Line, Col: pos[i].Col, Msg: fmt.Sprintf("unknown column %s; the columns are %s", plan.QuoteCell(h), strings.Join(names(d.cols, false), ", "))}
		}
		seen[k], d.colOf[i] = i+1, k
	}
	for k, c := range d.cols {
		if c.required && seen[k] == 0 {
			return &plan.Error{File: d.file, Line: 1, Col: 1, Msg: fmt.Sprintf("missing column %q; the header must name %s", c.name, strings.Join(names(d.cols, true), ", "))}
		}
	}
	return nil
}

// names lists the standard names of cols, or of those required.
func names[R any](cols []column[R], required bool) []string {
	var out []string
	for _, c := range cols {
		if c.required || !required {
			out = append(out, c.name)
		}
	}
	return out
}
