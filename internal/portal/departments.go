package portal

import (
	"fmt"
	"slices"
	"sort"

	"plansite/internal/plan"
	"plansite/internal/problem"
)

// Unit is a responsible unit across a portal's plans: one address, one
// name, and the department it is in each plan that names it.
type Unit struct {
	Slug, Name, English string
	Aliases             []string
	Kind                plan.DeptKind
	Known               bool   // listed in a departments table
	In                  []Part // plan by plan, newest first
}

// Part is a unit in one plan.
type Part struct {
	Plan *Plan
	Dept *plan.Department
}

// Lead counts the tasks the unit leads, in all plans.
func (u *Unit) Lead() int {
	n := 0
	for _, p := range u.In {
		n += len(p.Dept.Lead)
	}
	return n
}

// Coop counts the tasks the unit helps with, in all plans.
func (u *Unit) Coop() int {
	n := 0
	for _, p := range u.In {
		n += len(p.Dept.Coop)
	}
	return n
}

// Tasks counts the tasks the unit leads or helps with, in all plans.
func (u *Unit) Tasks() int { return u.Lead() + u.Coop() }

// deptTable is one departments table: the portal's, or a plan's.
type deptTable struct {
	file    string
	entries []plan.DepartmentEntry
}

// mergeDirectories makes the one directory every plan of a portal is read
// with, from the portal's departments table and the plans', in the order
// given. Each table is held to its own rules (plan.CheckDepartments: an
// error there is an error, as in a site of one plan). Across tables, rows
// that share a name or a slug are one unit: the first table's row gives
// its slug, name and group, the others add the names it lacks as aliases,
// and a row whose slug differs is warned of, since the unit has the first
// one's address in every plan. A row that names two units other tables
// list apart is left out, with a warning.
func mergeDirectories(tables []deptTable) ([]plan.DepartmentEntry, []problem.Problem, problem.List) {
	var errs problem.List
	for _, t := range tables {
		errs = append(errs, plan.CheckDepartments(t.file, t.entries)...)
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}
	var out []plan.DepartmentEntry
	var warns []problem.Problem
	bySlug, byName := map[string]int{}, map[string]int{}
	for _, t := range tables {
		for _, e := range t.entries {
			e.File = t.file
			e.Name = plan.TrimSpace(e.Name)
			names := append([]string{e.Name}, e.Aliases...)
			var hit []int
			if i, ok := bySlug[e.Slug]; ok {
				hit = append(hit, i)
			}
			for _, n := range names {
				if i, ok := byName[n]; ok && !slices.Contains(hit, i) {
					hit = append(hit, i)
				}
			}
			warn := func(col int, format string, args ...any) {
				warns = append(warns, problem.Problem{Severity: problem.Warning, File: t.file, Line: e.Line, Col: col, Msg: fmt.Sprintf(format, args...)})
			}
			switch len(hit) {
			case 0:
				e.Aliases = slices.Clone(e.Aliases)
				out = append(out, e)
				i := len(out) - 1
				bySlug[e.Slug] = i
				for _, n := range names {
					byName[n] = i
				}
			case 1:
				i := hit[0]
				u := &out[i]
				for _, n := range names {
					if _, ok := byName[n]; !ok {
						u.Aliases = append(u.Aliases, n)
						byName[n] = i
					}
				}
				if u.English == "" {
					u.English = e.English
				}
				if u.Kind == "" {
					u.Kind = e.Kind
				}
				if e.Slug != u.Slug {
					warn(e.SlugCol, "%s is listed in %s:%d with the slug %s, and in a portal a unit has one address in every plan (/departments/%s/): this row's slug %s is not used; give it the slug %s, or leave the unit to %s",
						plan.QuoteCell(u.Name), u.File, u.Line, u.Slug, u.Slug, plan.QuoteCell(e.Slug), u.Slug, u.File)
				}
			default:
				warn(e.NameCol, "this row names units that %s:%d (%s) and %s:%d (%s) list as two; it is left out: if they are one unit, list it once, in the portal's departments table",
					out[hit[0]].File, out[hit[0]].Line, plan.QuoteCell(out[hit[0]].Name), out[hit[1]].File, out[hit[1]].Line, plan.QuoteCell(out[hit[1]].Name))
			}
		}
	}
	return out, warns, nil
}

