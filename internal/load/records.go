package load

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/gocarina/gocsv"

	"plansite/internal/config"
	"plansite/internal/plan"
	"plansite/internal/problem"
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
	key      string // that setting's key, for messages
	hint     string // characters a table's own name for it is likely to hold
	field    func(*R) *cell
}

// taskColumns are the columns of the task table, in the standard order: the
// order messages list them in and /data/tasks.csv writes them in.
var taskColumns = []column[taskRecord]{
	{name: "序号", key: "id", hint: "号", synonyms: []string{"编号", "任务编号"},
		setting: func(c config.Columns) string { return c.ID }, field: func(r *taskRecord) *cell { return &r.ID }},
	{name: "重点任务", key: "area", hint: "领域行动类", synonyms: []string{"重点领域", "行动", "专项行动", "类别", "工作类别", "任务类别", "领域"},
		setting: func(c config.Columns) string { return c.Area }, field: func(r *taskRecord) *cell { return &r.Area }},
	{name: "标题", key: "title", hint: "题名",
		setting: func(c config.Columns) string { return c.Title }, field: func(r *taskRecord) *cell { return &r.Title }},
	{name: "主要措施", required: true, key: "measures", hint: "措施任务内容要求工作", synonyms: []string{"工作任务", "重点工作", "工作措施", "具体措施", "任务内容", "主要工作任务", "主要任务", "工作内容", "具体任务", "具体要求"},
		setting: func(c config.Columns) string { return c.Measures }, field: func(r *taskRecord) *cell { return &r.Measures }},
	{name: "时间节点", key: "timeline", hint: "时限期", synonyms: []string{"完成时限", "时间安排", "完成时间", "时间进度", "时限要求"},
		setting: func(c config.Columns) string { return c.Timeline }, field: func(r *taskRecord) *cell { return &r.Timeline }},
	{name: "牵头部门", required: true, key: "lead", hint: "牵头责任单位部门", synonyms: []string{"牵头单位"},
		setting: func(c config.Columns) string { return c.Lead }, field: func(r *taskRecord) *cell { return &r.Lead }},
	{name: "配合部门", key: "coop", hint: "配合参与协同", synonyms: []string{"责任单位", "责任部门", "责任科室", "责任处室", "责任主体", "配合单位", "参与单位", "协同单位"},
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
// name that [columns] sets first, then the standard name or a synonym of a
// column [columns] does not name. Any other name is kept, and ok is false.
// Spaces and line breaks inside a name do not count: a heading cell wrapped
// as 牵头\n单位 is 牵头单位.
func standardName[R any](cols []column[R], set config.Columns, h string) (string, bool) {
	key := squeeze(h)
	for _, c := range cols {
		if c.setting != nil && key != "" && squeeze(c.setting(set)) == key {
			return c.name, true
		}
	}
	for _, c := range cols {
		if c.setting != nil && c.setting(set) != "" {
			continue // site.toml names the column: no other heading is it
		}
		if squeeze(c.name) == key || slices.ContainsFunc(c.synonyms, func(s string) bool { return s == key }) {
			return c.name, true
		}
	}
	return h, false
}

// squeeze is s without white space.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// rowSource gives the records of a table one by one, the header first, each
// field with its position and each cell checked: csvSource reads CSV text,
// sheetSource a worksheet. It says itself that a table has no header, and
// gives io.EOF after the last record.
type rowSource interface {
	next() (rec []string, pos []plan.Cell, err error)
}

// records decodes the rows of src into records R with gocsv, each field
// with its position, and gives the line each record starts on and the
// table's header: its own names, in its order, each with the standard name
// it was read as.
//
// gocsv matches the header to R's tags and sets each field's text, but it
// knows nothing of where a cell stands. So a decoder, gocsv's Decoder,
// hands it the rows as src reads them, the header resolved to the standard
// names, and keeps every field's position aside; once gocsv has made the
// records, each field takes the position of its column in its row.
// CSV files and workbooks come through here alike.
func records[R any](file string, src rowSource, cols []column[R], set config.Columns, others bool) (*table[R], error) {
	d := &decoder[R]{file: file, src: src, cols: cols, set: set, keepOthers: others}
	var recs []R
	if err := gocsv.UnmarshalDecoder(d, &recs); err != nil {
		var all problem.List
		var pe *problem.Problem
		switch {
		case errors.As(err, &all):
			return nil, all
		case errors.As(err, &pe):
			return nil, pe
		}
		return nil, &problem.Problem{File: file, Msg: err.Error()}
	}
	t := &table[R]{recs: recs, lines: make([]int, len(recs)), header: d.header, warns: d.warns}
	if len(d.others) > 0 {
		t.others = make([][]plan.Cell, len(recs))
	}
	for i := range recs {
		for j, k := range d.colOf {
			if k < 0 {
				continue
			}
			f := cols[k].field(&recs[i])
			f.Line, f.Col = d.pos[i][j].Line, d.pos[i][j].Col
		}
		for _, j := range d.others {
			c := d.pos[i][j]
			c.Text = d.rows[i][j]
			t.others[i] = append(t.others[i], c)
		}
		t.lines[i] = d.pos[i][0].Line
	}
	return t, nil
}

// table is a table as records reads it: its records, the line each starts
// on, its header in its own words and order, each column with the standard
// name it was read as, and the cells of the columns no field of R takes.
type table[R any] struct {
	recs   []R
	lines  []int
	header []plan.Column
	others [][]plan.Cell // for each record, its cells of the other columns, in the table's order
	warns  []problem.Problem
}

// decoder is the gocsv.Decoder of records.
type decoder[R any] struct {
	file   string
	src    rowSource
	cols   []column[R]
	set    config.Columns
	colOf  []int         // the index in cols of each field's column, -1 for another column
	pos    [][]plan.Cell // the position of each field of each row below the header
	rows   [][]string    // the rows below the header, for the other columns' cells
	header []plan.Column // the header as the table writes it
	warns  []problem.Problem
	// keepOthers publishes a column that is none of cols instead of
	// refusing it: a task table is printed whole, whatever else it holds.
	keepOthers bool
	others     []int // the header's indexes of those columns
	unnamed    []int // columns without a heading, one of which may be 序号
	headPos    []plan.Cell
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
			d.unnamedColumns(rows[0])
			return rows, nil
		}
		if err != nil {
			return nil, err
		}
		if len(rows) > MaxRows { // the header and MaxRows rows
			return nil, tooManyRows(d.file, pos[0].Line)
		}
		rows = append(rows, rec)
		d.pos = append(d.pos, pos)
		if d.keepOthers {
			d.rows = append(d.rows, rec)
		}
	}
}

