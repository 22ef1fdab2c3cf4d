package document

import (
	"fmt"
	"plansite/internal/officezip"
	"plansite/internal/problem"
	"strings"
)

// Limits on what a document may hold, each checked before the work it would
// blow up, so that a hostile or damaged file is refused in a fraction of a
// second and a few megabytes. A real task table is far inside every one: the
// bundled table of 23 tasks is a 40 KB .docx with one table of 24 rows and 6
// columns; a table of 10,000 tasks would be 60,000 cells.
const (
	// MaxFile is the largest document file read, and the largest file
	// LibreOffice may make of it. Pictures make Word files large; the text
	// of a table is a small part.
	MaxFile = 64 << 20
	// MaxHTML is the largest HTML page: Word's HTML export is about ten
	// bytes of markup for each character of text.
	MaxHTML = 32 << 20
	// MaxUnzipped is what all parts of a .docx or .xlsx may claim to unzip
	// to together, and MaxParts how many parts it may have; no part may
	// claim more than deflate can make (1032 times its compressed size).
	MaxUnzipped = officezip.MaxUnzipped
	MaxParts    = officezip.MaxParts
	MaxTables   = 1_000   // tables in a document, nested ones included
	MaxRows     = 200_000 // rows of all tables together
	MaxCols     = 256     // grid columns of one table
	MaxCells    = 1_000_000
	// MaxCellText is the longest text of one cell, as load.MaxCell: a longer
	// one is almost always the wrong file.
	MaxCellText = 64 << 10
	// MaxText is all the text kept (cells and paragraphs; a nested table's
	// text counts once for each cell it is in).
	MaxText    = 64 << 20
	MaxNesting = 16 // tables inside tables
)

// limits are the limits a reader checks: the constants above, smaller in
// tests so that each can be reached.
type limits struct {
	tables, rows, cols, cells, cellText, text, nesting int
}

var defaultLimits = limits{
	tables: MaxTables, rows: MaxRows, cols: MaxCols, cells: MaxCells,
	cellText: MaxCellText, text: MaxText, nesting: MaxNesting,
}

// Ref is how a message names a place in a document: "table 2, row 5, cell
// 3", each number 1-based; a zero number and those after it are left out.
func Ref(table, row, cell int) string {
	var parts []string
	for _, p := range []struct {
		name string
		n    int
	}{{"table", table}, {"row", row}, {"cell", cell}} {
		if p.n <= 0 {
			break
		}
		parts = append(parts, fmt.Sprintf("%s %d", p.name, p.n))
	}
	return strings.Join(parts, ", ")
}

// errorAt is a problem at a place of the document (1-based numbers, 0 for
// none).
func errorAt(file string, table, row, cell int, format string, args ...any) *problem.Problem {
	return &problem.Problem{File: file, Ref: Ref(table, row, cell), Msg: fmt.Sprintf(format, args...)}
}

// fileError is a problem with the file as a whole.
func fileError(file string, format string, args ...any) *problem.Problem {
	return &problem.Problem{File: file, Msg: fmt.Sprintf(format, args...)}
}

// megabytes writes a limit for a message: "64 MB".
func megabytes(n int64) string { return fmt.Sprintf("%d MB", n>>20) }

// byteCount writes a size for a message, exactly: "67,108,865 bytes".
func byteCount(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s + " bytes"
}
