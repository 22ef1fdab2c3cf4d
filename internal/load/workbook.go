package load

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/xuri/excelize/v2"

	"plansite/internal/officezip"
	"plansite/internal/plan"
	"plansite/internal/problem"
)

// Limits on a workbook, checked in its zip directory before anything is
// unzipped, so that a small file that unzips to gigabytes (a zip bomb, or a
// damaged file) is refused at once. The bundled table as a workbook unzips
// to 35 KB; 100,000 tasks of its length would come to about 70 MB.
const (
	MaxWorkbookUnzipped = officezip.MaxUnzipped // all parts together, uncompressed
	MaxWorkbookParts    = officezip.MaxParts
	// A worksheet or shared-string part over this size is unzipped to a
	// temporary file and read from there as a stream (excelize's
	// UnzipXMLSizeLimit), not held in memory whole.
	workbookSpill = 16 << 20
)

// oleMagic starts an encrypted workbook or an old .xls file, neither of
// which is a zip file.
var oleMagic = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}

// checkWorkbook refuses a workbook that is not one (an encrypted file, an
// old .xls) or whose parts would unzip beyond the limits (officezip), before
// excelize unzips anything.
func checkWorkbook(file string, data []byte) error {
	if bytes.HasPrefix(data, oleMagic) {
		return &problem.Problem{File: file, Msg: "cannot read the workbook: it is encrypted or an old .xls file; save it as an .xlsx workbook without a password"}
	}
	_, err := officezip.Open(file, "workbook", data)
	return err
}

// readXLSX opens the first worksheet of a workbook and gives read its rows
// (sheetSource); sheet is the worksheet's name.
func readXLSX(file string, data []byte, read func(rowSource) error) (sheet string, err error) {
	if err := checkWorkbook(file, data); err != nil {
		return "", err
	}
	// excelize unzips large parts into temporary files, which File.Close
	// removes, but not those of a workbook it fails to open: give it a
	// folder of its own and remove the folder.
	tmp, err := os.MkdirTemp("", "plansite-xlsx-")
	if err != nil {
		return "", &problem.Problem{File: file, Msg: "cannot read the workbook: " + err.Error()}
	}
	defer os.RemoveAll(tmp)
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: MaxWorkbookUnzipped, UnzipXMLSizeLimit: workbookSpill, TmpDir: tmp})
	if f != nil {
		defer f.Close()
	}
	if err != nil {
		return "", &problem.Problem{File: file, Msg: "cannot read the workbook: " + err.Error()}
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return "", &problem.Problem{File: file, Msg: "the workbook has no worksheet"}
	}
	sheet = sheets[0]
	rows, err := f.Rows(sheet)
	if err != nil {
		return sheet, &problem.Problem{File: file, Msg: fmt.Sprintf("cannot read worksheet %s: %v", sheet, err)}
	}
	defer rows.Close()
	src := &sheetSource{file: file, sheet: sheet, rows: rows, header: -1}
	if src.merged, err = sheetMerges(f, file, sheet); err != nil {
		return sheet, err
	}
	return sheet, read(src)
}

// sheetMerges reads a worksheet's merged cells, top first.
func sheetMerges(f *excelize.File, file, sheet string) ([]plan.Merge, error) {
	cells, err := f.GetMergeCells(sheet)
	if err != nil {
		return nil, &problem.Problem{File: file, Msg: fmt.Sprintf("cannot read the merged cells of worksheet %s: %v", sheet, err)}
	}
	if len(cells) > MaxRows {
		return nil, &problem.Problem{File: file, Msg: fmt.Sprintf("worksheet %s has %s merged cells; plansite reads at most %s: is this the wrong file?", sheet, plan.GroupDigits(len(cells)), plan.GroupDigits(MaxRows))}
	}
	var out []plan.Merge
	for _, c := range cells {
		m, ok := parseRange(c.GetStartAxis() + ":" + c.GetEndAxis())
		if !ok || m.Right > MaxColumns {
			continue // a single cell, or past the columns a table may have
		}
		m.File = file
		out = append(out, m)
	}
	slices.SortStableFunc(out, func(a, b plan.Merge) int { return cmp.Compare(a.Top, b.Top) })
	return out, nil
}

func (s *sheetSource) merges() []plan.Merge { return s.merged }

