package load

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"plansite/internal/column"
	"plansite/internal/plan"
	"plansite/internal/problem"
)

// tableKind is what the reader knows of a kind of table: its columns, what
// site.toml calls them, and what it does with a column it does not know.
type tableKind struct {
	cols  column.Table
	names map[string]string // the table's own names of cols, by key, as site.toml gives them
	// settings: messages suggest naming a column under site.toml's
	// [columns], which the task table's columns are named in.
	settings bool
	// keepOthers publishes a column that is none of cols instead of
	// refusing it: a task table is printed whole, whatever else it holds.
	keepOthers bool
}

// departmentColumns are the columns of departments.csv, in the order of
// the dept constants.
var departmentColumns = column.Table{
	{Name: "名称", Required: true},
	{Name: "slug", Required: true},
	{Name: "英文名称"},
	{Name: "别名"},
	{Name: "类别"},
}

// The places of departmentColumns.
const (
	deptName = iota
	deptSlug
	deptEnglish
	deptAliases
	deptKind
)

// rowSource gives the records of a table one by one, the header first, each
// field with its position and each cell checked: csvSource reads CSV text,
// sheetSource a worksheet. It says itself that a table has no header, and
// gives io.EOF after the last record.
type rowSource interface {
	next() (rec []string, pos []plan.Cell, err error)
	// record is the number of the row last given, as a spreadsheet shows
	// the table: the header is 1; a worksheet's blank rows count.
	record() int
	// merges are the table's merged cells, when the source knows them.
	merges() []plan.Merge
}

// table is a table as records reads it: its header, what each of its
// columns is read as, and its rows, each cell with its text and where it
// stands.
type table struct {
	headings []string // the header's own names, trimmed, in its order
	groups   []string // of a heading of two rows, the upper heading over each column, or ""; nil for one row
	colOf    []int    // for each column of the header, its index in the kind's columns; -1 for another
	at       []int    // for each of the kind's columns, its index in the header; -1 when the table lacks it
	others   []int    // the header's indexes of the other columns, kept by a task table
	// otherWarns are the warnings of warns that say a column is
	// published as written.
	otherWarns []otherWarning
	rows       [][]plan.Cell // the rows below the header, each cell in the header's order
	records    []int         // each row's number as a spreadsheet shows the table (the header is 1)
	warns      []problem.Problem
}

// cell is row's cell in column k of the kind's columns, the zero Cell when
// the table lacks the column.
func (t *table) cell(row []plan.Cell, k int) plan.Cell {
	if t.at[k] < 0 {
		return plan.Cell{}
	}
	return row[t.at[k]]
}

