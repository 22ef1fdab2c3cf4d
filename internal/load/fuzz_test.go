package load

import (
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"plansite/internal/column"
	"plansite/internal/config"
	"plansite/internal/plan"
	"plansite/internal/problem"
)

// wholeFile are the messages about a file as a whole, which have no line.
var wholeFile = []string{"the table has no tasks"}

func FuzzTasksCSV(f *testing.F) {
	for _, name := range []string{"../../content/tasks.csv", "../../content/departments.csv"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"", "\n", "\ufeff", tasksCSV, "\ufeff" + strings.ReplaceAll(tasksCSV, "\n", "\r\n"), header,
		header + `1,（一）甲,"措施。,2020年,市科技局,` + "\n",
		header + `1,（一）甲,"措施"。,2020年,市科技局,` + "\n",
		header + `1,（一）甲,措"施。,2020年,市科技局,` + "\n",
		header + "1,（一）甲,措施。,2020年,市科技局\n",
		header + "1,（一）甲\xff,措施。,2020年,市科技局,\n",
		header + "1,（一）甲,措施。,\"2020年，甲；\n明年乙\",市科技局,\n",
		header + "1,（一）甲,措施。,2020年,市科技局,\n1,,措施。,2020年,市科技局,\n",
		header + "一,,,尽快,——,\n",
		"序号,编号,主要措施,牵头部门\n1,1,措施。,市科技局\n",
		"序号,主要措施,牵头部门,序号\n",
		"序号,,主要措施,牵头部门\n",
		"\"序号\",\"主要措施\",\"牵头部门\"\r\n\"1\",\"a\"\"b\",\"\"\r\n",
		"序号,主要措施,牵头部门\n\"1\n",
		"序号,主要措施,牵头部门\r1,a,b\r",
		"备注,,主要措施,牵头部门,\n甲,1,措施。,市科技局,7\n,2,措施。,市财政局,\n",
		// Headings of two rows: read, with a column twice, without a lead.
		"序号,主要措施,责任单位,,完成时限\n序号,主要措施,牵头单位,配合单位,完成时限\n1,建平台。,区政数局,各街道,2024年\n",
		"序号,主要措施,责任单位,,\n序号,主要措施,牵头单位,牵头单位,配合单位\n1,建平台。,区政数局,,\n",
		"序号,任务,,责任单位\n序号,主要措施,重点任务,配合单位\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const file = "content/tasks.csv"
		sameInHalves(t, string(data))
		tab, err := taskCSV(file, data, nil)
		if err == nil {
			others := 0 // columns plansite does not read: every row keeps a cell in each
			for _, c := range tab.Columns {
				if c.Std == column.None {
					others++
				}
			}
			for _, r := range tab.Rows {
				for _, c := range []plan.Cell{r.Cell(column.Measures), r.Cell(column.Lead)} { // the required columns
					if c.Line < 1 || c.Col < 1 {
						t.Fatalf("cell %+v has no position", c)
					}
				}
				if len(r.Others) != others {
					t.Fatalf("row %+v keeps %d cells of %d other columns", r, len(r.Others), others)
				}
			}
			_, _, err = plan.FromRows(plan.Input{Meta: plan.Meta{StartYear: 2020, EndYear: 2022}, TasksFile: file, Rows: tab.Rows, DepartmentsFile: "content/departments.csv"})
		}
		if err == nil {
			return
		}
		var e *problem.Problem
		if !errors.As(err, &e) {
			t.Fatalf("error %v is a %T, not a *problem.Problem", err, err)
		}
		if e.File != file {
			t.Fatalf("error %q names file %q", err, e.File)
		}
		if e.Line < 1 {
			for _, m := range wholeFile {
				if e.Msg == m {
					return
				}
			}
			t.Fatalf("error %q has no line", err)
		}
		if e.Col < 0 || strings.TrimSpace(e.Msg) == "" {
			t.Fatalf("error %+v", e)
		}
		// The position is inside the file: the line exists, and the column
		// is at most one past its last character.
		lines := strings.Split(strings.TrimPrefix(string(data), "\ufeff"), "\n")
		if e.Line > len(lines) {
			t.Fatalf("error %q: the file has %d lines", err, len(lines))
		}
		if n := utf8.RuneCountInString(lines[e.Line-1]); e.Col > n+1 {
			t.Fatalf("error %q: line %d has %d characters", err, e.Line, n)
		}
	})
}

// FuzzDecodeText feeds the encoding detection any bytes: it must not panic,
// a failure must say where, and what it returns must be UTF-8 text that the
// rest of the loader can read.
func FuzzDecodeText(f *testing.F) {
	data, err := os.ReadFile("../../content/tasks.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data, uint8(0))
	f.Add([]byte("\xd0\xf2\xba\xc5,\xd6\xf7\xd2\xaa\xb4\xeb\xca\xa9\n"), uint8(0))
	f.Add([]byte("\xff\xfe1\x00"), uint8(1))
	f.Add([]byte("序号\n1,\xa3\xa8\xd2\xbb\xa3\xa9\n"), uint8(2))
	encs := []string{config.EncodingAuto, config.EncodingUTF8, config.EncodingGB18030}
	f.Fuzz(func(t *testing.T, data []byte, e uint8) {
		enc := encs[int(e)%len(encs)]
		text, err := decodeText("content/tasks.csv", data, enc)
		if err != nil {
			var pe *problem.Problem
			if !errors.As(err, &pe) || pe.File != "content/tasks.csv" {
				t.Fatalf("error %v is not located in the file", err)
			}
			if pe.Line < 1 && len(data) > 0 && !strings.Contains(pe.Msg, "GB18030:") {
				t.Fatalf("error %q has no line", err)
			}
			return
		}
		if !utf8.Valid(text) {
			t.Fatalf("decoded %q is not UTF-8", text)
		}
	})
}

// FuzzProgressCSV: the progress reader never panics, and every error it
// gives is placed in the file.
func FuzzProgressCSV(f *testing.F) {
	f.Add([]byte("序号,日期,状态,进展,来源\n7,2020-02-01,推进中,已启动。,https://example.org/\n"))
	f.Add([]byte("序号,日期,状态,进展\n1.1,2021-13,好,\n"))
	f.Add([]byte("\ufeff编号,时间,完成情况,进展情况\n\"1\n\",2020-02-30,已完成,x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := ProgressRows("progress.csv", data, nil)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "progress.csv") {
				t.Fatalf("error not placed in the file: %v", err)
			}
			return
		}
		for _, r := range rows {
			if r.ID.Line < 2 {
				t.Fatalf("row at line %d", r.ID.Line)
			}
		}
	})
}
