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
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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
	// Parts are the numbers of the tables read as this one, Index first:
	// more than one where the document breaks its task table into several
	// under the same heading.
	Parts    []int
	Tables   int // how many tables the document has
	Warnings []problem.Problem
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
// 0, else the one whose heading score rates best, with the tables that
// continue it under the same heading (document.Continued). It keeps the
// heading and every row below it, leaves out the rows above the heading (a
// title row), the copies of the heading a converter wrote where a page
// broke, rows and columns that show nothing at all, and says so in Warnings
// when it leaves out a row that shows something. Where each of several
// tables follows a paragraph that numbers a section (二、扩大有效投资), that
// paragraph becomes the group row above the table's rows.
func FromDocument(doc *document.Document, score document.Score, n int) (*Table, error) {
	choice, err := document.Choose(doc, score, n)
	if err != nil {
		return nil, err
	}
	h := choice.Header
	if h.Rows == 0 {
		return nil, &problem.Problem{File: doc.File, Msg: fmt.Sprintf("table %d has no heading row of a task table (序号, 主要措施, 牵头单位 …) in its first rows; is it the task table?", choice.Index+1)}
	}
	parts := []document.Choice{choice}
	if n == 0 {
		parts = document.Continued(doc, choice, score)
	}
	out := &Table{HeaderRows: h.Rows, Index: parts[0].Index + 1, Tables: len(doc.Tables)}
	for _, p := range parts {
		out.Parts = append(out.Parts, p.Index+1)
	}
	if h.Score <= 0 {
		out.Warnings = append(out.Warnings, problem.Problem{File: doc.File, Severity: problem.Warning,
			Msg: fmt.Sprintf("no row of table %d reads like a task table's heading (序号, 主要措施, 牵头单位 …); its row %d, %s, is taken as the heading", out.Index, h.Row+1, quoteRow(h.Names))})
	}
	first := &doc.Tables[choice.Index]
	var heading []int
	for r := h.Row; r < h.Row+h.Rows; r++ {
		heading = append(heading, r)
	}
	kept := make([][]int, len(parts)) // each table's rows below its heading, in order
	for k, p := range parts {
		t, ph := &doc.Tables[p.Index], p.Header
		skip := map[int]bool{}
		for _, r := range ph.Repeats {
			skip[r] = true
		}
		if len(ph.Repeats) > 0 {
			out.Warnings = append(out.Warnings, problem.Problem{File: doc.File, Severity: problem.Warning,
				Msg: fmt.Sprintf("table %d repeats its heading as rows %s (where pages broke); those rows are left out", p.Index+1, rowList(ph.Repeats))})
		}
		for r := ph.Row + ph.Rows; r < len(t.Rows); r++ {
			if !skip[r] && !blank(t, r) {
				kept[k] = append(kept[k], r)
			}
		}
	}
	var cols []int
	for c := 0; c < first.Cols; c++ {
		used := shows(first, heading, c)
		for k, p := range parts {
			used = used || shows(&doc.Tables[p.Index], kept[k], c)
		}
		if used {
			cols = append(cols, c)
		}
	}
	out.add(first, heading, cols)
	sections := sectionHeadings(doc, parts)
	for k, p := range parts {
		if sections != nil {
			row := make([]string, len(cols))
			row[0] = sections[k]
			if len(cols) > 1 {
				out.Merges = append(out.Merges, Merge{Top: len(out.Rows), Bottom: len(out.Rows), Right: len(cols) - 1})
			}
			out.Rows = append(out.Rows, row)
		}
		out.add(&doc.Tables[p.Index], kept[k], cols)
	}
	return out, nil
}

// add writes rows of t, in the columns cols, below out's rows, and their
// merges.
func (out *Table) add(t *document.Table, rows, cols []int) {
	at := len(out.Rows)
	for _, r := range rows {
		row := make([]string, len(cols))
		for j, c := range cols {
			// A merge's text goes down into every row it covers, not
			// across into the columns.
			if o := t.Origin(r, c); o.OriginCol == c {
				row[j] = o.Text
			}
		}
		out.Rows = append(out.Rows, row)
	}
	for _, m := range merges(t, rows, cols) {
		m.Top += at
		m.Bottom += at
		out.Merges = append(out.Merges, m)
	}
}

// shows reports whether column c of t shows something in any of rows.
func shows(t *document.Table, rows []int, c int) bool {
	return slices.ContainsFunc(rows, func(r int) bool { return strings.TrimSpace(t.Text(r, c)) != "" })
}

// sectionHeadings gives, for each of several tables, the paragraph right
// above it when that paragraph numbers a section (一、…, （二）…) and every
// table has one; else nil.
func sectionHeadings(doc *document.Document, parts []document.Choice) []string {
	if len(parts) < 2 {
		return nil
	}
	out := make([]string, len(parts))
	from := 0
	for k, p := range parts {
		before := doc.Tables[p.Index].Before
		if before <= from {
			return nil
		}
		text := strings.TrimSpace(doc.Paragraphs[before-1])
		if _, name, ok := plan.ParseAreaLabel(text); !ok || name == "" || utf8.RuneCountInString(text) > 60 || strings.HasSuffix(text, "。") {
			return nil
		}
		out[k], from = text, before
	}
	return out
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
