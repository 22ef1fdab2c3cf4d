package plan

import (
	"fmt"
	"sort"
)

// unlisted is a department name missing from the departments table, where
// it is first named and how often.
type unlisted struct {
	dep   *Department
	first Warning
	count int
}

// lintNames warns about the departments missing from the departments table
// and about names so alike that they are probably one department written
// two ways (市规划和自然局 and 市规划和自然资源局), unless the departments table
// lists them already.
func (d *directory) lintNames() []Warning {
	var warns []Warning
	for _, u := range d.unlisted {
		w := u.first
		w.Msg = fmt.Sprintf("department %s is not in %s (named in %s); it is published at /departments/%s/", QuoteCell(u.dep.Name), d.file, cells(u.count), u.dep.Slug)
		warns = append(warns, w)
	}
	// Every name the site may show: those of the departments table, aliases
	// included, and those of the task table.
	var names []string
	for n := range d.byName {
		names = append(names, n)
	}
	sort.Strings(names)
	idx := newNameIndex(names)
	for _, u := range d.unlisted {
		for _, other := range idx.alike(u.dep.Name) {
			w := u.first
			o := d.byName[other]
			if o.Known {
				w.Msg = fmt.Sprintf("%s looks like %s: if they are one department, list %s as an alias (别名) of %s in %s",
					QuoteCell(u.dep.Name), QuoteCell(other), QuoteCell(u.dep.Name), QuoteCell(o.Name), d.file)
			} else {
				if u.dep.Name > other {
					continue // say it once, for the pair
				}
				w.Msg = fmt.Sprintf("%s looks like %s: if they are one department, write it one way, or list one as an alias (别名) of the other in %s",
					QuoteCell(u.dep.Name), QuoteCell(other), d.file)
			}
			warns = append(warns, w)
		}
	}
	return warns
}

// nameIndex finds, among many names, those similar to a name without
// comparing every pair: a table may name ten thousand departments.
type nameIndex struct {
	names    []string
	runes    [][]rune
	variants map[string][]int // a name with characters deleted → the names
	byRune   map[rune][]int   // a character → the names that hold it
	held     map[int][]int    // a name → the shorter names it holds in order
}

func newNameIndex(names []string) *nameIndex {
	x := &nameIndex{names: names, variants: map[string][]int{}, byRune: map[rune][]int{}, held: map[int][]int{}}
	for i, n := range names {
		rs := []rune(n)
		x.runes = append(x.runes, rs)
		for _, v := range deletions(rs) {
			x.variants[v] = append(x.variants[v], i)
		}
		for r := range runeSet(rs) {
			x.byRune[r] = append(x.byRune[r], i)
		}
	}
	for i, rs := range x.runes {
		if len(rs) < 3 {
			continue // too short to be held meaningfully
		}
		for _, j := range x.holding(rs) {
			if j != i && len(x.runes[j]) > len(rs) && subsequence(rs, x.runes[j]) {
				x.held[j] = append(x.held[j], i)
			}
		}
	}
	return x
}

// alike returns the other names similar to the i-th, in sorted order.
func (x *nameIndex) alike(name string) []string {
	rs := []rune(name)
	cand := map[int]bool{}
	// Within two edits, the two names share a form with characters deleted.
	for _, v := range deletions(rs) {
		for _, i := range x.variants[v] {
			cand[i] = true
		}
	}
	// Held in order by a longer name, or holding a shorter one.
	for _, i := range x.holding(rs) {
		cand[i] = true
	}
	if i := sort.SearchStrings(x.names, name); i < len(x.names) && x.names[i] == name {
		for _, j := range x.held[i] {
			cand[j] = true
		}
	}
	var out []string
	for i := range cand {
		if other := x.names[i]; other != name && similar(name, other) {
			out = append(out, other)
		}
	}
	sort.Strings(out)
	return out
}

// holding returns the names that hold every character of rs, found from
// the rarest of its characters.
func (x *nameIndex) holding(rs []rune) []int {
	var rarest []int
	first := true
	for r := range runeSet(rs) {
		if p := x.byRune[r]; first || len(p) < len(rarest) {
			rarest, first = p, false
		}
	}
	var out []int
	for _, i := range rarest {
		if subset(rs, x.runes[i]) {
			out = append(out, i)
		}
	}
	return out
}

func runeSet(rs []rune) map[rune]bool {
	m := make(map[rune]bool, len(rs))
	for _, r := range rs {
		m[r] = true
	}
	return m
}

// subset reports whether every character of a occurs in b.
func subset(a, b []rune) bool {
	in := runeSet(b)
	for _, r := range a {
		if !in[r] {
			return false
		}
	}
	return true
}

// deletions lists rs and the forms of it with characters deleted that the
// edit rule of similar can need: one from a name of four characters or
// more, two from one of eight or more.
func deletions(rs []rune) []string {
	out := []string{string(rs)}
	if len(rs) < 4 {
		return out
	}
	for i := range rs {
		one := append(append([]rune{}, rs[:i]...), rs[i+1:]...)
		out = append(out, string(one))
		if len(rs) < 8 {
			continue
		}
		for j := i; j < len(one); j++ {
			out = append(out, string(append(append([]rune{}, one[:j]...), one[j+1:]...)))
		}
	}
	return out
}

// similar reports whether two department names are probably one written two
// ways: one contains the other's characters in order (市规划和自然局 in
// 市规划和自然资源局, 市科技局 in 市科学技术局), or they differ by one or two
// characters out of at least four for each (市财政局, 市财政厅). Short names
// such as 市科技局 and 市教育局 differ by too much of themselves to match.
func similar(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	if len(ra) >= 3 && subsequence(ra, rb) {
		return true
	}
	d := distance(ra, rb)
	return d <= 2 && d*4 <= len(ra)
}

// subsequence reports whether all of short occurs in long, in order.
func subsequence(short, long []rune) bool {
	i := 0
	for _, r := range long {
		if i < len(short) && short[i] == r {
			i++
		}
	}
	return i == len(short)
}

// distance is the Levenshtein edit distance between a and b.
func distance(a, b []rune) int {
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

// cells says how many cells, in the singular for one.
func cells(n int) string {
	if n == 1 {
		return "1 cell"
	}
	return fmt.Sprintf("%d cells", n)
}
