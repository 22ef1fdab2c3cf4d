package load

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/gocarina/gocsv"

	"plansite/internal/config"
	"plansite/internal/plan"
)

// taskRecord is one row of tasks.csv, under the canonical column names.
type taskRecord struct {
	ID       string `csv:"序号"`
	Area     string `csv:"重点任务"`
	Title    string `csv:"标题"`
	Measures string `csv:"主要措施"`
	Timeline string `csv:"时间节点"`
	Lead     string `csv:"牵头部门"`
	Coop     string `csv:"配合部门"`
}

// departmentRecord is one row of departments.csv.
type departmentRecord struct {
	Name    string `csv:"名称"`
	Slug    string `csv:"slug"`
	English string `csv:"英文名称"`
	Aliases string `csv:"别名"`
	Kind    string `csv:"类别"`
}

// MaxCell is the longest cell accepted, in bytes. The longest cell of a real
// table is a few thousand characters; a far longer one is a mistake.
const MaxCell = 64 << 10

// column describes one column a table may have.
type column struct {
	name     string
	required bool
}

var taskColumns = []column{{"序号", true}, {"重点任务", false}, {"标题", false}, {"主要措施", true}, {"时间节点", false}, {"牵头部门", true}, {"配合部门", false}}

var departmentColumns = []column{{"名称", true}, {"slug", true}, {"英文名称", false}, {"别名", false}, {"类别", false}}

// table is a CSV file read whole, with the position of every field, so that
// any later complaint about a value can say where it stands.
type table struct {
	file    string
	header  []string
	rows    [][]string
	pos     [][]plan.Cell // line and column of each field; Text unused
	columns map[string]int
}

// readTable reads CSV data strictly: UTF-8 (a BOM is allowed), the same
// number of fields on every row, a known header with no duplicates, cells
// within MaxCell and, as cleanCell says, without control characters. It
// reads both the task table and departments.csv.
func readTable(file string, data []byte, known []column, rename map[string]string) (*table, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if err := checkUTF8(file, data); err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(data))
	t := &table{file: file, columns: map[string]int{}}
	lines := lineStarts(data)
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line, col, msg := pe.Line, charCol(data, lines, pe.Line, pe.Column), csvMessage(pe)
				switch {
				case errors.Is(pe.Err, csv.ErrQuote):
					// encoding/csv stops where a quoted cell goes wrong, often
					// far below the quote that opened it, which is what to fix.
					l, c, atEOF, ok := openQuote(data, lines, pe.StartLine)
					switch {
					case ok && atEOF:
						line, col = l, c
						msg = `unbalanced quote: the quoted cell that starts here is never closed (the file ends inside it); close it, or write a quote inside a cell as ""`
					case ok && l < pe.Line:
						msg = fmt.Sprintf(`unbalanced quote: the quoted cell that starts here runs on to line %d, column %d, where a quote is followed by other text; close it, or write a quote inside a cell as ""`, line, col)
						line, col = l, c
					}
				case errors.Is(pe.Err, csv.ErrFieldCount):
					msg = fmt.Sprintf("wrong number of fields: this row has %d, the header has %d (a missing or extra comma, or an unquoted comma inside a cell)", len(rec), len(t.header))
				}
				return nil, &plan.Error{File: file, Line: line, Col: col, Msg: msg}
			}
			return nil, &plan.Error{File: file, Msg: err.Error()}
		}
		cells := make([]plan.Cell, len(rec))
		var cc colCounter
		for i := range rec {
			line, col := r.FieldPos(i)
			cells[i] = plan.Cell{Line: line, Col: cc.charCol(data, lines, line, col)}
			if len(rec[i]) > MaxCell {
				return nil, cellTooLong(file, cells[i].Line, cells[i].Col, len(rec[i]), "is a quote left open, or is this the wrong file?")
			}
			var bad rune
			if rec[i], bad = cleanCell(rec[i]); bad >= 0 {
				return nil, controlError(file, cells[i].Line, cells[i].Col, bad)
			}
		}
		if t.header == nil {
			t.header = rec
			if err := t.checkHeader(cells, known, rename); err != nil {
				return nil, err
			}
			continue
		}
		t.rows = append(t.rows, rec)
		t.pos = append(t.pos, cells)
	}
	if t.header == nil {
		return nil, &plan.Error{File: file, Line: 1, Msg: "the file is empty; the first line must be the header"}
	}
	return t, nil
}