// records reads the table of src: its header resolved to the columns of
// kind k, then every row, each cell with its text and its place in the
// file. CSV files and workbooks come through here alike.
//
// It is written by hand, not with a CSV-to-struct library, because what
// such a library adds is already done by then: the header is resolved
// through synonyms, settings and the readings of real tables before any
// row is read, every cell must keep its line and column for messages, and
// the columns it does not know are kept in the table's order. A row is
// then the source's cells, placed by column index.
func records(file string, src rowSource, k tableKind) (*table, error) {
	header, pos, err := src.next()
	if err != nil {
		return nil, err
	}
	d := &decoder{file: file, kind: k, t: &table{}}
	// A task table's second record may be the lower row of a heading of
	// two rows: read it before the header is resolved.
	var next []string
	var nextPos []plan.Cell
	var nextErr error
	if k.keepOthers {
		next, nextPos, nextErr = src.next()
		if nextErr == nil {
			if names, at, groups, ok := twoRowHeading(header, pos, next, nextPos); ok {
				header, pos, d.t.groups = names, at, groups
				next, nextPos, nextErr = nil, nil, nil
			}
		}
	}
	if err := d.readHeader(header, pos); err != nil {
		return nil, err
	}
	t := d.t
	for {
		var rec []string
		var pos []plan.Cell
		var err error
		if next != nil || nextErr != nil {
			rec, pos, err, next, nextErr = next, nextPos, nextErr, nil, nil
		} else {
			rec, pos, err = src.next()
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(t.rows) >= MaxRows {
			return nil, tooManyRows(file, pos[0].Line)
		}
		for i := range pos {
			pos[i].Text = rec[i]
		}
		t.rows = append(t.rows, pos)
		t.records = append(t.records, src.record())
	}
	d.unnamedColumns()
	t.at = make([]int, len(k.cols))
	for i := range t.at {
		t.at[i] = slices.Index(t.colOf, i)
	}
	return t, nil
}

// decoder reads a table's header.
type decoder struct {
	file    string
	kind    tableKind
	t       *table
	unnamed []int // columns without a heading, one of which may be the task numbers
	headPos []plan.Cell
}

// readAs resolves each of headings to its index in cols (-1 for
// another), by standardName, then reads a table's one column of
// responsible units (责任单位 alone, no lead column) as the units that lead,
// unless site.toml names it the cooperating units. The reader, the score
// that finds a document's task table and plansite new's choices all read a
// heading so.
func readAs(cols column.Table, names map[string]string, headings []string) []int {
	colOf := make([]int, len(headings))
	for i, h := range headings {
		colOf[i] = standardName(cols, names, h)
	}
	if lead, coop := cols.Index(string(column.Lead)), cols.Index(string(column.Coop)); lead >= 0 && coop >= 0 && !slices.Contains(colOf, lead) {
		for i, h := range headings {
			if colOf[i] == coop && column.Responsible(plan.Squeeze(h)) && plan.Squeeze(names[string(column.Coop)]) != plan.Squeeze(h) {
				colOf[i] = lead
				break
			}
		}
	}
	return colOf
}

// standardName resolves a header name to the index of its column in cols:
// a name that names sets first, then the standard name or a synonym of a
// column names does not name. Any other name gives -1. Spaces and line
// breaks inside a name do not count: a heading cell wrapped as 牵头\n单位
// is 牵头单位.
func standardName(cols column.Table, names map[string]string, h string) int {
	key := plan.Squeeze(h)
	for i, c := range cols {
		if c.Key != "" && key != "" && plan.Squeeze(names[c.Key]) == key {
			return i
		}
	}
	for i, c := range cols {
		if names[c.Key] != "" {
			continue // site.toml names the column: no other heading is it
		}
		if plan.Squeeze(c.Name) == key || slices.Contains(c.Synonyms, key) {
			return i
		}
	}
	// A heading that joins two names of one column (责任主体与协同单位) is
	// that column.
	parts := strings.FieldsFunc(key, func(r rune) bool { return r == '与' || r == '及' || r == '和' || r == '、' })
	if len(parts) < 2 {
		return -1
	}
	found := -1
	for _, p := range parts {
		k := standardName(cols, names, p)
		if k < 0 || found >= 0 && k != found {
			return -1
		}
		found = k
	}
	return found
}

// readHeader resolves the header's names to the kind's columns and checks
// that none is repeated and none required is missing, reporting every
// problem of the header at once.
//
// Two readings follow real tables: a table with one column of responsible
// units (责任单位 alone, no lead column) names the units that lead; and a
// column without a name in a table without task numbers may be them, as
// when the number column's heading cell is left blank (for the task table,
// unnamedColumns decides once the rows are in). A task table's other
// columns are kept, with a warning; any other table's are refused.
func (d *decoder) readHeader(header []string, pos []plan.Cell) error {
	cols, names, t := d.kind.cols, d.kind.names, d.t
	d.headPos = pos
	for _, h := range header {
		t.headings = append(t.headings, plan.TrimSpace(h))
	}
	t.colOf = readAs(cols, names, t.headings)
	// The task table's and the progress file's columns of task numbers
	// are both keyed id.
	if id := cols.Index(string(column.ID)); id >= 0 && !slices.Contains(t.colOf, id) && !d.kind.keepOthers {
		if i := slices.Index(t.headings, ""); i >= 0 && slices.Index(t.headings[i+1:], "") < 0 && t.colOf[i] < 0 {
			t.colOf[i] = id
			d.readAsID(i)
		}
	}
	var errs problem.List
	var others []int               // columns plansite does not read, warned of once the header is known
	seen := make([]int, len(cols)) // the column of the header, from 1, that each of cols is
	var unknown []string           // in the header's order
	isUnknown := map[string]bool{}
	for i, h := range t.headings {
		k := t.colOf[i]
		switch {
		case k >= 0 && seen[k] > 0:
			errs = append(errs, &problem.Problem{File: d.file, Line: pos[i].Line, Col: pos[i].Col, Msg: d.twice(cols[k], seen[k]-1, i)})
		case k < 0 && d.kind.keepOthers:
			t.others = append(t.others, i)
			if h == "" {
				d.unnamed = append(d.unnamed, i)
			} else if !isUnknown[h] {
				isUnknown[h] = true
				unknown = append(unknown, h)
				others = append(others, i)
			}
		case k < 0:
			// Each unknown name once: a header of thousands of copies of
			// one name is one problem.
			if !isUnknown[h] {
				isUnknown[h] = true
				unknown = append(unknown, h)
				errs = append(errs, &problem.Problem{File: d.file, Line: pos[i].Line, Col: pos[i].Col, Msg: d.unknownColumn(h)})
			}
		default:
			seen[k] = i + 1
		}
	}
	for _, i := range others {
		d.t.otherWarns = append(d.t.otherWarns, otherWarning{heading: t.headings[i], col: i, warn: len(d.t.warns)})
		d.t.warns = append(d.t.warns, problem.Problem{Severity: problem.Warning, File: d.file, Line: pos[i].Line, Col: pos[i].Col, Msg: d.otherColumn(t.headings[i], seen)})
	}
	for k, c := range cols {
		if c.Required && seen[k] == 0 {
			errs = append(errs, &problem.Problem{File: d.file, Line: 1, Col: 1, Msg: d.missingColumn(c, unknown)})
		}
	}
	if len(errs) > 0 {
		// A spreadsheet often has the plan's title in its first row,
		// merged across the table, over the heading.
		// A workbook's row ends at its last cell with text, so a title
		// alone is one cell: one long enough to be no column's name.
		if i, ok := onlyCell(t.headings); ok && d.kind.settings && (len(t.headings) > 1 || utf8.RuneCountInString(t.headings[i]) >= 8) {
			return &problem.Problem{File: d.file, Line: pos[i].Line, Col: pos[i].Col, Msg: fmt.Sprintf(
				"%s is the only cell of the first row and names no column: a title above the table? The table's heading (%s …) must be its first row: remove the rows above it (a title goes in site.toml as title = …), or make the site from the document with plansite new",
				plan.QuoteCell(t.headings[i]), strings.Join(cols.Names(true), ", "))}
		}
		return errs
	}
	return nil
}

// onlyCell is the index of the one heading that is not empty, if only one is.
func onlyCell(headings []string) (int, bool) {
	at := -1
	for i, h := range headings {
		if h != "" {
			if at >= 0 {
				return 0, false
			}
			at = i
		}
	}
	return at, at >= 0
}

// readAsID warns that column i of the header, which has no heading, is
// read as the task numbers.
func (d *decoder) readAsID(i int) {
	d.t.warns = append(d.t.warns, problem.Problem{Severity: problem.Warning, File: d.file, Line: d.headPos[i].Line, Col: d.headPos[i].Col,
		Msg: fmt.Sprintf("this column has no heading; it is read as %s, the task numbers", d.kind.cols[d.t.colOf[i]].Name)})
}

// unnamedColumns reads the columns without a heading once every row is in:
// in a table without task numbers, the one whose cells are all task
// numbers is them, as when the number column's heading cell is left blank
// or a heading spans it; the others are published as they are.
func (d *decoder) unnamedColumns() {
	t := d.t
	if len(d.unnamed) == 0 {
		return
	}
	id := d.kind.cols.Index(string(column.ID))
	if id < 0 || slices.Contains(t.colOf, id) {
		d.warnUnnamed(-1)
		return
	}
	found := -1
	for _, i := range d.unnamed {
		numbers := 0
		for _, r := range t.rows {
			if plan.TrimSpace(r[i].Text) == "" {
				continue
			}
			if _, ok := plan.TaskNumber(r[i].Text); !ok {
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
		t.colOf[found] = id
		t.others = slices.DeleteFunc(t.others, func(i int) bool { return i == found })
		d.readAsID(found)
	}
	d.warnUnnamed(found)
}

// warnUnnamed says where each column without a heading, but the one read as
// the task numbers, is published.
func (d *decoder) warnUnnamed(id int) {
	for _, i := range d.unnamed {
		if i != id {
			d.t.otherWarns = append(d.t.otherWarns, otherWarning{col: i, warn: len(d.t.warns)})
			d.t.warns = append(d.t.warns, problem.Problem{Severity: problem.Warning, File: d.file, Line: d.headPos[i].Line, Col: d.headPos[i].Col,
				Msg: "this column has no heading; its cells are published as written, in a column without a name"})
		}
	}
}

// otherColumn says that a column is published as written and how site.toml
// can name it as one of the columns plansite reads.
func (d *decoder) otherColumn(h string, seen []int) string {
	if c, name, ok := d.kind.cols.Like(plan.Squeeze(h)); ok && seen[d.kind.cols.Index(c.Key)] == 0 && d.kind.settings {
		// Probably the column mistyped: what the site will lack says why
		// it matters, and the fix is one word.
		return fmt.Sprintf("column %s is not one plansite reads: did you mean %s? Without %s, %s. Correct the heading, or name it in site.toml: [columns] %s = %s; until then its cells are published as written",
			plan.QuoteCell(h), name, c.Name, c.Without, c.Key, strconvQuote(h))
	}
	msg := fmt.Sprintf("column %s is not one plansite reads (%s); its cells are published as written, in its own column", plan.QuoteCell(h), strings.Join(d.kind.cols.Names(false), ", "))
	if d.kind.settings {
		msg += fmt.Sprintf("; to read it as one of them, name it in site.toml under [columns] with the key %s; to publish it so without this warning, list it in site.toml: other_columns = [%s]", strings.Join(d.kind.cols.Keys(), ", "), strconvQuote(plan.Word(h)))
	}
	return msg
}

// twice says that columns a and b of the header are both read as column c:
// the same name twice, or two names that both mean c (a standard name and
// its synonym, 工作任务 and 具体要求), in which case site.toml can say which
// one is.
func (d *decoder) twice(c column.Spec, a, b int) string {
	ha, hb := d.t.headings[a], d.t.headings[b]
	if ha == hb || !d.kind.settings {
		return fmt.Sprintf("column %s appears twice (columns %d and %d)", plan.QuoteCell(c.Name), a+1, b+1)
	}
	return fmt.Sprintf("columns %s (%d) and %s (%d) are both read as %s; say in site.toml which one is, for example [columns] %s = %s, and the other is published as written",
		plan.QuoteCell(ha), a+1, plan.QuoteCell(hb), b+1, c.Name, c.Key, strconvQuote(hb))
}

// unknownColumn says a column is unknown, lists the standard names and says
// how site.toml can name it as one of them.
func (d *decoder) unknownColumn(h string) string {
	msg := fmt.Sprintf("unknown column %s; the columns are %s", plan.QuoteCell(h), strings.Join(d.kind.cols.Names(false), ", "))
	if d.kind.settings && h != "" {
		msg += fmt.Sprintf("; to read it as one of them, name it in site.toml under [columns] with the key %s", strings.Join(d.kind.cols.Keys(), ", "))
	}
	return msg
}

// missingColumn says a required column is missing and, where the header
// has a column it does not know whose heading reads like that column's
// (holds one of its hint's characters, no fewer than of another column's:
// 任务 holds the 任 of 责任 but reads as 主要措施), that it could be meant;
// else what to name it.
func (d *decoder) missingColumn(c column.Spec, unknown []string) string {
	msg := fmt.Sprintf("missing column %q; the header must name %s", c.Name, strings.Join(d.kind.cols.Names(true), ", "))
	if !d.kind.settings {
		return msg
	}
	best, bestN := "", 0
	for _, u := range unknown {
		n := hintChars(u, c.Hint)
		if n <= bestN {
			continue
		}
		liker := false
		for _, o := range d.kind.cols {
			liker = liker || o.Key != c.Key && hintChars(u, o.Hint) > n
		}
		if !liker {
			best, bestN = u, n
		}
	}
	if best != "" {
		return msg + fmt.Sprintf("; if %s is that column, say so in site.toml: [columns] %s = %s", plan.QuoteCell(best), c.Key, strconvQuote(best))
	}
	// 重点任务 names the groups in the bundled table, and each task's own
	// text in many others.
	if area := d.kind.cols.Index(string(column.Area)); c.Key == string(column.Measures) && area >= 0 {
		if i := slices.Index(d.t.colOf, area); i >= 0 {
			h := d.t.headings[i]
			return msg + fmt.Sprintf("; %s is read as the groups the tasks fall in: if it holds each task's own text, say so in site.toml: [columns] %s = %s", plan.QuoteCell(h), c.Key, strconvQuote(h))
		}
	}
	names := c.Name
	if len(c.Synonyms) > 0 {
		names += " or " + c.Synonyms[0]
	}
	return msg + fmt.Sprintf("; no heading reads like it: name its column %s, or give its heading in site.toml: [columns] %s = \"…\"", names, c.Key)
}

// hintChars counts the characters of hint that heading holds.
func hintChars(heading, hint string) int {
	n := 0
	for _, r := range hint {
		if strings.ContainsRune(heading, r) {
			n++
		}
	}
	return n
}

func strconvQuote(s string) string { return fmt.Sprintf("%q", s) }
