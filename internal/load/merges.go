package load

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"

	"plansite/internal/config"
	"plansite/internal/plan"
	"plansite/internal/problem"
)

// MergesFile lists the merged cells of a CSV task table, one spreadsheet
// range (B3:B9) a line under the heading 合并单元格, as plansite import
// writes it beside the table: a CSV file cannot say which cells were one in
// the document. A workbook says it itself.
const MergesFile = "merges.csv"

// mergesHeading is merges.csv's one column.
const mergesHeading = "合并单元格"

// readMergesFile reads merges.csv of the content folder, if it has one.
func readMergesFile(fsys fs.FS, file string, cfg config.Config) ([]plan.Merge, error) {
	if _, err := fs.Stat(fsys, MergesFile); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	data, err := readTable(fsys, MergesFile, file, "")
	if err != nil {
		return nil, err
	}
	text, err := decodeText(file, data, cfg.Encoding)
	if err != nil {
		return nil, err
	}
	return readMerges(file, text)
}

// readMerges reads the text of merges.csv, each range checked to be a
// spreadsheet range whose first cell is its top left.
func readMerges(file string, text []byte) ([]plan.Merge, error) {
	src, err := newCSVSource(file, text)
	if err != nil {
		return nil, err
	}
	head, pos, err := src.next()
	if err != nil {
		return nil, err
	}
	if len(head) != 1 || plan.Squeeze(head[0]) != mergesHeading {
		return nil, &problem.Problem{File: file, Line: pos[0].Line, Col: pos[0].Col,
			Msg: fmt.Sprintf("the heading must be the one column %s, then a merged cell's range (B3:B9) a line", mergesHeading)}
	}
	var out []plan.Merge
	for {
		rec, pos, err := src.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		m, ok := parseRange(strings.TrimSpace(rec[0]))
		if !ok {
			return nil, &problem.Problem{File: file, Line: pos[0].Line, Col: pos[0].Col,
				Msg: fmt.Sprintf("%s is not a range of cells such as B3:B9 (column letters, then row numbers; the top left cell first)", plan.QuoteCell(rec[0]))}
		}
		m.File, m.Line, m.Col = file, pos[0].Line, pos[0].Col
		out = append(out, m)
	}
}

// parseRange reads a spreadsheet range, B3:B9, into rows and columns from
// 1; ok is false unless it is one of two cells or more, its top left first.
func parseRange(s string) (plan.Merge, bool) {
	a, b, found := strings.Cut(strings.ToUpper(s), ":")
	if !found {
		return plan.Merge{}, false
	}
	r1, c1, ok1 := parseCell(a)
	r2, c2, ok2 := parseCell(b)
	if !ok1 || !ok2 || r2 < r1 || c2 < c1 || (r1 == r2 && c1 == c2) {
		return plan.Merge{}, false
	}
	return plan.Merge{Top: r1, Left: c1, Bottom: r2, Right: c2}, true
}

// parseCell reads a cell's name, B3, into its row and column from 1. Both
// are bounded far above any table (MaxRows rows, MaxColumns columns), so
// that no name can overflow.
func parseCell(s string) (row, col int, ok bool) {
	i := 0
	for i < len(s) && s[i] >= 'A' && s[i] <= 'Z' && i < 3 {
		col = col*26 + int(s[i]-'A'+1)
		i++
	}
	digits := s[i:]
	if i == 0 || digits == "" || len(digits) > 7 || digits[0] == '0' {
		return 0, 0, false
	}
	for _, d := range digits {
		if d < '0' || d > '9' {
			return 0, 0, false
		}
	}
	row, _ = strconv.Atoi(digits)
	return row, col, true
}
