package plan

import (
	"slices"
	"sync"
)

// A Memo keeps what the table's cells read as, by their text, for the next
// read of the same table: a preview server reads the whole table again on
// every change, and nearly every cell is as it was, so its timelines, unit
// lists, sentences and titles are taken from the read before instead of
// parsed again (two thirds of reading a 10,000-task table). It holds the
// cells of the latest two reads only: Turn, called before each read,
// forgets the older. What it gives is a copy, so no plan shares a slice
// with another.
type Memo struct {
	mu         sync.Mutex
	prev, next memoCells
}

type memoCells struct {
	timelines map[timelineKey]timelineRead
	units     map[string]unitsRead
	sentences map[string][]string
	titles    map[string]string
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

// newMemoCells makes the maps for a read as large as those of the read
// before it, like: most of a table's cells are read again.
func newMemoCells(like *memoCells) memoCells {
	if like == nil {
		like = &memoCells{}
	}
	return memoCells{timelines: make(map[timelineKey]timelineRead, len(like.timelines)), units: make(map[string]unitsRead, len(like.units)),
		sentences: make(map[string][]string, len(like.sentences)), titles: make(map[string]string, len(like.titles))}
}

// NewMemo returns an empty memo.
func NewMemo() *Memo { return &Memo{prev: newMemoCells(nil), next: newMemoCells(nil)} }

// Turn starts a new read: the cells of the read before it are kept, those
// of the one before that forgotten, so that the memo never holds more than
// two tables' cells.
func (m *Memo) Turn() {
	m.mu.Lock()
	m.prev, m.next = m.next, newMemoCells(&m.next)
	m.mu.Unlock()
}

// memoized returns f's result for key k, from the memo when either of its
// reads had it; a nil memo calls f.
func memoized[K comparable, V any](m *Memo, pick func(*memoCells) map[K]V, k K, f func() V) V {
	if m == nil {
		return f()
	}
	m.mu.Lock()
	v, ok := pick(&m.next)[k]
	if !ok {
		if v, ok = pick(&m.prev)[k]; ok {
			pick(&m.next)[k] = v
		}
	}
	m.mu.Unlock()
	if ok {
		return v
	}
	v = f()
	m.mu.Lock()
	pick(&m.next)[k] = v
	m.mu.Unlock()
	return v
}

func (m *Memo) timeline(text string, start, end int) ([]Milestone, []*UnreadClause) {
	r := memoized(m, func(c *memoCells) map[timelineKey]timelineRead { return c.timelines }, timelineKey{text, start, end},
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
	r := memoized(m, func(c *memoCells) map[string]unitsRead { return c.units }, cell, func() unitsRead {
		units, note := SplitDepartments(cell)
		return unitsRead{units, note}
	})
	if m == nil {
		return r.units, r.note
	}
	return slices.Clone(r.units), r.note
}

func (m *Memo) sentences(text string) []string {
	s := memoized(m, func(c *memoCells) map[string][]string { return c.sentences }, text, func() []string { return Sentences(text) })
	if m == nil {
		return s
	}
	return slices.Clone(s)
}

func (m *Memo) title(measures string) string {
	return memoized(m, func(c *memoCells) map[string]string { return c.titles }, measures, func() string { return DeriveTitle(measures) })
}
