package document

import (
	"bytes"
	"fmt"
	"os"

	"github.com/xuri/excelize/v2"

	"plansite/internal/plan"
	"plansite/internal/problem"
)

// A workbook is read with excelize, as internal/load reads tasks.xlsx, but
// every worksheet is a table (an empty one is left out, so table N is the
// Nth worksheet that holds something; Caption is its name). Cells are their
// formatted values, what Excel shows; merged ranges are spans, their text
// the top left cell's. Rows and columns hidden in Excel are read like the
// others. The table ends at the last row and the last column that hold
// text (formatting and merges often reach past it); empty rows inside it
// are kept.

// xlsxSpill: a worksheet part over this size is unzipped to a temporary
// file and read from there as a stream, as internal/load does.
const xlsxSpill = 16 << 20

func readXLSX(file string, data []byte, lim limits) (*Document, error) {
	if _, err := openZip(file, "workbook", data); err != nil {
		return nil, err
	}
	// excelize unzips large parts into temporary files, which File.Close
	// removes, but not those of a workbook it fails to open: give it a
	// folder of its own and remove the folder.
	tmp, err := os.MkdirTemp("", "plansite-xlsx-")
	if err != nil {
		return nil, fileError(file, "cannot read the workbook: %v", err)
	}
	defer os.RemoveAll(tmp)
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: MaxUnzipped, UnzipXMLSizeLimit: xlsxSpill, TmpDir: tmp})
	if f != nil {
		defer f.Close()
	}
	if err != nil {
		return nil, fileError(file, "cannot read the workbook: %v", err)
	}
	doc := &Document{File: file, Format: "xlsx"}
	b := &budget{file: file, lim: lim}
	for _, sheet := range f.GetSheetList() {
		if err := readSheet(f, sheet, doc, b); err != nil {
			return nil, err
		}
	}
	return doc, nil
}

// area is a merged range of a worksheet, 0-based and inclusive.
type area struct{ top, left, bottom, right int }

func readSheet(f *excelize.File, sheet string, doc *Document, b *budget) error {
	file := b.file
	fail := func(format string, args ...any) error {
		return &problem.Problem{File: file, Ref: "worksheet " + plan.QuoteCell(sheet), Msg: fmt.Sprintf(format, args...)}
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return fail("cannot read it: %v", err)
	}
	defer rows.Close()
	// The sheet is read whole first (its rows are few; the limits bound
	// them), since empty rows at its end are only known at its end.
	var cells [][]string
	size, last, width := 0, -1, 0
	for rows.Next() {
		if len(cells) >= b.lim.rows-b.rows {
			return fail("it has more than %d rows, over the limit: no task table is that long; is this the wrong file?", b.lim.rows)
		}
		rec, err := rows.Columns()
		if err != nil {
			return fail("cannot read row %d: %v", len(cells)+1, err)
		}
		for len(rec) > 0 && rec[len(rec)-1] == "" {
			rec = rec[:len(rec)-1]
		}
		if len(rec) > b.lim.cols {
			return fail("row %d reaches past %d columns, the limit of a table: is this the wrong file?", len(cells)+1, b.lim.cols)
		}
		for j, c := range rec {
			if len(c) > b.lim.cellText {
				return b.cellTooLong(b.tables+1, len(cells)+1, j+1)
			}
			size += len(c)
		}
		if size > b.lim.text {
			return b.addText(size, 0, 0, 0)
		}
		cells = append(cells, rec)
		if len(rec) > 0 {
			last = len(cells) - 1
			width = max(width, len(rec))
		}
	}
	if err := rows.Error(); err != nil {
		return fail("cannot read it: %v", err)
	}
	cells = cells[:last+1]
	if len(cells) == 0 {
		return nil
	}
	merges, err := mergedAreas(f, sheet, len(cells), width)
	if err != nil {
		return fail("cannot read its merged cells: %v", err)
	}
	if len(cells)*width > b.lim.cells-b.cells {
		return fail("it has %d rows of %d columns, over the limit of %d cells in all: is this the wrong file?", len(cells), width, b.lim.cells)
	}
	// owner[r*width+c] is 1 + the index of the merge that holds the place,
	// or 0. A merge overlapping one before it is left out, as Excel would
	// refuse it.
	owner := make([]int32, len(cells)*width)
next:
	for i, m := range merges {
		for r := m.top; r <= m.bottom; r++ {
			for c := m.left; c <= m.right; c++ {
				if owner[r*width+c] != 0 {
					continue next
				}
			}
		}
		for r := m.top; r <= m.bottom; r++ {
			for c := m.left; c <= m.right; c++ {
				owner[r*width+c] = int32(i + 1)
			}
		}
	}
	num, err := b.addTable()
	if err != nil {
		return err
	}
	g := grid{b: b, table: num}
	for r, rec := range cells {
		if err := g.newRow(); err != nil {
			return err
		}
		for c := 0; c < width; c++ {
			if !g.free(r, c) {
				continue // covered by a merge placed to its left or above
			}
			text := ""
			if c < len(rec) {
				text = rec[c]
			}
			var err error
			switch k := owner[r*width+c]; {
			case k == 0:
				err = g.place(r, c, 1, text)
			case merges[k-1].top == r:
				m := merges[k-1]
				err = g.place(r, c, m.right-m.left+1, text)
			default:
				err = g.extend(r, merges[k-1].top, merges[k-1].left)
			}
			if err != nil {
				return err
			}
		}
	}
	t := Table{Before: len(doc.Paragraphs), Caption: sheet}
	if err := g.finish(&t, func(w problem.Problem) { doc.Warnings = append(doc.Warnings, w) }); err != nil {
		return err
	}
	doc.Tables = append(doc.Tables, t)
	return nil
}

// mergedAreas are a sheet's merged ranges that begin in its first rows
// rows and cols columns, the rows and columns that hold text, clipped to
// them: formatting often merges far past the table (a merge of whole
// columns would be a million rows).
func mergedAreas(f *excelize.File, sheet string, rows, cols int) ([]area, error) {
	mcs, err := f.GetMergeCells(sheet, true)
	if err != nil {
		return nil, err
	}
	var out []area
	for _, mc := range mcs {
		l, t, err1 := excelize.CellNameToCoordinates(mc.GetStartAxis())
		r, b, err2 := excelize.CellNameToCoordinates(mc.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue
		}
		a := area{top: min(t, b) - 1, left: min(l, r) - 1, bottom: min(max(t, b)-1, rows-1), right: min(max(l, r)-1, cols-1)}
		if a.top >= rows || a.left >= cols || a.top == a.bottom && a.left == a.right {
			continue
		}
		out = append(out, a)
	}
	return out, nil
}
