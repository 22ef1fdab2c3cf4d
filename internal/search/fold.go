// Package search builds the site's search index: the text of every task,
// folded for matching, cut into shards small enough for a phone to load one
// at a time. static/search.js reads it and matches queries by substring.
package search

import "strings"

// Fold normalises text for matching, the same way static/search.js folds a
// query: full-width ASCII forms (Ａ, ５, （, ，) become their ASCII twins, as
// NFKC would map them; ASCII letters become lower case; white space,
// including the ideographic space U+3000 and line breaks, becomes a plain
// space.
//
// Every change maps one UTF-16 code unit to one, so a position in the folded
// text is the same position in the original. That is what lets the script
// find a match in the folded text and highlight the original words without
// folding them again. Keep the two functions identical: a browser test
// compares them over the whole Basic Multilingual Plane.
func Fold(s string) string {
	return strings.Map(foldRune, s)
}

func foldRune(r rune) rune {
	switch {
	case r >= 'A' && r <= 'Z':
		return r + ('a' - 'A')
	case r >= 0xFF21 && r <= 0xFF3A: // Ａ-Ｚ
		return r - 0xFF21 + 'a'
	case r >= 0xFF01 && r <= 0xFF5E: // the rest of the full-width ASCII forms
		return r - 0xFEE0
	case r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == '\r' || r == 0xA0 || r == 0x3000:
		return ' '
	}
	return r
}
