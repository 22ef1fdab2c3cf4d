// Package importer makes a content folder from the document a publisher
// holds: the task table that document.Choose finds in it, written as
// tasks.csv with every character of every cell as the document shows it and
// its merged cells listed in merges.csv, and what the document says of
// itself (its title, issuer, 文号 and date) for site.toml.
//
// A merged cell's text goes into every row it covers, so each task row
// carries its own 重点任务 and 牵头单位 as the document shows them; across
// columns, only the merged cell's first column holds it (a group row 一、…
// across the whole table is one cell with text, the rest empty). merges.csv
// says which cells were one, so that the site can show the table with the
// original's merges.
package importer

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"unicode"

	"plansite/internal/document"
	"plansite/internal/plan"
	"plansite/internal/problem"
)

// Table is a document's task table, ready to write.
type Table struct {
	// Rows are the heading row (or two, for a heading over sub-headings),
	// then the table's rows, each with the same number of cells.
	Rows [][]string
	// HeaderRows is how many of Rows are the heading.
	HeaderRows int
	Merges     []Merge
	Index      int // the table's number in the document, from 1
	Tables     int // how many tables the document has
	Warnings   []problem.Problem
}

// Merge is a merged cell of Table.Rows: rows and columns from 0, the last
// ones included.
type Merge struct{ Top, Left, Bottom, Right int }

// A1 writes the merge as a spreadsheet range (B2:B5), rows counted from 1
// at the heading: what a spreadsheet opening tasks.csv shows.
func (m Merge) A1() string { return cellName(m.Top, m.Left) + ":" + cellName(m.Bottom, m.Right) }

func cellName(row, col int) string {
	name := ""
	for col++; col > 0; col = (col - 1) / 26 {
		name = string(rune('A'+(col-1)%26)) + name
	}
	return fmt.Sprintf("%s%d", name, row+1)
}

// FromDocument takes the task table out of doc: table n (from 1) when n >
// 0, else the one whose heading score rates best. It keeps the heading and
// every row below it, leaves out the rows above the heading (a title row),
// the copies of the heading a converter wrote where a page broke, rows and
// columns that show nothing at all, and says so in Warnings when it leaves
// out a row that shows something.
func FromDocument(doc *document.Document, score document.Score, n int) (*Table, error) {
	choice, err := document.Choose(doc, score, n)
	if err != nil {
		return nil, err
	}
	t := &doc.Tables[choice.Index]
	h := choice.Header
	if h.Rows == 0 {
		return nil, &problem.Problem{File: doc.File, Msg: fmt.Sprintf("table %d has no heading row of a task table (序号, 主要措施, 牵头单位 …) in its first rows; is it the task table?", choice.Index+1)}
	}
	out := &Table{HeaderRows: h.Rows, Index: choice.Index + 1, Tables: len(doc.Tables)}
	if h.Score <= 0 {
		out.Warnings = append(out.Warnings, problem.Problem{File: doc.File, Severity: problem.Warning,
			Msg: fmt.Sprintf("no row of table %d reads like a task table's heading (序号, 主要措施, 牵头单位 …); its row %d, %s, is taken as the heading", out.Index, h.Row+1, quoteRow(h.Names))})
	}
	skip := map[int]bool{}
	for _, r := range h.Repeats {
		skip[r] = true
	}
	if len(h.Repeats) > 0 {
		out.Warnings = append(out.Warnings, problem.Problem{File: doc.File, Severity: problem.Warning,
			Msg: fmt.Sprintf("table %d repeats its heading as rows %s (where pages broke); those rows are left out", out.Index, rowList(h.Repeats))})
	}
	var rows []int // the document's rows kept, in order
	for r := h.Row; r < len(t.Rows); r++ {
		if skip[r] || (r >= h.Row+h.Rows && blank(t, r)) {
			continue
		}
		rows = append(rows, r)
	}
	var cols []int
	for c := 0; c < t.Cols; c++ {
		for _, r := range rows {
			if strings.TrimSpace(t.Text(r, c)) != "" {
				cols = append(cols, c)
				break
			}
		}
	}
	out.Rows = make([][]string, len(rows))
	for i, r := range rows {
		out.Rows[i] = make([]string, len(cols))
		for j, c := range cols {
			// A merge's text goes down into every row it covers, not
			// across into the columns.
			if o := t.Origin(r, c); o.OriginCol == c {
				out.Rows[i][j] = o.Text
			}
		}
	}
	out.Merges = merges(t, rows, cols)
	return out, nil
}

// merges lists the merged cells of t as they fall on the rows and columns
// kept (their indexes in t, in order).
func merges(t *document.Table, rows, cols []int) []Merge {
	rowAt := map[int]int{}
	for i, r := range rows {
		rowAt[r] = i
	}
	colAt := map[int]int{}
	for j, c := range cols {
		colAt[c] = j
	}
	var out []Merge
	for i, r := range rows {
		for j, c := range cols {
			cell := &t.Rows[r][c]
			if cell.Covered || cell.RowSpan*cell.ColSpan <= 1 {
				continue
			}
			m := Merge{Top: i, Left: j, Bottom: i, Right: j}
			for rr := r; rr < r+cell.RowSpan; rr++ {
				if k, ok := rowAt[rr]; ok {
					m.Bottom = k
				}
			}
			for cc := c; cc < c+cell.ColSpan; cc++ {
				if k, ok := colAt[cc]; ok {
					m.Right = k
				}
			}
			if m.Bottom > m.Top || m.Right > m.Left {
				out = append(out, m)
			}
		}
	}
	return out
}

// blank reports whether row r of t shows nothing but spaces.
func blank(t *document.Table, r int) bool {
	for c := 0; c < t.Cols; c++ {
		if strings.TrimFunc(t.Text(r, c), unicode.IsSpace) != "" {
			return false
		}
	}
	return true
}

func rowList(rows []int) string {
	s := make([]string, len(rows))
	for i, r := range rows {
		s[i] = fmt.Sprint(r + 1)
	}
	return strings.Join(s, ", ")
}

// WriteCSV writes the table as UTF-8 CSV, the form content/tasks.csv has.
func (t *Table) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(t.Rows); err != nil {
		return err
	}
	return cw.Error()
}

// MergesHeader is the heading of merges.csv's one column.
const MergesHeader = "合并单元格"

// WriteMerges writes merges.csv: one merged cell a line, as a spreadsheet
// range of tasks.csv (B2:B5), in the order of their top left cells.
func (t *Table) WriteMerges(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{MergesHeader})
	for _, m := range t.Merges {
		cw.Write([]string{m.A1()})
	}
	cw.Flush()
	return cw.Error()
}

// quoteRow shows a heading row as it reads: "编号 | 实事内容 | 承办部门".
func quoteRow(names []string) string {
	var parts []string
	for i, n := range names {
		if i == 0 || n != names[i-1] {
			parts = append(parts, strings.Join(strings.Fields(n), " "))
		}
	}
	return plan.QuoteCell(strings.Join(parts, " | "))
}
