package plan

import (
	"slices"

	"plansite/internal/problem"
)

// What a site of many plans (a portal) asks of the model: the checks one
// departments table gets on its own, and the similarity of names across
// the plans' tables.

// CheckDepartments checks the rows of one departments table as FromRows
// does (a name, a slug, no name or slug twice), so that a table read
// together with others, as a portal reads its own and its plans', is
// still held to its own rules. file names it in messages.
func CheckDepartments(file string, entries []DepartmentEntry) problem.List {
	_, errs := newDirectory(Input{DepartmentsFile: file, Departments: entries})
	return errs
}

// Alike finds, for each of names, the others so alike that they are
// probably one unit written two ways, by the rule and with the bounds of
// the check within one table (see similar): at most a few for each, in
// sorted order, and whether it has more. It takes time that grows with the
// names, not with their pairs. names need not be sorted or distinct; the
// result is indexed like names.
func Alike(names []string) (alike [][]string, more []bool) {
	sorted := slices.Clone(names)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	idx := newNameIndex(sorted)
	alike, more = make([][]string, len(names)), make([]bool, len(names))
	for i, n := range names {
		alike[i], more[i] = idx.alike(idx.index(n))
	}
	return alike, more
}
