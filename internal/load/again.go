package load

import (
	"bytes"
	"encoding/csv"
	"io"
	"slices"
	"sort"

	"plansite/internal/plan"
)

// A preview server reads the task table again after every save, and a
// save changes a few of its bytes. A CSV table read again with a memo
// takes its records before the first byte that changed from the read
// before, reads on from there, and once it reaches a record that starts in
// the bytes after the last change, where a record of the read before
// started, takes that record and those below it from the read before too,
// their lines moved by as many as the change added. encoding/csv reads
// each record from its first line on, carrying nothing over from the
// records above it, so each record is what reading the whole file gives,
// and an error is the file's first, as the records above it had none.

// Memo keeps what a read of a content folder found, for the next read of
// the same folder: a preview server's rebuild after a save. It keeps the
// CSV task table's text and records (above) and what its cells read as
// (plan.Memo).
type Memo struct {
	cells *plan.Memo
	table *tableMemo // the task table as last read whole without an error
}

// NewMemo returns an empty memo.
func NewMemo() *Memo { return &Memo{cells: plan.NewMemo()} }

// Turn starts a new read (plan.Memo.Turn).
func (m *Memo) Turn() { m.cells.Turn() }

// tableMemo is a CSV task table as read: its text, where its lines start,
// and its records, the header first.
type tableMemo struct {
	file  string
	text  []byte
	lines []int
	recs  []keptRecord
}

type keptRecord struct {
	rec   []string
	cells []plan.Cell
}

// start is where record k starts: its first field's line.
func (t *tableMemo) start(k int) int { return t.lines[t.recs[k].cells[0].Line-1] }

// recorder gives the records of src and keeps each.
type recorder struct {
	rowSource
	recs []keptRecord
}

func (r *recorder) next() ([]string, []plan.Cell, error) {
	rec, cells, err := r.rowSource.next()
	if err == nil {
		r.recs = append(r.recs, keep(rec, cells))
	}
	return rec, cells, err
}

// keep is a record as kept, each cell with its text: records sets each
// cell's text so too, so the cells it is given are kept as they are.
func keep(rec []string, cells []plan.Cell) keptRecord {
	for i := range cells {
		cells[i].Text = rec[i]
	}
	return keptRecord{rec, cells}
}

// againSource reads text, the table as saved, taking what it can from
// prev, the table as last read.
type againSource struct {
	*csvSource // text, for the records that changed and for messages
	prev       *tableMemo
	recs       []keptRecord // what has been given, kept for the next read
	// The records are given from prev up to head, then read from text by
	// the csvSource's reader; once tail is set, from prev again from tail
	// on, each line moved by shift.
	head, tail int
	shift      int
	same       int // the bytes at the end of text that are as in prev
	delta      int // len(text) - len(prev.text)
}

// newAgainSource reads text as prev's table saved again; nil when there
// is no table as last read of the same file, or the change reaches into
// its header: the text is then read afresh.
func newAgainSource(file string, text []byte, prev *tableMemo) *againSource {
	if prev == nil || prev.file != file {
		return nil
	}
	old := prev.text
	p := sameBytes(old, text, 1)
	s := sameBytes(old[p:], text[p:], -1)
	// The first record that may have changed: the last that starts at or
	// before the first byte that did.
	head := sort.Search(len(prev.recs), func(k int) bool { return prev.start(k) > p }) - 1
	if head < 1 {
		return nil
	}
	src := textSource(file, text, len(text)+1)
	src.r = csv.NewReader(bytes.NewReader(text[prev.start(head):]))
	src.header = len(prev.recs[0].rec)
	src.r.FieldsPerRecord = src.header
	src.off = prev.recs[head].cells[0].Line - 1
	return &againSource{csvSource: src, prev: prev, head: head, tail: -1, same: s, delta: len(text) - len(old)}
}

func (a *againSource) next() ([]string, []plan.Cell, error) {
	a.records++
	switch {
	case len(a.recs) < a.head:
		return a.give(a.prev.recs[len(a.recs)], 0)
	case a.tail >= len(a.prev.recs):
		return nil, nil, io.EOF
	case a.tail >= 0:
		a.tail++
		return a.give(a.prev.recs[a.tail-1], a.shift)
	}
	rec, cells, err := a.read(a.r, a.off)
	if err != nil {
		return nil, nil, err
	}
	// A record that starts in the bytes after the change, where one of
	// the read before started, is that record, and those below it are
	// too.
	if start := a.lines[cells[0].Line-1]; start >= len(a.data)-a.same {
		if j, ok := sort.Find(len(a.prev.recs), func(j int) int { return start - a.delta - a.prev.start(j) }); ok {
			a.tail, a.shift = j+1, cells[0].Line-a.prev.recs[j].cells[0].Line
			return a.give(a.prev.recs[j], a.shift)
		}
	}
	a.recs = append(a.recs, keep(rec, cells))
	return rec, cells, nil
}

// sameBytes counts the bytes that a and b have alike from their start
// (dir 1) or from their end (-1), comparing blocks at a time: a table of
// megabytes took milliseconds byte by byte.
func sameBytes(a, b []byte, dir int) int {
	n := min(len(a), len(b))
	at := func(x []byte, i, k int) []byte { // k bytes from i counted from the start, or the end
		if dir > 0 {
			return x[i : i+k]
		}
		return x[len(x)-i-k : len(x)-i]
	}
	const block = 4096
	i := 0
	for i+block <= n && bytes.Equal(at(a, i, block), at(b, i, block)) {
		i += block
	}
	for i < n && at(a, i, 1)[0] == at(b, i, 1)[0] {
		i++
	}
	return i
}

// give gives r, a record of prev, its lines moved by shift, and keeps it.
func (a *againSource) give(r keptRecord, shift int) ([]string, []plan.Cell, error) {
	if shift != 0 {
		r.cells = slices.Clone(r.cells)
		for i := range r.cells {
			r.cells[i].Line += shift
		}
	}
	a.recs = append(a.recs, r)
	return r.rec, r.cells, nil
}
