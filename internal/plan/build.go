package plan

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"plansite/internal/column"
	"plansite/internal/problem"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Cell is one field of the table, with where it stands in its file.
type Cell struct {
	Text      string
	Line, Col int
}

// Row is one task row as read from the table.
type Row struct {
	// std are the row's cells in the standard columns, in their order
	// (column.All), so that a column added to package column has its
	// cell here. A column the table lacks has the zero Cell.
	std [column.N]Cell
	// Others are the row's cells in the columns plansite does not read
	// (备注, 牵头领导 …), in the table's order: published as written.
	Others []Cell
	// Record is the row's number as a spreadsheet shows the table (the
	// heading is 1), which merges name it by; 0 when unknown.
	Record int
}

// Cell returns the row's cell in the standard column c; the zero Cell for
// column.None.
func (r Row) Cell(c column.Column) Cell {
	if i := c.Index(); i >= 0 {
		return r.std[i]
	}
	return Cell{}
}

// Set sets the row's cell in the standard column c, which may not be
// column.None.
func (r *Row) Set(c column.Column, cell Cell) { r.std[c.Index()] = cell }

// DepartmentEntry is one row of the departments table.
type DepartmentEntry struct {
	Name    string
	Slug    string
	English string
	Aliases []string
	Kind    DeptKind
	// File is the departments table the row is from, when it is not the
	// plan's own (a portal's, or another plan's); "" for the plan's.
	File string
	Line int
	// The columns of 名称, slug and 别名 on Line, so that a message points
	// at the cell to fix; 0 when unknown.
	NameCol, SlugCol, AliasesCol int
}

// asError is es as an error, or nil when there are none.
func asError(es problem.List) error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// Input is everything FromRows needs, already read from files.
type Input struct {
	Meta            Meta
	TasksFile       string // for messages: content/tasks.csv
	Rows            []Row
	DepartmentsFile string
	// NoDepartmentsFile: the content has no departments table, so that
	// every department is missing from it and is told so once, not one by
	// one.
	NoDepartmentsFile bool
	Departments       []DepartmentEntry
	FirstUnitLeads    bool // the table says 排在第一位的为牵头单位: the first unit named leads
	// The table says 无牵头单位的，责任单位即为牵头单位: with the lead cell
	// empty, the units of the other cell lead.
	OthersLeadWithoutLead bool
	Columns               []Column
	// Merges are the table's merged cells, as its document had them.
	Merges []Merge
	// Memo, when set, keeps the cells read for the next read of the same
	// table (a preview server's); nil reads every cell.
	Memo *Memo
}

// Column is a column of the task table as the table heads it, and the
// standard column it is read as. Pages show the table's own heading.
type Column struct {
	Heading string
	Std     column.Column // the standard column it is read as; column.None for one plansite does not read
	// Group is the heading over Heading in a heading of two rows (责任单位
	// over 牵头单位 and 配合单位), else "".
	Group string
}

// Label names the column where a cell stands alone (a phone's view of a
// table, a list of a row's cells): its heading as running text says it
// (Word: 责任⏎领导 is 责任领导), after its group in a heading of two rows
// (责任单位·牵头单位).
func (c Column) Label() string {
	if c.Group == "" {
		return Word(c.Heading)
	}
	return Word(c.Group) + "·" + Word(c.Heading)
}

// Key is the column's key (column.Spec), which pages use in class names;
// other for a column plansite does not read.
func (c Column) Key() string {
	if c.Std == column.None {
		return "other"
	}
	return string(c.Std)
}

func anyLead(us []Named) bool {
	for _, u := range us {
		if u.Lead {
			return true
		}
	}
	return false
}

var slugOK = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// MaxSlug is the longest part of an address (a task's number, a
// department's slug): far below the 255 bytes a file system takes in a name,
// and a path a person can still read and type.
const MaxSlug = 64

// ValidSlug reports whether s is a safe, stable path segment: lowercase ASCII
// letters and digits separated by single hyphens.
func ValidSlug(s string) bool { return len(s) <= MaxSlug && slugOK.MatchString(s) }

