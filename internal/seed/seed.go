// Package seed imports the text extraction of a Word task table into CSV rows.
//
// The extraction puts each table cell on its own line, prefixed by a tab,
// and separates table rows by blank lines:
//
//	附件1
//
//	任务分工表
//	\t<Header[0]>
//	\t<Header[1]>
//	...
//
//	\t1
//	\t（一）基础创新提升行动
//	\t实施重点领域研发计划。...
//	\t2020-2021年，...；
//	2022年持续推进。
//	...
//
// A line without the tab continues the previous cell (Word wrapped the
// cell text at a paragraph break). The area is a merged cell in the
// original, so it is only present on the first row of each area.
package seed

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"unicode/utf8"

	"plansite/internal/column"
	"plansite/internal/plan"
	"plansite/internal/problem"
)

// columns are the columns of the Word table, in its order.
var columns = []column.Column{column.ID, column.Area, column.Measures, column.Timeline, column.Lead, column.Coop}

// Header is the CSV header the import writes, and the header row the
// Word table must have: the standard names of its columns.
var Header = column.Names(columns...)

// Column indexes into Header.
var (
	colNumber = slices.Index(columns, column.ID)
	colArea   = slices.Index(columns, column.Area)
)

// cell is one table cell with the position of its first byte of text.
type cell struct {
	text      string
	line, col int
}

// block is a run of non-blank lines: one table row.
type block struct {
	line  int // first line
	cells []cell
}

var utf8BOM = []byte("\uFEFF")

// Import parses the seed text. name is used in error messages.
// Returns the data rows (without the header), each with exactly 6 cells, area filled down.
func Import(name string, data []byte) ([][]string, error) {
	src := source(name)
	// Columns must refer to the file's bytes, so remember the BOM's width.
	bomWidth := 0
	if bytes.HasPrefix(data, utf8BOM) {
		bomWidth = len(utf8BOM)
		data = data[bomWidth:]
	}
	blocks, lastLine, err := readBlocks(src, data, bomWidth)
	if err != nil {
		return nil, err
	}
	if len(blocks) == 0 {
		return nil, src.errAt(lastLine, 1, "no table header: want a line %q", "\t"+Header[0])
	}
	if err := checkHeader(blocks[0], src); err != nil {
		return nil, err
	}
	if len(blocks) == 1 {
		return nil, src.errAt(lastLine, 1, "no task rows after the header")
	}
	return taskRows(src, blocks[1:])
}

// source is the name of the seed file, which its problems give.
type source string

func (s source) errAt(line, col int, format string, args ...any) error {
	return &problem.Problem{File: string(s), Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// readBlocks splits the text, whose first line starts bomWidth bytes into
// the file, into table rows; lastLine is the number of its last line.
func readBlocks(src source, data []byte, bomWidth int) (blocks []block, lastLine int, err error) {
	var (
		cur        *block // block being read, nil between blocks
		inPreamble = true // before the first tab-prefixed line
	)
	lastLine = 1
	for i, raw := range bytes.Split(data, []byte("\n")) {
		lineNo := i + 1
		lastLine = lineNo
		colOff := 0
		if i == 0 {
			colOff = bomWidth
		}
		line, err := lineText(src, raw, lineNo, colOff)
		if err != nil {
			return nil, 0, err
		}
		switch {
		case line == "":
			if cur != nil {
				blocks = append(blocks, *cur)
				cur = nil
			}
		case line[0] == '\t':
			inPreamble = false
			if cur == nil {
				cur = &block{line: lineNo}
			}
			cur.cells = append(cur.cells, cell{text: line[1:], line: lineNo, col: colOff + 2})
		case cur != nil:
			// The cell's text went on past a line break in the original.
			c := &cur.cells[len(cur.cells)-1]
			c.text += "\n" + line
		case inPreamble:
			// Title lines (附件1, 任务分工表, …): not part of the table.
		case isDigits(line):
			// Page number printed between table rows.
		default:
			return nil, 0, src.errAt(lineNo, colOff+1, "unexpected text outside a table row: %s", plan.QuoteCell(line))
		}
	}
	if cur != nil {
		blocks = append(blocks, *cur)
	}
	return blocks, lastLine, nil
}

// lineText is line lineNo of the file, its line end dropped, checked to be
// UTF-8 without a carriage return; colOff is where its text starts.
func lineText(src source, raw []byte, lineNo, colOff int) (string, error) {
	raw = bytes.TrimSuffix(raw, []byte("\r"))
	if !utf8.Valid(raw) {
		return "", src.errAt(lineNo, colOff+invalidUTF8Offset(raw)+1, "invalid UTF-8")
	}
	// A lone CR would come back from encoding/csv changed (CR LF
	// inside a quoted field reads back as LF), and no Word extraction
	// has them on purpose: refuse rather than alter the text.
	if j := bytes.IndexByte(raw, '\r'); j >= 0 {
		return "", src.errAt(lineNo, colOff+j+1, "stray carriage return inside a line")
	}
	return string(raw), nil
}

// taskRows turns the blocks below the header into rows of the CSV, each
// numbered, with 重点任务 filled down.
func taskRows(src source, blocks []block) ([][]string, error) {
	rows := make([][]string, 0, len(blocks))
	area := ""
	for _, b := range blocks {
		if len(b.cells) != len(Header) {
			return nil, src.errAt(b.line, 1, "block has %d cells, want %d", len(b.cells), len(Header))
		}
		num := b.cells[colNumber]
		if !isDigits(num.text) {
			return nil, src.errAt(num.line, num.col, "%s %s is not a number", Header[colNumber], plan.QuoteCell(num.text))
		}
		row := make([]string, len(Header))
		for i, c := range b.cells {
			row[i] = c.text
		}
		// The area is a merged cell: empty means "same area as above".
		if a := b.cells[colArea]; a.text == "" {
			if area == "" {
				return nil, src.errAt(a.line, a.col, "first task %s has an empty %s: nothing to fill down", num.text, Header[colArea])
			}
			row[colArea] = area
		} else {
			area = a.text
		}
		rows = append(rows, row)
	}
	return rows, nil
}

func checkHeader(b block, src source) error {
	for i, want := range Header {
		if i >= len(b.cells) {
			return src.errAt(b.line, 1, "header has %d cells, want %d (missing %q)", len(b.cells), len(Header), want)
		}
		if c := b.cells[i]; c.text != want {
			return src.errAt(c.line, c.col, "header cell %d is %s, want %q", i+1, plan.QuoteCell(c.text), want)
		}
	}
	if len(b.cells) > len(Header) {
		c := b.cells[len(Header)]
		return src.errAt(c.line, c.col, "header has %d cells, want %d (extra %s)", len(b.cells), len(Header), plan.QuoteCell(c.text))
	}
	return nil
}

// isDigits reports whether s is a non-empty run of ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// invalidUTF8Offset returns the byte offset of the first invalid sequence in b.
func invalidUTF8Offset(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// WriteCSV writes Header and rows as UTF-8 CSV (encoding/csv, "\n" line ends, no BOM).
func WriteCSV(w io.Writer, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(Header); err != nil {
		return err
	}
	for i, row := range rows {
		if len(row) != len(Header) {
			return fmt.Errorf("seed: row %d has %d cells, want %d", i+1, len(row), len(Header))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