// findUnits gathers each plan's departments into the portal's units, by
// address. A unit keeps its address in every plan (the directory is the
// same), so two names at one address, or one name at two, can only come of
// two names that make the same address without a departments table: an
// error that says which row to add.
func (pt *Portal) findUnits(dir []plan.DepartmentEntry) (problem.List, []problem.Problem) {
	var errs problem.List
	bySlug, byName := map[string]*Unit{}, map[string]*Unit{}
	for _, p := range pt.Plans {
		for _, d := range p.Content.Plan.Departments {
			u := bySlug[d.Slug]
			if u == nil {
				if other := byName[d.Name]; other != nil {
					errs = append(errs, pt.clash(p, d, other))
					continue
				}
				u = &Unit{Slug: d.Slug, Name: d.Name, English: d.English, Aliases: d.Aliases, Kind: d.Kind, Known: d.Known}
				bySlug[d.Slug], byName[d.Name] = u, u
				pt.Units = append(pt.Units, u)
			} else if u.Name != d.Name {
				errs = append(errs, pt.clash(p, d, u))
				continue
			}
			u.In = append(u.In, Part{p, d})
		}
	}
	if len(errs) > 0 {
		return errs, nil
	}
	// The listed units in the order of the directory, then the others in
	// the order met.
	known := make(map[string]int, len(dir))
	for i, e := range dir {
		known[e.Slug] = i
	}
	sort.SliceStable(pt.Units, func(i, j int) bool {
		a, b := pt.Units[i], pt.Units[j]
		if a.Known != b.Known {
			return a.Known
		}
		return a.Known && known[a.Slug] < known[b.Slug]
	})
	return nil, pt.lintAcross()
}

// clash is the error of a unit d of plan p whose name or address another
// plan gives another unit u.
func (pt *Portal) clash(p *Plan, d *plan.Department, u *Unit) *problem.Problem {
	where := p.Content.Plan.Tasks[0]
	if t := firstTask(d); t != nil {
		where = t
	}
	return &problem.Problem{File: tasksFile(p), Line: where.Line, Task: where.ID,
		Msg: fmt.Sprintf("%s would be published at /departments/%s/, where %s (in %s) is: list them in %s, each with a slug of its own", plan.QuoteCell(d.Name), d.Slug, plan.QuoteCell(u.Name), u.In[0].Plan.Name, pt.DepartmentsFile)}
}

// firstTask is the first task in the table that names d.
func firstTask(d *plan.Department) *plan.Task {
	var first *plan.Task
	for _, t := range append(slices.Clip(d.Lead), d.Coop...) {
		if first == nil || t.Line < first.Line {
			first = t
		}
	}
	return first
}

// tasksFile is the plan's task table, as named in messages.
func tasksFile(p *Plan) string {
	return p.Content.TasksFile
}

// lintAcross warns of units of different plans, missing from every
// departments table, whose names are so alike that they are probably one
// unit written two ways (市科技局 in one plan, 市科学技术局 in another),
// with the row that would make them one. Names one plan has both of are
// warned of by that plan's own check, and a name like a listed unit's by
// the check of the plan that names it: this finds what no plan alone can.
func (pt *Portal) lintAcross() []problem.Problem {
	var unlisted []*Unit
	var names []string
	for _, u := range pt.Units {
		if !u.Known {
			unlisted = append(unlisted, u)
			names = append(names, u.Name)
		}
	}
	if len(unlisted) < 2 {
		return nil
	}
	alike, more := plan.Alike(names)
	byName := make(map[string]*Unit, len(unlisted))
	idx := make(map[string]int, len(unlisted))
	for i, u := range unlisted {
		byName[u.Name], idx[u.Name] = u, i
	}
	var warns []problem.Problem
	for i, u := range unlisted {
		var others []*Unit
		for _, n := range alike[i] {
			o := byName[n]
			if sharePlan(u, o) {
				continue // that plan's own check says it
			}
			if u.Name > o.Name && slices.Contains(alike[idx[o.Name]], u.Name) {
				continue // said at the other
			}
			others = append(others, o)
		}
		for _, o := range others {
			w := pt.at(u)
			w.Msg = fmt.Sprintf("%s (%s) looks like %s (%s): if they are one unit, add a row to %s with 名称 %s and 别名 %s, so that both plans publish it at one address",
				plan.QuoteCell(u.Name), plansOf(u), plan.QuoteCell(o.Name), plansOf(o), pt.DepartmentsFile, plan.QuoteCell(o.Name), plan.QuoteCell(u.Name))
			warns = append(warns, w)
		}
		if more[i] {
			w := pt.at(u)
			w.Msg = fmt.Sprintf("%s looks like more than %d other names, too many to list each; if some of them are one unit, list them once in %s with the others as aliases (别名)",
				plan.QuoteCell(u.Name), len(alike[i]), pt.DepartmentsFile)
			warns = append(warns, w)
		}
	}
	return warns
}

// at is a warning about unit u at the first task that names it in the
// newest plan that does.
func (pt *Portal) at(u *Unit) problem.Problem {
	p := u.In[0]
	w := problem.Problem{Severity: problem.Warning, File: tasksFile(p.Plan)}
	if t := firstTask(p.Dept); t != nil {
		w.Line, w.Task = t.Line, t.ID
	}
	return w
}

// sharePlan reports whether some plan names both units.
func sharePlan(a, b *Unit) bool {
	for _, p := range a.In {
		for _, q := range b.In {
			if p.Plan == q.Plan {
				return true
			}
		}
	}
	return false
}

// plansOf names the plans a unit is in, for messages: plans/2023, plans/2024.
func plansOf(u *Unit) string {
	s := ""
	for i, p := range u.In {
		if i > 0 {
			s += ", "
		}
		s += Folder + "/" + p.Plan.ID
	}
	return s
}
