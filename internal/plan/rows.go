package plan

import (
	"fmt"
	"plansite/internal/column"
	"plansite/internal/problem"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CSVColumns are the names of the columns of the table as /data/tasks.csv
// republishes it, in its order: the standard columns the table has, in the
// standard order, then the others under their own headings (（无列名） for
// one without).
func (p *Plan) CSVColumns() []string {
	var names []string
	for _, c := range column.All() {
		if p.HasColumn(c) {
			names = append(names, c.Name())
		}
	}
	for _, c := range p.Columns {
		switch {
		case c.Std != column.None:
		case c.Heading == "":
			names = append(names, "（无列名）")
		default:
			names = append(names, c.Heading)
		}
	}
	return names
}

// In returns the row's cell in column i of the table's columns cols,
// whether plansite reads that column or not.
func (r Row) In(cols []Column, i int) Cell {
	if cols[i].Std != column.None {
		return r.Cell(cols[i].Std)
	}
	n := 0 // the other columns before i
	for _, c := range cols[:i] {
		if c.Std == column.None {
			n++
		}
	}
	if n < len(r.Others) {
		return r.Others[n]
	}
	return Cell{}
}

// Cells returns the row's cells in the table's columns cols, in their
// order, whether plansite reads them or not: In for every column at once,
// in one pass rather than one for each.
func (r Row) Cells(cols []Column) []Cell {
	out := make([]Cell, len(cols))
	n := 0 // the other columns so far
	for i, c := range cols {
		switch {
		case c.Std != column.None:
			out[i] = r.Cell(c.Std)
		case n < len(r.Others):
			out[i] = r.Others[n]
			n++
		default:
			n++
		}
	}
	return out
}

// line is the line the row starts on.
func (r Row) line() int {
	for _, c := range append(r.std[:], r.Others...) {
		if c.Line > 0 {
			return c.Line
		}
	}
	return 0
}

// columns are the table's columns as Input gives them, or, for an input
// made without them, the standard columns its rows have, in the standard
// order.
func columns(in Input) []Column {
	if len(in.Columns) > 0 {
		return in.Columns
	}
	var cols []Column
	for _, c := range column.All() {
		if len(in.Rows) > 0 && in.Rows[0].Cell(c).Line > 0 {
			cols = append(cols, Column{Heading: c.Name(), Std: c})
		}
	}
	return cols
}

// builder makes the plan row by row.
type builder struct {
	in        Input
	p         *Plan
	depts     *directory
	errs      problem.List
	warns     []problem.Problem
	areas     map[string]*Area
	byOrdinal map[int]*Area
	seen      map[string]int // task number → the line it is first on
	// dups counts the numbers that repeat, the first at firstDup.
	// qualify numbers each task by its group's number and its own (2.1
	// for task 1 of group 2), as a table that numbers its tasks anew in
	// each group means them.
	dups     int
	firstDup Cell
	qualify  bool
	area     *Area            // the area of the rows below, as a merged cell means
	task     *Task            // the last task made, which rows without a number continue
	noIDs    bool             // the table has no column.ID
	pending  []pendingHeading // heading rows not yet followed by a task
	outer    []string         // the heading rows in force, outermost first (一、 over （一）)
	// The departments the last task names, once it names manyUnits.
	named map[*Department]bool
	// clauses counts the timeline clauses read; over is the error of the
	// cell that takes them past MaxClauses.
	clauses int
	over    *problem.Problem
	merges  merges // what the table's merged cells say of its rows
	// reads are the rows' cells read beforehand on every core (nil for a
	// small table); at is the index of the row being read.
	reads *cellReader
	at    int
}

// cells is what the cells of r, the row being read, read as.
func (b *builder) cells(r Row) cellReads {
	if b.reads != nil {
		return b.reads.get(b.at)
	}
	return readCells(b.in.Memo, r, b.in.Meta.StartYear, b.in.Meta.EndYear)
}

func (b *builder) fail(c Cell, id, format string, args ...any) {
	b.errs = append(b.errs, &problem.Problem{File: b.in.TasksFile, Line: c.Line, Col: c.Col, Task: id, Msg: fmt.Sprintf(format, args...)})
}

func (b *builder) warn(c Cell, id, format string, args ...any) {
	b.warns = append(b.warns, problem.Problem{Severity: problem.Warning, File: b.in.TasksFile, Line: c.Line, Col: c.Col, Task: id, Msg: fmt.Sprintf(format, args...)})
}

// row reads one row of the table: a task, a heading that starts a group of
// tasks, or a sub-item of the task above.
func (b *builder) row(r Row) {
	num := r.Cell(column.ID)
	raw := TrimSpace(num.Text)
	var numID string // the task number raw reads as, if any
	isNum := false
	if raw != "" && !b.noIDs {
		numID, isNum = TaskNumber(raw)
	}
	switch {
	case b.merges.headings[r.Record]:
		// One cell across the table: a heading, whatever its words.
		if label := firstText(r.Cells(b.p.Columns)); label != "" {
			b.pending = append(b.pending, pendingHeading{label, r})
			return
		}
	case b.merges.continues[r.Record] && b.task != nil:
		// Its 序号 is the task's above, merged over this row too.
		b.item(r)
		return
	case raw != "" && !b.noIDs && !isNum:
		// A heading the table writes in its 序号 column (一、…).
		if label, ok := heading(r); ok {
			b.pending = append(b.pending, pendingHeading{label, r})
			return
		}
	}
	if raw == "" && !b.noIDs {
		if label, ok := heading(r); ok {
			// The nearest heading above a task is its group; those above
			// that (一、 over (一)) stand in /plan/ as the table has them.
			b.pending = append(b.pending, pendingHeading{label, r})
			return
		}
		if b.task != nil {
			b.item(r)
			return
		}
		b.fail(num, "", "%s is empty", column.ID.Name())
		return
	}
	id := strconv.Itoa(len(b.p.Tasks) + 1)
	if !b.noIDs {
		if id = numID; !isNum {
			why := ""
			if TrimSpace(num.Text) == TrimSpace(b.p.Heading(column.ID)) {
				why = "; the row repeats the heading, as the lower row of a heading of two rows does, but cannot be read as one: each of its cells must say the heading above it (a heading merged down over both rows) or stand under a heading that spans columns"
			}
			b.fail(num, "", "%s %s is not a task number (1, 2, … or 1.1, 1.2, …, or （一）, 一、)%s", column.ID.Name(), QuoteCell(num.Text), why)
			id = ""
		} else if len(id) > MaxSlug {
			// Checked here, not when the page is written: a file system
			// takes names of 255 bytes at most, some fewer.
			b.fail(num, "", "%s %s would be the task's address /tasks/…/ but is %d characters long; an address part may have at most %d", column.ID.Name(), QuoteCell(num.Text), len(id), MaxSlug)
			id = ""
		}
	}
	t := &Task{ID: id, Slug: strings.ReplaceAll(id, ".", "-"), Line: r.line(), Rows: []Row{r},
		Measures: r.Cell(column.Measures).Text, Timeline: r.Cell(column.Timeline).Text, LeadText: r.Cell(column.Lead).Text, CoopText: r.Cell(column.Coop).Text}
	if n := len(b.pending); n > 0 {
		for i, h := range b.pending {
			t.Headings = append(t.Headings, h.label)
			b.outer = nest(b.outer, h.label)
			if i < n-1 && !b.p.HasColumn(column.Area) && headingStyle(h.label) != "other" && !b.under(b.pending[i+1].label) {
				// A numbered heading the next does not stand under has no
				// task of its own: a group the table lists empty, as a
				// department's extract of a larger table keeps the headings
				// of the parts it has no task in. It is a group all the
				// same, so that the groups keep the table's numbers. (A
				// heading of other words, a title row across the table, is
				// left to stand above the rows.)
				b.startArea(h.label, h.row, id, true)
			}
		}
		if !b.p.HasColumn(column.Area) {
			// The innermost heading is the group of the tasks below it;
			// those around it are its parents.
			last := b.pending[n-1]
			b.startArea(last.label, last.row, id, true)
		}
		b.pending = nil
	}
	if area := r.Cell(column.Area); TrimSpace(area.Text) != "" {
		b.startArea(TrimSpace(area.Text), r, id, false)
	} else if b.area == nil && area.Line > 0 {
		b.fail(area, id, "%s is empty and no row above names an area", column.Area.Name())
	}
	t.Area = b.area
	if b.area != nil {
		b.area.Tasks = append(b.area.Tasks, t)
	}
	if id != "" && !b.noIDs {
		id = b.number(t, num)
	}
	if TrimSpace(t.Measures) == "" {
		b.fail(r.Cell(column.Measures), id, "%s is empty", column.Measures.Name())
	}
	c := b.cells(r)
	t.Sentences = c.sentences
	t.Title = TrimSpace(r.Cell(column.Title).Text)
	if t.Title == "" {
		t.Title = c.title
	}
	t.Milestones = b.timeline(r, id, c)
	t.LeadNote, t.CoopNote = c.leadNote, c.coopNote
	b.task, b.named = t, nil
	b.units(t, r, c.lead, c.coop)
	b.p.Tasks = append(b.p.Tasks, t)
}

// number checks that task t, numbered in cell num, has a number no task
// above has, and gives its number: in a table that numbers its tasks anew
// in each group (b.qualify), the group's number and its own (2.1).
func (b *builder) number(t *Task, num Cell) string {
	id := t.ID
	if b.qualify && t.Area != nil {
		id = strconv.Itoa(t.Area.Ordinal) + "." + id
		t.ID, t.Slug = id, strings.ReplaceAll(id, ".", "-")
	}
	if prev, dup := b.seen[id]; dup {
		if b.dups++; b.dups == 1 {
			b.firstDup = num
		}
		b.fail(num, "", "%s %s appears twice (first on line %d)", column.ID.Name(), id, prev)
		return id
	}
	b.seen[id] = num.Line
	return id
}

// numberedAnew reports whether tasks, some of whose numbers repeat, are
// numbered anew in each group: each is in a group, each group's numbers
// begin where the first group's do (1), and no number repeats within a
// group. A number mistyped as one above it is not: its group begins
// elsewhere, or holds the number twice.
func numberedAnew(tasks []*Task) bool {
	type groupNumber struct {
		area *Area
		id   string
	}
	seen := make(map[groupNumber]bool, len(tasks))
	for i, t := range tasks {
		k := groupNumber{t.Area, t.ID}
		if t.Area == nil || seen[k] || i > 0 && t.Area != tasks[i-1].Area && t.ID != tasks[0].ID {
			return false
		}
		seen[k] = true
	}
	return true
}

// pendingHeading is a heading row waiting for the task below it.
type pendingHeading struct {
	label string
	row   Row
}

// heading reports whether a row without a task number is a heading that
// starts a group of tasks (一、全市经济社会发展主要预期目标, ——推进教育高质量发展):
// one text cell filled, no units, no timeline. The cell may be the 序号
// column's, where a heading merged across the table has its text.
func heading(r Row) (string, bool) {
	if TrimSpace(r.Cell(column.Lead).Text) != "" || TrimSpace(r.Cell(column.Coop).Text) != "" || TrimSpace(r.Cell(column.Timeline).Text) != "" {
		return "", false
	}
	var label string
	for _, c := range []Cell{r.Cell(column.ID), r.Cell(column.Area), r.Cell(column.Title), r.Cell(column.Measures)} {
		if t := TrimSpace(c.Text); t != "" {
			if label != "" {
				return "", false
			}
			label = t
		}
	}
	if _, _, ok := ParseAreaLabel(label); ok || strings.HasPrefix(label, "—") {
		return label, true
	}
	return "", false
}

// startArea makes the area labelled label, or goes back to it, for the rows
// below. Heading rows are numbered in their order: a table may nest them
// (一、 over (一)), so their own ordinals repeat.
func (b *builder) startArea(label string, r Row, id string, headingRow bool) {
	// A group is its label under its headings: （一）主要目标 under 一、 and
	// under 二、 are two groups.
	parents := b.parents(label)
	key := strings.Join(append(slices.Clone(parents), label), "\x00")
	if a, ok := b.areas[key]; ok {
		b.area = a
		return
	}
	area := r.Cell(column.Area)
	c := area
	if c.Line == 0 {
		c = r.Cell(column.Measures)
	}
	ord, name, ok := ParseAreaLabel(label)
	if headingRow {
		ord = len(b.p.Areas) + 1
	}
	if !ok {
		ord = len(b.p.Areas) + 1
		name = strings.TrimLeft(label, "—－- ")
		if area.Line > 0 {
			b.warn(c, id, "area %s has no ordinal such as （一）; numbered %d by its order", QuoteCell(label), ord)
		}
	}
	if a, dup := b.byOrdinal[ord]; dup {
		b.fail(c, id, "area %s has the same number %d as %s", QuoteCell(label), ord, QuoteCell(a.Label))
	}
	b.area = &Area{Ordinal: ord, Label: label, Name: name, Parents: parents}
	b.areas[key] = b.area
	b.byOrdinal[ord] = b.area
	b.p.Areas = append(b.p.Areas, b.area)
}

// item reads a row without a number right below a task: Excel's export of
// merged cells. It is a sub-item of the task, with its own cells, shown in
// order; its empty unit cells take the task's, as merged cells mean.
func (b *builder) item(r Row) {
	t := b.task
	it := Item{Row: r, Measures: r.Cell(column.Measures).Text, Timeline: r.Cell(column.Timeline).Text, First: len(t.Sentences)}
	t.Rows = append(t.Rows, r)
	c := b.cells(r)
	// A cell merged over the task's rows is one cell, read once: its text
	// in this row repeats the row's above.
	if !b.mergedFromAbove(r, column.Measures) {
		t.Sentences = append(t.Sentences, c.sentences...)
	}
	if !b.mergedFromAbove(r, column.Timeline) {
		t.Milestones = append(t.Milestones, b.timeline(r, t.ID, c)...)
	}
	b.units(t, r, c.lead, c.coop)
	t.Items = append(t.Items, it)
}

// mergedFromAbove reports whether row r's cell in column std is covered
// by a merged cell that starts in a row above.
func (b *builder) mergedFromAbove(r Row, std column.Column) bool {
	if len(b.merges.below) == 0 || r.Record == 0 {
		return false
	}
	i := slices.IndexFunc(b.p.Columns, func(c Column) bool { return c.Std == std })
	return i >= 0 && b.merges.below[[2]int{r.Record, i + 1}]
}

// timeline reads a row's timeline cell, warning about each clause whose
// date cannot be read, up to maxUnreadWarnings of a cell.
func (b *builder) timeline(r Row, id string, c cellReads) []Milestone {
	cell := r.Cell(column.Timeline)
	ms, unread := c.milestones, c.unread
	if b.clauses += len(ms); b.clauses > MaxClauses && b.over == nil {
		b.over = &problem.Problem{File: b.in.TasksFile, Line: cell.Line, Col: cell.Col, Task: id,
			Msg: fmt.Sprintf("the table has more than %s timeline clauses (%s cut at ；, line breaks and dates); plansite reads at most %s: is this the wrong column?",
				GroupDigits(MaxClauses), column.Timeline.Name(), GroupDigits(MaxClauses))}
	}
	for i, e := range unread {
		if i == maxUnreadWarnings {
			more := "1 more clause of this cell has"
			if n := len(unread) - i; n > 1 {
				more = GroupDigits(n) + " more clauses of this cell have"
			}
			b.warn(cell, id, "%s a date that cannot be read (the first %d are listed); they are shown as written", more, i)
			break
		}
		msg := e.Message()
		if y, _, ok := strings.Cut(b.p.Meta.Date, "-"); ok && e.Yearless {
			// A notice of one year often gives its year only in its date.
			msg += fmt.Sprintf("; the plan is dated %s: for a plan of %s alone, start_year = %s and end_year = %s", b.p.Meta.Date, y, y, y)
		}
		b.warn(cell, id, "%s", msg)
	}
	return ms
}

// units assigns the units a row names to task t. A unit named twice, or as
// lead and as cooperating, counts once, as lead; a unit marked （牵头） leads
// whichever cell names it.
func (b *builder) units(t *Task, r Row, lead, coop []Named) {
	if b.in.OthersLeadWithoutLead && len(lead) == 0 && len(t.Items) == 0 {
		lead, coop = coop, nil
	}
	leadCell, coopCell := r.Cell(column.Lead), r.Cell(column.Coop)
	if len(lead) == 0 && len(t.Lead) == 0 && !anyLead(coop) && leadCell.Line > 0 && len(t.Items) == 0 {
		b.warn(leadCell, t.ID, "no lead department (%s)", b.p.Heading(column.Lead))
	}
	// Each unit keeps the cell that names it, for messages, even when it
	// moves between lead and helping. The leads are assigned first, then
	// the helpers, each in the order the cells name them.
	// A cell that marks one of its units as the lead (区财政局*, ★发改局,
	// 区教育局（牵头）) says that the others help; 分别牵头 marks each.
	marked := slices.ContainsFunc(lead, func(u Named) bool { return u.Starred || u.Lead && !strings.Contains(u.Note, "分别") })
	helps := func(i int, u Named) bool {
		switch {
		case !u.Lead && strings.Contains(u.Note, "配合"):
			// 办公室牵头，各科室配合 in a lead cell: 各科室 helps.
			return true
		case marked && !u.Lead:
			// 区财政局*、区发改局: the marked unit leads, the others help.
			return true
		case b.in.FirstUnitLeads && i > 0 && !u.Lead:
			// 排在第一位的为牵头单位: the first unit named leads, the rest help.
			return true
		}
		return false
	}
	assign := func(u Named, c Cell, asLead bool) {
		d := b.depts.get(u.Name, b.in.TasksFile, t.ID, c)
		if u.Note != "" {
			t.UnitNotes = append(t.UnitNotes, UnitNote{Dept: d, Note: u.Note})
		}
		if b.names(t, d) {
			// A unit that helps in one of the task's rows and leads in
			// another leads the task.
			if i := slices.Index(t.Coop, d); asLead && i >= 0 {
				t.Coop = slices.Delete(t.Coop, i, i+1)
				d.Coop = slices.DeleteFunc(d.Coop, func(x *Task) bool { return x == t })
				t.Lead = append(t.Lead, d)
				d.Lead = append(d.Lead, t)
			}
			return
		}
		if asLead {
			t.Lead = append(t.Lead, d)
			d.Lead = append(d.Lead, t)
		} else {
			t.Coop = append(t.Coop, d)
			d.Coop = append(d.Coop, t)
		}
	}
	for i, u := range lead {
		if !helps(i, u) {
			assign(u, leadCell, true)
		}
	}
	for _, u := range coop {
		if u.Lead {
			assign(u, coopCell, true)
		}
	}
	for i, u := range lead {
		if helps(i, u) {
			assign(u, leadCell, false)
		}
	}
	for _, u := range coop {
		if !u.Lead {
			assign(u, coopCell, false)
		}
	}
}

// manyUnits is how many units a task names before names keeps them in a
// map rather than searching the task's lists.
const manyUnits = 32

// names reports whether task t, the last made, names d already, and else
// notes that it now does (the caller adds d to t's lists). A task names a
// few units, found in its lists; a cell may name thousands, found in a map
// made once the lists are long.
func (b *builder) names(t *Task, d *Department) bool {
	if b.named == nil {
		if len(t.Lead)+len(t.Coop) < manyUnits {
			return slices.Contains(t.Lead, d) || slices.Contains(t.Coop, d)
		}
		b.named = make(map[*Department]bool, 2*manyUnits)
		for _, x := range t.Lead {
			b.named[x] = true
		}
		for _, x := range t.Coop {
			b.named[x] = true
		}
	}
	if b.named[d] {
		return true
	}
	b.named[d] = true
	return false
}

var (
	cjkOrdinal = regexp.MustCompile(`^[一二三四五六七八九十〇零两]{1,3}$`)
)

// TaskNumber reads a cell of the number column (column.ID) as tables write
// it (7, 1.1, 7., 7、, （七）, 七、) into the task's number: digits, with dots
// between the levels of a numbering by section. ok is false for anything
// else.
func TaskNumber(raw string) (string, bool) {
	s := TrimSpace(raw)
	s = strings.TrimRight(s, ".．、")
	for _, pair := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if strings.HasPrefix(s, pair[0]) && strings.HasSuffix(s, pair[1]) {
			s = TrimSpace(s[len(pair[0]) : len(s)-len(pair[1])])
		}
	}
	if isDottedNumber(s) {
		return s, true
	}
	if cjkOrdinal.MatchString(s) {
		if n, ok := chineseNumber(s); ok {
			return strconv.Itoa(n), true
		}
	}
	return "", false
}

