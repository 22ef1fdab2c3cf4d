// Package opendata makes the site's open data: the table as published
// (/data/tasks.csv), the parsed plan (/data/plan.json), its JSON Schema
// (/data/plan.schema.json, also the source of the field list on /data/) and
// one JSON file per task (/tasks/7/index.json).
package opendata

import (
	"fmt"
	"io"

	"plansite/internal/column"
	"plansite/internal/config"
	"plansite/internal/jsonenc"
	"plansite/internal/plan"
	"plansite/internal/progress"
	"plansite/internal/sitepath"
)

// The open data of the site: the table as published (/data/tasks.csv), the
// parsed plan (/data/plan.json, described by /data/plan.schema.json) and one
// JSON file per task (/tasks/7/index.json). The JSON types below are the
// published format: a field renamed here breaks every reader of the data, so
// they change only together with plan.schema.json and its version.

// DataFormat and DataVersion identify the JSON format; DataVersion goes up
// when a field is added, changes meaning or disappears: the schema refuses
// fields it does not name.
const (
	DataFormat  = "plansite-plan"
	DataVersion = 5
)

// PlanData is /data/plan.json.
type PlanData struct {
	Format      string       `json:"format"`
	Version     int          `json:"version"`
	Plan        MetaData     `json:"plan"`
	Columns     []ColumnData `json:"columns"`
	Areas       []AreaData   `json:"areas"`
	Tasks       []TaskData   `json:"tasks"`
	Departments []DeptData   `json:"departments"`
	Years       []int        `json:"years"`
}

// MetaData describes the plan as a document and where it comes from.
type MetaData struct {
	Title      string `json:"title"`
	ShortTitle string `json:"short_title"`
	Attachment string `json:"attachment"`
	Issuer     string `json:"issuer"`
	Number     string `json:"number"` // 文号
	Date       string `json:"date"`
	Updated    string `json:"updated"`
	SourceURL  string `json:"source_url"`
	SourceName string `json:"source_name"`
	StartYear  int    `json:"start_year"`
	EndYear    int    `json:"end_year"`
	SiteURL    string `json:"site_url"`
	TableURL   string `json:"table_url"`
}

// ColumnData is a column of the table as its heading names it, and what
// plansite reads it as: the key of site.toml's [columns] (measures, lead
// …), or "" for a column it does not read, whose cells are each task's
// other_cells under the same heading.
type ColumnData struct {
	Heading string `json:"heading"`
	Group   string `json:"group"` // the heading over it in a heading of two rows, else ""
	Key     string `json:"key"`
}

// columnsData lists the table's columns in its order.
func columnsData(cols []plan.Column) []ColumnData {
	out := make([]ColumnData, len(cols))
	for i, c := range cols {
		out[i] = ColumnData{Heading: c.Heading, Group: c.Group, Key: string(c.Std)}
	}
	return out
}

// AreaData is an action area (the area column).
type AreaData struct {
	Ordinal int      `json:"ordinal"`
	Label   string   `json:"label"`
	Name    string   `json:"name"`
	URL     string   `json:"url"`
	Tasks   []string `json:"tasks"`
}

// TaskData is one row of the table, parsed.
type TaskData struct {
	ID         string          `json:"id"`
	URL        string          `json:"url"`
	Area       *int            `json:"area"`
	Title      string          `json:"title"`
	Measures   string          `json:"measures"`
	Sentences  []SentenceData  `json:"sentences"`
	Timeline   string          `json:"timeline"`
	Milestones []MilestoneData `json:"milestones"`
	LeadText   string          `json:"lead_text"`
	CoopText   string          `json:"coop_text"`
	Lead       []string        `json:"lead"`
	Coop       []string        `json:"coop"`
	LeadNote   string          `json:"lead_note"`
	CoopNote   string          `json:"coop_note"`
	UnitNotes  []UnitNoteData  `json:"unit_notes"`
	Items      []ItemData      `json:"items"`
	OtherCells []OtherCellData `json:"other_cells"`
}

// OtherCellData is a cell of a column plansite does not read (备注,
// 牵头领导 …), under the table's heading of it.
type OtherCellData struct {
	Heading string `json:"heading"`
	Group   string `json:"group"` // the heading over it in a heading of two rows, else ""
	Text    string `json:"text"`
}

// ItemData is a sub-item of a task: a row of the table with an empty number
// (column.ID) right below the task's own, its cells as written.
type ItemData struct {
	Measures      string          `json:"measures"`
	Timeline      string          `json:"timeline"`
	LeadText      string          `json:"lead_text"`
	CoopText      string          `json:"coop_text"`
	FirstSentence int             `json:"first_sentence"`
	OtherCells    []OtherCellData `json:"other_cells"`
}

// UnitNoteData is what the table says in brackets after one unit's name in
// the task, such as 牵头.
type UnitNoteData struct {
	Slug string `json:"slug"`
	Note string `json:"note"`
}

// SentenceData is one sentence of the measures and its anchor on the task page.
type SentenceData struct {
	Anchor string `json:"anchor"`
	URL    string `json:"url"`
	Text   string `json:"text"`
}

