package load

import (
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/encoding/simplifiedchinese"

	"plansite/internal/column"
	"plansite/internal/config"
)

func gb(s string) []byte {
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

func TestDecodeText(t *testing.T) {
	const text = "序号,主要措施\n1,推进“强芯”工程。\n"
	tests := []struct {
		name, enc string
		in        []byte
		want      string // the text, or the start of the error
	}{
		{"UTF-8", config.EncodingAuto, []byte(text), text},
		{"UTF-8 with BOM", config.EncodingAuto, append([]byte("\ufeff"), text...), text},
		{"GB18030 detected", config.EncodingAuto, gb(text), text},
		{"GB18030 configured", config.EncodingGB18030, gb(text), text},
		{"BOM wins over the setting", config.EncodingGB18030, append([]byte("\ufeff"), text...), text},
		{"UTF-8 configured, GB18030 given", config.EncodingUTF8, gb(text), "t.csv:1:1: error: not valid UTF-8"},
		{"BOM, then not UTF-8", config.EncodingAuto, append([]byte("\ufeff序号\n1,"), gb("措施")...), "t.csv:2:3: error: not valid UTF-8"},
		{"UTF-16", config.EncodingAuto, []byte("\xff\xfe\x8f\x5e"), "t.csv:1:1: error: the file is UTF-16"},
		{"neither", config.EncodingAuto, []byte("序号\n1,\xff\xfe\xfd\n"), "t.csv:2:3: error: the file is neither UTF-8 nor GB18030"},
		{"neither, later", config.EncodingAuto, []byte("id\n1,ok\n2,\x81\x20x\n"), "t.csv:3:3: error: the file is neither UTF-8 nor GB18030"},
		{"not GB18030", config.EncodingGB18030, []byte("id\n\xff\n"), "t.csv:2:1: error: not valid GB18030"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeText("t.csv", tt.in, tt.enc)
			if err != nil {
				if !strings.HasPrefix(err.Error(), tt.want) {
					t.Fatalf("error %v, want %s…", err, tt.want)
				}
				return
			}
			if string(got) != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTaskTableChoiceAndWorkbooks(t *testing.T) {
	cfg := config.Config{Encoding: config.EncodingAuto}
	csv := &fstest.MapFile{Data: []byte("序号,主要措施,牵头部门\n1,措施。,市科技局\n")}
	header := []string{"序号", "工作任务", "牵头单位"}
	tests := []struct {
		name  string
		files fstest.MapFS
		table string
		want  string // the first task's 主要措施, or the start of the error
	}{
		{"csv only", fstest.MapFS{"tasks.csv": csv}, "", "措施。"},
		{"xlsx only", fstest.MapFS{"tasks.xlsx": {Data: workbook(t, [][]string{header, {"1", "工作。", "市科技局"}})}}, "", "工作。"},
		{"both", fstest.MapFS{"tasks.csv": csv, "tasks.xlsx": {Data: workbook(t, [][]string{header})}}, "", "content/site.toml: error: both tasks.csv and tasks.xlsx exist"},
		{"both, one named", fstest.MapFS{"tasks.csv": csv, "tasks.xlsx": {Data: workbook(t, [][]string{header})}}, "tasks.csv", "措施。"},
		{"other name", fstest.MapFS{"plan.xlsx": {Data: workbook(t, [][]string{header, {"1", "工作。", "市科技局"}})}}, "plan.xlsx", "工作。"},
		{"empty rows skipped, short rows padded", fstest.MapFS{"tasks.xlsx": {Data: workbook(t, [][]string{header, {}, {"1", "工作。"}})}}, "", "工作。"},
		{"value past the header", fstest.MapFS{"tasks.xlsx": {Data: workbook(t, [][]string{header, {"1", "工作。", "市科技局", "", "多余"}})}}, "",
			"content/tasks.xlsx:2:5: error: Sheet1!E2: this cell has a value but its column has no header"},
		{"missing column, another named", fstest.MapFS{"tasks.xlsx": {Data: workbook(t, [][]string{{"序号", "工作任务", "负责人"}})}}, "",
			`content/tasks.xlsx:1:1: error: Sheet1!A1: missing column "牵头部门"; the header must name 主要措施, 牵头部门; if "负责人" is that column, say so in site.toml: [columns] lead = "负责人"`},
		{"not a workbook", fstest.MapFS{"tasks.xlsx": csv}, "", "content/tasks.xlsx: error: cannot read the workbook"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := cfg
			c.Table = tt.table
			tables, err := ReadTables(tt.files, "content", c)
			if err != nil {
				if !strings.HasPrefix(err.Error(), tt.want) {
					t.Fatalf("error %v, want %s…", err, tt.want)
				}
				return
			}
			if got := tables.Rows[0].Cell(column.Measures).Text; got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}