// isDottedNumber reports whether s is numbers of one to six digits joined
// by dots: 3, 12.1, 2.3.4. Matched by hand, not by a regular expression,
// since every row's 序号 is, on the one core that takes rows into the plan.
func isDottedNumber(s string) bool {
	digits := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9' && digits < 6:
			digits++
		case c == '.' && digits > 0:
			digits = 0
		default:
			return false
		}
	}
	return digits > 0
}

// firstText is the first cell of a row that holds text, trimmed.
func firstText(cells []Cell) string {
	for _, c := range cells {
		if t := TrimSpace(c.Text); t != "" {
			return t
		}
	}
	return ""
}

// nest puts the heading label into the headings in force, outer: a heading
// written like one in force (一、 after 一、, （二） after （一）) takes its place
// and ends those inside it; any other is inside the last.
func nest(outer []string, label string) []string {
	style := headingStyle(label)
	for i, h := range outer {
		if headingStyle(h) == style {
			return append(outer[:i:i], label)
		}
	}
	return append(outer, label)
}

// under reports whether the heading label stands under the innermost
// heading in force: it is numbered in a style none of them is (（一） under
// 一、).
func (b *builder) under(label string) bool {
	style := headingStyle(label)
	return len(b.outer) > 0 && !slices.ContainsFunc(b.outer, func(h string) bool { return headingStyle(h) == style })
}

// parents are the headings in force around the group label (itself left
// out), outermost first.
func (b *builder) parents(label string) []string {
	var out []string
	for _, h := range b.outer {
		if h != label {
			out = append(out, h)
		}
	}
	return out
}

// headingStyle is how a heading is numbered, which says its level in a
// table that nests them: 一、 over （一） over 1. over ——.
func headingStyle(label string) string {
	l := TrimSpace(label)
	switch {
	case strings.HasPrefix(l, "（") || strings.HasPrefix(l, "("):
		return "（一）"
	case strings.HasPrefix(l, "—") || strings.HasPrefix(l, "-"):
		return "——"
	}
	r, _ := utf8.DecodeRuneInString(l)
	switch {
	case unicode.IsDigit(r):
		return "1."
	case strings.ContainsRune("一二三四五六七八九十", r):
		return "一、"
	}
	return "other"
}
