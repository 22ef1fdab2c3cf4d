package problem

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
)

// Every problem prints as file:line:col: severity: [cell: ][task N: ]message,
// leaving out what it does not know.
func TestFormat(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{File: "content/tasks.csv", Line: 3, Col: 4, Task: "2", Msg: "主要措施 is empty"}, "content/tasks.csv:3:4: error: task 2: 主要措施 is empty"},
		{Problem{File: "content/tasks.csv", Line: 3, Msg: "m"}, "content/tasks.csv:3: error: m"},
		{Problem{File: "content/tasks.csv", Msg: "the table has no tasks"}, "content/tasks.csv: error: the table has no tasks"},
		{Problem{File: "content/tasks.xlsx", Line: 5, Col: 3, Ref: "Sheet1!C5", Task: "4", Severity: Warning, Msg: "m"}, "content/tasks.xlsx:5:3: warning: Sheet1!C5: task 4: m"},
		{Problem{Msg: "no base URL"}, "error: no base URL"},
	}
	for _, tt := range tests {
		if got := tt.p.Error(); got != tt.want {
			t.Errorf("Error() = %s; want %s", got, tt.want)
		}
	}
}

// A file name with a newline, another unprintable character or a byte that
// is not UTF-8 is quoted, so that it cannot split a message in two;
// ordinary names, Chinese included, stay as they are.
func TestQuotesFileName(t *testing.T) {
	tests := []struct{ file, want string }{
		{"content/tasks.csv", "content/tasks.csv:2:3: error: x"},
		{"content/任务 表.csv", "content/任务 表.csv:2:3: error: x"},
		{"content/a\nb.csv", `"content/a\nb.csv":2:3: error: x`},
		{"content/a\u202eb.csv", `"content/a\u202eb.csv":2:3: error: x`},
		{"content/b\xfe.md", `"content/b\xfe.md":2:3: error: x`},
	}
	for _, tt := range tests {
		if got := (&Problem{File: tt.file, Line: 2, Col: 3, Msg: "x"}).Error(); got != tt.want {
			t.Errorf("Error() = %s; want %s", got, tt.want)
		}
	}
}

// Of finds the problems an error holds, wrapped or not; Print writes each
// on its line, one without a file after the program's name.
func TestOfAndPrint(t *testing.T) {
	l := List{At("a.csv", 1, 2, "one"), {Msg: "two"}}
	if got := Of(fmt.Errorf("wrapped: %w", l)); len(got) != 2 || got[0] != l[0] {
		t.Errorf("Of(wrapped list) = %v", got)
	}
	if got := Of(errors.New("plain")); len(got) != 1 || got[0].Msg != "plain" || got[0].Severity != Error {
		t.Errorf("Of(plain) = %v", got)
	}
	if Of(nil) != nil || (List{WarnAt("a", 1, 1, "w")}).Err() != nil || l.Err() == nil {
		t.Error("Of(nil) or Err is wrong")
	}
	var b bytes.Buffer
	Print(&b, "plansite", fmt.Errorf("wrapped: %w", l))
	Print(&b, "plansite", errors.New("plain"))
	if want := "a.csv:1:2: error: one\nplansite: error: two\nplansite: plain\n"; b.String() != want {
		t.Errorf("Print wrote %q, want %q", b.String(), want)
	}
}
