package plan

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"plansite/internal/column"
)

// warmRows is the size of a table whose cells are read on every core
// while its rows are taken in order: smaller tables read in a few
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

// clone copies the slices of c that a plan's tasks take and change, as the
// memo gives them (an UnreadClause is only read): no plan shares them with
// another.
func (c cellReads) clone() cellReads {
	c.sentences, c.milestones = slices.Clone(c.sentences), slices.Clone(c.milestones)
	c.lead, c.coop = slices.Clone(c.lead), slices.Clone(c.coop)
	return c
}

// cellReader reads the cells of every row on every core, in chunks of
// rows in the rows' order, while the builder takes the rows one by one on
// a core of its own: it waits only for a chunk not yet read. At 100,000
// tasks reading them was two seconds of one core while the other waited,
// and a preview server's rebuild, whose memo has nearly every cell
// already, spent a sixth of its time on one core looking them up.
type cellReader struct {
	reads []cellReads
	done  []chan struct{} // closed when its chunk is read
	all   chan struct{}   // closed when every chunk is
}

// readChunk is the rows read at a time: small enough that the builder
// starts soon, large enough that waiting is rare.
const readChunk = 256

// readAllCells starts reading the cells of rows through m; nil when the
// table is too small to gain by it. keep is true when m is the caller's,
// kept for the next read of the table.
func readAllCells(m *Memo, keep bool, rows []Row, start, end int) *cellReader {
	workers := runtime.GOMAXPROCS(0)
	if workers < 2 || len(rows) < warmRows {
		return nil
	}
	r := &cellReader{reads: make([]cellReads, len(rows)), done: make([]chan struct{}, (len(rows)+readChunk-1)/readChunk),
		all: make(chan struct{})}
	for k := range r.done {
		r.done[k] = make(chan struct{})
	}
	// A memo of the caller's keeps this read's rows for the next read: the
	// reads it keeps are its own, and the plan is given copies.
	var last, next lastRead
	if keep {
		last = m.lastRows()
		next = lastRead{rows: rows, reads: make([]cellReads, len(rows)), start: start, end: end}
	}
	go func() {
		defer close(r.all)
		var wg sync.WaitGroup
		var chunk atomic.Int64
		var helped atomic.Bool
		var read func()
		read = func() {
			// The chunks are taken in order, so the builder's next is read
			// first.
			for k := int(chunk.Add(1) - 1); k < len(r.done); k = int(chunk.Add(1) - 1) {
				missed := 0
				for i := k * readChunk; i < min((k+1)*readChunk, len(rows)); i++ {
					if !keep {
						r.reads[i] = readCells(m, rows[i], start, end)
						continue
					}
					c, ok := last.find(rows, i, start, end)
					if !ok {
						c = readCells(m, rows[i], start, end)
						missed++
					}
					next.reads[i], r.reads[i] = c, c.clone()
				}
				close(r.done[k])
				if missed > readChunk/8 && helped.CompareAndSwap(false, true) {
					for range workers - 1 {
						wg.Go(read)
					}
				}
			}
		}
		// Rows as the last read had them are taken by a look-up each, which
		// one core does well ahead of the builder: a second only took the
		// builder's core (4 ms of reading a 10,000-task table again, of
		// 62). Rows read afresh are read on every core, from the first
		// chunk that has many.
		if !keep || len(last.rows) == 0 {
			helped.Store(true)
			for range workers - 1 {
				wg.Go(read)
			}
		}
		wg.Go(read)
		wg.Wait()
		if keep {
			m.keep(next)
		}
	}()
	return r
}

// get is what row i's cells read as, once its chunk is read.
func (r *cellReader) get(i int) cellReads {
	<-r.done[i/readChunk]
	return r.reads[i]
}

// wait waits until every row is read: a builder that stops early (past a
// limit) does not leave the reading to run on.
func (r *cellReader) wait() { <-r.all }
