package plan

import (
	"plansite/internal/textsim"
	"slices"
	"sort"
)

// Bounds of the similarity check. A table may name tens of thousands of
// units, many of them alike (village committees, numbered offices): the
// check must not compare every pair, nor say every pair.
const (
	// maxAlike is how many similar names are listed for one name; past
	// that, one more warning says there are more.
	maxAlike = 5
	// maxEditRunes: a longer name is compared by its characters in order
	// only. The edit rule's keys grow with the square of a name's length,
	// and few departments' names are longer (市规划和自然资源局 has 9):
	// 50,000 names of 14 to 16 characters take seconds to check.
	maxEditRunes = 16
	// maxHolderScan is how many longer names sharing a name's rarest
	// character are examined for holding it in order. Finding every
	// name that holds another has no known fast method, and real names
	// share a rare character with a handful of others.
	maxHolderScan = 1000
)

// nameIndex finds, among many names, those similar to each, with work
// that grows with the number of names and not with the number of pairs.
//
// The edit rule (one or two characters apart) is found exactly by keys:
// two names share a key only when they are that close, so each name looks
// only at its true neighbours and stops at maxAlike+1 of them. The holding
// rule (one name's characters in order in another) is found by scanning,
// from the shorter name, the longer names that have its rarest character.
// What a name finds only from one side (a shorter name finds the names
// holding it; a longer one finds those one deletion away) is given to the
// other name too, so both see the pair.
type nameIndex struct {
	names []string
	runes [][]rune
	keys  keyTable
	// byRune lists the names that have a character, by length, then by
	// index.
	byRune map[rune][]int32
	found  [][]int32 // for each name, the similar names found, at most maxAlike+1
	more   []bool    // the name has more similar names than found holds
	// lengths says which lengths some name of keys has: a table of
	// names of one length looks up none of another.
	lengths [maxEditRunes + 1]bool
}

// newNameIndex indexes names, which must be sorted and distinct, and
// finds the similar names of each.
func newNameIndex(names []string) *nameIndex {
	x := &nameIndex{names: names, runes: make([][]rune, len(names)), byRune: map[rune][]int32{},
		found: make([][]int32, len(names)), more: make([]bool, len(names))}
	var entries []uint64
	for i, n := range names {
		rs := []rune(n)
		x.runes[i] = rs
		entryKeys(rs, func(h uint32) { entries = append(entries, uint64(h)<<32|uint64(i)) })
		if len(rs) <= maxEditRunes {
			x.lengths[len(rs)] = true
		}
		for _, r := range distinctRunes(rs) {
			x.byRune[r] = append(x.byRune[r], int32(i))
		}
	}
	x.keys = newKeyTable(entries)
	for _, list := range x.byRune {
		sort.SliceStable(list, func(a, b int) bool { return len(x.runes[list[a]]) < len(x.runes[list[b]]) })
	}
	// From one side only: what each name finds of this kind is also
	// given to the name found.
	back := make([][]int32, len(names))
	backMore := make([]bool, len(names))
	give := func(to, name int) {
		switch {
		case slices.Contains(back[to], int32(name)):
		case len(back[to]) > maxAlike:
			backMore[to] = true
		default:
			back[to] = append(back[to], int32(name))
		}
	}
	for i := range names {
		x.search(i, give)
	}
	for i := range names {
		for _, j := range back[i] {
			x.add(i, int(j))
		}
		x.more[i] = x.more[i] || backMore[i]
		slices.SortFunc(x.found[i], func(a, b int32) int { return int(a - b) })
	}
	return x
}

// add records j as similar to i, unless found already; past maxAlike+1,
// only that i has more.
func (x *nameIndex) add(i, j int) {
	switch {
	case slices.Contains(x.found[i], int32(j)):
	case len(x.found[i]) > maxAlike:
		x.more[i] = true
	default:
		x.found[i] = append(x.found[i], int32(j))
	}
}

// search finds the names similar to name i. It stops looking for its own
// once it has more than maxAlike, but goes on finding what the other name
// cannot find itself, and gives it that with give:
//
//   - a name that one or two deletions or a deletion and a substitution
//     make shorter (keys E and Y). All the names of such a key but the
//     longer are alike to each other: past maxAlike+1 of them, the others
//     have more than maxAlike alike anyway.
//   - a longer name that holds it, from the first maxHolderScan that might.
func (x *nameIndex) search(i int, give func(to, name int)) {
	rs := x.runes[i]
	full := func() bool { return len(x.found[i]) > maxAlike }
	queryKeys(rs, func(h uint32, oneSided bool, length int) bool {
		switch {
		case full() && !oneSided:
			return true // the names of a shared key find this one themselves
		case !x.lengths[length]:
			return true // no name has keys of that length
		}
		given := 0
		x.keys.each(h, !oneSided, func(j int) bool {
			if j == i || !similar(x.names[i], x.names[j]) {
				return true
			}
			x.add(i, j)
			if !oneSided {
				return !full()
			}
			give(j, i)
			given++
			return given <= maxAlike
		})
		return true
	})
	if len(rs) >= 3 {
		for _, j := range x.holders(rs) {
			x.add(i, int(j))
			give(int(j), i)
		}
	}
}

// holders returns longer names that hold rs's characters in order, from
// the first maxHolderScan longer names that have its rarest character.
func (x *nameIndex) holders(rs []rune) []int32 {
	var list []int32
	for _, r := range rs {
		p := x.byRune[r]
		from := sort.Search(len(p), func(k int) bool { return len(x.runes[p[k]]) > len(rs) })
		if p = p[from:]; list == nil || len(p) < len(list) {
			list = p
		}
	}
	var out []int32
	for _, j := range list[:min(len(list), maxHolderScan)] {
		if textsim.Subsequence(rs, x.runes[j]) {
			out = append(out, j)
		}
	}
	return out
}

// alike returns the names similar to names[i], at most maxAlike of them
// in sorted order, and whether it has more.
func (x *nameIndex) alike(i int) ([]string, bool) {
	var out []string
	for _, j := range x.found[i][:min(len(x.found[i]), maxAlike)] {
		out = append(out, x.names[j])
	}
	return out, x.more[i] || len(x.found[i]) > maxAlike
}

// index returns the position of name in the index, or -1.
func (x *nameIndex) index(name string) int {
	if i, ok := slices.BinarySearch(x.names, name); ok {
		return i
	}
	return -1
}

func distinctRunes(rs []rune) []rune {
	out := slices.Clone(rs)
	slices.Sort(out)
	return slices.Compact(out)
}