// fillMerged writes into the row rec (of worksheet row line) the text of
// each merge that covers it from a row above: a workbook keeps a merged
// cell's text in its top left cell only, and the table's rows each carry
// the text of the cells merged over them, as plansite import writes them.
// The merges over a row are found from those begun above it, so that a
// sheet's rows are read once whatever its merges.
func (s *sheetSource) fillMerged(line int, rec []string) []string {
	for s.nextMerge < len(s.merged) && s.merged[s.nextMerge].Top <= line {
		s.active = append(s.active, s.nextMerge)
		s.nextMerge++
	}
	keep := s.active[:0]
	for _, i := range s.active {
		m := s.merged[i]
		if m.Bottom < line {
			continue
		}
		keep = append(keep, i)
		c := m.Left - 1
		if m.Top == line {
			if c < len(rec) {
				s.text[i] = rec[c]
			}
			continue
		}
		for len(rec) <= c {
			rec = append(rec, "")
		}
		if rec[c] == "" {
			rec[c] = s.text[i]
		}
	}
	s.active = keep
	return rec
}

// sheetSource reads a worksheet: its first row is the header, and every row
// below that is not wholly empty is a record. Line and column of each cell
// are its row and column numbers. Rows are read as a stream, each cell
// checked as it comes, so an overlong cell stops the read where it stands.
type sheetSource struct {
	file, sheet string
	rows        *excelize.Rows
	line        int // the row last read
	header      int // how many columns the header has; -1 until it is read
	// The sheet's merged cells, top first; those begun by the row read,
	// and each one's text.
	merged    []plan.Merge
	nextMerge int
	active    []int
	text      map[int]string
}

func (s *sheetSource) record() int { return s.line }

func (s *sheetSource) next() ([]string, []plan.Cell, error) {
	for s.rows.Next() {
		s.line++
		rec, err := s.rows.Columns()
		if err != nil {
			return nil, nil, &problem.Problem{File: s.file, Line: s.line, Msg: fmt.Sprintf("cannot read row %d of worksheet %s: %v", s.line, s.sheet, err)}
		}
		if len(s.merged) > 0 {
			if s.text == nil {
				s.text = map[int]string{}
			}
			rec = s.fillMerged(s.line, rec)
		}
		for j := range rec {
			if len(rec[j]) > MaxCell {
				return nil, nil, cellTooLong(s.file, s.line, j+1, len(rec[j]), "is this the wrong file?")
			}
			var bad rune
			if rec[j], bad = cleanCell(rec[j]); bad >= 0 {
				return nil, nil, controlError(s.file, s.line, j+1, bad)
			}
		}
		if s.line == 1 {
			if len(rec) == 0 {
				break
			}
			for len(rec) > 0 && plan.TrimSpace(rec[len(rec)-1]) == "" {
				rec = rec[:len(rec)-1] // formatting often reaches past the last column
			}
			if len(rec) > MaxColumns {
				return nil, nil, tooManyColumns(s.file, 1, MaxColumns+1, len(rec))
			}
			s.header = len(rec)
			return rec, cellRow(1, len(rec)), nil
		}
		if blank(rec) {
			continue
		}
		for j := s.header; j < len(rec); j++ {
			if plan.TrimSpace(rec[j]) != "" {
				return nil, nil, &problem.Problem{File: s.file, Line: s.line, Col: j + 1, Msg: "this cell has a value but its column has no header"}
			}
		}
		row := make([]string, s.header)
		copy(row, rec)
		return row, cellRow(s.line, s.header), nil
	}
	if err := s.rows.Error(); err != nil {
		return nil, nil, &problem.Problem{File: s.file, Msg: fmt.Sprintf("cannot read worksheet %s: %v", s.sheet, err)}
	}
	if s.header < 0 {
		return nil, nil, &problem.Problem{File: s.file, Line: 1, Col: 1, Msg: fmt.Sprintf("worksheet %s is empty; its first row must be the header", s.sheet)}
	}
	return nil, nil, io.EOF
}

func cellRow(line, n int) []plan.Cell {
	cells := make([]plan.Cell, n)
	for j := range cells {
		cells[j] = plan.Cell{Line: line, Col: j + 1}
	}
	return cells
}

func blank(rec []string) bool {
	for _, c := range rec {
		if plan.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
