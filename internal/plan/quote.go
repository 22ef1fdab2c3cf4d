package plan

import (
	"fmt"
	"strconv"
)

// MaxQuoted is how many characters of a cell a message quotes: enough to find
// the cell in the table, never the whole of a runaway one (a quote left open
// can make a cell of the rest of the file).
const MaxQuoted = 200

// QuoteCell quotes a cell's text for a message, as %q does, cut to MaxQuoted
// characters with "…" and the length of the whole when it is longer:
// "前200字…" (1,234 characters). Every message that shows a cell's content
// goes through it.
func QuoteCell(s string) string {
	if len(s) <= MaxQuoted { // bytes: at most as many characters
		return strconv.Quote(s)
	}
	n, cut := 0, len(s)
	for i := range s {
		if n == MaxQuoted {
			cut = i
		}
		n++
	}
	if n <= MaxQuoted {
		return strconv.Quote(s)
	}
	return fmt.Sprintf("%s (%s characters)", strconv.Quote(s[:cut]+"…"), GroupDigits(n))
}

// GroupDigits writes n with a comma between groups of three digits, as
// messages write counts and limits: 200,000.
func GroupDigits(n int) string {
	s := strconv.Itoa(n)
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}
