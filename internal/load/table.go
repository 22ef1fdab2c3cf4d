package load

import (
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"sort"
	"sync"
	"unicode/utf8"

	"plansite/internal/plan"
	"plansite/internal/problem"
)

// MaxCell is the longest cell accepted, in bytes. The longest cell of a real
// table is a few thousand characters; a far longer one is a mistake.
const MaxCell = 64 << 10

// csvSource reads CSV text strictly: UTF-8 (a BOM is allowed), the same
// number of fields on every row, cells within MaxCell and, as cleanCell
// says, without control characters. It reads both the task table and
// departments.csv.
type csvSource struct {
	file    string
	data    []byte
	lines   []int // where each line starts
	r       *csv.Reader
	header  int // how many fields the header has; -1 until it is read
	records int // the records read, the header included
	// A large file is read in two halves at once (csvsplit.go): once the
	// header is read, r reads the first half, whose first line is line
	// off+1, and rest the second.
	least int // the least size of a file read in halves
	off   int
	rest  *half
}

func newCSVSource(file string, data []byte) (*csvSource, error) {
	return newCSVSourceSplit(file, data, splitMin)
}

// newCSVSourceSplit is newCSVSource reading in halves a file of at least
// least bytes.
func newCSVSourceSplit(file string, data []byte, least int) (*csvSource, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if err := checkUTF8(file, data); err != nil {
		return nil, err
	}
	return textSource(file, data, least), nil
}

// textSource reads text as decodeText returns it: UTF-8 without a byte
// order mark, checked already (a large table's bytes took milliseconds to
// check again).
func textSource(file string, text []byte, least int) *csvSource {
	return &csvSource{file: file, data: text, lines: lineStarts(text), r: csv.NewReader(bytes.NewReader(text)), header: -1, least: least}
}

func (s *csvSource) record() int { return s.records }

// merges: a CSV file cannot say which cells were one; merges.csv does.
func (s *csvSource) merges() []plan.Merge { return nil }

func (s *csvSource) next() ([]string, []plan.Cell, error) {
	s.records++
	if s.r == nil {
		return s.rest.next()
	}
	rec, cells, err := s.read(s.r, s.off)
	switch {
	case err == io.EOF && s.header < 0:
		return nil, nil, &problem.Problem{File: s.file, Line: 1, Msg: "the file is empty; the first line must be the header"}
	case err == io.EOF && s.rest != nil:
		s.r = nil // the first half is read: on to the second
		return s.rest.next()
	case err == nil && s.header < 0:
		s.header = len(rec)
		s.halve()
	}
	return rec, cells, err
}

// read reads the next record of r, whose first line is line lineOff+1 of
// the file, and places and checks its fields.
func (s *csvSource) read(r *csv.Reader, lineOff int) ([]string, []plan.Cell, error) {
	rec, err := r.Read()
	if err == io.EOF {
		return nil, nil, io.EOF
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			pe.StartLine += lineOff
			pe.Line += lineOff
		}
		return nil, nil, s.readError(err, len(rec))
	}
	if s.header < 0 && len(rec) > MaxColumns {
		line, col := r.FieldPos(MaxColumns)
		return nil, nil, tooManyColumns(s.file, line, charCol(s.data, s.lines, line, col), len(rec))
	}
	cells := make([]plan.Cell, len(rec))
	var cc colCounter
	for i := range rec {
		line, col := r.FieldPos(i)
		line += lineOff
		cells[i] = plan.Cell{Line: line, Col: cc.charCol(s.data, s.lines, line, col)}
		if len(rec[i]) > MaxCell {
			return nil, nil, cellTooLong(s.file, cells[i].Line, cells[i].Col, len(rec[i]), "is a quote left open, or is this the wrong file?")
		}
		var bad rune
		if rec[i], bad = cleanCell(rec[i]); bad >= 0 {
			return nil, nil, controlError(s.file, cells[i].Line, cells[i].Col, bad)
		}
	}
	return rec, cells, nil
}

// readError places an error of encoding/csv; fields is how many the
// record it stopped in has.
func (s *csvSource) readError(err error, fields int) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return &problem.Problem{File: s.file, Msg: err.Error()}
	}
	data, lines := s.data, s.lines
	line, col, msg := pe.Line, charCol(data, lines, pe.Line, pe.Column), csvMessage(pe)
	switch {
	case errors.Is(pe.Err, csv.ErrQuote):
		// encoding/csv stops where a quoted cell goes wrong, often
		// far below the quote that opened it, which is what to fix.
		l, c, atEOF, ok := openQuote(data, lines, pe.StartLine)
		switch {
		case ok && atEOF:
			line, col = l, c
			msg = `unbalanced quote: the quoted cell that starts here is never closed (the file ends inside it); close it, or write a quote inside a cell as ""`
		case ok && l < pe.Line:
			msg = fmt.Sprintf(`unbalanced quote: the quoted cell that starts here runs on to line %d, column %d, where a quote is followed by other text; close it, or write a quote inside a cell as ""`, line, col)
			line, col = l, c
		}
	case errors.Is(pe.Err, csv.ErrFieldCount):
		msg = fmt.Sprintf("wrong number of fields: this row has %d, the header has %d (a missing or extra comma, or an unquoted comma inside a cell)", fields, s.header)
	}
	return &problem.Problem{File: s.file, Line: line, Col: col, Msg: msg}
}

