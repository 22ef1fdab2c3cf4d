// Package textsim says how alike two short texts are, character by
// character: the measures behind "did you mean 时间节点?" for a table's
// headings and "市规划和自然局 looks like 市规划和自然资源局" for its
// departments, and "did you mean build?" for a mistyped command or flag.
package textsim

import "strings"

// Distance is the Levenshtein edit distance between a and b: how many
// characters must be added, left out or changed to make one the other.
func Distance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Subsequence reports whether all of short occurs in long, in order.
func Subsequence(short, long []rune) bool {
	i := 0
	for _, r := range long {
		if i < len(short) && short[i] == r {
			i++
		}
	}
	return i == len(short)
}

// Nearest returns the first of candidates that word was most likely meant
// to be: the closest within limit edits, or else one that word begins with
// or that begins with word (a name typed on past its end, or cut short);
// "" when none is. "biuld" is build, "-ot" and "-output" are -out.
func Nearest(word string, candidates []string, limit int) string {
	w := []rune(word)
	best, bestD := "", limit+1
	for _, c := range candidates {
		if d := Distance(w, []rune(c)); d < bestD {
			best, bestD = c, d
		}
	}
	if best != "" || len(w) < 2 {
		return best
	}
	for _, c := range candidates {
		if strings.HasPrefix(word, c) || strings.HasPrefix(c, word) {
			return c
		}
	}
	return ""
}
