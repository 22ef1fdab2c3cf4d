package pages

import (
	"cmp"
	"slices"
	"sort"
	"sync"

	"plansite/internal/plan"
)

// The table's merged cells, as its document had them (plan.Plan.Merges),
// on the pages that show its rows as it writes them: /plan/ and each
// task's 原表记载. A merged cell is one cell rowspan × colspan, and the
// cells it covers are left out. Where the rows shown break off (a page of
// /plan/ ends, a heading row stands between, a task's own rows end) the
// merged cell is cut, and starts again, with its text, in the first row
// shown below.

// Span is how a cell of a row shown is merged: Rows × Cols cells from it
// (1 × 1 for a cell of its own), or 0 × 0 for a cell that a merged cell
// above or to its left covers, which is left out.
type Span struct{ Rows, Cols int }

// mergeIndex finds the merges over a run of the table's rows without
// reading all of them, for each of a large table's pages: the body's
// merges by their first column, each column's sorted by their first row.
type mergeIndex struct {
	once sync.Once
	cols [][]plan.Merge
	// reach[c][i] is the last row that the merges cols[c][:i+1] reach.
	reach [][]int
}

// merges is the site's merge index, made once.
func (s *Context) merges() *mergeIndex {
	x := &s.mergeIdx
	x.once.Do(func() {
		pl := s.Plan
		n := len(pl.Columns)
		x.cols, x.reach = make([][]plan.Merge, n), make([][]int, n)
		for _, g := range pl.Merges {
			// The heading's own merges are the <thead>'s, and a heading
			// row merged across the table is a heading row already.
			if g.Top < 2 || g.Left < 1 || g.Right > n || g.Left == 1 && g.Right == n && g.Top == g.Bottom {
				continue
			}
			x.cols[g.Left-1] = append(x.cols[g.Left-1], g)
		}
		for c, gs := range x.cols {
			slices.SortFunc(gs, func(a, b plan.Merge) int { return cmp.Compare(a.Top, b.Top) })
			reach, last := make([]int, len(gs)), 0
			for i, g := range gs {
				last = max(last, g.Bottom)
				reach[i] = last
			}
			x.reach[c] = reach
		}
	})
	return x
}

// empty reports whether the table has no merges below its heading, whose
// pages then show its rows as before merges were known: the area column
// merged over each run of rows in one area.
func (x *mergeIndex) empty() bool {
	for _, gs := range x.cols {
		if len(gs) > 0 {
			return false
		}
	}
	return true
}

// over returns the merges that cover any of the rows from to to, both
// counted as the table counts them.
func (x *mergeIndex) over(from, to int) []plan.Merge {
	var out []plan.Merge
	for c, gs := range x.cols {
		// The merges starting at to or above, back to the first that
		// reaches no lower than from.
		i := sort.Search(len(gs), func(i int) bool { return gs[i].Top > to }) - 1
		for ; i >= 0 && x.reach[c][i] >= from; i-- {
			if gs[i].Bottom >= from {
				out = append(out, gs[i])
			}
		}
	}
	return out
}

// spans lays the table's merges over rows shown one after another: recs[i]
// is row i's number in the table (plan.Row.Record), and cut[i] says that a
// merged cell may not reach from the row above into row i (a heading row
// is shown between them). It returns each row's spans, one for each of the
// ncols columns; nil when no merge covers the rows.
func (x *mergeIndex) spans(recs []int, cut []bool, ncols int) [][]Span {
	from, to := 0, 0
	at := make(map[int]int, len(recs)) // row number → its place in recs
	for i, r := range recs {
		if r < 1 {
			continue
		}
		if from == 0 || r < from {
			from = r
		}
		to = max(to, r)
		at[r] = i
	}
	if from == 0 {
		return nil
	}
	gs := x.over(from, to)
	if len(gs) == 0 {
		return nil
	}
	// The merges in the table's order, so that where a damaged list has
	// two over one cell, the one that starts first is shown.
	slices.SortFunc(gs, func(a, b plan.Merge) int { return cmp.Or(cmp.Compare(a.Top, b.Top), cmp.Compare(a.Left, b.Left)) })
	out := make([][]Span, len(recs))
	for i := range out {
		out[i] = make([]Span, ncols)
		for c := range out[i] {
			out[i][c] = Span{1, 1}
		}
	}
	for _, g := range gs {
		for r := max(g.Top, from); r <= min(g.Bottom, to); {
			i, ok := at[r]
			if !ok {
				r++
				continue
			}
			// The run of rows shown one after another inside the merge.
			j := i + 1
			for j < len(recs) && !cut[j] && recs[j] == recs[j-1]+1 && recs[j] <= g.Bottom {
				j++
			}
			lay(out, i, j, g.Left-1, g.Right)
			r = recs[j-1] + 1
		}
	}
	return out
}

// lay merges the cells of rows [i, j) and columns [l, r) into one, unless
// one of them is already part of another.
func lay(out [][]Span, i, j, l, r int) {
	if j-i == 1 && r-l == 1 {
		return
	}
	for k := i; k < j; k++ {
		for c := l; c < r; c++ {
			if out[k][c] != (Span{1, 1}) {
				return
			}
		}
	}
	for k := i; k < j; k++ {
		for c := l; c < r; c++ {
			out[k][c] = Span{}
		}
	}
	out[i][l] = Span{j - i, r - l}
}
