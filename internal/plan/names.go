package plan

import (
	"fmt"
	"plansite/internal/problem"
	"plansite/internal/textsim"
	"slices"
	"sort"
)

// MaxDepartmentNames is the most department names a site may have: those
// of the departments table, aliases included, and those the task table
// adds. Each name is a page and a line of /departments/; a real table names
// a few hundred, and a list of names in the wrong column can name millions
// in a few megabytes.
const MaxDepartmentNames = 50_000

// full reports whether the directory has MaxDepartmentNames names, so that
// the name at file:line:col (of task id) would be one too many; the first
// such name is the error over.
func (d *directory) full(file string, line, col int, id string) bool {
	if len(d.byName) < MaxDepartmentNames {
		return false
	}
	if d.over == nil {
		d.over = &problem.Problem{File: file, Line: line, Col: col, Task: id,
			Msg: fmt.Sprintf("this is department name %s; plansite reads at most %s (the names and aliases of %s count too): is a list of names in the wrong column?",
				GroupDigits(MaxDepartmentNames+1), GroupDigits(MaxDepartmentNames), d.file)}
	}
	return true
}

// unlisted is a department name missing from the departments table, where
// it is first named and how often.
type unlisted struct {
	dep   *Department
	first problem.Problem
	count int
}

// lintNames warns about the departments missing from the departments table
// and about names so alike that they are probably one department written
// two ways (市规划和自然局 and 市规划和自然资源局), unless the departments table
// lists them already.
func (d *directory) lintNames() []problem.Problem {
	var warns []problem.Problem
	if d.noFile && len(d.unlisted) > 0 {
		// Not a warning a department: a table without one is as plansite
		// reads most tables, and the pages work.
		warns = append(warns, problem.Problem{File: d.tasksFile, Severity: problem.Warning,
			Msg: fmt.Sprintf("the table names %s, and there is no %s: each is published at an address made from its name (/departments/%s/); a departments.csv would give them readable addresses, English names, aliases and groups (see README.md)",
				count(len(d.unlisted), "department", "departments"), d.file, d.unlisted[0].dep.Slug)})
	}
	for _, u := range d.unlisted {
		if d.noFile {
			break
		}
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
	// Each pair of names from the task table is said once, at the name
	// first in sorted order, unless that one has more similar names than
	// it lists and this pair is not among them.
	type likeness struct {
		names []string
		more  bool
	}
	alike := make(map[string]likeness, len(d.unlisted))
	for _, u := range d.unlisted {
		var l likeness
		l.names, l.more = idx.alike(idx.index(u.dep.Name))
		alike[u.dep.Name] = l
	}
	for _, u := range d.unlisted {
		like := alike[u.dep.Name]
		for _, other := range like.names {
			w := u.first
			o := d.byName[other]
			if together(u.dep, o) {
				continue
			}
			if o.Known {
				w.Msg = fmt.Sprintf("%s looks like %s: if they are one department, list %s as an alias (别名) of %s in %s; if two, list %s there too",
					QuoteCell(u.dep.Name), QuoteCell(other), QuoteCell(u.dep.Name), QuoteCell(o.Name), d.file, QuoteCell(u.dep.Name))
			} else {
				if u.dep.Name > other && slices.Contains(alike[other].names, u.dep.Name) {
					continue // said at the other
				}
				w.Msg = fmt.Sprintf("%s looks like %s: if they are one department, write it one way, or list one as an alias (别名) of the other in %s; if two, list both there",
					QuoteCell(u.dep.Name), QuoteCell(other), d.file)
			}
			warns = append(warns, w)
		}
		if like.more {
			w := u.first
			w.Msg = fmt.Sprintf("%s looks like more than %d other names, too many to list each; if some of them are one department, write it one way, or list the others as aliases (别名) in %s",
				QuoteCell(u.dep.Name), maxAlike, d.file)
			warns = append(warns, w)
		}
	}
	return warns
}

// together reports whether a task names both departments: a row that
// lists two names means two departments, however alike (招商工作部 and
// 安商工作部 in one cell).
func together(a, b *Department) bool {
	if a == b {
		return false
	}
	in := make(map[*Task]bool, len(a.Lead)+len(a.Coop))
	for _, t := range append(slices.Clip(a.Lead), a.Coop...) {
		in[t] = true
	}
	return slices.ContainsFunc(b.Lead, func(t *Task) bool { return in[t] }) || slices.ContainsFunc(b.Coop, func(t *Task) bool { return in[t] })
}

// similar reports whether two department names are probably one written two
// ways: one contains the other's characters in order (市规划和自然局 in
// 市规划和自然资源局, 市科技局 in 市科学技术局), or they differ by one
// character in four or more (市工业和信息化局, 市工业和信息化委; 市财政局,
// 市财政厅). Short names such as 市科技局 and 市教育局 differ by too much of
// themselves to match, and in a name of fewer than eight characters only
// the last may differ: 县商务局 and 县水务局 are two bodies.
// Names of more than maxEditRunes characters, longer than most
// departments' names, match by the first rule only.
func similar(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	if len(ra) >= 3 && textsim.Subsequence(ra, rb) {
		return true
	}
	if len(rb) > maxEditRunes || len(rb)-len(ra) > 2 {
		return false
	}
	d := textsim.Distance(ra, rb)
	if d == 1 && len(ra) == len(rb) && len(ra) < 2*4 {
		// One character of a short name written otherwise is another
		// department (县商务局, 县水务局) unless it is the last, the kind
		// of body (市财政局, 市财政厅).
		return len(ra) >= 4 && ra[len(ra)-1] != rb[len(rb)-1]
	}
	return d <= 2 && d*4 <= len(ra)
}

// cells says how many cells, in the singular for one.
func cells(n int) string { return count(n, "cell", "cells") }

// count says n things, in the singular for one.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return GroupDigits(n) + " " + many
}
