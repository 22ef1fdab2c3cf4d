package plan

import (
	"fmt"
	"math/rand/v2"
	"plansite/internal/column"
	"plansite/internal/problem"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestSimilar(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"市规划和自然局", "市规划和自然资源局", true},
		{"市科技局", "市科学技术局", true},
		{"市财政局", "市财政厅", true},
		{"市工业和信息化局", "市工业和信息化委", true},
		{"市科技局", "市教育局", false},
		{"黄埔区政府", "番禺区政府", false},
		{"黄埔区政府", "各区政府", false},
		{"增城区人民政府", "从化区人民政府", false},
		{"市商务局", "市公安局", false},
		{"县商务局", "县水务局", false},
		{"区民政局", "区民宗局", false},
	} {
		if got := similar(tt.a, tt.b); got != tt.want {
			t.Errorf("similar(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// The index finds exactly the names that comparing every pair finds, or,
// for a name with more than maxAlike of them, maxAlike of those and says
// there are more.
func TestNameIndexFindsEveryPair(t *testing.T) {
	listed, capped := 0, 0
	for _, tc := range []struct {
		name  string
		names []string
	}{
		{"random", randomNames(1, 400, []rune("市区县局委办科技教育财政规划自然资源交通运输和工业信息化人民政府"), 3, 10)},
		// Few characters: names crowd together, most with many alike.
		{"crowded", randomNames(2, 300, []rune("市局区委办"), 3, 9)},
		// Each name written a few ways: one or two characters changed,
		// dropped, added or moved, at every length around the limits.
		{"edited", editedNames(3)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			names := tc.names
			sort.Strings(names)
			names = slices.Compact(names)
			x := newNameIndex(names)
			for i, a := range names {
				var want []string
				for _, b := range names {
					if a != b && similar(a, b) {
						want = append(want, b)
					}
				}
				got, more := x.alike(i)
				if more != (len(want) > maxAlike) {
					t.Fatalf("alike(%s) says more = %v, but %d names are alike: %v", a, more, len(want), want)
				}
				if !more {
					if !reflect.DeepEqual(got, want) {
						t.Fatalf("alike(%s) = %v, want %v", a, got, want)
					}
					listed += len(got)
					continue
				}
				capped++
				if len(got) != maxAlike {
					t.Fatalf("alike(%s) = %v: %d names, want %d of %v", a, got, len(got), maxAlike, want)
				}
				for _, g := range got {
					if !slices.Contains(want, g) {
						t.Fatalf("alike(%s) = %v, which holds %s, not alike", a, got, g)
					}
				}
			}
		})
	}
	t.Logf("%d names alike listed in full; %d names with more than %d", listed, capped, maxAlike)
	if listed < 100 || capped < 100 {
		t.Fatal("the names test too few of one or the other")
	}
}

// randomNames makes n names of lo to hi characters from chars.
func randomNames(seed uint64, n int, chars []rune, lo, hi int) []string {
	rng := rand.New(rand.NewPCG(seed, 2))
	var names []string
	for range n {
		rs := make([]rune, lo+rng.IntN(hi-lo+1))
		for i := range rs {
			rs[i] = chars[rng.IntN(len(chars))]
		}
		names = append(names, string(rs))
	}
	return names
}

// editedNames makes names of 3 to 28 characters, each with a few copies
// edited as a table may misspell it.
func editedNames(seed uint64) []string {
	rng := rand.New(rand.NewPCG(seed, 3))
	chars := []rune("市区县局委办科技教育财政规划自然资源交通运输和工业信息化人民政府公安商务卫生健康")
	var names []string
	for n := 3; n <= 28; n++ {
		for range 6 {
			base := []rune(randomNames(rng.Uint64(), 1, chars, n, n)[0])
			names = append(names, string(base))
			for range 1 + rng.IntN(6) {
				rs := slices.Clone(base)
				for range 1 + rng.IntN(2) {
					p := rng.IntN(len(rs) + 1)
					c := chars[rng.IntN(len(chars))]
					switch rng.IntN(4) {
					case 0: // changed
						rs[min(p, len(rs)-1)] = c
					case 1: // dropped
						if len(rs) > 1 {
							rs = slices.Delete(rs, min(p, len(rs)-1), min(p, len(rs)-1)+1)
						}
					case 2: // added
						rs = slices.Insert(rs, p, c)
					case 3: // moved
						q := rng.IntN(len(rs))
						r := rs[q]
						rs = slices.Insert(slices.Delete(rs, q, q+1), rng.IntN(len(rs)), r)
					}
				}
				names = append(names, string(rs))
			}
		}
	}
	return names
}

// BenchmarkLintNames is check on a table naming 10,000 departments that
// the departments table does not list.
func BenchmarkLintNames(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	var rows []Row
	for i := range 10000 {
		n := make([]rune, 6)
		for k := range n {
			n[k] = rune(0x4E00 + rng.IntN(3000))
		}
		id := fmt.Sprint(i + 1)
		rows = append(rows, mkRow(stdCells{column.ID: Cell{id, i + 2, 1}, column.Measures: Cell{"措施。", i + 2, 2}, column.Lead: Cell{string(n) + "局", i + 2, 3}}))
	}
	for b.Loop() {
		if _, _, err := FromRows(Input{TasksFile: "content/tasks.csv", Rows: rows}); err != nil {
			b.Fatal(err)
		}
	}
}

// A name one or two deletions from another is found however many longer
// names have its characters out of order: the scan for names holding it
// stops at maxHolderScan, the keys do not.
func TestNameIndexBeyondHolderScan(t *testing.T) {
	short := "甲乙丙丁戊己庚辛"
	names := []string{short, short + "壬", short + "壬癸"}
	for i := range maxHolderScan + 100 {
		// Reversed, and first in the scan's order: none holds short.
		names = append(names, fmt.Sprintf("辛庚己戊丁丙乙甲%c", 0x4E00+i))
	}
	sort.Strings(names)
	x := newNameIndex(names)
	got, more := x.alike(x.index(short))
	if want := []string{short + "壬", short + "壬癸"}; !reflect.DeepEqual(got, want) || more {
		t.Errorf("alike(%s) = %v (more: %v), want %v", short, got, more, want)
	}
}

// withDeadline fails the test if fn has not returned within d: a guard
// against a hang, far above the time fn takes, not a measure of speed.
func withDeadline(t *testing.T, d time.Duration, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("not done after %v", d)
	}
}

// crowdedRows are three rows naming 10,000 departments each (a0000 to
// c9999), every one a character from dozens of others: comparing every
// pair took over a minute and warned 600,000 times.
func crowdedRows() []Row {
	var rows []Row
	for k, prefix := range []string{"a", "b", "c"} {
		var b strings.Builder
		for i := range 10000 {
			fmt.Fprintf(&b, "%s%04d ", prefix, i)
		}
		line := k + 2
		rows = append(rows, mkRow(stdCells{column.ID: Cell{fmt.Sprint(k + 1), line, 1}, column.Measures: Cell{"措施。", line, 2}, column.Lead: Cell{b.String(), line, 3}}))
	}
	return rows
}

// The similarity check of 30,000 names, each alike to dozens, takes work
// in proportion to the names, and warns a bounded number of times for
// each: at most maxAlike names it looks like, and a line saying there are
// more.
func TestLintNamesGrowsWithTheNames(t *testing.T) {
	var warns []problem.Problem
	withDeadline(t, 20*time.Second, func() {
		var err error
		_, warns, err = FromRows(Input{TasksFile: "content/tasks.csv", Rows: crowdedRows()})
		if err != nil {
			t.Error(err)
		}
	})
	per := map[string]int{}
	more := 0
	for _, w := range warns {
		name, _, ok := strings.Cut(w.Msg, " looks like ")
		if !ok {
			continue
		}
		per[name]++
		if strings.Contains(w.Msg, "looks like more than") {
			more++
		}
	}
	if len(per) < 20000 {
		t.Errorf("%d names have likeness warnings; expected most of the 30,000", len(per))
	}
	for name, n := range per {
		if n > maxAlike+1 {
			t.Errorf("%s has %d likeness warnings, more than %d", name, n, maxAlike+1)
		}
	}
	if more < 20000 {
		t.Errorf("%d names say they look like more names; expected most of the 30,000", more)
	}
	t.Logf("%d warnings, %d of them saying a name looks like more", len(warns), more)
}
