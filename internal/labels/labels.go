// Package labels holds the words plansite writes into pages itself, out of
// Go: page titles and descriptions, the navigation, group and chart labels,
// the feed's entries. The defaults (labels.toml beside this file, Chinese)
// are compiled in; a templates folder may hold a labels.toml of its own
// with only the keys it changes, the others keeping their defaults, so a
// publisher changes one word without copying the file.
//
// The file decodes into Labels, a struct, checked like site.toml: a key it
// does not have is an error at its line and column. A label that carries
// numbers or names is a Pattern ("任务{id}：{title}"), parsed once, when the
// file is read, against the placeholders its declaration allows (the args
// tag of its field; for a page kind's title and description, the kind's
// PageSpec), so that a placeholder it may not use is an error at its line,
// and filling it takes no parsing and no fmt. Every such label may also
// name the table's headings ({timeline}: TableWords) and the word they end
// in ({unit}: 单位 of 牵头单位), which ForTable writes in once for a site,
// so that its pages say its table's words.
package labels

import (
	_ "embed"
	"errors"
	"io/fs"
	"path"
	"reflect"
	"sync"

	"plansite/internal/column"
	"plansite/internal/inputfs"
)

// Labels are the words of a site's pages. Each field's comment in
// labels.toml says where it is shown.
type Labels struct {
	// Pages are each page kind's words, by the kind's name.
	Pages             map[string]*Page  `toml:"pages"`
	HomeDescription   HomeDescription   `toml:"home_description"`
	SearchDescription SearchDescription `toml:"search_description"`
	AreaWords         struct {
		Actions AreaWords `toml:"actions"`
		Parts   AreaWords `toml:"parts"`
	} `toml:"area_words"`
	DepartmentGroups DepartmentGroups `toml:"department_groups"`
	FontSizes        FontSizes        `toml:"font_sizes"`
	Pager            Pager            `toml:"pager"`
	ShareImage       ShareImage       `toml:"share_image"`
	Citation         Citation         `toml:"citation"`
	Feed             Feed             `toml:"feed"`
	Progress         Progress         `toml:"progress"`
	Chart            Chart            `toml:"chart"`
	DataTypes        DataTypes        `toml:"data_types"`
	Portal           Portal           `toml:"portal"`
	UnitsAlone       UnitsAlone       `toml:"units_alone"`
}

// UnitsAlone are the words that say a department's tasks where no unit of
// the table helps (one column of units, 责任单位, none marked as leading):
// every unit named undertakes its tasks, and 牵头 and 配合 mean nothing.
type UnitsAlone struct {
	Lead                   string  `toml:"lead"`
	DepartmentsDescription Pattern `toml:"departments_description" args:"departments"`
	DepartmentDescription  Pattern `toml:"department_description" args:"department,lead"`
	MatrixDescription      Pattern `toml:"matrix_description" args:"departments,areas,counter,noun"`
	BarsDescription        Pattern `toml:"bars_description" args:"department,lead"`
}

// Page is a page kind's words. Its title's and description's placeholders
// are those of the kind's PageSpec.
type Page struct {
	// Nav, Crumb and Column take only the table words ({unit}), so that
	// /departments/ is called by the table's word for its units.
	Nav         Pattern `toml:"nav"`
	Crumb       Pattern `toml:"crumb"`
	Column      Pattern `toml:"column"`
	Title       Pattern `toml:"title"`
	Description Pattern `toml:"description"`
}

// PageSpec declares a page kind's labels: its name, the section
// [pages.<Name>], and the placeholders its title and description may use,
// in the order the kind fills them.
type PageSpec struct {
	Name               string
	Title, Description []string
}

type HomeDescription struct {
	Areas      Pattern `toml:"areas" args:"areas,counter,noun"`
	Timeline   Pattern `toml:"timeline"`
	Units      Pattern `toml:"units" args:"lead,coop"`
	UnitsAlike Pattern `toml:"units_alike" args:"lead,coop,unit"`
}