func (t *table) checkHeader(cells []plan.Cell, known []column, rename map[string]string) error {
	names := make([]string, 0, len(known))
	for _, c := range known {
		names = append(names, c.name)
	}
	for i, h := range t.header {
		h = plan.TrimSpace(h)
		if to, ok := rename[h]; ok {
			h = to
		}
		t.header[i] = h
		if prev, dup := t.columns[h]; dup {
			return &plan.Error{File: t.file, Line: cells[i].Line, Col: cells[i].Col, Msg: fmt.Sprintf("column %s appears twice (columns %d and %d)", plan.QuoteCell(h), prev+1, i+1)}
		}
		isKnown := false
		for _, n := range names {
			isKnown = isKnown || n == h
		}
		if !isKnown {
			return &plan.Error{File: t.file, Line: cells[i].Line, Col: cells[i].Col, Msg: fmt.Sprintf("unknown column %s; the columns are %s", plan.QuoteCell(h), strings.Join(names, ", "))}
		}
		t.columns[h] = i
	}
	for _, c := range known {
		if _, ok := t.columns[c.name]; c.required && !ok {
			return &plan.Error{File: t.file, Line: 1, Col: 1, Msg: fmt.Sprintf("missing column %q; the header must name %s", c.name, strings.Join(requiredNames(known), ", "))}
		}
	}
	return nil
}

func requiredNames(cs []column) []string {
	var out []string
	for _, c := range cs {
		if c.required {
			out = append(out, c.name)
		}
	}
	return out
}

// cell returns the value and position of a named column in row i.
func (t *table) cell(i int, name string) plan.Cell {
	j, ok := t.columns[name]
	if !ok {
		return plan.Cell{}
	}
	c := t.pos[i][j]
	c.Text = t.rows[i][j]
	return c
}

// decode maps the rows onto typed records with gocsv, by column name.
func (t *table) decode(out any) error {
	all := append([][]string{t.header}, t.rows...)
	if len(t.rows) == 0 {
		return nil
	}
	return gocsv.UnmarshalCSV(&rowsReader{rows: all}, out)
}

// rowsReader hands rows already read (and checked) to gocsv.
type rowsReader struct {
	rows [][]string
	i    int
}

func (r *rowsReader) Read() ([]string, error) {
	if r.i >= len(r.rows) {
		return nil, io.EOF
	}
	r.i++
	return r.rows[r.i-1], nil
}

func (r *rowsReader) ReadAll() ([][]string, error) {
	rest := r.rows[r.i:]
	r.i = len(r.rows)
	return rest, nil
}

func csvMessage(pe *csv.ParseError) string {
	switch {
	case errors.Is(pe.Err, csv.ErrFieldCount):
		return "wrong number of fields: this row does not have as many fields as the header (a missing or extra comma, or an unquoted comma inside a cell)"
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return `a quote (") inside an unquoted cell; quote the whole cell and double the quote ("")`
	case errors.Is(pe.Err, csv.ErrQuote):
		return `a stray quote (") in a quoted cell; inside quotes write a quote twice (""), and follow the closing quote with a comma or the end of the line`
	}
	if pe.StartLine != pe.Line {
		return fmt.Sprintf("%v (in the record that starts on line %d)", pe.Err, pe.StartLine)
	}
	return pe.Err.Error()
}

