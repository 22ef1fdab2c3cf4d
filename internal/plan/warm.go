package plan

import (
	"runtime"
	"sync"

	"plansite/internal/column"
)

// warmRows is the size of a table whose cells are read on every core
// before its rows are taken in order: smaller tables read in a few
// milliseconds either way.
const warmRows = 2000

// warm reads what the cells of rows say (sentences, title, timeline, units:
// the reading that depends on a cell's text alone) on every core into m,
// where the builder, which takes the rows one by one in order, then finds
// them. At 100,000 tasks reading them was two seconds of one core while
// the other waited.
func warm(m *Memo, rows []Row, start, end int) {
	workers := runtime.GOMAXPROCS(0)
	if workers < 2 || len(rows) < warmRows {
		return
	}
	var wg sync.WaitGroup
	per := (len(rows) + workers - 1) / workers
	for lo := 0; lo < len(rows); lo += per {
		part := rows[lo:min(lo+per, len(rows))]
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, r := range part {
				measures := r.Cell(column.Measures).Text
				m.sentences(measures)
				if TrimSpace(r.Cell(column.Title).Text) == "" {
					m.title(measures)
				}
				m.timeline(r.Cell(column.Timeline).Text, start, end)
				m.splitDepartments(r.Cell(column.Lead).Text)
				m.splitDepartments(r.Cell(column.Coop).Text)
			}
		}()
	}
	wg.Wait()
}
