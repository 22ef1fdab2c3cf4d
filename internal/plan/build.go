package plan

import (
	"fmt"
	"hash/fnv"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Cell is one field of the table, with where it stands in its file.
type Cell struct {
	Text      string
	Line, Col int
}

// Row is one task row as read from the table.
type Row struct {
	ID, Area, Title, Measures, Timeline, Lead, Coop Cell
}

// DepartmentEntry is one row of the departments table.
type DepartmentEntry struct {
	Name    string
	Slug    string
	English string
	Aliases []string
	Kind    Kind
	Line    int
}

// Error is a problem with the content, located in its file.
type Error struct {
	File      string
	Line, Col int
	Ref       string // the worksheet cell, Sheet1!C5, when the file is a workbook
	Task      string // 序号 of the task concerned, if any
	Msg       string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	if e.Ref != "" {
		b.WriteString(e.Ref + ": ")
	}
	if e.Task != "" {
		fmt.Fprintf(&b, "task %s: ", e.Task)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Warning is a problem that does not stop the build.
type Warning = Error

// Input is everything Build needs, already read from files.
type Input struct {
	Meta            Meta
	TasksFile       string // for messages: content/tasks.csv
	Rows            []Row
	DepartmentsFile string
	Departments     []DepartmentEntry
}

var slugOK = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// ValidSlug reports whether s is a safe, stable path segment: lowercase ASCII
// letters and digits separated by single hyphens.
func ValidSlug(s string) bool { return len(s) <= 64 && slugOK.MatchString(s) }

var taskID = regexp.MustCompile(`^\d{1,6}(?:\.\d{1,6})*$`)

// Build turns the rows of the table into the plan. It stops at the first
// error; warnings are problems the site can be built with.
func Build(in Input) (*Plan, []Warning, error) {
	p := &Plan{Meta: in.Meta}
	var warns []Warning
	depts, err := newDirectory(in)
	if err != nil {
		return nil, nil, err
	}
	areas := map[string]*Area{}
	byOrdinal := map[int]*Area{}
	seen := map[string]int{}
	var area *Area
	for _, r := range in.Rows {
		fail := func(c Cell, id, format string, args ...any) error {
			return &Error{File: in.TasksFile, Line: c.Line, Col: c.Col, Task: id, Msg: fmt.Sprintf(format, args...)}
		}
		id := TrimSpace(r.ID.Text)
		if id == "" {
			return nil, nil, fail(r.ID, "", "序号 is empty")
		}
		if !taskID.MatchString(id) {
			return nil, nil, fail(r.ID, "", "序号 %s is not a task number (1, 2, … or 1.1, 1.2, …)", QuoteCell(r.ID.Text))
		}
		if prev, dup := seen[id]; dup {
			return nil, nil, fail(r.ID, "", "序号 %s appears twice (first on line %d)", id, prev)
		}
		seen[id] = r.ID.Line
		t := &Task{ID: id, Slug: strings.ReplaceAll(id, ".", "-"), Line: r.ID.Line,
			Measures: r.Measures.Text, Timeline: r.Timeline.Text, LeadText: r.Lead.Text, CoopText: r.Coop.Text}

		if label := TrimSpace(r.Area.Text); label != "" {
			if a, ok := areas[label]; ok {
				area = a
			} else {
				ord, name, ok := ParseAreaLabel(label)
				if !ok {
					ord = len(p.Areas) + 1
					warns = append(warns, Warning{File: in.TasksFile, Line: r.Area.Line, Col: r.Area.Col, Task: id,
						Msg: fmt.Sprintf("area %s has no ordinal such as （一）; numbered %d by its order", QuoteCell(label), ord)})
				}
				if a, dup := byOrdinal[ord]; dup {
					return nil, nil, fail(r.Area, id, "area %s has the same number %d as %s", QuoteCell(label), ord, QuoteCell(a.Label))
				}
				area = &Area{Ordinal: ord, Label: label, Name: name}
				areas[label] = area
				byOrdinal[ord] = area
				p.Areas = append(p.Areas, area)
			}
		}
		if area == nil && r.Area.Line > 0 {
			return nil, nil, fail(r.Area, id, "重点任务 is empty and no row above names an area")
		}
		t.Area = area
		if area != nil {
			area.Tasks = append(area.Tasks, t)
		}

		if TrimSpace(t.Measures) == "" {
			return nil, nil, fail(r.Measures, id, "主要措施 is empty")
		}
		t.Sentences = Sentences(t.Measures)
		t.Title = TrimSpace(r.Title.Text)
		if t.Title == "" {
			t.Title = DeriveTitle(t.Measures)
		}

		ms, err := ParseTimeline(t.Timeline, in.Meta.StartYear, in.Meta.EndYear)
		if err != nil {
			return nil, nil, fail(r.Timeline, id, "%v", err)
		}
		t.Milestones = ms

		var lead, coop []string
		lead, t.LeadNote = SplitDepartments(t.LeadText)
		coop, t.CoopNote = SplitDepartments(t.CoopText)
		if len(lead) == 0 && r.Lead.Line > 0 {
			warns = append(warns, Warning{File: in.TasksFile, Line: r.Lead.Line, Col: r.Lead.Col, Task: id, Msg: "no lead department (牵头部门)"})
		}
		// A department named twice, or as lead and as cooperating, counts
		// once, as lead. A map, not a search of the lists: a cell may be long.
		named := map[*Department]bool{}
		for _, n := range lead {
			d, w := depts.get(n, in.TasksFile, r.Lead)
			warns = append(warns, w...)
			if !named[d] {
				named[d] = true
				t.Lead = append(t.Lead, d)
				d.Lead = append(d.Lead, t)
			}
		}
		for _, n := range coop {
			d, w := depts.get(n, in.TasksFile, r.Coop)
			warns = append(warns, w...)
			if !named[d] {
				named[d] = true
				t.Coop = append(t.Coop, d)
				d.Coop = append(d.Coop, t)
			}
		}
		p.Tasks = append(p.Tasks, t)
	}
	if len(p.Tasks) == 0 {
		return nil, nil, &Error{File: in.TasksFile, Msg: "the table has no tasks"}
	}
	sort.SliceStable(p.Areas, func(i, j int) bool { return p.Areas[i].Ordinal < p.Areas[j].Ordinal })
	for i, t := range p.Tasks {
		if i > 0 {
			t.Prev = p.Tasks[i-1]
		}
		if i+1 < len(p.Tasks) {
			t.Next = p.Tasks[i+1]
		}
	}
	p.Departments = depts.used()
	p.Years = years(p)
	return p, warns, nil
}

func years(p *Plan) []int {
	lo, hi := p.Meta.StartYear, p.Meta.EndYear
	dated := false
	for _, t := range p.Tasks {
		dated = dated || len(t.Milestones) > 0
		for _, m := range t.Milestones {
			if lo == 0 || m.From < lo {
				lo = m.From
			}
			if m.To > hi {
				hi = m.To
			}
		}
	}
	if !dated || lo == 0 || hi < lo {
		// A table without timelines has no year pages, whatever the plan's span.
		return nil
	}
	ys := make([]int, 0, hi-lo+1)
	for y := lo; y <= hi; y++ {
		ys = append(ys, y)
	}
	return ys
}

// directory resolves department names, aliases included, to departments.
type directory struct {
	byName map[string]*Department
	bySlug map[string]*Department
	order  []*Department
	file   string
}

func newDirectory(in Input) (*directory, error) {
	d := &directory{byName: map[string]*Department{}, bySlug: map[string]*Department{}, file: in.DepartmentsFile}
	for _, e := range in.Departments {
		fail := func(format string, args ...any) error {
			return &Error{File: in.DepartmentsFile, Line: e.Line, Msg: fmt.Sprintf(format, args...)}
		}
		name := TrimSpace(e.Name)
		if name == "" {
			return nil, fail("名称 is empty")
		}
		if !ValidSlug(e.Slug) {
			return nil, fail("slug %s of %s must be lowercase ASCII letters and digits joined by hyphens", QuoteCell(e.Slug), name)
		}
		if other, dup := d.bySlug[e.Slug]; dup {
			return nil, fail("slug %s is used by both %s and %s", QuoteCell(e.Slug), other.Name, name)
		}
		kind := e.Kind
		if kind == "" {
			kind = Municipal
		}
		dep := &Department{Name: name, Slug: e.Slug, English: TrimSpace(e.English), Aliases: e.Aliases, Kind: kind, Known: true}
		for _, n := range append([]string{name}, e.Aliases...) {
			if other, dup := d.byName[n]; dup {
				return nil, fail("name %s is listed for both %s and %s", QuoteCell(n), other.Name, name)
			}
			d.byName[n] = dep
		}
		d.bySlug[e.Slug] = dep
		d.order = append(d.order, dep)
	}
	return d, nil
}

// get finds or, for a name missing from the table, makes the department.
func (d *directory) get(name, file string, c Cell) (*Department, []Warning) {
	if dep, ok := d.byName[name]; ok {
		return dep, nil
	}
	slug := fallbackSlug(name)
	for i := 2; d.bySlug[slug] != nil; i++ {
		slug = fmt.Sprintf("%s-%d", fallbackSlug(name), i)
	}
	dep := &Department{Name: name, Slug: slug, Kind: guessKind(name)}
	d.byName[name] = dep
	d.bySlug[slug] = dep
	d.order = append(d.order, dep)
	return dep, []Warning{{File: file, Line: c.Line, Col: c.Col,
		Msg: fmt.Sprintf("department %s is not in %s; it is published at /departments/%s/", QuoteCell(name), d.file, slug)}}
}

// used returns the departments that some task names, in table order.
func (d *directory) used() []*Department {
	var out []*Department
	for _, dep := range d.order {
		if dep.Tasks() > 0 {
			out = append(out, dep)
		}
	}
	return out
}

// fallbackSlug gives a department missing from the table a stable ASCII slug
// derived from its name alone, so it survives reordering of the table.
func fallbackSlug(name string) string {
	h := fnv.New32a()
	h.Write([]byte(name))
	return "d-" + strconv.FormatUint(uint64(h.Sum32()), 36)
}

func guessKind(name string) Kind {
	switch {
	case strings.HasPrefix(name, "各") || strings.Contains(name, "各相关") || strings.Contains(name, "有关"):
		return Collective
	case strings.HasSuffix(name, "区政府") || strings.HasSuffix(name, "区人民政府"):
		return District
	}
	return Municipal
}