// openQuote reads the record that starts on line startLine by the rules of
// encoding/csv until it goes wrong in a quoted cell, and returns the line and
// character column of that cell's opening quote; atEOF says the file ends
// inside the cell. ok is false when no quoted cell goes wrong.
func openQuote(data []byte, lines []int, startLine int) (line, col int, atEOF, ok bool) {
	if startLine < 1 || startLine > len(lines) {
		return 0, 0, false, false
	}
	at := func(off int) (int, int) {
		l := sort.Search(len(lines), func(k int) bool { return lines[k] > off })
		return l, utf8.RuneCount(data[lines[l-1]:off]) + 1
	}
	i := lines[startLine-1]
	for { // at the start of a field
		if i < len(data) && data[i] == '"' {
			open := i
			for i++; ; {
				j := bytes.IndexByte(data[i:], '"')
				if j < 0 {
					line, col = at(open)
					return line, col, true, true
				}
				i += j + 1
				if i >= len(data) || data[i] != '"' {
					break
				}
				i++ // "" is a quote inside the cell
			}
			if i < len(data) && data[i] != ',' && data[i] != '\n' && !(data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n') {
				line, col = at(open)
				return line, col, false, true
			}
		} else {
			for i < len(data) && data[i] != ',' && data[i] != '\n' && data[i] != '"' {
				i++
			}
		}
		if i >= len(data) || data[i] != ',' {
			return 0, 0, false, false
		}
		i++
	}
}

// checkUTF8 rejects text that is not UTF-8, saying where.
func checkUTF8(file string, data []byte) error {
	if utf8.Valid(data) {
		return nil
	}
	line, col := 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return &plan.Error{File: file, Line: line, Col: col, Msg: `not valid UTF-8; save the table as "CSV UTF-8" (Excel: Save As, CSV UTF-8; WPS: choose the UTF-8 encoding)`}
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return nil
}

// lineStarts returns the byte offset at which each line begins.
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, b := range data {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// charCol turns a 1-based byte column on a line into a 1-based character
// column, which is what an editor shows for Chinese text.
func charCol(data []byte, lines []int, line, byteCol int) int {
	if line < 1 || line > len(lines) || byteCol < 1 {
		return byteCol
	}
	start := lines[line-1]
	end := min(start+byteCol-1, len(data))
	return utf8.RuneCount(data[start:end]) + 1
}

// colCounter converts the byte columns of one record's fields, which come in
// order, counting on from the previous field of the same line: counting from
// the start of the line each time made a line of many fields take quadratic
// time (a 700 KB header took half a minute).
type colCounter struct{ line, byteCol, col int }

func (c *colCounter) charCol(data []byte, lines []int, line, byteCol int) int {
	if line < 1 || line > len(lines) || byteCol < 1 {
		return byteCol
	}
	if line != c.line || byteCol < c.byteCol {
		c.line, c.byteCol, c.col = line, 1, 1
	}
	start := lines[line-1]
	from, to := min(start+c.byteCol-1, len(data)), min(start+byteCol-1, len(data))
	c.byteCol, c.col = byteCol, c.col+utf8.RuneCount(data[from:to])
	return c.col
}

// synonyms are the names other plans' tables give to the standard columns.
var synonyms = map[string]string{
	"编号": "序号", "任务编号": "序号",
	"重点领域": "重点任务", "行动": "重点任务", "专项行动": "重点任务",
	"工作任务": "主要措施", "重点工作": "主要措施", "工作措施": "主要措施", "具体措施": "主要措施", "任务内容": "主要措施",
	"完成时限": "时间节点", "时间安排": "时间节点", "完成时间": "时间节点", "时间进度": "时间节点",
	"牵头单位": "牵头部门", "责任单位": "配合部门", "配合单位": "配合部门", "参与单位": "配合部门", "协同单位": "配合部门",
}

func renames(c config.Columns) map[string]string {
	m := make(map[string]string, len(synonyms)+7)
	for k, v := range synonyms {
		m[k] = v
	}
	for canonical, given := range map[string]string{"序号": c.ID, "重点任务": c.Area, "标题": c.Title, "主要措施": c.Measures, "时间节点": c.Timeline, "牵头部门": c.Lead, "配合部门": c.Coop} {
		if given != "" {
			m[given] = canonical
		}
	}
	return m
}