// FromRows turns the rows of the table into the plan. It reads every row and
// returns every problem that stops a build as a problem.List; warnings are problems
// the site can be built with.
func FromRows(in Input) (*Plan, []problem.Problem, error) {
	if in.Meta.StartYear == 0 && in.Meta.EndYear == 0 {
		in.Meta.StartYear, in.Meta.EndYear = TitleYears(in.Meta.Title)
	}
	keep := in.Memo != nil
	if in.Memo == nil && len(in.Rows) >= warmRows {
		// A memo of this read alone, for the cells that repeat (units).
		in.Memo = NewMemo()
	}
	b := build(in, keep, false)
	if b.dups > 0 && numberedAnew(b.p.Tasks) {
		// Each number repeats only in another group: the table numbers
		// its tasks anew in each, and they are told apart by the group.
		at := b.firstDup
		b = build(in, keep, true)
		b.warns = append(b.warns, problem.Problem{Severity: problem.Warning, File: in.TasksFile, Line: at.Line, Col: at.Col,
			Msg: fmt.Sprintf("the table numbers its tasks anew in each group: each task is numbered by its group's number and its own (task 1 of group 2 is 2.1, at /tasks/2-1/); its %s is shown as written", column.ID.Name())})
	}
	p, warns, depts := b.p, b.warns, b.depts
	if err := asError(b.errs); err != nil {
		return nil, warns, err
	}
	if len(p.Tasks) == 0 {
		return nil, nil, &problem.Problem{File: in.TasksFile, Msg: "the table has no tasks"}
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
	warns = append(warns, depts.lintNames()...)
	sort.SliceStable(warns, func(i, j int) bool {
		a, b := warns[i], warns[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	p.Level = depts.ownLevel()
	p.Departments = depts.used()
	p.Years = years(p)
	return p, warns, nil
}

func years(p *Plan) []int {
	lo, hi := p.Meta.StartYear, p.Meta.EndYear
	dated := false
	for _, t := range p.Tasks {
		ms := t.DatedMilestones()
		dated = dated || len(ms) > 0
		for _, m := range ms {
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
	byName     map[string]*Department // names and aliases
	bySlug     map[string]*Department
	order      []*Department
	file       string
	noFile     bool // the content has no departments table
	tasksFile  string
	unlisted   []*unlisted // named in the task table, missing from the departments table
	unlistedBy map[*Department]*unlisted
	over       *problem.Problem // the name past MaxDepartmentNames, once named
}

func newDirectory(in Input) (*directory, problem.List) {
	d := &directory{byName: map[string]*Department{}, bySlug: map[string]*Department{}, file: in.DepartmentsFile,
		noFile: in.NoDepartmentsFile, tasksFile: in.TasksFile, unlistedBy: map[*Department]*unlisted{}}
	var errs problem.List
	for _, e := range in.Departments {
		file := cmp.Or(e.File, in.DepartmentsFile)
		fail := func(col int, format string, args ...any) {
			errs = append(errs, &problem.Problem{File: file, Line: e.Line, Col: col, Msg: fmt.Sprintf(format, args...)})
		}
		name := TrimSpace(e.Name)
		if name == "" {
			fail(e.NameCol, "名称 is empty")
			continue
		}
		if !ValidSlug(e.Slug) {
			fail(e.SlugCol, "slug %s of %s must be lowercase ASCII letters and digits joined by hyphens", QuoteCell(e.Slug), name)
			continue
		}
		if other, dup := d.bySlug[e.Slug]; dup {
			fail(e.SlugCol, "slug %s is used by both %s and %s", QuoteCell(e.Slug), other.Name, name)
			continue
		}
		kind := e.Kind
		if kind == "" {
			kind = Municipal
		}
		dep := &Department{Name: name, Slug: e.Slug, English: TrimSpace(e.English), Aliases: e.Aliases, Kind: kind, Known: true}
		for i, n := range append([]string{name}, e.Aliases...) {
			col := e.NameCol
			if i > 0 {
				col = e.AliasesCol
			}
			if other, dup := d.byName[n]; dup {
				fail(col, "name %s is listed for both %s and %s", QuoteCell(n), other.Name, name)
				continue
			}
			if d.full(file, e.Line, col, "") {
				return d, errs
			}
			d.byName[n] = dep
		}
		d.bySlug[e.Slug] = dep
		d.order = append(d.order, dep)
	}
	return d, errs
}

// get finds or, for a name missing from the table, makes the department
// named in cell c of task id.
func (d *directory) get(name, file, id string, c Cell) *Department {
	if dep, ok := d.byName[name]; ok {
		if u := d.unlistedBy[dep]; u != nil {
			u.count++
		}
		return dep
	}
	if d.full(file, c.Line, c.Col, id) {
		return &Department{Name: name} // never published: the build fails
	}
	slug := fallbackSlug(name)
	for i := 2; d.bySlug[slug] != nil; i++ {
		slug = fmt.Sprintf("%s-%d", fallbackSlug(name), i)
	}
	dep := &Department{Name: name, Slug: slug, Kind: guessKind(name)}
	d.byName[name] = dep
	d.bySlug[slug] = dep
	d.order = append(d.order, dep)
	u := &unlisted{dep: dep, first: problem.Problem{Severity: problem.Warning, File: file, Line: c.Line, Col: c.Col, Task: id}, count: 1}
	d.unlisted = append(d.unlisted, u)
	d.unlistedBy[dep] = u
	return dep
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

// genericBodies are kinds of local body that, named without a place, are
// every one of that kind.
var genericBodies = map[string]bool{"街道办事处": true, "街道": true, "乡镇": true, "镇街": true, "乡镇街道": true,
	"镇（街道）": true, "乡镇（街道）": true, "社区": true, "村（社区）": true, "村居": true, "乡镇人民政府": true}

// guessKind is the kind of a department the departments table does not
// list, read from its name alone, so that no page states a level the table
// does not give: collective terms (各区政府, 区直各部门, 有关单位), governments (区政府,
// 县人民政府), municipal departments only when the name says 市, and
// otherwise other units.
func guessKind(name string) DeptKind {
	switch {
	case strings.Contains(name, "各") || strings.Contains(name, "有关") || strings.Contains(name, "相关") || genericBodies[name]:
		// 各街道, 区直各部门, 全区经济运行各专班, 区级相关部门: many units,
		// each of them;
		// so is a kind of body named without a place, as the 各 of
		// 各乡镇人民政府、街道办事处 reaches over the 、.
		return Collective
	case strings.HasSuffix(name, "区政府") || strings.HasSuffix(name, "区人民政府"):
		return District
	case strings.HasSuffix(name, "政府"):
		return Government
	case strings.HasPrefix(name, "市") && !strings.HasPrefix(name, "市场"):
		return Municipal
	}
	return Other
}

// build reads the rows into a plan; qualify numbers each task by its
// group's number and its own.
func build(in Input, keep, qualify bool) *builder {
	depts, errs := newDirectory(in)
	b := &builder{in: in, p: &Plan{Meta: in.Meta, Columns: columns(in)}, depts: depts, errs: errs,
		areas: map[string]*Area{}, byOrdinal: map[int]*Area{}, seen: make(map[string]int, len(in.Rows)),
		qualify: qualify,
		reads:   readAllCells(in.Memo, keep, in.Rows, in.Meta.StartYear, in.Meta.EndYear)}
	b.noIDs = !b.p.HasColumn(column.ID)
	b.merges = b.checkMerges()
	b.p.Merges = b.merges.shown
	if b.noIDs {
		b.warns = append(b.warns, problem.Problem{Severity: problem.Warning, File: in.TasksFile, Line: 1, Msg: fmt.Sprintf("the table has no %s column: tasks are numbered in the order of their rows (1, 2, …), so a row added or removed changes the addresses of the rows after it", column.ID.Name())})
	}
	for i, r := range in.Rows {
		if cmp.Or(b.over, depts.over) != nil {
			break // past a limit, the rows below would only hold more
		}
		b.at = i
		b.row(r)
	}
	if b.reads != nil {
		b.reads.wait()
	}
	if over := cmp.Or(b.over, depts.over); over != nil {
		b.errs = append(b.errs, over)
	}
	for _, h := range b.pending {
		b.p.TrailingHeadings = append(b.p.TrailingHeadings, h.label)
		b.warn(h.row.Cell(column.Measures), "", "heading %s has no task below it; it is shown at the end of the full table", QuoteCell(h.label))
	}
	return b
}

// ownLevel finds the level of government whose plan this is, by the names
// of the units its tasks name: the one of Levels most of them begin with,
// 市 unless another has more. A unit the departments table does not list,
// whose name begins with that level and says nothing else of it, is one of
// that level's own departments (县教育局 in a county's plan), and a city's
// department in a county's plan is another unit.
func (d *directory) ownLevel() string {
	count := map[rune]int{}
	for _, dep := range d.order {
		if r, _ := utf8.DecodeRuneInString(dep.Name); dep.Tasks() > 0 && strings.ContainsRune(Levels, r) {
			count[r]++
		}
	}
	level := '市'
	for _, r := range Levels {
		if count[r] > count[level] {
			level = r
		}
	}
	if level != '市' {
		// The level's own departments, not the city's above it (市科技局
		// in a county's plan is another unit).
		for _, u := range d.unlisted {
			switch own := strings.HasPrefix(u.dep.Name, string(level)); {
			case u.dep.Kind == Other && own:
				u.dep.Kind = Municipal
			case u.dep.Kind == Municipal && !own:
				u.dep.Kind = Other
			}
		}
	}
	return string(level)
}