type SearchDescription struct {
	Measures         Pattern `toml:"measures" args:"measures"`
	MeasuresTimeline Pattern `toml:"measures_timeline" args:"measures,timeline"`
	WithOthers       Pattern `toml:"with_others" args:"searched,columns"`
	Progress         string  `toml:"progress"`
}

// AreaWords are the site's word for a plan's groups of tasks.
type AreaWords struct {
	// Nav is the main navigation's link to the list of groups.
	Nav     string  `toml:"nav"`
	Noun    string  `toml:"noun"`
	Counter string  `toml:"counter"`
	Ordinal Pattern `toml:"ordinal" args:"n"`
}

type DepartmentGroups struct {
	Municipal  Pattern `toml:"municipal" args:"level"`
	District   string  `toml:"district"`
	Government string  `toml:"government"`
	Collective string  `toml:"collective"`
	Other      string  `toml:"other"`
}

type FontSizes struct {
	Large  string `toml:"large"`
	Medium string `toml:"medium"`
	Small  string `toml:"small"`
}

type Pager struct {
	Title Pattern `toml:"title" args:"title,page"`
}

type ShareImage struct {
	Alt      Pattern `toml:"alt" args:"site"`
	AltAreas Pattern `toml:"alt_areas" args:"site,counter,noun"`
}

type Citation struct {
	Part                  Pattern `toml:"part" args:"attachment,id"`
	PartWithoutAttachment Pattern `toml:"part_without_attachment" args:"id"`
	Access                string  `toml:"access"`
}

type Feed struct {
	IssuedTitle   Pattern `toml:"issued_title" args:"title"`
	IssuedSummary Pattern `toml:"issued_summary" args:"issuer,date,title,attachment,tasks"`
	UpdateTitle   Pattern `toml:"update_title" args:"id,title,status"`
	UpdateSource  Pattern `toml:"update_source" args:"source"`
}

type Progress struct {
	None           string  `toml:"none"`
	Count          Pattern `toml:"count" args:"status,tasks"`
	CountSeparator string  `toml:"count_separator"`
	Group          Pattern `toml:"group" args:"group,counts"`
	GroupSeparator string  `toml:"group_separator"`
	Description    Pattern `toml:"description" args:"groups"`
	Areas          Pattern `toml:"areas" args:"noun"`
	ByArea         Pattern `toml:"by_area" args:"noun"`
	ByAreaLabel    Pattern `toml:"by_area_label" args:"noun"`
	ByLead         Pattern `toml:"by_lead"`
	ByLeadLabel    Pattern `toml:"by_lead_label"`
	ByYear         string  `toml:"by_year"`
	ByYearLabel    string  `toml:"by_year_label"`
	Undated        string  `toml:"undated"`
}

type Chart struct {
	Year          Pattern `toml:"year" args:"year"`
	YearTasks     Pattern `toml:"year_tasks" args:"year,tasks"`
	YearSeparator string  `toml:"year_separator"`
	Task          Pattern `toml:"task" args:"id"`
	Timeline      struct {
		Title       Pattern `toml:"title" args:"tasks,first,last,years"`
		Description Pattern `toml:"description" args:"years"`
	} `toml:"timeline"`
	YearBars struct {
		Title       string  `toml:"title"`
		Label       string  `toml:"label"`
		Series      string  `toml:"series"`
		Description Pattern `toml:"description" args:"years"`
	} `toml:"year_bars"`
	TaskTimeline struct {
		Title           Pattern `toml:"title" args:"id"`
		Clause          Pattern `toml:"clause" args:"years,text"`
		ClauseSeparator string  `toml:"clause_separator"`
		Description     Pattern `toml:"description" args:"clauses"`
	} `toml:"task_timeline"`
	Matrix struct {
		Title       Pattern `toml:"title" args:"departments,areas,counter,noun"`
		Description Pattern `toml:"description" args:"departments,areas,counter,noun"`
	} `toml:"matrix"`
	DepartmentBars struct {
		Title       Pattern `toml:"title"`
		Label       Pattern `toml:"label"`
		Lead        string  `toml:"lead"`
		Coop        string  `toml:"coop"`
		Description Pattern `toml:"description" args:"department,lead,coop"`
	} `toml:"department_bars"`
}

