// Package column is the one home of the columns plansite reads: the task
// table's standard columns and the progress file's columns. For each it
// holds the standard name, the key site.toml names it by, the names other
// plans' tables give it, the characters a table's own name for it tends to
// hold and whether a table must have it.
//
// Everything that names a column reads it here: the table reader matches a
// header against it and lists it in messages (internal/load), site.toml's
// [columns] and [progress_columns] are decoded from its keys
// (internal/config), the model keeps a row's cells in its order
// (internal/plan), /data/tasks.csv, the import and the synthetic tables write
// its names, and templates name a column by its key ($plan.Heading
// "measures"). Adding a column that plansite reads starts with one entry of
// Task and one constant.
//
// It imports nothing of plansite, so that every package may import it.
package column

import (
	"fmt"
	"plansite/internal/textsim"
	"slices"
	"strings"
)

// Spec is one column of a table plansite reads.
type Spec struct {
	// Key names the column in site.toml ([columns] measures = "任务内容"),
	// in class names on pages (col-measures) and in templates.
	Key string
	// Name is the standard name: what messages call the column and the
	// heading /data/ files write for it.
	Name string
	// Synonyms are the names other plans' tables give the column, read as
	// it without a setting.
	Synonyms []string
	// Hint holds characters that a table's own name for the column is
	// likely to contain, so that a message about the missing column can
	// point at the heading that is probably it.
	Hint string
	// Required columns must be in every table.
	Required bool
	// Role is what the units of a column of units do (牵头, 配合): such a
	// column that a table lacks is named with it and the table's own word
	// for units (配合单位 beside 责任单位).
	Role string
	// Without says what a site lacks when its table lacks the column, for
	// the message about a heading that is probably the column mistyped.
	Without string
}

// Table is the columns of one kind of table in their standard order, the
// order messages list them in and /data/ files write them in.
type Table []Spec

// Find returns the column of t with the key key.
func (t Table) Find(key string) (Spec, bool) {
	for _, s := range t {
		if s.Key == key {
			return s, true
		}
	}
	return Spec{}, false
}

// Index is the place in t of the column with the key key, or -1.
func (t Table) Index(key string) int {
	return slices.IndexFunc(t, func(s Spec) bool { return s.Key == key })
}

// Name is the standard name of t's column with the key key ("" for none).
func (t Table) Name(key string) string {
	s, _ := t.Find(key)
	return s.Name
}

// Keys are the keys of t's columns, in order.
func (t Table) Keys() []string {
	var keys []string
	for _, s := range t {
		if s.Key != "" {
			keys = append(keys, s.Key)
		}
	}
	return keys
}

// Names are the standard names of t's columns, or of those required, in
// order.
func (t Table) Names(required bool) []string {
	var names []string
	for _, s := range t {
		if s.Required || !required {
			names = append(names, s.Name)
		}
	}
	return names
}

// responsible are the names of a column of responsible units: beside a
// lead column such a column lists the units that help; alone, the units
// that lead.
var responsible = []string{"责任单位", "责任部门", "责任科室", "责任处室", "责任主体"}

// Task is the task table's standard columns, in the standard order. A
// Column constant names each, by its key, and a row keeps its cells in
// this order (plan.Row).
var Task = Table{
	{Key: string(ID), Name: "序号", Hint: "号", Synonyms: []string{"编号", "任务编号"},
		Without: "the tasks are numbered by the order of their rows, so a row added or removed moves the addresses after it"},
	{Key: string(Area), Name: "重点任务", Hint: "领域行动类", Synonyms: []string{"重点领域", "行动", "专项行动", "类别", "工作类别", "任务类别", "领域"},
		Without: "the tasks have no groups: no area pages (/areas/…), and the home page lists the tasks one by one"},
	{Key: string(Title), Name: "标题", Hint: "题名", Synonyms: []string{"任务名称", "事项名称", "项目名称"}, Without: "each task's title is taken from its measures"},
	{Key: string(Measures), Name: "主要措施", Required: true, Hint: "措施任务内容要求工作",
		Synonyms: []string{"工作任务", "重点工作", "重点工作任务", "工作措施", "具体措施", "任务内容", "主要工作任务", "主要任务", "工作内容", "具体任务", "具体要求", "项目内容"}},
	{Key: string(Timeline), Name: "时间节点", Hint: "时限期", Synonyms: []string{"完成时限", "时间安排", "完成时间", "时间进度", "时限要求", "时限", "完成期限", "时间要求", "办结时间", "办结时限"},
		Without: "no year pages (/years/), no timelines on the task pages and no deadlines"},
	{Key: string(Lead), Name: "牵头部门", Required: true, Hint: "牵头责任单位部门", Role: "牵头", Synonyms: []string{"牵头单位", "牵头责任单位", "主要责任单位", "主责单位", "主责部门", "主办单位"}},
	{Key: string(Coop), Name: "配合部门", Hint: "配合参与协同", Role: "配合",
		Synonyms: append(slices.Clone(responsible), "配合单位", "参与单位", "协同单位", "协同配合单位", "协办单位", "协办部门"),
		Without:  "no cooperating units on the task and department pages"},
}

