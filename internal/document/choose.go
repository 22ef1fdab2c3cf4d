package document

import (
	"fmt"
	"strings"

	"plansite/internal/column"
	"plansite/internal/plan"
)

// Score rates a candidate heading row: names holds, for each grid column,
// the heading that names it. The caller knows what a task table's columns
// are called (package column); the higher the score, the more
// the row looks like such a heading. 0 or less is "not a heading".
type Score func(names []string) int

// headerSearch is how many rows at the top of a table may hold its
// heading: a title row or two, a note, then the heading.
const headerSearch = 40

// Header is where a table's heading is and what it says.
type Header struct {
	Row  int // the index in Table.Rows of its first row
	Rows int // 1, or 2 for a merged heading over sub-headings
	// Names has, for each grid column, the heading that names it: the text
	// of the cell in the heading's row, or in a two-row heading the lower
	// row's cell, or the upper one where it covers both rows.
	Names []string
	// Groups has, for each grid column of a two-row heading, the upper
	// heading over several columns that it falls under (责任单位 over
	// 牵头单位 and 配合单位), else "". Nil for a one-row heading.
	Groups []string
	// Repeats are the indexes of the rows below the heading that repeat it
	// (each row of each copy): the copies a converter wrote as real rows
	// where the heading repeated at the top of a page.
	Repeats []int
	Score   int
}

// FindHeader finds a table's heading among its first rows: the row (or
// pair of rows) that scores best; at the same score the higher, and a
// two-row heading over its own lower row. Rows above it (a title spanning
// the table, a note) are not part of it.
func FindHeader(t *Table, score Score) Header {
	best := Header{Row: -1}
	consider := func(h Header) {
		if best.Row < 0 || h.Score > best.Score || h.Score == best.Score && h.Row == best.Row && h.Rows == 2 {
			best = h
		}
	}
	for r := 0; r < len(t.Rows) && r < headerSearch; r++ {
		h := Header{Row: r, Rows: 1, Names: names(t, r)}
		h.Score = score(h.Names)
		consider(h)
		if r+1 < len(t.Rows) && linked(t, r) {
			h = twoRows(t, r)
			h.Score = score(h.Names)
			consider(h)
		}
	}
	if best.Row < 0 {
		return Header{}
	}
	best.Repeats = RepeatedHeader(t, best.Row, best.Rows)
	return best
}

// names are the texts that show in row r, a merged cell's in every column
// it covers.
func names(t *Table, r int) []string {
	out := make([]string, t.Cols)
	for c := range out {
		out[c] = t.Text(r, c)
	}
	return out
}

// linked tells whether row r and the row below can be one heading: some
// cell of row r reaches down into it.
func linked(t *Table, r int) bool {
	for c := 0; c < t.Cols; c++ {
		if o := t.Origin(r, c); o.OriginRow == r && o.RowSpan > 1 {
			return true
		}
	}
	return false
}

// twoRows reads rows r and r+1 as one heading.
func twoRows(t *Table, r int) Header {
	h := Header{Row: r, Rows: 2, Names: make([]string, t.Cols), Groups: make([]string, t.Cols)}
	for c := 0; c < t.Cols; c++ {
		upper, lower := t.Origin(r, c), t.Origin(r+1, c)
		h.Names[c] = lower.Text // the upper cell itself when it covers both rows
		if upper != lower && upper.ColSpan > 1 {
			h.Groups[c] = upper.Text
		}
	}
	return h
}

// RepeatedHeader finds the rows below a heading (rows first to first+n-1)
// that repeat it: n rows in a row that show the same text in every column,
// spaces and line breaks aside. It gives the index of each row of each
// copy.
func RepeatedHeader(t *Table, first, n int) []int {
	if n <= 0 || first+n > len(t.Rows) {
		return nil
	}
	keys := make([]string, n)
	for k := range keys {
		keys[k] = rowKey(t, first+k)
	}
	for _, k := range keys {
		if k == "" {
			return nil // a heading row without text cannot be told from an empty row
		}
	}
	var out []int
	for r := first + n; r+n <= len(t.Rows); {
		same := true
		for k := 0; k < n && same; k++ {
			same = rowKey(t, r+k) == keys[k]
		}
		if !same {
			r++
			continue
		}
		for k := 0; k < n; k++ {
			out = append(out, r+k)
		}
		r += n
	}
	return out
}

