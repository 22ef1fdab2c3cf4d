package load

import (
	"fmt"
	"plansite/internal/problem"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleanCell prepares a cell's text as read from a CSV file or a workbook.
// U+000B (vertical tab) is what Word and Excel write for a line break inside
// a cell, so it becomes "\n". Any other control character but tab, line feed
// and carriage return (C0, U+007F, C1) is refused: none shows in an editor,
// so it can only be a leftover of a copy or an export, and XML (the feed)
// cannot hold the C0 ones at all. bad is the first such character, or -1.
func cleanCell(s string) (text string, bad rune) {
	for i := 0; i < len(s); i++ {
		if mayControl[s[i]] {
			return cleanControls(s)
		}
	}
	return s, -1
}

// mayControl marks the bytes that begin or are a control character other
// than tab, line feed and carriage return: below 0x20, 0x7f and 0xc2 (U+0080
// to U+009F). A cell without them is read on without decoding each
// character, which was a tenth of reading a large table.
var mayControl = func() (m [256]bool) {
	for b := range 0x20 {
		m[b] = b != '\t' && b != '\n' && b != '\r'
	}
	m[0x7f], m[0xc2] = true, true
	return m
}()

// cleanControls is cleanCell for a cell that may hold a control character.
func cleanControls(s string) (text string, bad rune) {
	s = strings.ReplaceAll(s, "\v", "\n")
	if i := strings.IndexFunc(s, isBadControl); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return s, r
	}
	return s, -1
}

func isBadControl(r rune) bool {
	return unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r'
}

// controlError says which control character a cell holds.
func controlError(file string, line, col int, r rune) error {
	return &problem.Problem{File: file, Line: line, Col: col, Msg: fmt.Sprintf("the cell holds the control character %U; remove it", r)}
}

// cellTooLong refuses a cell over MaxCell bytes.
func cellTooLong(file string, line, col, n int, hint string) error {
	return &problem.Problem{File: file, Line: line, Col: col,
		Msg: fmt.Sprintf("a cell of %d bytes, over the limit of %d: no cell of a task table is that long; %s", n, MaxCell, hint)}
}
