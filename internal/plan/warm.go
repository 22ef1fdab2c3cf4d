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

// cellReads is what one row's cells read as: the reading that depends on
// a cell's text alone, which needs nothing of the rows above it.
type cellReads struct {
	sentences          []string
	title              string // read from the measures when the row has no title of its own
	milestones         []Milestone
	unread             []*UnreadClause
	lead, coop         []Named
	leadNote, coopNote string
}

// readCells reads the cells of r, through m when it is set.
func readCells(m *Memo, r Row, start, end int) cellReads {
	var c cellReads
	measures := r.Cell(column.Measures).Text
	c.sentences = m.sentences(measures)
	if TrimSpace(r.Cell(column.Title).Text) == "" {
		c.title = m.title(measures)
	}
	c.milestones, c.unread = m.timeline(r.Cell(column.Timeline).Text, start, end)
	c.lead, c.leadNote = m.splitDepartments(r.Cell(column.Lead).Text)
	c.coop, c.coopNote = m.splitDepartments(r.Cell(column.Coop).Text)
	return c
}

// readAllCells reads the cells of every row on every core, in the rows'
// order, for the builder, which takes the rows one by one, to find by the
// row's index. At 100,000 tasks reading them was two seconds of one core
// while the other waited; and a preview server's rebuild, whose memo has
// nearly every cell already, still spent a sixth of its time on one core
// looking them up. nil when the table is too small to gain by it.
func readAllCells(m *Memo, rows []Row, start, end int) []cellReads {
	workers := runtime.GOMAXPROCS(0)
	if workers < 2 || len(rows) < warmRows {
		return nil
	}
	reads := make([]cellReads, len(rows))
	var wg sync.WaitGroup
	per := (len(rows) + workers - 1) / workers
	for lo := 0; lo < len(rows); lo += per {
		hi := min(lo+per, len(rows))
		wg.Go(func() {
			for i := lo; i < hi; i++ {
				reads[i] = readCells(m, rows[i], start, end)
			}
		})
	}
	wg.Wait()
	return reads
}