// Column is one of the task table's standard columns, named by its key:
// templates write "measures" where Go writes Measures. None is a column
// plansite does not read, published as written.
type Column string

// The standard columns, in Task's order.
const (
	None     Column = ""
	ID       Column = "id"
	Area     Column = "area"
	Title    Column = "title"
	Measures Column = "measures"
	Timeline Column = "timeline"
	Lead     Column = "lead"
	Coop     Column = "coop"
)

// N is the number of standard columns: the length of Task, and of a row's
// array of cells.
const N = 7

var all [N]Column

func init() {
	if len(Task) != N {
		panic(fmt.Sprintf("column: Task has %d columns, N is %d", len(Task), N))
	}
	for i, s := range Task {
		all[i] = Column(s.Key)
	}
}

// All returns the standard columns in the standard order.
func All() [N]Column { return all }

// Index is c's place in Task and in a row's cells; -1 for None. It panics
// for a name that is no standard column's key: a template that names a
// column wrongly fails, naming it, rather than show nothing.
func (c Column) Index() int {
	if c == None {
		return -1
	}
	for i, k := range all {
		if k == c {
			return i
		}
	}
	panic(fmt.Sprintf("column: %q is not the key of a standard column (%s)", string(c), strings.Join(Task.Keys(), ", ")))
}

// Spec is c's entry in Task; the zero Spec for None.
func (c Column) Spec() Spec {
	if i := c.Index(); i >= 0 {
		return Task[i]
	}
	return Spec{}
}

// Name is c's standard name (牵头部门 for Lead).
func (c Column) Name() string { return c.Spec().Name }

// Names are the standard names of cs, in order: the header of a table of
// those columns.
func Names(cs ...Column) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Name()
	}
	return out
}

// Responsible reports whether heading names a column of responsible units
// (责任单位, 责任部门 …), which in a table without a lead column names the
// units that lead.
func Responsible(heading string) bool { return slices.Contains(responsible, heading) }

// UnitWords are the words a table's heading of a column of units ends
// with (牵头单位, 责任科室), which names the column of the other role too.
var UnitWords = []string{"单位", "部门", "科室", "处室", "主体"}

// Progress is the progress file's columns (落实情况), in the standard order.
var Progress = Table{
	{Key: "id", Name: "序号", Required: true, Synonyms: []string{"编号", "任务编号"}},
	{Key: "date", Name: "日期", Required: true, Synonyms: []string{"时间", "更新日期"}},
	{Key: "status", Name: "状态", Required: true, Synonyms: []string{"进展状态", "完成情况"}},
	{Key: "text", Name: "进展", Required: true, Synonyms: []string{"进展情况", "落实情况"}},
	{Key: "source", Name: "来源", Synonyms: []string{"依据", "出处"}},
}

// Like finds the column whose name or synonym the heading h is probably a
// mistyping of (时间结点 for 时间节点, 配合部 for 配合部门): one character
// added, left out or changed, or two in a name of five or more. It gives
// the column and the name h is like.
func (t Table) Like(h string) (Spec, string, bool) {
	hr := []rune(h)
	if len(hr) < 3 {
		return Spec{}, "", false
	}
	for _, c := range t {
		for _, name := range append([]string{c.Name}, c.Synonyms...) {
			nr := []rune(name)
			limit := 1
			if min(len(hr), len(nr)) >= 5 {
				limit = 2
			}
			if abs(len(hr)-len(nr)) > limit {
				continue
			}
			if d := textsim.Distance(hr, nr); d > 0 && d <= limit {
				return c, name, true
			}
		}
	}
	return Spec{}, "", false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
