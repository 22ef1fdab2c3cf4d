package plan

import (
	"strings"
	"testing"

	"plansite/internal/column"
)

// Cells gives, in one pass, what In gives column by column, for rows with
// a cell in every column and rows short of some (a sub-item row).
func TestRowCells(t *testing.T) {
	cols := []Column{{Heading: "序号", Std: column.ID}, {Heading: "备注", Std: column.None}, {Heading: "主要措施", Std: column.Measures}, {Heading: "", Std: column.None}, {Heading: "牵头单位", Std: column.Lead}, {Heading: "附注", Std: column.None}}
	for _, r := range []Row{
		mkRow(stdCells{column.ID: Cell{"1", 2, 1}, column.Measures: Cell{"措施。", 2, 3}, column.Lead: Cell{"市科技局", 2, 5}},
			Cell{"甲", 2, 2}, Cell{"乙", 2, 4}, Cell{"丙", 2, 6}),
		mkRow(stdCells{column.Measures: Cell{"又一项。", 3, 3}}, Cell{"丁", 3, 2}),
		{},
	} {
		got := r.Cells(cols)
		if len(got) != len(cols) {
			t.Fatalf("%d cells for %d columns", len(got), len(cols))
		}
		for i := range cols {
			if want := r.In(cols, i); got[i] != want {
				t.Errorf("row %+v: cell %d is %+v, want %+v", r, i, got[i], want)
			}
		}
	}
}

// A row has a cell in every standard column, its own: the model reads the
// columns from package column, so a column added there has its cell.
func TestRowHasEveryColumn(t *testing.T) {
	var r Row
	for i, c := range column.All() {
		r.Set(c, Cell{Text: c.Name(), Line: 2, Col: i + 1})
	}
	for i, c := range column.All() {
		if got := r.Cell(c); got != (Cell{Text: c.Name(), Line: 2, Col: i + 1}) {
			t.Errorf("%s: %+v", c, got)
		}
	}
	if r.Cell(column.None) != (Cell{}) || r.line() != 2 {
		t.Errorf("None %+v, line %d", r.Cell(column.None), r.line())
	}
}

// Templates name columns by key ($plan.Heading "measures"): a key that is
// no column's is an error naming the keys, not a heading of its own or a
// column the table lacks.
func TestMisspeltColumnKey(t *testing.T) {
	p := &Plan{Columns: []Column{{Heading: "主要措施", Std: column.Measures}}}
	for name, call := range map[string]func(){
		"Heading":   func() { p.Heading("measure") },
		"HasColumn": func() { p.HasColumn("measure") },
	} {
		func() {
			defer func() {
				if msg, _ := recover().(string); !strings.Contains(msg, `"measure" is not the key of a standard column (id, area`) {
					t.Errorf("%s: panic %q", name, msg)
				}
			}()
			call()
		}()
	}
	if p.Heading("measures") != "主要措施" || !p.HasColumn("measures") || p.HasColumn("timeline") {
		t.Errorf("Heading %q, HasColumn %v %v", p.Heading("measures"), p.HasColumn("measures"), p.HasColumn("timeline"))
	}
}
