package load

import (
	"bytes"
	"encoding/csv"
	"io"
	"runtime"
	"sort"

	"plansite/internal/plan"
)

// A large CSV file is read in two halves at once, the second on a goroutine
// of its own once the header is read: reading and placing the cells of a
// 10,000-task table took 50 ms on one core, and the preview reads the
// table again after every save. The records, their places and the errors
// are those of reading the file from its start: the second half starts at
// a line that starts a record, and its lines are counted on from the
// first's. Were the first half wrong, its error comes first, as it would.

// splitMin is the least size of a file read in halves.
const splitMin = 1 << 20

// halve starts reading the second half of a large file, the header read:
// the first half is read on from the header's end to where the second
// starts.
func (s *csvSource) halve() {
	end := int(s.r.InputOffset())
	split := splitAt(s.data, s.lines, s.least, end)
	if split == 0 {
		return
	}
	s.off = sort.SearchInts(s.lines, end) // the header's lines
	s.r = csv.NewReader(bytes.NewReader(s.data[end:split]))
	s.r.FieldsPerRecord = s.header
	s.rest = s.readRest(split)
}

// splitAt returns where the second half of data starts, when data has at
// least least bytes: the first line past the middle, and past the header,
// which ends at from, that is outside quotes, so that a record starts
// there; 0 to read data whole. Outside quotes, every quote so far has been
// closed, so the quotes before the line are even in number. Where a quote
// is out of place, the first half, which holds it, fails first: encoding/csv
// accepts quotes only in pairs.
func splitAt(data []byte, lines []int, least, from int) int {
	if len(data) < least || runtime.GOMAXPROCS(0) < 2 {
		return 0
	}
	k := sort.SearchInts(lines, max(len(data)/2, from))
	if k == 0 {
		return 0
	}
	quotes := bytes.Count(data[:lines[k-1]], []byte{'"'})
	for ; k < len(lines) && lines[k] < len(data); k++ {
		quotes += bytes.Count(data[lines[k-1]:lines[k]], []byte{'"'})
		if quotes%2 == 0 {
			return lines[k]
		}
	}
	return 0
}

// half is the second half of a file, from byte from, read on a goroutine.
type half struct {
	from int
	done chan struct{}
	recs []result // what each read gave, in order, the last EOF or an error
	at   int      // the next of recs to hand out
}

type result struct {
	rec   []string
	cells []plan.Cell
	err   error
}

// readRest starts reading the records from byte split on, each with as
// many fields as the header, which has been read.
func (s *csvSource) readRest(split int) *half {
	h := &half{from: split, done: make(chan struct{})}
	r := csv.NewReader(bytes.NewReader(s.data[split:]))
	r.FieldsPerRecord = s.header
	lineOff := sort.SearchInts(s.lines, split) // the lines before the half
	go func() {
		defer close(h.done)
		for {
			rec, cells, err := s.read(r, lineOff)
			h.recs = append(h.recs, result{rec, cells, err})
			if err != nil {
				return
			}
		}
	}()
	return h
}

func (h *half) next() ([]string, []plan.Cell, error) {
	<-h.done
	if h.at == len(h.recs) {
		return nil, nil, io.EOF // read past an error: as encoding/csv, go on at the end
	}
	r := h.recs[h.at]
	h.at++
	return r.rec, r.cells, r.err
}
