package check

import (
	"fmt"
	"sort"

	"plansite/internal/load"
	"plansite/internal/plan"
)

// use is a department name as written in the task table.
type use struct {
	name  string
	first plan.Error // where it first appears
	count int        // how many cells name it
}

// departments warns about names missing from departments.csv and about
// pairs of names so alike that they are probably one department written two
// ways, unless departments.csv already lists them as one or as two.
func departments(r *Report, t *load.Tables) {
	canon := map[string]string{} // name or alias → the name it stands for
	for _, e := range t.Departments {
		n := plan.TrimSpace(e.Name)
		canon[n] = n
		for _, a := range e.Aliases {
			canon[a] = n
		}
	}
	var uses []*use
	byName := map[string]*use{}
	for _, row := range t.Rows {
		id := plan.TrimSpace(row.ID.Text)
		for _, c := range []plan.Cell{row.Lead, row.Coop} {
			names, _ := plan.SplitDepartments(c.Text)
			for _, n := range names {
				if u := byName[n]; u != nil {
					u.count++
					continue
				}
				e := plan.Error{File: t.TasksFile, Line: c.Line, Col: c.Col, Task: id}
				t.Locate(&e)
				u := &use{name: n, first: e, count: 1}
				byName[n] = u
				uses = append(uses, u)
			}
		}
	}
	for _, u := range uses {
		if _, ok := canon[u.name]; !ok {
			e := u.first
			e.Msg = fmt.Sprintf("department %s is not in %s (named in %d cells); it is published at a slug made from its name", plan.QuoteCell(u.name), t.DepartmentsFile, u.count)
			r.add(Warning, e)
		}
	}

	// Every name the site may show: those of the departments table and
	// those of the task table.
	known := map[string]bool{}
	var names []string
	for n := range canon {
		known[n] = true
		names = append(names, n)
	}
	for _, u := range uses {
		if !known[u.name] {
			names = append(names, u.name)
		}
	}
	sort.Strings(names)
	for _, u := range uses {
		if known[u.name] {
			continue // listed: the table says what it is
		}
		for _, other := range names {
			if other == u.name || !similar(u.name, other) {
				continue
			}
			e := u.first
			target := other
			if c, ok := canon[other]; ok {
				target = c
			}
			e.Msg = fmt.Sprintf("%s looks like %s: if they are one department, list %s as an alias (别名) of %s in %s", plan.QuoteCell(u.name), plan.QuoteCell(other), plan.QuoteCell(u.name), plan.QuoteCell(target), t.DepartmentsFile)
			if !known[other] {
				e.Msg = fmt.Sprintf("%s looks like %s: if they are one department, write it one way, or list one as an alias (别名) of the other in %s", plan.QuoteCell(u.name), plan.QuoteCell(other), t.DepartmentsFile)
				if u.name > other {
					continue // say it once, for the pair
				}
			}
			r.add(Warning, e)
		}
	}
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