func csvMessage(pe *csv.ParseError) string {
	switch {
	case errors.Is(pe.Err, csv.ErrFieldCount):
		return "wrong number of fields: this row does not have as many fields as the header (a missing or extra comma, or an unquoted comma inside a cell)"
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return `a quote (") inside an unquoted cell; quote the whole cell and double the quote ("")`
	case errors.Is(pe.Err, csv.ErrQuote):
		return `a stray quote (") in a quoted cell; inside quotes write a quote twice (""), and follow the closing quote with a comma or the end of the line`
	}
	if pe.StartLine != pe.Line {
		return fmt.Sprintf("%v (in the record that starts on line %d)", pe.Err, pe.StartLine)
	}
	return pe.Err.Error()
}

// openQuote reads the record that starts on line startLine by the rules of
// encoding/csv until it goes wrong in a quoted cell, and returns the line and
// character column of that cell's opening quote; atEOF says the file ends
// inside the cell. ok is false when no quoted cell goes wrong.
func openQuote(data []byte, lines []int, startLine int) (line, col int, atEOF, ok bool) {
	if startLine < 1 || startLine > len(lines) {
		return 0, 0, false, false
	}
	at := func(off int) (int, int) {
		l := sort.Search(len(lines), func(k int) bool { return lines[k] > off })
		return l, utf8.RuneCount(data[lines[l-1]:off]) + 1
	}
	i := lines[startLine-1]
	for { // at the start of a field
		if i < len(data) && data[i] == '"' {
			open := i
			for i++; ; {
				j := bytes.IndexByte(data[i:], '"')
				if j < 0 {
					line, col = at(open)
					return line, col, true, true
				}
				i += j + 1
				if i >= len(data) || data[i] != '"' {
					break
				}
				i++ // "" is a quote inside the cell
			}
			if i < len(data) && data[i] != ',' && data[i] != '\n' && !(data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n') {
				line, col = at(open)
				return line, col, false, true
			}
		} else {
			for i < len(data) && data[i] != ',' && data[i] != '\n' && data[i] != '"' {
				i++
			}
		}
		if i >= len(data) || data[i] != ',' {
			return 0, 0, false, false
		}
		i++
	}
}

// checkUTF8 rejects text that is not UTF-8, saying where.
func checkUTF8(file string, data []byte) error {
	if validUTF8(data) {
		return nil
	}
	line, col := 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return &problem.Problem{File: file, Line: line, Col: col, Msg: `not valid UTF-8; save the table as "CSV UTF-8" (Excel: Save As, CSV UTF-8; WPS: choose the UTF-8 encoding)`}
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return nil
}

// validUTF8 is utf8.Valid, a large text checked in two halves at once: a
// table of megabytes of Chinese took milliseconds on one core before its
// halves are read. The second half begins with a byte that begins a
// character, so each half holds whole characters when the text is valid,
// and two valid halves make a valid text.
func validUTF8(b []byte) bool {
	if len(b) < splitMin {
		return utf8.Valid(b)
	}
	mid := len(b) / 2
	for mid < len(b) && !utf8.RuneStart(b[mid]) {
		mid++
	}
	var second bool
	var wg sync.WaitGroup
	wg.Go(func() { second = utf8.Valid(b[mid:]) })
	first := utf8.Valid(b[:mid])
	wg.Wait()
	return first && second
}

// lineStarts returns the byte offset at which each line begins.
func lineStarts(data []byte) []int {
	starts := make([]int, 1, bytes.Count(data, []byte{'\n'})+1)
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			return starts
		}
		i += j + 1
		starts = append(starts, i)
	}
}

// charCol turns a 1-based byte column on a line into a 1-based character
// column, which is what an editor shows for Chinese text.
func charCol(data []byte, lines []int, line, byteCol int) int {
	if line < 1 || line > len(lines) || byteCol < 1 {
		return byteCol
	}
	start := lines[line-1]
	end := min(start+byteCol-1, len(data))
	return runeCount(data[start:end]) + 1
}

// colCounter converts the byte columns of one record's fields, which come in
// order, counting on from the previous field of the same line: counting from
// the start of the line each time made a line of many fields take quadratic
// time (a 700 KB header took half a minute).
type colCounter struct{ line, byteCol, col int }

func (c *colCounter) charCol(data []byte, lines []int, line, byteCol int) int {
	if line < 1 || line > len(lines) || byteCol < 1 {
		return byteCol
	}
	if line != c.line || byteCol < c.byteCol {
		c.line, c.byteCol, c.col = line, 1, 1
	}
	start := lines[line-1]
	from, to := min(start+c.byteCol-1, len(data)), min(start+byteCol-1, len(data))
	c.byteCol, c.col = byteCol, c.col+runeCount(data[from:to])
	return c.col
}

// runeCount is utf8.RuneCount of text that is valid UTF-8, as a table's
// text is before it is read: its characters are its bytes that do not
// continue one (10xxxxxx), counted eight at a time. Decoding each
// character of a large Chinese table took ten times as long.
func runeCount(b []byte) int {
	n, i := len(b), 0
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		n -= bits.OnesCount64(w &^ (w << 1) & 0x8080808080808080)
	}
	for ; i < len(b); i++ {
		if b[i]&0xc0 == 0x80 {
			n--
		}
	}
	return n
}
