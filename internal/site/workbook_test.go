package site

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"plansite/internal/foldertest"
	"plansite/internal/sitepath"
)

// The parts a workbook of one worksheet, Sheet1, needs and no more, as
// tools other than excelize write them; the worksheet is written apart.
var handParts = [][2]string{
	{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
		`</Types>`},
	{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
		`</Relationships>`},
	{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
	{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
		`</Relationships>`},
}

const sheetPart = "xl/worksheets/sheet1.xml"

// handWorkbook zips handParts and the worksheet part that sheet writes.
func handWorkbook(t *testing.T, sheet func(*zip.Writer) error) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, p := range handParts {
		w, err := zw.Create(p[0])
		if err == nil {
			_, err = io.WriteString(w, p[1])
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := sheet(zw); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// inlineSheet writes a worksheet of rows, every cell an inline string.
// Cells are escaped as XML only, so Excel's own escapes, such as _x0007_
// for a control character, stand as written.
func inlineSheet(rows [][]string) func(*zip.Writer) error {
	return func(zw *zip.Writer) error {
		w, err := zw.Create(sheetPart)
		if err != nil {
			return err
		}
		var s bytes.Buffer
		s.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
		for i, r := range rows {
			fmt.Fprintf(&s, `<row r="%d">`, i+1)
			for j, v := range r {
				fmt.Fprintf(&s, `<c r="%c%d" t="inlineStr"><is><t xml:space="preserve">`, 'A'+j, i+1)
				xml.EscapeText(&s, []byte(v))
				s.WriteString(`</t></is></c>`)
			}
			s.WriteString(`</row>`)
		}
		s.WriteString(`</sheetData></worksheet>`)
		_, err = w.Write(s.Bytes())
		return err
	}
}

// A workbook that is refused (a zip bomb, an overlong cell, a control
// character) fails the build with a located message and leaves the previous
// site exactly as it was.
func TestBadWorkbookKeepsOldSite(t *testing.T) {
	recs, err := csv.NewReader(bytes.NewReader(foldertest.Read(t, "../../content")["tasks.csv"].Data)).ReadAll()
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
	// The bundled table as a workbook written by hand reads back cell for
	// cell (the republished table is content/tasks.csv byte for byte), so
	// the refusals below are of the cells they break, not of the way the
	// workbook is made.
	o := repoSources()
	content := foldertest.Read(t, "../../content")
	orig := content["tasks.csv"].Data
	workbook(handWorkbook(t, inlineSheet(recs)))(t, content, nil)
	o.Content.FS = content
	got := generate(t, o)[sitepath.TableCSV]
	if !bytes.Equal(bytes.TrimPrefix(got, []byte("\ufeff")), bytes.TrimPrefix(orig, []byte("\ufeff"))) {
		t.Fatalf("the workbook reads back as a table of %d bytes, not content/tasks.csv", len(got))
	}
	// table is the bundled table as a workbook, cell (row, col) replaced.
	table := func(row, col int, text string) []byte {
		rows := make([][]string, len(recs))
		for i, r := range recs {
			rows[i] = slices.Clone(r)
		}
		rows[row-1][col-1] = text
		return handWorkbook(t, inlineSheet(rows))
	}
	// A zip bomb's directory says its worksheet unzips to a thousand times
	// what the file holds: a megabyte to 1200 MiB here. load refuses it from
	// the directory alone, before unzipping anything (its own tests unzip a
	// real one), so the worksheet's bytes here are zeros.
	bomb := handWorkbook(t, func(zw *zip.Writer) error {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: sheetPart, Method: zip.Deflate, CompressedSize64: 1200 << 10, UncompressedSize64: 1200 << 20})
		if err == nil {
			_, err = w.Write(make([]byte, 1200<<10))
		}
		return err
	})
	keepsOldSite(t, []badCase{
		{"zip bomb", workbook(bomb), []string{`content/tasks.xlsx: error: the workbook's part "xl/worksheets/sheet1.xml" unzips to 1,258,291,200 bytes, over the limit of 256 MB: is this the wrong file?`}},
		{"cell over the limit", workbook(table(5, 3, strings.Repeat("措", 30000))),
			[]string{"content/tasks.xlsx:5:3: error: Sheet1!C5: a cell of 90000 bytes, over the limit of 65536"}},
		{"control character", workbook(table(7, 5, "市科技局_x0007_")),
			[]string{"content/tasks.xlsx:7:5: error: Sheet1!E7: the cell holds the control character U+0007; remove it"}},
	})
}
