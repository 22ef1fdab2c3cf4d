package config

import (
	"errors"
	"testing"
)

// TestDecodeTOMLShallow: DecodeTOML refuses deep nesting (markdown's
// TestDeepTOML) but reads what settings and front matter need.
func TestDecodeTOMLShallow(t *testing.T) {
	var v struct {
		A struct{ B struct{ C int } }
		X struct{ Y struct{ Z int } }
	}
	if _, err := DecodeTOML("a.b.c = 1\nx = {y = {z = 2}}\n", &v); err != nil || v.A.B.C != 1 || v.X.Y.Z != 2 {
		t.Errorf("DecodeTOML: %+v, %v", v, err)
	}
}

func TestDateProblemAcceptsDays(t *testing.T) {
	for _, s := range []string{"2020-02-27", "2022-12-31", "1999-01-01"} {
		if DateProblem(s) != "" {
			t.Errorf("DateProblem(%q) = %q, want none", s, DateProblem(s))
		}
	}
	for _, s := range []string{"", "2020-2-27", "2020/02/27", "2020-13-01", "2020-00-10", "2020-01-00", "2020-01-32", "２０２０-01-01", "20200227xx", "2020-02-2７"} {
		if DateProblem(s) == "" {
			t.Errorf("DateProblem(%q) finds nothing wrong", s)
		}
	}
}

func TestDateProblem(t *testing.T) {
	tests := []struct{ date, want string }{
		{"2020-02-29", ""},
		{"2023-02-31", "is not a day of the calendar: 2023-02 has 28 days"},
		{"2023-04-31", "is not a day of the calendar: 2023-04 has 30 days"},
		{"2023-13-01", "is not a day of the calendar: there is no month 13"},
		{"-123-01-01", "is not YYYY-MM-DD"},
		{"2023-2-3xx", "is not YYYY-MM-DD"},
	}
	for _, tt := range tests {
		if got := DateProblem(tt.date); got != tt.want {
			t.Errorf("DateProblem(%q) = %q; want %q", tt.date, got, tt.want)
		}
	}
}

func TestKeyPos(t *testing.T) {
	src := "# comment = no\ntitle = \"x\"\n  date=\"y\"\n\"quoted\" = 1\n[ columns ] # the table\nid = \"编号\"\na.b = 2\n"
	tests := []struct {
		key       []string
		line, col int
	}{
		{[]string{"title"}, 2, 1},
		{[]string{"date"}, 3, 3},
		{[]string{"quoted"}, 4, 1},
		{[]string{"columns"}, 5, 1},
		{[]string{"columns", "id"}, 6, 1},
		{[]string{"columns", "a", "b"}, 7, 1},
		{[]string{"id"}, 0, 0},
		{[]string{"comment"}, 0, 0},
		{[]string{"missing"}, 0, 0},
	}
	for _, tt := range tests {
		if line, col := KeyPos(src, tt.key); line != tt.line || col != tt.col {
			t.Errorf("KeyPos(%q) = %d:%d, want %d:%d", tt.key, line, col, tt.line, tt.col)
		}
	}
}

func TestTOMLErrorPosOther(t *testing.T) {
	line, col, msg := TOMLErrorPos("", errors.New("something else"))
	if line != 0 || col != 0 || msg != "something else" {
		t.Errorf("TOMLErrorPos = %d, %d, %q", line, col, msg)
	}
}