// readHeader resolves the header's names to the standard ones in place and
// checks that each is known, none is repeated and none required is missing,
// reporting every problem of the header at once.
//
// Two readings follow real tables: a table with one column of responsible
// units (责任单位 alone, no 牵头 column) names the units that lead; and a
// column without a name in a table without 序号 may be its 序号, as when
// the number column's heading cell is left blank (for the task table,
// unnamedColumns decides once the rows are in). A task table's other
// columns are kept, with a warning; any other table's are refused.
func (d *decoder[R]) readHeader(header []string, pos []plan.Cell) error {
	d.colOf = make([]int, len(header))
	d.headPos = pos
	std := make([]string, len(header))
	known := make([]bool, len(header)) // std[i] is a standard name, not the heading kept
	for i, h := range header {
		h = plan.TrimSpace(h)
		d.header = append(d.header, plan.Column{Heading: h})
		std[i], known[i] = standardName(d.cols, d.set, h)
	}
	has := func(name string) bool {
		for i := range std {
			if known[i] && std[i] == name {
				return true
			}
		}
		return false
	}
	if leadCol := "牵头部门"; !has(leadCol) && slices.ContainsFunc(d.cols, func(c column[R]) bool { return c.name == leadCol }) {
		for i, h := range d.header {
			if known[i] && std[i] == "配合部门" && slices.Contains(responsible, squeeze(h.Heading)) && squeeze(d.set.Coop) != squeeze(h.Heading) {
				std[i] = leadCol
				break
			}
		}
	}
	if idCol := "序号"; !has(idCol) && slices.ContainsFunc(d.cols, func(c column[R]) bool { return c.name == idCol }) {
		if i := slices.Index(std, ""); i >= 0 && slices.Index(std[i+1:], "") < 0 && !d.keepOthers {
			std[i], known[i] = idCol, true
			d.warns = append(d.warns, problem.Problem{Severity: problem.Warning, File: d.file, Line: pos[i].Line, Col: pos[i].Col,
				Msg: "this column has no heading; it is read as 序号, the task numbers"})
		}
	}
	var errs problem.List
	seen := make([]int, len(d.cols)) // the column of the header, from 1, that each of cols is
	var unknown []string             // in the header's order
	isUnknown := map[string]bool{}
	for i, h := range std {
		header[i] = h
		d.header[i].Std = h
		k := -1
		if known[i] {
			k = slices.IndexFunc(d.cols, func(c column[R]) bool { return c.name == h })
		}
		switch {
		case k >= 0 && seen[k] > 0:
			errs = append(errs, &problem.Problem{File: d.file, Line: pos[i].Line, Col: pos[i].Col, Msg: twice(d.cols[k], d.header, seen[k]-1, i)})
		case k < 0 && d.keepOthers:
			d.colOf[i] = -1
			header[i] = fmt.Sprintf("\x00%d", i) // matches no field
			d.header[i].Std = ""
			d.others = append(d.others, i)
			if h == "" {
				d.unnamed = append(d.unnamed, i)
			} else if !isUnknown[h] {
				isUnknown[h] = true
				unknown = append(unknown, h)
				d.warns = append(d.warns, problem.Problem{Severity: problem.Warning, File: d.file, Line: pos[i].Line, Col: pos[i].Col, Msg: otherColumn(d.cols, h)})
			}
		case k < 0:
			// Each unknown name once: a header of thousands of copies of
			// one name is one problem.
			if !isUnknown[h] {
				isUnknown[h] = true
				unknown = append(unknown, h)
				errs = append(errs, &problem.Problem{File: d.file, Line: pos[i].Line, Col: pos[i].Col, Msg: unknownColumn(d.cols, h)})
			}
		default:
			seen[k], d.colOf[i] = i+1, k
		}
	}
	for k, c := range d.cols {
		if c.required && seen[k] == 0 {
			errs = append(errs, &problem.Problem{File: d.file, Line: 1, Col: 1, Msg: missingColumn(d.cols, c, unknown)})
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// unnamedColumns reads the columns without a heading once every row is in:
// in a table without 序号, the one whose cells are all task numbers is its
// 序号, as when the number column's heading cell is left blank or a heading
// spans it; the others are published as they are.
func (d *decoder[R]) unnamedColumns(header []string) {
	if len(d.unnamed) == 0 {
		return
	}
	idCol := "序号"
	k := slices.IndexFunc(d.cols, func(c column[R]) bool { return c.name == idCol })
	if k < 0 || slices.ContainsFunc(d.header, func(c plan.Column) bool { return c.Std == idCol }) {
		d.warnUnnamed(-1)
		return
	}
	found := -1
	for _, i := range d.unnamed {
		numbers := 0
		for _, r := range d.rows {
			if i >= len(r) || plan.TrimSpace(r[i]) == "" {
				continue
			}
			if _, ok := plan.TaskNumber(r[i]); !ok {
				numbers = -1
				break
			}
			numbers++
		}
		if numbers > 0 {
			if found >= 0 { // two columns of numbers: neither is chosen
				found = -1
				break
			}
			found = i
		}
	}
	if found >= 0 {
		header[found] = idCol
		d.header[found].Std = idCol
		d.colOf[found] = k
		d.others = slices.DeleteFunc(d.others, func(i int) bool { return i == found })
		d.warns = append(d.warns, problem.Problem{Severity: problem.Warning, File: d.file, Line: d.headPos[found].Line, Col: d.headPos[found].Col,
			Msg: "this column has no heading; it is read as 序号, the task numbers"})
	}
	d.warnUnnamed(found)
}

// warnUnnamed says where each column without a heading, but the one read as
// 序号, is published.
func (d *decoder[R]) warnUnnamed(id int) {
	for _, i := range d.unnamed {
		if i != id {
			d.warns = append(d.warns, problem.Problem{Severity: problem.Warning, File: d.file, Line: d.headPos[i].Line, Col: d.headPos[i].Col,
				Msg: "this column has no heading; its cells are published as written, in a column without a name"})
		}
	}
}

// otherColumn says that a column is published as written and how site.toml
// can name it as one of the columns plansite reads.
func otherColumn[R any](cols []column[R], h string) string {
	msg := fmt.Sprintf("column %s is not one plansite reads (%s); its cells are published as written, in its own column", plan.QuoteCell(h), strings.Join(names(cols, false), ", "))
	if keys := settingKeys(cols); len(keys) > 0 {
		msg += fmt.Sprintf("; to read it as one of them, name it in site.toml under [columns] with the key %s", strings.Join(keys, ", "))
	}
	return msg
}

// twice says that columns a and b of the header are both read as column c:
// the same name twice, or two names that both mean c (编号 and 序号,
// 工作任务 and 具体要求), in which case site.toml can say which one is.
func twice[R any](c column[R], header []plan.Column, a, b int) string {
	ha, hb := header[a].Heading, header[b].Heading
	if ha == hb || c.key == "" {
		return fmt.Sprintf("column %s appears twice (columns %d and %d)", plan.QuoteCell(c.name), a+1, b+1)
	}
	return fmt.Sprintf("columns %s (%d) and %s (%d) are both read as %s; say in site.toml which one is, for example [columns] %s = %s, and the other is published as written",
		plan.QuoteCell(ha), a+1, plan.QuoteCell(hb), b+1, c.name, c.key, strconvQuote(hb))
}

// responsible are the names of a column of responsible units: with a 牵头
// column beside it such a column lists the units that help; alone, the
// units that lead.
var responsible = []string{"责任单位", "责任部门", "责任科室", "责任处室", "责任主体"}

// unknownColumn says a column is unknown, lists the standard names and says
// how site.toml can name it as one of them.
func unknownColumn[R any](cols []column[R], h string) string {
	msg := fmt.Sprintf("unknown column %s; the columns are %s", plan.QuoteCell(h), strings.Join(names(cols, false), ", "))
	if keys := settingKeys(cols); len(keys) > 0 && h != "" {
		msg += fmt.Sprintf("; to read it as one of them, name it in site.toml under [columns] with the key %s", strings.Join(keys, ", "))
	}
	return msg
}

// missingColumn says a required column is missing and, where the header has
// columns it does not know, which of them could be meant.
func missingColumn[R any](cols []column[R], c column[R], unknown []string) string {
	msg := fmt.Sprintf("missing column %q; the header must name %s", c.name, strings.Join(names(cols, true), ", "))
	if c.key == "" {
		return msg
	}
	for _, u := range unknown {
		if strings.ContainsAny(u, c.hint) {
			return msg + fmt.Sprintf("; if %s is that column, say so in site.toml: [columns] %s = %s", plan.QuoteCell(u), c.key, strconvQuote(u))
		}
	}
	if len(unknown) > 0 {
		return msg + fmt.Sprintf("; if one of %s is that column, say so in site.toml: [columns] %s = \"…\"", strings.Join(unknown, ", "), c.key)
	}
	return msg
}

// settingKeys are the keys of [columns], in the columns' order.
func settingKeys[R any](cols []column[R]) []string {
	var keys []string
	for _, c := range cols {
		if c.key != "" {
			keys = append(keys, c.key)
		}
	}
	return keys
}

func strconvQuote(s string) string { return fmt.Sprintf("%q", s) }

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
