package load

// Workbooks for the tests: small valid ones, and ones whose worksheet
// unzips to far more than the file holds.

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"testing"

	"github.com/xuri/excelize/v2"
)

// workbook writes rows into the first worksheet of a new workbook, every
// cell as text.
func workbook(tb testing.TB, rows [][]string) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		for j, v := range r {
			cell, err := excelize.CoordinatesToCellName(j+1, i+1)
			if err == nil {
				err = f.SetCellStr("Sheet1", cell, v)
			}
			if err != nil {
				tb.Fatal(err)
			}
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// escapedWorkbook is workbook with every @ written as _x, so that a cell
// can hold the escape _x0007_ by which Excel keeps a control character:
// excelize writes U+FFFD instead.
func escapedWorkbook(tb testing.TB, rows [][]string) []byte {
	tb.Helper()
	data := workbook(tb, rows)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			tb.Fatal(err)
		}
		w, err := zw.Create(f.Name)
		if err == nil {
			_, err = w.Write(bytes.ReplaceAll(b, []byte("@"), []byte("_x")))
		}
		if err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return out.Bytes()
}

// bomb is a valid workbook whose first worksheet is one cell, A1, of mib
// MiB of the letter A: the sheet unzips to about 1000 times what the file
// holds.
func bomb(tb testing.TB, mib int) []byte {
	tb.Helper()
	return withSheet(tb, `<row r="1"><c r="A1" t="inlineStr"><is><t>`, `</t></is></c></row>`, 'A', mib)
}

// padded is a valid workbook of a task table, a header and one task, whose
// worksheet holds mib MiB of spaces before its rows: large when unzipped,
// and nothing wrong with it.
func padded(tb testing.TB, mib int) []byte {
	tb.Helper()
	row := func(r int, cells ...string) string {
		s := fmt.Sprintf(`<row r="%d">`, r)
		for j, c := range cells {
			s += fmt.Sprintf(`<c r="%c%d" t="inlineStr"><is><t>%s</t></is></c>`, 'A'+j, r, c)
		}
		return s + `</row>`
	}
	return withSheet(tb, "", row(1, "序号", "主要措施", "牵头部门")+row(2, "1", "措施。", "市科技局"), ' ', mib)
}

// withSheet replaces the first worksheet of a small workbook by one whose
// sheetData holds before, then mib MiB of the byte fill, then after. The
// deflated megabyte is made once and its blocks repeated, which is valid
// deflate because each copy refers only to itself, so making a large sheet
// costs no more than a CRC over what it unzips to.
func withSheet(tb testing.TB, before, after string, fill byte, mib int) []byte {
	tb.Helper()
	base := workbook(tb, [][]string{{"序号"}})
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		tb.Fatal(err)
	}
	head := []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + before)
	tail := []byte(after + `</sheetData></worksheet>`)
	chunk := bytes.Repeat([]byte{fill}, 1<<20)
	// deflate compresses b as blocks that stand alone: a fresh writer,
	// flushed to a byte boundary; last closes the stream.
	deflate := func(b []byte, last bool) []byte {
		var out bytes.Buffer
		w, _ := flate.NewWriter(&out, flate.BestCompression)
		_, err := w.Write(b)
		if err == nil && last {
			err = w.Close()
		} else if err == nil {
			err = w.Flush()
		}
		if err != nil {
			tb.Fatal(err)
		}
		return out.Bytes()
	}
	var body bytes.Buffer
	crc := crc32.Update(0, crc32.IEEETable, head)
	body.Write(deflate(head, false))
	d := deflate(chunk, false)
	for range mib {
		body.Write(d)
		crc = crc32.Update(crc, crc32.IEEETable, chunk)
	}
	crc = crc32.Update(crc, crc32.IEEETable, tail)
	body.Write(deflate(tail, true))

	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f.Name != "xl/worksheets/sheet1.xml" {
			if err := zw.Copy(f); err != nil {
				tb.Fatal(err)
			}
			continue
		}
		h := f.FileHeader
		h.Method, h.CRC32 = zip.Deflate, crc
		h.CompressedSize64 = uint64(body.Len())
		h.UncompressedSize64 = uint64(len(head)+len(tail)) + uint64(mib)<<20
		w, err := zw.CreateRaw(&h)
		if err == nil {
			_, err = w.Write(body.Bytes())
		}
		if err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return out.Bytes()
}
