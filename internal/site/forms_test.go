package site

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plansite/internal/foldertest"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// The same table saved the ways Excel and WPS save it on Chinese Windows
// gives the same site, byte for byte.
func TestTableFormsGiveTheSameSite(t *testing.T) {
	orig, err := os.ReadFile("../../content/tasks.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := generateDir(t, "../../content")
	checkSite(t, want)

	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(orig)
	if err != nil {
		t.Fatal(err)
	}
	crlf := bytes.ReplaceAll(orig, []byte("\n"), []byte("\r\n"))
	forms := []struct {
		name, file, config string
		data               []byte
		gbDepartments      bool // departments.csv in GB18030 too
	}{
		{"GB18030, detected", "tasks.csv", "", gb, true},
		{"GB18030 table, UTF-8 departments", "tasks.csv", "", gb, false},
		{"GB18030, configured", "tasks.csv", `encoding = "gb18030"`, gb, true},
		{"UTF-8 with BOM", "tasks.csv", "", append([]byte("\ufeff"), orig...), false},
		{"UTF-8 with BOM, configured", "tasks.csv", `encoding = "utf-8"`, append([]byte("\ufeff"), orig...), false},
		{"CRLF line ends", "tasks.csv", "", crlf, false},
		{"GB18030, BOM-less, CRLF", "tasks.csv", "", mustGB(t, crlf), false},
		{"xlsx", "tasks.xlsx", "", xlsxOf(t, orig), false},
		{"xlsx, configured", "data.xlsx", `table = "data.xlsx"`, xlsxOf(t, orig), false},
	}
	for _, f := range forms {
		t.Run(f.name, func(t *testing.T) {
			dir := foldertest.Copy(t, "../../content", "tasks.csv")
			if err := os.WriteFile(filepath.Join(dir, f.file), f.data, 0o644); err != nil {
				t.Fatal(err)
			}
			if f.gbDepartments {
				d, err := os.ReadFile(filepath.Join(dir, "departments.csv"))
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, "departments.csv"), mustGB(t, d), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if f.config != "" {
				appendConfig(t, dir, f.config)
			}
			sameSite(t, f.name, want.Files, generateDir(t, dir).Files)
		})
	}
}

func mustGB(t *testing.T, b []byte) []byte {
	t.Helper()
	out, err := simplifiedchinese.GB18030.NewEncoder().Bytes(b)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// appendConfig adds top-level settings to site.toml; they must come before
// any [table], so they go first.
func appendConfig(t *testing.T, dir, lines string) {
	t.Helper()
	p := filepath.Join(dir, "site.toml")
	old, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, append([]byte(lines+"\n"), old...), 0o644); err != nil {
		t.Fatal(err)
	}
}

// xlsxOf writes a CSV table as a workbook, every cell as text, the way a
// publisher's spreadsheet holds it.
func xlsxOf(t *testing.T, csvData []byte) []byte {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(csvData, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	f := excelize.NewFile()
	defer f.Close()
	sheet := f.GetSheetName(0)
	for i, rec := range recs {
		for j, v := range rec {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellStr(sheet, cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Errors in a workbook name the worksheet cell as well as row and column.
func TestXLSXErrorNamesTheCell(t *testing.T) {
	orig, err := os.ReadFile("../../content/tasks.csv")
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(orig), "\n2,", "\n1,", 1)
	dir := foldertest.Copy(t, "../../content", "tasks.csv")
	if err := os.WriteFile(filepath.Join(dir, "tasks.xlsx"), xlsxOf(t, []byte(broken)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = makeSite(Options{Content: dirSource(dir), Templates: dirSource("../../templates"), Static: dirSource("../../static")})
	want := fmt.Sprintf("%s/tasks.xlsx:3:1: error: Sheet1!A3: 序号 1 appears twice", dir)
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("got %v, want %s…", err, want)
	}
}
