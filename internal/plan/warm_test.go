package plan

import (
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"testing"

	"plansite/internal/column"
)

// A table large enough to be read on every core first is the plan, and
// has the warnings, that it has read on one, its sub-items too.
func TestWarmReadsAsOneCore(t *testing.T) {
	pool := memoTable()
	var rows []Row
	for i := 0; len(rows) < warmRows+10; i++ {
		r := pool[i%len(pool)]
		area := ""
		if i == 0 {
			area = "（一）基础创新提升行动"
		}
		id := fmt.Sprint(i + 1)
		if r.Cell(column.ID).Text == "" && i > 0 {
			id = "" // a sub-item of the task above
		}
		rows = append(rows, row(i+2, id, area, fmt.Sprintf("%s第%d项。", r.Cell(column.Measures).Text, i),
			r.Cell(column.Timeline).Text, r.Cell(column.Lead).Text, r.Cell(column.Coop).Text))
	}
	prev := runtime.GOMAXPROCS(1)
	one, oneWarns, err := FromRows(input(rows...))
	runtime.GOMAXPROCS(max(prev, 2))
	defer runtime.GOMAXPROCS(prev)
	if err != nil {
		t.Fatal(err)
	}
	all, allWarns, err := FromRows(input(rows...))
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Tasks) < warmRows/2 {
		t.Fatalf("only %d tasks: the table is too small to be read on every core", len(all.Tasks))
	}
	items := 0
	for _, task := range all.Tasks {
		items += len(task.Items)
	}
	if items == 0 || len(allWarns) == 0 {
		t.Fatalf("%d sub-items and %d warnings: the table should have both", items, len(allWarns))
	}
	if !reflect.DeepEqual(all, one) {
		t.Error("read on every core, the plan differs from the one read on one")
	}
	if !reflect.DeepEqual(allWarns, oneWarns) {
		t.Errorf("read on every core, %d warnings; on one, %d", len(allWarns), len(oneWarns))
	}
}

// readAllCells reads every row's cells on every core, each text once,
// and gives each row what reading it alone gives.
func TestReadAllCells(t *testing.T) {
	prev := runtime.GOMAXPROCS(2)
	defer runtime.GOMAXPROCS(prev)
	var rows []Row
	for i := 0; i < warmRows; i++ {
		rows = append(rows, row(i+2, fmt.Sprint(i+1), "", fmt.Sprintf("措施%d。", i), fmt.Sprintf("%d年，完成。", 2020+i%5),
			fmt.Sprintf("单位%d", i%7), ""))
	}
	m := NewMemo()
	reads := readAllCells(m, false, rows, 2020, 2025)
	// Each row as it is asked for, the last first, while the rest are read.
	for i := len(rows) - 1; i >= 0; i-- {
		if want := readCells(nil, rows[i], 2020, 2025); !reflect.DeepEqual(reads.get(i), want) {
			t.Fatalf("row %d read as %+v; alone, as %+v", i, reads.get(i), want)
		}
	}
	reads.wait()
	c := &m.cells
	if len(c.sentences) != warmRows || len(c.titles) != warmRows || len(c.timelines) != 5 || len(c.units) != 8 {
		t.Errorf("read %d sentences, %d titles, %d timelines and %d unit cells; want %d, %d, 5 and 8 (7 units and the empty cell)",
			len(c.sentences), len(c.titles), len(c.timelines), len(c.units), warmRows, warmRows)
	}
	if readAllCells(m, false, rows[:warmRows-1], 2020, 2025) != nil {
		t.Error("a table below warmRows was read beforehand")
	}
}

// A large table read again with the memo of the read before takes the rows
// that are as they were, at their place from the top or from the bottom,
// from that read, and gives the plan and the warnings of a read without a
// memo, sharing nothing with the plan before, whatever the edit.
func TestMemoTakesRowsAsTheyWere(t *testing.T) {
	prev := runtime.GOMAXPROCS(2)
	defer runtime.GOMAXPROCS(prev)
	area := func(i int) string {
		if i%1000 == 0 {
			return fmt.Sprintf("（%s）领域", []string{"一", "二", "三", "四"}[i/1000])
		}
		return ""
	}
	table := func(n int) []Row {
		var rows []Row
		for i := 0; i < n; i++ {
			rows = append(rows, row(i+2, fmt.Sprint(i+1), area(i), fmt.Sprintf("措施%d。再做%d。", i, i%3), fmt.Sprintf("%d年底前，完成；长期坚持%d。", 2020+i%5, i),
				fmt.Sprintf("单位%d", i%7), fmt.Sprintf("单位%d、单位%d", (i+1)%7, i%11)))
		}
		return rows
	}
	// renumber gives the rows the lines and numbers a file of them has.
	renumber := func(rows []Row) []Row {
		out := make([]Row, len(rows))
		for i, r := range rows {
			out[i] = row(i+2, fmt.Sprint(i+1), r.Cell(column.Area).Text, r.Cell(column.Measures).Text, r.Cell(column.Timeline).Text, r.Cell(column.Lead).Text, r.Cell(column.Coop).Text)
		}
		return out
	}
	n := warmRows + 500
	// lookups is the most rows whose measures the second read looks up:
	// those edited, and for a moved row those between its two places.
	edits := []struct {
		name    string
		edit    func(rows []Row) []Row
		years   [2]int
		lookups int
	}{
		{"a cell", func(rs []Row) []Row {
			rs[1200].Set(column.Measures, Cell{Text: "改过的措施。", Line: 1202, Col: 5})
			return rs
		}, [2]int{2020, 2025}, 1},
		{"rows added near the top", func(rs []Row) []Row {
			return renumber(slices.Insert(rs, 3, rs[100], row(0, "", "", "新措施。", "2021年，完成。", "单位99", "")))
		}, [2]int{2020, 2025}, 2},
		{"rows removed near the bottom", func(rs []Row) []Row { return renumber(slices.Delete(rs, n-40, n-37)) }, [2]int{2020, 2025}, 0},
		{"a row moved", func(rs []Row) []Row {
			r := rs[10]
			return renumber(slices.Insert(slices.Delete(rs, 10, 11), 2000, r))
		}, [2]int{2020, 2025}, 1991},
		{"other years", func(rs []Row) []Row { return rs }, [2]int{2021, 2024}, n},
	}
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			m := NewMemo()
			in := input(table(n)...)
			in.Meta.StartYear, in.Meta.EndYear = 2020, 2025
			in.Memo = m
			before, _, err := FromRows(in)
			if err != nil {
				t.Fatal(err)
			}
			rows := e.edit(table(n))
			m.Turn()
			in = input(rows...)
			in.Meta.StartYear, in.Meta.EndYear = e.years[0], e.years[1]
			in.Memo = m
			got, gotWarns, err := FromRows(in)
			if err != nil {
				t.Fatal(err)
			}
			spoil(before)
			in.Memo = nil
			want, wantWarns, err := FromRows(in)
			if err != nil {
				t.Fatal(err)
			}
			if describe(got) != describe(want) || !reflect.DeepEqual(gotWarns, wantWarns) {
				t.Fatalf("read again with the memo:\n%.2000s\nwithout:\n%.2000s", describe(got), describe(want))
			}
			// The rows taken as they were looked nothing up in the memo: only
			// the edited rows' measures are stamped by this read.
			stamped := 0
			for _, e := range m.cells.sentences {
				if e.turn.Load() == m.turn {
					stamped++
				}
			}
			if stamped > e.lookups {
				t.Errorf("%d rows' measures looked up in the memo; want at most %d", stamped, e.lookups)
			}
		})
	}
}