// MilestoneData is one clause of the timeline. A clause whose date cannot be read
// has the kind "unread" and null dates.
type MilestoneData struct {
	Kind     string  `json:"kind"`
	From     *int    `json:"from"`
	To       *int    `json:"to"`
	Start    *string `json:"start"`
	End      *string `json:"end"`
	Day      *int    `json:"day"`
	Recurs   string  `json:"recurs"`
	Yearless bool    `json:"yearless"`
	When     string  `json:"when"`
	Text     string  `json:"text"`
	Clause   string  `json:"clause"`
}

func milestoneData(m plan.Milestone) MilestoneData {
	d := MilestoneData{Kind: string(m.DateKind), Recurs: m.Recurs, Yearless: m.Yearless, When: m.When, Text: m.Text, Clause: m.Clause}
	if m.Dated() {
		from, to, start, end := m.From, m.To, m.Start.String(), m.End.String()
		d.From, d.To, d.Start, d.End = &from, &to, &start, &end
	}
	if m.Day > 0 {
		day := m.Day
		d.Day = &day
	}
	return d
}

// DeptData is a responsible department.
type DeptData struct {
	Slug    string   `json:"slug"`
	Name    string   `json:"name"`
	English string   `json:"english"`
	Aliases []string `json:"aliases"`
	Kind    string   `json:"kind"`
	Listed  bool     `json:"listed"`
	URL     string   `json:"url"`
	Lead    []string `json:"lead"`
	Coop    []string `json:"coop"`
}

// kindCode is the ASCII code of a department kind in the JSON, so that
// programs need not compare Chinese strings.
func kindCode(k plan.DeptKind) string {
	switch k {
	case plan.Municipal:
		return "municipal"
	case plan.District:
		return "district"
	case plan.Government:
		return "government"
	case plan.Collective:
		return "collective"
	case plan.Other:
		return "other"
	}
	return ""
}

// Input is what the open data is made from: the plan, its configuration,
// the absolute address the site is published at (ending in /), and the
// table as read, which Table writes as UTF-8 CSV.
type Input struct {
	Plan    *plan.Plan
	Config  config.Config
	BaseURL string
	Table   func(io.Writer) error
	// Progress is the progress file's updates and ProgressTable writes
	// the file as read; both nil for a site without one.
	Progress      *progress.Log
	ProgressTable func(io.Writer) error
}

// planData converts the plan into its published form, without its tasks,
// which WritePlanJSON writes one at a time.
func planData(s Input) PlanData {
	p, c := s.Plan, s.Config
	d := PlanData{
		Format: DataFormat, Version: DataVersion, Columns: columnsData(p.Columns),
		Plan: MetaData{Title: c.Title, ShortTitle: c.ShortTitle, Attachment: c.Attachment, Issuer: c.Issuer,
			Number: c.Number, Date: c.Date, Updated: c.Updated, SourceURL: c.SourceURL, SourceName: c.SourceName,
			StartYear: p.Meta.StartYear, EndYear: p.Meta.EndYear, SiteURL: s.BaseURL, TableURL: s.BaseURL + sitepath.TableCSV},
		Areas:       make([]AreaData, 0, len(p.Areas)),
		Departments: make([]DeptData, 0, len(p.Departments)),
		Years:       append([]int{}, p.Years...),
	}
	for _, a := range p.Areas {
		d.Areas = append(d.Areas, AreaData{Ordinal: a.Ordinal, Label: a.Label, Name: a.Name,
			URL: s.BaseURL + sitepath.Area(a), Tasks: taskIDs(a.Tasks)})
	}
	for _, dep := range p.Departments {
		d.Departments = append(d.Departments, DeptData{Slug: dep.Slug, Name: dep.Name, English: dep.English,
			Aliases: append([]string{}, dep.Aliases...), Kind: kindCode(dep.Kind), Listed: dep.Known,
			URL: s.BaseURL + sitepath.Dept(dep), Lead: taskIDs(dep.Lead), Coop: taskIDs(dep.Coop)})
	}
	return d
}

// taskData converts one task of the site s.
func taskData(s Input, t *plan.Task) TaskData {
	url := s.BaseURL + sitepath.Task(t)
	td := TaskData{ID: t.ID, URL: url, Title: t.Title, Measures: t.Measures, Timeline: t.Timeline,
		LeadText: t.LeadText, CoopText: t.CoopText, LeadNote: t.LeadNote, CoopNote: t.CoopNote,
		Sentences:  make([]SentenceData, len(t.Sentences)),
		Milestones: make([]MilestoneData, len(t.Milestones)),
		Lead:       slugs(t.Lead), Coop: slugs(t.Coop)}
	if t.Area != nil {
		ord := t.Area.Ordinal
		td.Area = &ord
	}
	for i, sen := range t.Sentences {
		a := sitepath.SentenceAnchor(i)
		td.Sentences[i] = SentenceData{Anchor: a, URL: url + "#" + a, Text: sen}
	}
	for i, m := range t.Milestones {
		td.Milestones[i] = milestoneData(m)
	}
	td.Items = []ItemData{}
	for _, it := range t.Items {
		td.Items = append(td.Items, ItemData{Measures: it.Measures, Timeline: it.Timeline,
			LeadText: it.Row.Cell(column.Lead).Text, CoopText: it.Row.Cell(column.Coop).Text, FirstSentence: it.First,
			OtherCells: otherCells(s.Plan.Columns, it.Row)})
	}
	if len(t.Rows) > 0 {
		td.OtherCells = otherCells(s.Plan.Columns, t.Rows[0])
	} else {
		td.OtherCells = []OtherCellData{}
	}
	td.UnitNotes = []UnitNoteData{}
	for _, n := range t.UnitNotes {
		td.UnitNotes = append(td.UnitNotes, UnitNoteData{Slug: n.Dept.Slug, Note: n.Note})
	}
	return td
}

