package load

import (
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"unicode"

	"plansite/internal/plan"
	"plansite/internal/problem"
)

// controlIn returns the first control character of s that a cell may not
// hold (all but tab, line feed and carriage return), or -1.
func controlIn(s string) rune {
	for _, r := range s {
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' {
			return r
		}
	}
	return -1
}

// FuzzReadXLSX feeds the workbook reader any bytes: it must not panic, a
// failure must be a *problem.Problem naming the file, and what it reads must be
// cells within the limit that hold no control character but tab and line
// breaks.
func FuzzReadXLSX(f *testing.F) {
	example, err := os.ReadFile("../../examples/district-plan/content-xlsx/tasks.xlsx")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(example)
	header := []string{"序号", "重点任务", "主要措施", "时间节点", "牵头部门", "配合部门"}
	for _, rows := range [][][]string{
		{header, {"1", "（一）甲", "措施。", "2020年", "市科技局", "——"}, {"2", "", "措施@000B_二。", "2021年", "市科技局", ""}},
		{{"序号", "工作任务", "牵头单位"}, {}, {"1.1", "工作@0007_。", "市科技局"}},
		{{"序号", "工作任务", "牵头单位"}, {"1.1", "工作。", "市科技局", "", "多余"}},
		{{"序号", "主要措施"}},
		{},
	} {
		f.Add(escapedWorkbook(f, rows))
	}
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		const file = "content/tasks.xlsx"
		var cells []string
		_, err := readXLSX(file, data, func(src rowSource) error {
			for {
				rec, _, err := src.next()
				if err == io.EOF {
					return nil
				}
				if err != nil {
					return err
				}
				cells = append(cells, rec...)
			}
		})
		if err == nil {
			for _, c := range cells {
				if r := controlIn(c); r >= 0 {
					t.Fatalf("cell %q holds %U", c, r)
				}
				if len(c) > MaxCell {
					t.Fatalf("a cell of %d bytes", len(c))
				}
			}
			_, err = readXLSX(file, data, func(src rowSource) (err error) {
				_, err = taskRows(file, src, nil)
				return err
			})
		}
		if err == nil {
			return
		}
		var e *problem.Problem
		if !errors.As(err, &e) || e.File != file || strings.TrimSpace(e.Msg) == "" {
			t.Fatalf("error %v is not a *problem.Problem about %s", err, file)
		}
	})
}

// FuzzDepartmentsCSV feeds the departments.csv reader any text: it must not
// panic, a failure must be a *problem.Problem naming the file, and each entry it
// reads must have a line and hold no control character.
func FuzzDepartmentsCSV(f *testing.F) {
	for _, name := range []string{"../../content/departments.csv", "../../examples/district-plan/content/departments.csv"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"", "名称,slug\n", "名称,slug,别名\n市科技局,science,市科学技术局| 科技局 ||\n",
		"名称,slug,类别\n市科技局,science,省直部门\n",
		"名称,slug\n市科技局\v,science\n", "名称,slug\n市科技局\x07,science\n",
		"名称,slug,slug\n", "slug\n", "名称,slug\n\"市科技局,science\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const file = "content/departments.csv"
		entries, err := departments(file, data)
		if err != nil {
			var e *problem.Problem
			if !errors.As(err, &e) || e.File != file || strings.TrimSpace(e.Msg) == "" {
				t.Fatalf("error %v is not a *problem.Problem about %s", err, file)
			}
			return
		}
		for _, e := range entries {
			if e.Line < 2 {
				t.Fatalf("entry %+v has no line", e)
			}
			for _, s := range append([]string{e.Name, e.Slug, e.English, string(e.Kind)}, e.Aliases...) {
				if r := controlIn(s); r >= 0 {
					t.Fatalf("entry %+v holds %U", e, r)
				}
			}
			for _, a := range e.Aliases {
				if a == "" || a != plan.TrimSpace(a) {
					t.Fatalf("entry %+v has alias %q", e, a)
				}
			}
		}
	})
}
