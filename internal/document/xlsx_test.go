package document

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// workbook makes an .xlsx: each sheet its rows (cells from A1) and merged
// ranges ("A1:C1").
func workbook(t *testing.T, sheets ...struct {
	name   string
	rows   [][]string
	merges []string
}) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			f.SetSheetName("Sheet1", s.name)
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			for c, v := range row {
				name, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if v != "" {
					f.SetCellStr(s.name, name, v)
				}
			}
		}
		for _, m := range s.merges {
			a, b, _ := strings.Cut(m, ":")
			if err := f.MergeCell(s.name, a, b); err != nil {
				t.Fatal(err)
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type sheet = struct {
	name   string
	rows   [][]string
	merges []string
}

func TestXLSX(t *testing.T) {
	data := workbook(t,
		sheet{"空", nil, nil},
		sheet{"分工", [][]string{
			{"任务分工表"},
			{"序号", "任务", "牵头单位"},
			{"1", "甲", "市科技局"},
			{"2", "乙", ""},
			{"", "", ""},
			{"3", "丙\n第二行", "市财政局"},
			{"", "", ""},
		}, []string{"A1:C1", "C3:C4", "A10:A1048576", "B3:B3", "D1:XFD1"}},
	)
	doc, err := readXLSX("t.xlsx", data, defaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Tables) != 1 {
		t.Fatalf("%d tables; the empty sheet is left out", len(doc.Tables))
	}
	tb := &doc.Tables[0]
	// The merge over whole columns below the table and the one across the
	// sheet's every column reach no further than the table; the empty row
	// inside is kept, the one at the end is not.
	want := `"任务分工表" c3 | < | <` + "\n" +
		`"序号" | "任务" | "牵头单位"` + "\n" +
		`"1" | "甲" | "市科技局" r2` + "\n" +
		`"2" | "乙" | ^` + "\n" +
		`"" | "" | ""` + "\n" +
		`"3" | "丙\n第二行" | "市财政局"`
	if got := compact(tb); got != want || tb.Caption != "分工" {
		t.Errorf("got (caption %q)\n%s\nwant (caption \"分工\")\n%s", tb.Caption, got, want)
	}
}

func TestXLSXLimits(t *testing.T) {
	small := defaultLimits
	small.rows, small.cols, small.cells, small.cellText = 3, 3, 8, 6
	for _, c := range []struct {
		name string
		s    sheet
		want string
	}{
		{"rows", sheet{"表", [][]string{{"1"}, {"2"}, {"3"}, {"4"}}, nil}, `t.xlsx: error: worksheet "表": it has more than 3 rows`},
		{"columns", sheet{"表", [][]string{{"1", "2", "3", "4"}}, nil}, `t.xlsx: error: worksheet "表": row 1 reaches past 3 columns`},
		{"cells", sheet{"表", [][]string{{"1", "2", "3"}, {"4", "5", "6"}, {"7"}}, nil}, `t.xlsx: error: worksheet "表": it has 3 rows of 3 columns, over the limit of 8 cells`},
		{"cell text", sheet{"表", [][]string{{"一二三"}}, nil}, "t.xlsx: error: table 1, row 1, cell 1: the cell holds more than 6 bytes of text"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := readXLSX("t.xlsx", workbook(t, c.s), small)
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("got %v, want %q", err, c.want)
			}
		})
	}
}
