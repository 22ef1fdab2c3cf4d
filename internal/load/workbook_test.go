package load

import (
	"archive/zip"
	"bytes"
	"os"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"plansite/internal/column"
	"plansite/internal/config"
)

// readWorkbook reads data as content/tasks.xlsx with TMPDIR set to a folder
// of the test's own, and fails the test if the read leaves a file there.
func readWorkbook(t *testing.T, data []byte) (*Tables, error) {
	t.Helper()
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	tables, err := ReadTables(fstest.MapFS{"tasks.xlsx": {Data: data}}, "content", config.Config{Encoding: config.EncodingAuto})
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("the read left %d files in the temporary folder, e.g. %s", len(left), left[0].Name())
	}
	return tables, err
}

func wantError(t *testing.T, err error, want string) {
	t.Helper()
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("error %.500v, want …%s…", err, want)
	}
}

// A workbook of a megabyte that unzips to 1.2 GB is refused from its zip
// directory, before anything is unzipped: it once took 80 s and 7.7 GB.
func TestWorkbookBomb(t *testing.T) {
	data := bomb(t, 1200)
	if len(data) > 2<<20 {
		t.Fatalf("the bomb is %d bytes; it should be about a megabyte", len(data))
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, err := readWorkbook(t, data)
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	wantError(t, err, `content/tasks.xlsx: error: the workbook's part "xl/worksheets/sheet1.xml" unzips to 1,258,291,`)
	wantError(t, err, "over the limit of 256 MB")
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 200<<20 {
		t.Errorf("reading the bomb allocated %d MB", alloc>>20)
	}
	if took > 10*time.Second {
		t.Errorf("reading the bomb took %v", took)
	}
}

// A worksheet over excelize's in-memory limit is unzipped to a temporary
// file; whether the read fails or succeeds, the file is removed.
func TestWorkbookLargeSheetLeavesNoTemporaryFiles(t *testing.T) {
	_, err := readWorkbook(t, bomb(t, 20))
	wantError(t, err, "content/tasks.xlsx:1:1: error: Sheet1!A1: a cell of 20971520 bytes, over the limit of 65536")

	tables, err := readWorkbook(t, padded(t, 20))
	if err != nil {
		t.Fatal(err)
	}
	if len(tables.Rows) != 1 || tables.Rows[0].Cell(column.Lead).Text != "市科技局" {
		t.Fatalf("rows %+v", tables.Rows)
	}
}

func TestWorkbookCells(t *testing.T) {
	header := []string{"序号", "主要措施", "牵头部门"}
	rows := func(bad ...string) [][]string {
		out := [][]string{header, {"1", "甲。", "市科技局"}, {"2", "乙。", "市科技局"}, {"3", "丙。", "市科技局"}}
		return append(out, bad)
	}
	tests := []struct {
		name string
		rows [][]string
		want string
	}{
		{"cell over the limit", rows("4", "丁。", strings.Repeat("局", 30000)),
			"content/tasks.xlsx:5:3: error: Sheet1!C5: a cell of 90000 bytes, over the limit of 65536"},
		{"bell", rows("4", "丁@0007_。", "市科技局"),
			"content/tasks.xlsx:5:2: error: Sheet1!B5: the cell holds the control character U+0007; remove it"},
		{"C1 control", rows("4", "丁。", "市科技局\u0085"),
			"content/tasks.xlsx:5:3: error: Sheet1!C5: the cell holds the control character U+0085; remove it"},
		{"delete", rows("4", "丁。", "@007F_市科技局"),
			"content/tasks.xlsx:5:3: error: Sheet1!C5: the cell holds the control character U+007F; remove it"},
		{"in the header", [][]string{{"序号", "主要措施@0000_", "牵头部门"}},
			"content/tasks.xlsx:1:2: error: Sheet1!B1: the cell holds the control character U+0000; remove it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readWorkbook(t, escapedWorkbook(t, tt.rows))
			wantError(t, err, tt.want)
		})
	}
	t.Run("vertical tab is a line break", func(t *testing.T) {
		tables, err := readWorkbook(t, escapedWorkbook(t, rows("4", "丁。@000B_戊。\t己。", "市科技局")))
		if err != nil {
			t.Fatal(err)
		}
		if got := tables.Rows[3].Cell(column.Measures).Text; got != "丁。\n戊。\t己。" {
			t.Fatalf("got %q", got)
		}
	})
}

// Damaged or foreign files are refused from the zip directory.
func TestWorkbookDirectory(t *testing.T) {
	rezip := func(edit func(zw *zip.Writer)) []byte {
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		edit(zw)
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"encrypted or .xls", append([]byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}, make([]byte, 512)...),
			"content/tasks.xlsx: error: cannot read the workbook: it is encrypted or an old .xls file"},
		{"a part claims more than deflate can make", rezip(func(zw *zip.Writer) {
			w, _ := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CompressedSize64: 10, UncompressedSize64: 100 << 20})
			w.Write(make([]byte, 10))
		}), `content/tasks.xlsx: error: cannot read the workbook: its part "xl/worksheets/sheet1.xml" claims to unzip to 104,857,600 bytes from 10 bytes`},
		{"too many parts", rezip(func(zw *zip.Writer) {
			for i := range MaxWorkbookParts + 1 {
				zw.CreateHeader(&zip.FileHeader{Name: strings.Repeat("x", i%7) + string(rune('a'+i%26)), Method: zip.Store})
			}
		}), "content/tasks.xlsx: error: the workbook has 10,001 parts, over the limit of 10,000"},
		{"parts together over the limit", rezip(func(zw *zip.Writer) {
			for i := range 3 {
				w, _ := zw.CreateRaw(&zip.FileHeader{Name: "xl/media/image" + string(rune('1'+i)) + ".png", Method: zip.Store, CompressedSize64: 100 << 20, UncompressedSize64: 100 << 20})
				_ = w
			}
		}), "content/tasks.xlsx: error: the workbook unzips to 314,572,800 bytes, over the limit of 256 MB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readWorkbook(t, tt.data)
			wantError(t, err, tt.want)
		})
	}
}
