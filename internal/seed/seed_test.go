package seed

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"plansite/internal/problem"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite ../../content/tasks.csv from the seed")

const (
	seedPath    = "../../seeds/000_1cf80931ab39ded8.txt"
	seedName    = "seeds/000_1cf80931ab39ded8.txt"
	contentPath = "../../content/tasks.csv"
)

// title and header mimic the top of the real file; the first block after
// them starts on line 11.
const (
	title  = "附件1\n\n任务分工表\n"
	header = "\t序号\n\t重点任务\n\t主要措施\n\t时间节点\n\t牵头部门\n\t配合部门\n"
)

// rowText renders one table row the way the Word extraction does.
func rowText(cells ...string) string {
	var b strings.Builder
	for _, c := range cells {
		b.WriteString("\t" + c + "\n")
	}
	return b.String()
}

func doc(blocks ...string) string {
	return title + header + "\n" + strings.Join(blocks, "\n")
}

func TestImport(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want [][]string
	}{
		{
			name: "normal rows",
			in: doc(
				rowText("1", "（一）甲", "措施一。", "2020年。", "市科技局", "——"),
				rowText("2", "（二）乙", "措施二。", "2021年。", "市商务局", "各区政府"),
			),
			want: [][]string{
				{"1", "（一）甲", "措施一。", "2020年。", "市科技局", "——"},
				{"2", "（二）乙", "措施二。", "2021年。", "市商务局", "各区政府"},
			},
		},
		{
			name: "continuation line joins with newline",
			in: doc(
				"\t1\n\t（一）甲\n\t措施。\n\t2020-2021年，申报；\n2022年持续推进。\n\t市科技局\n\t——\n",
			),
			want: [][]string{
				{"1", "（一）甲", "措施。", "2020-2021年，申报；\n2022年持续推进。", "市科技局", "——"},
			},
		},
		{
			name: "several continuation lines",
			in:   doc("\t1\n\t（一）甲\n\ta\nb\nc\n\t2020年。\n\t市科技局\n\t——\n"),
			want: [][]string{{"1", "（一）甲", "a\nb\nc", "2020年。", "市科技局", "——"}},
		},
		{
			name: "area filled down",
			in: doc(
				rowText("1", "（一）甲", "m1", "t1", "l1", "c1"),
				rowText("2", "", "m2", "t2", "l2", "c2"),
				rowText("3", "（二）乙", "m3", "t3", "l3", "c3"),
				rowText("4", "", "m4", "t4", "l4", "c4"),
			),
			want: [][]string{
				{"1", "（一）甲", "m1", "t1", "l1", "c1"},
				{"2", "（一）甲", "m2", "t2", "l2", "c2"},
				{"3", "（二）乙", "m3", "t3", "l3", "c3"},
				{"4", "（二）乙", "m4", "t4", "l4", "c4"},
			},
		},
		{
			name: "page numbers dropped",
			in: doc(
				rowText("1", "（一）甲", "m1", "t1", "l1", "c1"),
				"15\n\n"+rowText("2", "", "m2", "t2", "l2", "c2"),
			) + "\n\n16\n\n\n",
			want: [][]string{
				{"1", "（一）甲", "m1", "t1", "l1", "c1"},
				{"2", "（一）甲", "m2", "t2", "l2", "c2"},
			},
		},
		{
			name: "CRLF line ends",
			in: strings.ReplaceAll(doc(
				"\t1\n\t（一）甲\n\tm1\n\t2020年；\n2022年。\n\tl1\n\tc1\n",
			), "\n", "\r\n"),
			want: [][]string{{"1", "（一）甲", "m1", "2020年；\n2022年。", "l1", "c1"}},
		},
		{
			name: "BOM",
			in:   "\uFEFF" + doc(rowText("1", "（一）甲", "m1", "t1", "l1", "c1")),
			want: [][]string{{"1", "（一）甲", "m1", "t1", "l1", "c1"}},
		},
		{
			name: "BOM right before the header",
			in:   "\uFEFF" + header + "\n" + rowText("1", "a", "m", "t", "l", "c"),
			want: [][]string{{"1", "a", "m", "t", "l", "c"}},
		},
		{
			name: "U+3000 and other spacing preserved",
			in:   doc(rowText("4", " 甲 ", "\u3000m\u3000", "t ", "\tl", "市科技局\u3000")),
			want: [][]string{{"4", " 甲 ", "\u3000m\u3000", "t ", "\tl", "市科技局\u3000"}},
		},
		{
			name: "any lines allowed before the header",
			in:   "附件1\n\n某某市人民政府办公厅\n12\n任务分工表\n" + header + "\n" + rowText("1", "a", "m", "t", "l", "c"),
			want: [][]string{{"1", "a", "m", "t", "l", "c"}},
		},
		{
			name: "no title, no trailing newline",
			in:   header + "\n" + strings.TrimSuffix(rowText("1", "a", "m", "t", "l", "c"), "\n"),
			want: [][]string{{"1", "a", "m", "t", "l", "c"}},
		},
		{
			name: "CSV-hostile characters kept",
			in:   doc(rowText("1", `a,"b"`, "m\\.", "t", "l", "c")),
			want: [][]string{{"1", `a,"b"`, "m\\.", "t", "l", "c"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Import("x.txt", []byte(tt.in))
			if err != nil {
				t.Fatalf("Import: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Import =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestImportErrors(t *testing.T) {
	good := rowText("1", "（一）甲", "m1", "t1", "l1", "c1")
	tests := []struct {
		name      string
		in        string
		line, col int
		msg       string // substring of the message
	}{
		{
			name: "empty input",
			in:   "",
			line: 1, col: 1,
			msg: "no table header",
		},
		{
			name: "title only",
			in:   title,
			line: 4, col: 1,
			msg: "no table header",
		},
		{
			name: "missing header cell",
			in:   title + "\t序号\n\t重点任务\n\t主要措施\n\t时间节点\n\t牵头部门\n\n" + good,
			line: 4, col: 1,
			msg: `header has 5 cells, want 6 (missing "配合部门")`,
		},
		{
			name: "extra header cell",
			in:   title + header + "\t备注\n\n" + good,
			line: 10, col: 2,
			msg: `header has 7 cells, want 6 (extra "备注")`,
		},
		{
			name: "garbled header cell",
			in:   title + "\t序号\n\t重点任务\n\t主要 措施\n\t时间节点\n\t牵头部门\n\t配合部门\n\n" + good,
			line: 6, col: 2,
			msg: `header cell 3 is "主要 措施", want "主要措施"`,
		},
		{
			name: "table without header",
			in:   title + good,
			line: 4, col: 2,
			msg: `header cell 1 is "1", want "序号"`,
		},
		{
			name: "block with 5 cells",
			in:   doc(good, rowText("2", "", "m2", "t2", "l2")),
			line: 18, col: 1,
			msg: "block has 5 cells, want 6",
		},
		{
			name: "block with 7 cells (missing blank line)",
			in:   doc(good + rowText("2")),
			line: 11, col: 1,
			msg: "block has 7 cells, want 6",
		},
		{
			name: "first row has no area",
			in:   doc(rowText("1", "", "m1", "t1", "l1", "c1")),
			line: 12, col: 2,
			msg: "first task 1 has an empty 重点任务: nothing to fill down",
		},
		{
			name: "non-numeric number",
			in:   doc(good, rowText("二", "", "m2", "t2", "l2", "c2")),
			line: 18, col: 2,
			msg: `序号 "二" is not a number`,
		},
		{
			name: "empty number",
			in:   doc(rowText("", "（一）甲", "m1", "t1", "l1", "c1")),
			line: 11, col: 2,
			msg: `序号 "" is not a number`,
		},
		{
			name: "invalid UTF-8",
			in:   doc("\t1\n\t（一）甲\n\t措施\xff\n\tt\n\tl\n\tc\n"),
			line: 13, col: 8,
			msg: "invalid UTF-8",
		},
		{
			name: "invalid UTF-8 after BOM",
			in:   "\uFEFFab\xc3(",
			line: 1, col: 6,
			msg: "invalid UTF-8",
		},
		{
			name: "stray text between rows",
			in:   doc(good, "第二页\n\n"+good),
			line: 18, col: 1,
			msg: `unexpected text outside a table row: "第二页"`,
		},
		{
			name: "whitespace-only line between rows",
			in:   doc(good, " \n"),
			line: 18, col: 1,
			msg: "unexpected text outside a table row",
		},
		{
			name: "stray carriage return",
			in:   doc("\t1\n\ta\r\r\n\tm\n\tt\n\tl\n\tc\n"),
			line: 12, col: 3,
			msg: "stray carriage return",
		},
		{
			name: "no rows",
			in:   title + header + "\n\n16\n",
			line: 13, col: 1,
			msg: "no task rows after the header",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := Import("x.txt", []byte(tt.in))
			if err == nil {
				t.Fatalf("Import succeeded with %q, want error", rows)
			}
			var e *problem.Problem
			if !errors.As(err, &e) {
				t.Fatalf("error %v is %T, want *problem.Problem", err, err)
			}
			if e.Line != tt.line || e.Col != tt.col {
				t.Errorf("error at %d:%d, want %d:%d (%v)", e.Line, e.Col, tt.line, tt.col, err)
			}
			prefix := fmt.Sprintf("x.txt:%d:%d: error: ", tt.line, tt.col)
			if s := err.Error(); !strings.HasPrefix(s, prefix) || !strings.Contains(s, tt.msg) {
				t.Errorf("error %q, want prefix %q and %q", s, prefix, tt.msg)
			}
		})
	}
}

func TestWriteCSV(t *testing.T) {
	var buf bytes.Buffer
	rows := [][]string{
		{"1", "（一）甲", "a,b", "2020年；\n2022年。", `"x"`, "市科技局\u3000"},
	}
	if err := WriteCSV(&buf, rows); err != nil {
		t.Fatal(err)
	}
	want := "序号,重点任务,主要措施,时间节点,牵头部门,配合部门\n" +
		"1,（一）甲,\"a,b\",\"2020年；\n2022年。\",\"\"\"x\"\"\",市科技局\u3000\n"
	if got := buf.String(); got != want {
		t.Errorf("WriteCSV =\n%q\nwant\n%q", got, want)
	}

	if err := WriteCSV(&bytes.Buffer{}, [][]string{{"1", "2"}}); err == nil {
		t.Error("WriteCSV accepted a row with 2 cells")
	}
}

func readSeed(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestRealSeed(t *testing.T) {
	rows, err := Import(seedName, readSeed(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 23 {
		t.Fatalf("got %d rows, want 23", len(rows))
	}
	for i, row := range rows {
		if len(row) != 6 {
			t.Errorf("row %d has %d cells", i+1, len(row))
		}
		if want := fmt.Sprint(i + 1); row[0] != want {
			t.Errorf("row %d has 序号 %q, want %q", i+1, row[0], want)
		}
		if row[1] == "" {
			t.Errorf("row %d has an empty 重点任务", i+1)
		}
	}
	// row returns task n (1-based) so the checks read like the table.
	row := func(n int) []string { return rows[n-1] }
	for _, n := range []int{14, 18} {
		if got := row(n)[3]; !strings.Contains(got, "\n2022年持续推进。") {
			t.Errorf("task %d 时间节点 = %q, want the continuation line kept", n, got)
		}
	}
	checks := []struct {
		task, col int
		want      string
	}{
		{4, 5, "市科技局\u3000"},
		{2, 1, "（一）基础创新提升行动"},
		{8, 1, "（二）产业培育发展行动"},
		{23, 1, "（五）应用场景拓展行动"},
		{23, 5, "市发展改革委、市国资委、市财政局、市工业和信息化局"},
		{14, 3, "2020-2021年，重点推动华为、腾讯、百度、京东等人工智能龙头企业在广州布局人工智能软件生态建设；\n2022年持续推进。"},
	}
	for _, c := range checks {
		if got := row(c.task)[c.col]; got != c.want {
			t.Errorf("task %d %s = %q, want %q", c.task, Header[c.col], got, c.want)
		}
	}
}

// TestContentMatchesSeed proves the published table is the official text.
// Regenerate with: go test ./internal/seed -run TestContentMatchesSeed -update
func TestContentMatchesSeed(t *testing.T) {
	rows, err := Import(seedName, readSeed(t))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, rows); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.MkdirAll(filepath.Dir(contentPath), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(contentPath, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(contentPath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, buf.Bytes()) {
		t.Errorf("%s differs from the import of %s; regenerate with -update", contentPath, seedName)
	}
}
