package site

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"testing/fstest"

	"plansite/internal/xlsxtest"
)

// A workbook that is refused (a zip bomb, an overlong cell, a control
// character) fails the build with a located message and leaves the previous
// site exactly as it was.
func TestBadWorkbookKeepsOldSite(t *testing.T) {
	recs, err := csv.NewReader(bytes.NewReader(mapFS(t, "../../content")["tasks.csv"].Data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// table is the bundled table as a workbook, cell (row, col) replaced.
	table := func(row, col int, text string) []byte {
		rows := make([][]string, len(recs))
		for i, r := range recs {
			rows[i] = append([]string{}, r...)
		}
		rows[row-1][col-1] = text
		data, err := xlsxtest.Workbook(rows)
		if err == nil { // Excel's escape for a control character, which excelize will not write
			data, err = xlsxtest.Replace(data, "@", "_x")
		}
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	bomb, err := xlsxtest.Bomb(1200)
	if err != nil {
		t.Fatal(err)
	}
	// workbook replaces the table with a workbook.
	workbook := func(data []byte) func(*testing.T, fstest.MapFS, fstest.MapFS) {
		return func(_ *testing.T, c, _ fstest.MapFS) {
			delete(c, "tasks.csv")
			c["tasks.xlsx"] = &fstest.MapFile{Data: data}
		}
	}
	keepsOldSite(t, []badCase{
		{"zip bomb", workbook(bomb), []string{`content/tasks.xlsx: the workbook's part "xl/worksheets/sheet1.xml" unzips to 1258291`}},
		{"cell over the limit", workbook(table(5, 3, strings.Repeat("措", 30000))),
			[]string{"content/tasks.xlsx:5:3: Sheet1!C5: a cell of 90000 bytes, over the limit of 65536"}},
		{"control character", workbook(table(7, 5, "市科技局@0007_")),
			[]string{"content/tasks.xlsx:7:5: Sheet1!E7: the cell holds the control character U+0007; remove it"}},
	})
}