// otherCells are a row's cells in the columns plansite does not read, each
// under its heading.
func otherCells(cols []plan.Column, r plan.Row) []OtherCellData {
	out := []OtherCellData{}
	cells := r.Cells(cols)
	for i, c := range cols {
		if c.Std == column.None {
			out = append(out, OtherCellData{Heading: c.Heading, Group: c.Group, Text: cells[i].Text})
		}
	}
	return out
}

func taskIDs(ts []*plan.Task) []string {
	ids := make([]string, len(ts))
	for i, t := range ts {
		ids[i] = t.ID
	}
	return ids
}

func slugs(ds []*plan.Department) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Slug
	}
	return out
}

var bom = []byte("\ufeff")

// Files lists the site-wide open data files made from the table: the
// table itself and plan.json (its schema is Schema), each written by
// its Write function when a build gets to it.
// They are streamed rather than made whole: for a table of 100,000 tasks
// plan.json alone is 165 MB, and its parts would be several times that.
// Each task's JSON is made by TaskJSON, so that a build can make it when it
// has a core free and write it at once rather than hold thousands of them.
//
// What they write is already minified: compact JSON, and the table as it
// is, so the build writes it as it comes.
func Files(s Input) []StreamFile {
	fs := []StreamFile{
		{sitepath.TableCSV, func(w io.Writer) error { return writeTableCSV(w, s) }},
		{sitepath.PlanJSON, func(w io.Writer) error { return writePlanJSON(w, s) }},
	}
	if s.Progress != nil {
		fs = append(fs, StreamFile{sitepath.ProgressCSV, func(w io.Writer) error { return writeProgressCSV(w, s) }})
	}
	return fs
}

// StreamFile is a generated file written as it is made.
type StreamFile struct {
	Path  string
	Write func(io.Writer) error
}

// writeTableCSV writes /data/tasks.csv: the table as read (s.Table, which
// is load.WriteTableCSV for a loaded site), behind a UTF-8 byte order mark,
// which Excel and WPS need to read the file as UTF-8 rather than as the
// Windows code page.
func writeTableCSV(w io.Writer, s Input) error {
	if s.Table == nil {
		return fmt.Errorf("%s: no task table to publish", sitepath.TableCSV)
	}
	if _, err := w.Write(bom); err != nil {
		return err
	}
	return s.Table(w)
}

// writePlanJSON writes /data/plan.json, the same bytes as jsonenc.Marshal
// of the whole PlanData, but a task at a time: what comes
// before the tasks, each task, then what comes after them.
func writePlanJSON(w io.Writer, s Input) error {
	d := planData(s)
	head, err := jsonenc.Marshal(struct {
		Format   string       `json:"format"`
		Version  int          `json:"version"`
		Plan     MetaData     `json:"plan"`
		Columns  []ColumnData `json:"columns"`
		Statuses []StatusData `json:"statuses,omitempty"` // with progress only
		Areas    []AreaData   `json:"areas"`
	}{d.Format, d.Version, d.Plan, d.Columns, statusesData(s.Progress), d.Areas})
	if err != nil {
		return err
	}
	tail, err := jsonenc.Marshal(struct {
		Departments []DeptData `json:"departments"`
		Years       []int      `json:"years"`
	}{d.Departments, d.Years})
	if err != nil {
		return err
	}
	// {head} and {tail} become {head,"tasks":[…],tail}.
	head = append(head[:len(head)-1], `,"tasks":[`...)
	tail = append([]byte("],"), tail[1:]...)
	if _, err := w.Write(head); err != nil {
		return err
	}
	for i, t := range s.Plan.Tasks {
		b, err := TaskProgressJSON(s, t)
		if err != nil {
			return fmt.Errorf("%s, task %s: %v", sitepath.PlanJSON, t.ID, err)
		}
		if i > 0 {
			b = append([]byte{','}, b...)
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	_, err = w.Write(tail)
	return err
}

// TaskJSON makes the file at sitepath.TaskJSON(t): the task of the site s
// as plan.json has it, compact, with no final newline, which is what
// minifying it would give.
func TaskJSON(s Input, t *plan.Task) ([]byte, error) {
	return jsonenc.Marshal(taskData(s, t))
}
