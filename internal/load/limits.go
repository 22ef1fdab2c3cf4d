package load

import (
	"fmt"
	"io/fs"

	"plansite/internal/inputfs"
	"plansite/internal/plan"
	"plansite/internal/problem"
)

// Limits on a table (the task table, departments.csv, the progress file),
// so that no file can make a build need more than a few gigabytes: each is
// far above any real table and is checked before the work it bounds. The
// largest real tables have a few hundred rows and a dozen columns; the
// benchmarks build 100,000 synthetic tasks, a 50 MB file.
const (
	// MaxTableBytes is the largest table file read, CSV or workbook,
	// checked before it is read.
	MaxTableBytes = 128 << 20
	// MaxColumns is the most columns a table may have, counted at its
	// header.
	MaxColumns = 64
	// MaxRows is the most rows below the header a table may have,
	// counted as they are read: each task is one at least.
	MaxRows = 200_000
)

// TableLimit is the largest table file read, CSV or workbook, checked
// before it is read.
var TableLimit = inputfs.Limit{Bytes: MaxTableBytes, What: "a table",
	Advice: "no real table is that large; is this the wrong file?"}

// readTable reads the table name of fsys, refusing a file over
// MaxTableBytes before reading it. file names it in messages; what says
// what is being read ("cannot read the task table: ").
func readTable(fsys fs.FS, name, file, what string) ([]byte, error) {
	return inputfs.ReadFile(fsys, name, file, TableLimit, what)
}

// tooManyColumns refuses a header of n columns, at the first one over the
// limit.
func tooManyColumns(file string, line, col, n int) error {
	return &problem.Problem{File: file, Line: line, Col: col,
		Msg: fmt.Sprintf("the table has %s columns; plansite reads at most %d: is this the wrong file, or a row of data where the header should be?", plan.GroupDigits(n), MaxColumns)}
}

// tooManyRows refuses a table at its first row over the limit.
func tooManyRows(file string, line int) error {
	return &problem.Problem{File: file, Line: line, Col: 1,
		Msg: fmt.Sprintf("the table has more than %s rows below its header; plansite reads at most %s: is this the wrong file?", plan.GroupDigits(MaxRows), plan.GroupDigits(MaxRows))}
}

// megabytes writes a size of whole megabytes: 128 MB.
func megabytes(n int) string { return fmt.Sprintf("%d MB", n>>20) }
