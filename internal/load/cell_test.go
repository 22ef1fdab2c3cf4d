package load

import (
	"strings"
	"testing"
	"testing/fstest"

	"plansite/internal/column"
	"plansite/internal/config"
)

func TestCSVControlCharacters(t *testing.T) {
	const head = "序号,主要措施,牵头部门\n"
	deps := "名称,slug\n市科技局,science\n"
	tests := []struct {
		name, file, data string
		want             string // the first task's 主要措施, or the error
	}{
		{"vertical tab is a line break", "tasks.csv", head + "1,甲。\v乙。\t丙。,市科技局\r\n", "甲。\n乙。\t丙。"},
		{"bell", "tasks.csv", head + "1,甲。,市科技局\n2,乙。,市\a科技局\n", "content/tasks.csv:3:6: error: the cell holds the control character U+0007; remove it"},
		{"NUL in a quoted cell on its second line", "tasks.csv", head + "1,\"甲。\n乙\x00。\",市科技局\n", "content/tasks.csv:2:3: error: the cell holds the control character U+0000; remove it"},
		{"escape in the header", "tasks.csv", "序号,主要措施\x1b,牵头部门\n", "content/tasks.csv:1:4: error: the cell holds the control character U+001B; remove it"},
		{"C1", "tasks.csv", head + "1,甲\u009f。,市科技局\n", "content/tasks.csv:2:3: error: the cell holds the control character U+009F; remove it"},
		{"departments.csv", "departments.csv", "名称,slug\n市科技局,science\n市财政局\u0085,finance\n", "content/departments.csv:3:1: error: the cell holds the control character U+0085; remove it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := fstest.MapFS{"tasks.csv": {Data: []byte(head + "1,甲。,市科技局\n")}, "departments.csv": {Data: []byte(deps)}}
			files[tt.file] = &fstest.MapFile{Data: []byte(tt.data)}
			tables, err := ReadTables(files, "content", config.Config{Encoding: config.EncodingAuto})
			if err != nil {
				if !strings.HasPrefix(err.Error(), tt.want) {
					t.Fatalf("error %v, want %s", err, tt.want)
				}
				return
			}
			if got := tables.Rows[0].Cell(column.Measures).Text; got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCleanCellEveryCharacter holds cleanCell, which passes a cell without
// any byte a control character could hold, to the rune by rune check, for
// every character up to U+2FFF (C0, C1, Latin, CJK punctuation) and a few
// beyond, at each place in a cell.
func TestCleanCellEveryCharacter(t *testing.T) {
	var runes []rune
	for r := rune(0); r < 0x3000; r++ {
		runes = append(runes, r)
	}
	runes = append(runes, '中', '\uFEFF', '\uFFFD', 0x1F600, 0x10FFFF)
	for _, r := range runes {
		for _, s := range []string{string(r), "甲" + string(r), string(r) + "乙。", "甲\n" + string(r) + "\t乙"} {
			gotText, gotBad := cleanCell(s)
			wantText, wantBad := cleanControls(s)
			if gotText != wantText || gotBad != wantBad {
				t.Fatalf("cleanCell(%q) = %q, %U; rune by rune %q, %U", s, gotText, gotBad, wantText, wantBad)
			}
		}
	}
}
