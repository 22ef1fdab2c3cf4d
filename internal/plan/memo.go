package plan

import (
	"slices"
	"sync"
	"sync/atomic"

	"plansite/internal/column"
)

// A Memo keeps what the table's cells read as, by their text, for the next
// read of the same table: a preview server reads the whole table again on
// every change, and nearly every cell is as it was, so its timelines, unit
// lists, sentences and titles are taken from the read before instead of
// parsed again (two thirds of reading a 10,000-task table). It holds the
// cells of the latest two reads only: Turn, called before each read,
// forgets the older. What it gives is a copy, so no plan shares a slice
// with another. A table large enough to be read on every core first finds
// its rows that are as they were by their place (last), and looks up only
// the cells of the others.
type Memo struct {
	// A read lock for look-ups: the rows' cells are read on every core,
	// and nearly every one is found.
	mu    sync.RWMutex
	turn  uint64 // the read under way, counted by Turn
	cells memoCells
	// last is the latest read's rows, for a table large enough to be read
	// on every core: a row as it was, at its place counted from the top or
	// from the bottom, takes its reads from there, without looking up its
	// cells one by one. An edit changes, adds or removes a few rows and
	// leaves those above and below it as they were.
	last lastRead
}

// lastRead is a read's rows and what their cells read as.
type lastRead struct {
	rows       []Row
	reads      []cellReads
	start, end int // the plan's years, which a timeline is read against
}

// find returns the reads of the row equal to rows[i] at i, or at i counted
// from the bottom, when there is one.
func (l *lastRead) find(rows []Row, i, start, end int) (cellReads, bool) {
	if len(l.rows) == 0 || start != l.start || end != l.end {
		return cellReads{}, false
	}
	for _, j := range [2]int{i, i + len(l.rows) - len(rows)} {
		if j >= 0 && j < len(l.rows) && sameCells(l.rows[j], rows[i]) {
			return l.reads[j], true
		}
	}
	return cellReads{}, false
}

// sameCells reports whether a and b hold the same text in every cell that
// readCells reads.
func sameCells(a, b Row) bool {
	for _, c := range [...]column.Column{column.Measures, column.Title, column.Timeline, column.Lead, column.Coop} {
		if a.Cell(c).Text != b.Cell(c).Text {
			return false
		}
	}
	return true
}

// lastRows returns the latest read's rows and reads.
func (m *Memo) lastRows() lastRead {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.last
}

// keep makes rows and reads the latest read's.
func (m *Memo) keep(l lastRead) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.last = l
}

// memoCells are what each cell read as, each stamped with the latest read
// that read it: one map per kind of cell, not one per read, so that a cell
// read again is found by one look-up.
type memoCells struct {
	timelines map[timelineKey]*stamped[timelineRead]
	units     map[string]*stamped[unitsRead]
	sentences map[string]*stamped[[]string]
	titles    map[string]*stamped[string]
}

type stamped[V any] struct {
	v    V
	turn atomic.Uint64 // stamped by every read that finds it, on any core
}

type timelineKey struct {
	text       string
	start, end int
}

type timelineRead struct {
	ms     []Milestone
	unread []*UnreadClause
}

type unitsRead struct {
	units []Named
	note  string
}

// NewMemo returns an empty memo.
func NewMemo() *Memo {
	return &Memo{cells: memoCells{timelines: map[timelineKey]*stamped[timelineRead]{}, units: map[string]*stamped[unitsRead]{},
		sentences: map[string]*stamped[[]string]{}, titles: map[string]*stamped[string]{}}}
}

// Turn starts a new read: the cells of the read before it are kept, those
// of the one before that forgotten, so that the memo never holds more than
// two tables' cells.
func (m *Memo) Turn() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.turn++
	forget(m.cells.timelines, m.turn)
	forget(m.cells.units, m.turn)
	forget(m.cells.sentences, m.turn)
	forget(m.cells.titles, m.turn)
}

// forget deletes the cells that neither the read before turn nor turn
// itself read.
func forget[K comparable, V any](cells map[K]*stamped[V], turn uint64) {
	for k, e := range cells {
		if e.turn.Load()+1 < turn {
			delete(cells, k)
		}
	}
}

// memoized returns f's result for key k, from the memo when either of its
// reads had it; a nil memo calls f.
func memoized[K comparable, V any](m *Memo, pick func(*memoCells) map[K]*stamped[V], k K, f func() V) V {
	if m == nil {
		return f()
	}
	m.mu.RLock()
	e, ok := pick(&m.cells)[k]
	turn := m.turn
	m.mu.RUnlock()
	if ok {
		e.turn.Store(turn)
		return e.v
	}
	v := f()
	e = &stamped[V]{v: v}
	e.turn.Store(turn)
	m.mu.Lock()
	pick(&m.cells)[k] = e
	m.mu.Unlock()
	return v
}

func (m *Memo) timeline(text string, start, end int) ([]Milestone, []*UnreadClause) {
	r := memoized(m, func(c *memoCells) map[timelineKey]*stamped[timelineRead] { return c.timelines }, timelineKey{text, start, end},
		func() timelineRead {
			ms, unread := ParseTimeline(text, start, end)
			return timelineRead{ms, unread}
		})
	if m == nil {
		return r.ms, r.unread
	}
	return slices.Clone(r.ms), r.unread // an UnreadClause is only read
}

func (m *Memo) splitDepartments(cell string) ([]Named, string) {
	r := memoized(m, func(c *memoCells) map[string]*stamped[unitsRead] { return c.units }, cell, func() unitsRead {
		units, note := SplitDepartments(cell)
		return unitsRead{units, note}
	})
	if m == nil {
		return r.units, r.note
	}
	return slices.Clone(r.units), r.note
}

func (m *Memo) sentences(text string) []string {
	s := memoized(m, func(c *memoCells) map[string]*stamped[[]string] { return c.sentences }, text, func() []string { return Sentences(text) })
	if m == nil {
		return s
	}
	return slices.Clone(s)
}

func (m *Memo) title(measures string) string {
	return memoized(m, func(c *memoCells) map[string]*stamped[string] { return c.titles }, measures, func() string { return DeriveTitle(measures) })
}
