package load

import (
	"fmt"
	"strings"
	"testing"
)

// readAll reads every record of data as csvSource hands them out, the
// file read whole or in halves when it has at least least bytes, each
// record with its cells' places, up to the end or the first error.
func readAll(t *testing.T, data string, least int) (out []string, split int) {
	t.Helper()
	s, err := newCSVSourceSplit("t.csv", []byte(data), least)
	if err != nil {
		return []string{err.Error()}, 0
	}
	for {
		rec, cells, err := s.next()
		if s.rest != nil {
			split = s.rest.from
		}
		if err != nil {
			return append(out, fmt.Sprintf("%d: %v", s.record(), err)), split
		}
		out = append(out, fmt.Sprintf("%d: %q %v", s.record(), rec, cells))
	}
}

// sameInHalves checks that data reads the same in halves as whole, and
// returns where the halves met (0: it was read whole).
func sameInHalves(t *testing.T, data string) int {
	t.Helper()
	whole, _ := readAll(t, data, len(data)+1)
	halves, split := readAll(t, data, 1)
	if strings.Join(whole, "\n") != strings.Join(halves, "\n") {
		t.Errorf("read in halves (at byte %d):\n%s\nread whole:\n%s", split, strings.Join(halves, "\n"), strings.Join(whole, "\n"))
	}
	return split
}

func TestCSVInHalves(t *testing.T) {
	row := func(i int) string {
		return fmt.Sprintf("%d,（一）甲,\"措施%d，\n\"\"第二行\"\"。\",2020年,市科技局、市财政局,\n", i, i)
	}
	var body strings.Builder
	for i := 1; i <= 40; i++ {
		body.WriteString(row(i))
	}
	rows := body.String()
	half := len(rows) / 2
	for i := 41; i <= 1200; i++ {
		body.WriteString(row(i))
	}
	many := body.String() // more than a cell too long holds
	for _, tt := range []struct {
		name  string
		data  string
		split bool // the file is read in halves (not checked for a file wrong in its first half)
	}{
		{"rows with quoted line breaks", header + rows, true},
		{"CRLF", header + strings.ReplaceAll(rows, "\n", "\r\n"), true},
		{"blank lines", header + strings.ReplaceAll(rows, "市财政局,\n", "市财政局,\n\n"), true},
		{"a row of too few fields below the middle", header + rows + "99,甲\n", true},
		{"a row of too many fields above the middle", header + "0,甲,乙,丙,丁,戊,己\n" + rows, true},
		{"a bare quote below the middle", header + rows + "99,甲\"乙,措施。,2020年,市科技局,\n", true},
		{"a stray quote in a quoted cell below the middle", header + rows + "99,\"甲\"乙,措施。,2020年,市科技局,\n", true},
		{"a quote left open below the middle", header + rows + "99,\"甲,措施。,2020年,市科技局,\n", true},
		{"a quote left open above the middle", header + "0,\"甲,措施。,2020年,市科技局,\n" + rows, true},
		{"a control character below the middle", header + rows + "99,甲\x01,措施。,2020年,市科技局,\n", true},
		{"a cell too long below the middle", header + many + "99,甲," + strings.Repeat("长", MaxCell/3+1) + ",2020年,市科技局,\n", true},
		{"a quoted cell across the middle", header + rows[:half] + "50,甲,\"" + strings.Repeat("很长的措施。\n", 200) + "\",2020年,市科技局,\n" + rows[half:], true},
		{"no line break at the end", header + strings.TrimSuffix(rows, "\n"), true},
		{"the header alone", header, false},
		{"blank lines before the header", "\n\n\n\n\n\n序号,主要措施\n1,措施。\n", true},
		{"empty", "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if split := sameInHalves(t, tt.data); (split > 0) != tt.split && !strings.Contains(tt.name, "above the middle") {
				t.Errorf("read in halves at byte %d, want halves: %v", split, tt.split)
			}
		})
	}
}