// DataTypes say what a field of plan.json holds, on /data/.
type DataTypes struct {
	String        string  `toml:"string"`
	Integer       string  `toml:"integer"`
	Boolean       string  `toml:"boolean"`
	Null          string  `toml:"null"`
	Object        string  `toml:"object"`
	NamedObject   Pattern `toml:"named_object" args:"title"`
	Array         string  `toml:"array"`
	ArrayOf       Pattern `toml:"array_of" args:"type"`
	Date          Pattern `toml:"date" args:"type"`
	Constant      Pattern `toml:"constant" args:"value"`
	Enum          Pattern `toml:"enum" args:"values"`
	EnumSeparator string  `toml:"enum_separator"`
	Or            string  `toml:"or"`
}

// File is the name of a templates folder's labels.
const File = "labels.toml"

// defaultFile is how the defaults are named in messages: a mistake there
// is plansite's, which the tests catch.
const defaultFile = "internal/labels/labels.toml"

//go:embed labels.toml
var defaults string

// Limit is the most a labels file may hold: the default has 9 KB.
var Limit = inputfs.Limit{Bytes: 1 << 20, What: "labels.toml", Advice: "no labels file is that large; is this the wrong file?"}

// Read reads the labels of the templates folder fsys, named dir in
// messages: its labels.toml laid over the defaults, or the defaults alone
// when it has none. pages declares the page kinds.
func Read(fsys fs.FS, dir string, pages []PageSpec) (*Labels, error) {
	data, found, err := ReadData(fsys, dir)
	if err != nil {
		return nil, err
	}
	return ParseData(dir, data, found, pages)
}

// ReadData reads the labels file of the templates folder fsys, named dir
// in messages; found is false when it has none.
func ReadData(fsys fs.FS, dir string) (data []byte, found bool, err error) {
	if _, err := fs.Stat(fsys, File); errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	data, err = inputfs.ReadFile(fsys, File, path.Join(dir, File), Limit, "cannot read the labels: ")
	return data, err == nil, err
}

// ParseData is Read of what ReadData read.
func ParseData(dir string, data []byte, found bool, pages []PageSpec) (*Labels, error) {
	if !found {
		return Parse("", nil, pages)
	}
	return Parse(path.Join(dir, File), data, pages)
}

// Default is the default labels, without page kinds: for the packages
// that need a few of them, and their tests.
func Default() *Labels {
	defaultOnce.Do(func() {
		l, err := Parse("", nil, nil)
		if err != nil {
			panic(err) // the tests read the defaults
		}
		defaultLabels = l
	})
	return defaultLabels
}

var (
	defaultOnce   sync.Once
	defaultLabels *Labels
)

// ForTable returns the labels with the table words of every label written
// as the table has them: TableWords as heading gives them, the table's own
// headings, and {unit} as unit, the word they end in: what a site of that
// table shows. l is not changed.
func (l *Labels) ForTable(heading func(column.Column) string, unit string) *Labels {
	words := make([]string, len(TableWords)+1)
	for i, c := range TableWords {
		words[i] = heading(c)
	}
	words[unitWord] = unit
	out := *l
	bindPatterns(reflect.ValueOf(&out).Elem(), words)
	out.Pages = make(map[string]*Page, len(l.Pages))
	for name, p := range l.Pages {
		q := *p
		q.Nav, q.Crumb, q.Column = p.Nav.forTable(words), p.Crumb.forTable(words), p.Column.forTable(words)
		q.Title, q.Description = p.Title.forTable(words), p.Description.forTable(words)
		out.Pages[name] = &q
	}
	return &out
}

// bindPatterns writes the table words of every pattern in the struct v.
func bindPatterns(v reflect.Value, words []string) {
	for i := range v.NumField() {
		f := v.Field(i)
		switch {
		case f.Type() == patternType:
			f.Set(reflect.ValueOf(f.Interface().(Pattern).forTable(words)))
		case f.Kind() == reflect.Struct:
			bindPatterns(f, words)
		}
	}
}
