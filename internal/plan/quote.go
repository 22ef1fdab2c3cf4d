package plan

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// quoteMax is the most of a cell a message quotes: a cell may hold a
// megabyte, and a message that prints it whole buries the problem.
const quoteMax = 200

// QuoteCell quotes text for a message, cut to its first 200 characters,
// with its length when it was cut.
func QuoteCell(text string) string {
	n := utf8.RuneCountInString(text)
	if n <= quoteMax {
		return strconv.Quote(text)
	}
	i := 0
	for range quoteMax {
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return fmt.Sprintf("%s… (%d characters)", strconv.Quote(text[:i]), n)
}