// rowKey is what row r shows, spaces and line breaks removed, cells
// separated by a character no cell holds; "" when it shows nothing.
func rowKey(t *Table, r int) string {
	var b strings.Builder
	empty := true
	for c := 0; c < t.Cols; c++ {
		text := plan.Squeeze(t.Text(r, c))
		empty = empty && text == ""
		b.WriteString(text)
		b.WriteByte(0)
	}
	if empty {
		return ""
	}
	return b.String()
}

// plainHeading is the heading of a table named with -table N where no row
// reads like a task table's: the first of its first rows that names most
// of its columns, each with a text of its own. A title across the table
// or a lone "附件" above the heading cannot be that row, and the columns
// it names are then chosen by their cells. Without such a row it is found,
// the first row.
func plainHeading(t *Table, found Header) Header {
	for r := 0; r < len(t.Rows) && r < headerSearch; r++ {
		texts := map[string]bool{}
		for c := 0; c < t.Cols; c++ {
			if o := t.Origin(r, c); o.OriginCol == c && strings.TrimSpace(o.Text) != "" {
				texts[strings.TrimSpace(o.Text)] = true
			}
		}
		if len(texts) >= 2 && 2*len(texts) >= t.Cols {
			return Header{Row: r, Rows: 1, Names: names(t, r), Repeats: RepeatedHeader(t, r, 1), Score: found.Score}
		}
	}
	return found
}

// Choice is the task table of a document, and its heading.
type Choice struct {
	Index  int // into Document.Tables; the table's number is Index+1
	Header Header
}

// Choose finds a document's task table. With n > 0 it is table n (1-based,
// as -table N counts), whatever its heading. Otherwise it is the table whose
// heading scores best; at the same score the one with more rows (a task
// table is long, a layout table around it is not), then the first. A
// document without tables, or none with a heading, is an error that says
// what there is.
func Choose(doc *Document, score Score, n int) (Choice, error) {
	count := len(doc.Tables)
	if count == 0 {
		return Choice{}, fileError(doc.File, "the document has no table; is this the right file? (a table pasted as a picture cannot be read)")
	}
	if n != 0 {
		if n < 0 || n > count {
			return Choice{}, fileError(doc.File, "there is no table %d: the document has %s, numbered from 1", n, tables(count))
		}
		t := &doc.Tables[n-1]
		h := FindHeader(t, score)
		if h.Score <= 0 {
			h = plainHeading(t, h)
		}
		return Choice{Index: n - 1, Header: h}, nil
	}
	best := Choice{Index: -1}
	for i := range doc.Tables {
		h := FindHeader(&doc.Tables[i], score)
		if h.Score <= 0 {
			continue
		}
		if best.Index < 0 || h.Score > best.Header.Score ||
			h.Score == best.Header.Score && len(doc.Tables[i].Rows) > len(doc.Tables[best.Index].Rows) {
			best = Choice{Index: i, Header: h}
		}
	}
	if best.Index < 0 {
		return Choice{}, fileError(doc.File, "no table has the headings of a task table (%s, %s, 牵头单位 …): the document has %s (%s); name the one to read with -table N", column.ID.Name(), column.Measures.Name(), tables(count), beginnings(doc))
	}
	return best, nil
}

func tables(n int) string {
	if n == 1 {
		return "1 table"
	}
	return fmt.Sprintf("%d tables", n)
}

// beginnings says what the first tables begin with: "table 1 begins
// "附件1"; table 2 …".
func beginnings(doc *Document) string {
	const shown, width = 3, 20
	var parts []string
	for i := range doc.Tables[:min(len(doc.Tables), shown)] {
		t := &doc.Tables[i]
		first := ""
		for r := 0; r < len(t.Rows) && first == ""; r++ {
			for c := 0; c < t.Cols && first == ""; c++ {
				first = strings.TrimSpace(t.Text(r, c))
			}
		}
		if rs := []rune(first); len(rs) > width {
			first = string(rs[:width]) + "…"
		}
		parts = append(parts, fmt.Sprintf("table %d begins %s", i+1, plan.QuoteCell(first)))
	}
	if len(doc.Tables) > shown {
		parts = append(parts, "…")
	}
	return strings.Join(parts, "; ")
}
