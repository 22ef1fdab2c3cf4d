package plan

import (
	"fmt"
	"reflect"
	"runtime"
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
	reads := readAllCells(m, rows, 2020, 2025)
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
	if readAllCells(m, rows[:warmRows-1], 2020, 2025) != nil {
		t.Error("a table below warmRows was read beforehand")
	}
}
