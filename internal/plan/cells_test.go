package plan

import "testing"

// Cells gives, in one pass, what In gives column by column, for rows with
// a cell in every column and rows short of some (a sub-item row).
func TestRowCells(t *testing.T) {
	cols := []Column{{"序号", ColID}, {"备注", ""}, {"主要措施", ColMeasures}, {"", ""}, {"牵头单位", ColLead}, {"附注", ""}}
	for _, r := range []Row{
		{ID: Cell{"1", 2, 1}, Measures: Cell{"措施。", 2, 3}, Lead: Cell{"市科技局", 2, 5},
			Others: []Cell{{"甲", 2, 2}, {"乙", 2, 4}, {"丙", 2, 6}}},
		{Measures: Cell{"又一项。", 3, 3}, Others: []Cell{{"丁", 3, 2}}},
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
