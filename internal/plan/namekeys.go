package plan

import (
	"math/bits"
	"slices"
	"sort"
)

// The keys of the edit rule of similar: two names within one edit of each
// other (four characters or more) or two edits (eight or more). Each kind
// of edit has its own key, holding the positions it needs, so that two
// names share a key only when they are that close: a name looks only at
// its true neighbours, however many names share characters with it.
//
//	S p, rest      one substitution at p (four to seven characters);
//	X rest         from eight characters: a substitution, or a character
//	               moved (deleted at one place, inserted at another);
//	H p q, rest    two substitutions, at p and q;
//	E rest         one or two characters deleted from the longer name
//	               give the shorter;
//	Y q, rest      a deletion, then a substitution at q.
//
// S, X and H are shared: both names make the same key, and each finds the
// other. E and Y are one-sided: the shorter name makes the key and the
// longer one looks it up, so only the longer finds the pair.
const (
	tagS = iota + 1
	tagX
	tagH
	tagE
	tagY
)

// entryKeys gives the keys a name is found by.
func entryKeys(rs []rune, emit func(uint32)) {
	n := len(rs)
	if n < 4 || n > maxEditRunes {
		return
	}
	emit(hashRunes(tagE, -1, -1, rs, -1, -1))
	for p := range n {
		if n < 8 {
			emit(hashRunes(tagS, p, -1, rs, p, -1))
			continue
		}
		emit(hashRunes(tagX, -1, -1, rs, p, -1))
		emit(hashRunes(tagY, p, -1, rs, p, -1))
		for q := p + 1; q < n; q++ {
			emit(hashRunes(tagH, p, q, rs, p, q))
		}
	}
}

// queryKeys gives the keys a name looks up, each with whether the name
// found can find this one itself and the length of the names it can find;
// look returns false to stop.
func queryKeys(rs []rune, look func(h uint32, oneSided bool, length int) bool) {
	n := len(rs)
	if n < 4 || n > maxEditRunes {
		return
	}
	for p := range n {
		if n < 8 {
			if !look(hashRunes(tagS, p, -1, rs, p, -1), false, n) {
				return
			}
			continue
		}
		if !look(hashRunes(tagX, -1, -1, rs, p, -1), false, n) {
			return
		}
		for q := p + 1; q < n; q++ {
			if !look(hashRunes(tagH, p, q, rs, p, q), false, n) {
				return
			}
		}
	}
	for p := range n {
		if n-1 >= 4 && !look(hashRunes(tagE, -1, -1, rs, p, -1), true, n-1) {
			return
		}
		for q := p + 1; n-2 >= 8 && q < n; q++ {
			if !look(hashRunes(tagE, -1, -1, rs, p, q), true, n-2) {
				return
			}
		}
		// Deleting p leaves n-1 characters; a substitution at q of those
		// is the key Y q of a name of n-1 characters.
		for q := 0; n-1 >= 8 && q < n-1; q++ {
			at := q
			if q >= p {
				at = q + 1
			}
			if !look(hashRunes(tagY, q, -1, rs, min(p, at), max(p, at)), true, n-1) {
				return
			}
		}
	}
}

// hashRunes hashes a key: its tag, up to two positions (-1 for none) and rs
// without the characters at skip1 and skip2 (-1 for none). Two keys that
// differ may hash alike; similar checks every name found.
func hashRunes(tag byte, p, q int, rs []rune, skip1, skip2 int) uint32 {
	const prime = 0x100000001b3
	h := uint64(0xcbf29ce484222325)
	h = (h ^ uint64(tag)) * prime
	h = (h ^ uint64(p+1)) * prime
	h = (h ^ uint64(q+1)) * prime
	for k, r := range rs {
		if k != skip1 && k != skip2 {
			h = (h ^ uint64(r)) * prime
		}
	}
	// Mixed, so that every character counts in the 32 bits kept.
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return uint32(h)
}

// keyTable holds the keys of every name: each entry is a key's hash in the
// upper 32 bits and the name's index in the lower, sorted, with a
// directory of where each run of leading bits starts. Most keys looked up
// are no other name's: a bit for each hash's trailing bits, eight for each
// entry, says so from a table far smaller than the entries, with one
// reading of memory rather than two; a second says whether two entries
// share them, for the keys a name looks up among its own.
type keyTable struct {
	entries []uint64
	shift   uint
	dir     []int32
	once    []uint64 // bit h&mask: an entry's hash ends so
	twice   []uint64 // bit h&mask: two entries' hashes end so
	mask    uint32
}

func newKeyTable(entries []uint64) keyTable {
	slices.Sort(entries)
	entries = slices.Compact(entries) // a name with a repeated character makes some keys twice
	b := min(max(bits.Len(uint(len(entries))), 1), 22)
	p := min(max(bits.Len(uint(len(entries)))+3, 6), 32) // eight bits an entry
	t := keyTable{entries: entries, shift: uint(64 - b), dir: make([]int32, 1<<b+1),
		once: make([]uint64, 1<<(p-6)), twice: make([]uint64, 1<<(p-6)), mask: uint32(1<<p - 1)}
	k := 0
	for d := range t.dir {
		for k < len(entries) && entries[k]>>t.shift < uint64(d) {
			k++
		}
		t.dir[d] = int32(k)
	}
	for _, e := range entries {
		i := uint32(e>>32) & t.mask
		t.twice[i/64] |= t.once[i/64] & (1 << (i % 64))
		t.once[i/64] |= 1 << (i % 64)
	}
	return t
}

// each calls fn with the index of each name that has the key hashed h, in
// the order of the names, until fn returns false; each reports whether fn
// always returned true. Only the names given are read, however many share
// the key. own says the name looking has the key itself.
func (t *keyTable) each(h uint32, own bool, fn func(int) bool) bool {
	bits := t.once
	if own {
		bits = t.twice
	}
	if i := h & t.mask; bits[i/64]&(1<<(i%64)) == 0 {
		return true
	}
	d := uint64(h) << 32 >> t.shift
	run := t.entries[t.dir[d]:t.dir[d+1]]
	from := sort.Search(len(run), func(k int) bool { return uint32(run[k]>>32) >= h })
	for _, e := range run[from:] {
		if uint32(e>>32) != h {
			break
		}
		if !fn(int(uint32(e))) {
			return false
		}
	}
	return true
}
