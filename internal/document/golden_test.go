package document

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// render writes a document in the form of testdata/*.golden (tasks.golden
// explains it): paragraphs (when asked), then each table, a cell a line. A
// covered place whose origin does not span it, or an origin whose span
// holds a place that does not point back at it, is written as "!", so a
// wrong merge can never look right.
func render(doc *Document, paragraphs bool) string {
	var b strings.Builder
	if paragraphs {
		for _, p := range doc.Paragraphs {
			fmt.Fprintf(&b, "paragraph %s\n", strconv.Quote(p))
		}
	}
	for i := range doc.Tables {
		t := &doc.Tables[i]
		fmt.Fprintf(&b, "table %d: %d columns, header rows %d", i+1, t.Cols, t.HeaderRows)
		if t.Parent > 0 {
			fmt.Fprintf(&b, ", in table %d", t.Parent)
		}
		if t.Caption != "" {
			fmt.Fprintf(&b, ", caption %s", strconv.Quote(t.Caption))
		}
		b.WriteByte('\n')
		for r, row := range t.Rows {
			fmt.Fprintf(&b, "row %d\n", r+1)
			if len(row) != t.Cols {
				fmt.Fprintf(&b, "\t! %d cells\n", len(row))
			}
			for c := range row {
				fmt.Fprintf(&b, "\t%s\n", place(t, r, c))
			}
		}
	}
	return b.String()
}

// place writes one place of a table's grid.
func place(t *Table, r, c int) string {
	cell := &t.Rows[r][c]
	switch {
	case cell.Padded:
		if cell.Text != "" || cell.Covered || cell.RowSpan != 1 || cell.ColSpan != 1 {
			return "!"
		}
		return "_"
	case cell.Covered:
		or, oc := cell.OriginRow, cell.OriginCol
		if or < 0 || oc < 0 || or >= len(t.Rows) || oc >= len(t.Rows[or]) || cell.Text != "" {
			return "!"
		}
		o := &t.Rows[or][oc]
		if o.Covered || or > r || oc > c || r >= or+o.RowSpan || c >= oc+o.ColSpan || or == r && oc == c {
			return "!"
		}
		if or < r {
			return "^"
		}
		return "<"
	}
	if cell.OriginRow != r || cell.OriginCol != c || cell.RowSpan < 1 || cell.ColSpan < 1 ||
		r+cell.RowSpan > len(t.Rows) || c+cell.ColSpan > t.Cols {
		return "!"
	}
	for rr := r; rr < r+cell.RowSpan; rr++ {
		for cc := c; cc < c+cell.ColSpan; cc++ {
			if cc >= len(t.Rows[rr]) {
				return "!"
			}
			if p := t.Rows[rr][cc]; (rr != r || cc != c) && (!p.Covered || p.OriginRow != r || p.OriginCol != c) {
				return "!"
			}
		}
	}
	s := strconv.Quote(cell.Text)
	if cell.RowSpan > 1 {
		s += fmt.Sprintf(" r%d", cell.RowSpan)
	}
	if cell.ColSpan > 1 {
		s += fmt.Sprintf(" c%d", cell.ColSpan)
	}
	return s
}

// broken tells whether a rendering marks a place as broken ("!" where a
// place's text would begin with a quote).
func broken(rendered string) bool {
	return strings.Contains("\n"+rendered, "\n\t!")
}

// golden reads testdata/name without its comment lines; without
// paragraphs, also without its paragraph lines.
func golden(t *testing.T, name string, paragraphs bool) string {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if strings.HasPrefix(line, "#") || !paragraphs && strings.HasPrefix(line, "paragraph ") {
			continue
		}
		b.WriteString(line)
	}
	return b.String()
}

// diff names the first line where got and want differ.
func diff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got: %s\nwant: %s", i+1, gl, wl)
		}
	}
	return ""
}

// TestRenderCatchesBadMerges: the golden form cannot show a broken grid as
// a good one.
func TestRenderCatchesBadMerges(t *testing.T) {
	good := func() *Table {
		return &Table{Cols: 2, Rows: [][]Cell{
			{{Text: "甲", RowSpan: 2, ColSpan: 1}, {Text: "乙", RowSpan: 1, ColSpan: 1, OriginCol: 1}},
			{{Covered: true}, {Text: "丙", RowSpan: 1, ColSpan: 1, OriginRow: 1, OriginCol: 1}},
		}}
	}
	if got := render(&Document{Tables: []Table{*good()}}, false); broken(got) {
		t.Fatalf("a good grid renders with a mark:\n%s", got)
	}
	for name, spoil := range map[string]func(*Table){
		"span too short":         func(t *Table) { t.Rows[0][0].RowSpan = 1 },
		"span past the end":      func(t *Table) { t.Rows[0][0].RowSpan = 3 },
		"covered points nowhere": func(t *Table) { t.Rows[1][0].OriginRow = 1 },
		"covered holds text":     func(t *Table) { t.Rows[1][0].Text = "x" },
		"origin misplaced":       func(t *Table) { t.Rows[0][1].OriginCol = 0 },
		"short row":              func(t *Table) { t.Rows[1] = t.Rows[1][:1] },
	} {
		tb := good()
		spoil(tb)
		if got := render(&Document{Tables: []Table{*tb}}, false); !broken(got) {
			t.Errorf("%s: renders without a mark:\n%s", name, got)
		}
	}
}
