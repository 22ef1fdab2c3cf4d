package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"plansite/internal/plan"
)

// The open data of the site: the table as published (/data/tasks.csv), the
// parsed plan (/data/plan.json, described by /data/plan.schema.json) and one
// JSON file per task (/tasks/7/index.json). The JSON types below are the
// published format: a field renamed here breaks every reader of the data, so
// they change only together with plan.schema.json and its version.

// Site paths of the data files.
const (
	DataPath       = "data/"
	TableCSVPath   = "data/tasks.csv"
	PlanJSONPath   = "data/plan.json"
	PlanSchemaPath = "data/plan.schema.json"
)

// DataFormat and DataVersion identify the JSON format; DataVersion goes up
// when a field changes meaning or disappears.
const (
	DataFormat  = "plansite-plan"
	DataVersion = 1
)

// TaskJSONPath is the site path of a task's own JSON file.
func TaskJSONPath(t *plan.Task) string { return TaskPath(t) + "index.json" }

// PlanData is /data/plan.json.
type PlanData struct {
	Format      string     `json:"format"`
	Version     int        `json:"version"`
	Plan        MetaData   `json:"plan"`
	Areas       []AreaData `json:"areas"`
	Tasks       []TaskData `json:"tasks"`
	Departments []DeptData `json:"departments"`
	Years       []int      `json:"years"`
}

// MetaData describes the plan as a document and where it comes from.
type MetaData struct {
	Title      string `json:"title"`
	ShortTitle string `json:"short_title"`
	Attachment string `json:"attachment"`
	Issuer     string `json:"issuer"`
	Date       string `json:"date"`
	Updated    string `json:"updated"`
	SourceURL  string `json:"source_url"`
	SourceName string `json:"source_name"`
	StartYear  int    `json:"start_year"`
	EndYear    int    `json:"end_year"`
	SiteURL    string `json:"site_url"`
	TableURL   string `json:"table_url"`
}

// AreaData is an action area (重点任务).
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
}

// SentenceData is one sentence of 主要措施 and its anchor on the task page.
type SentenceData struct {
	Anchor string `json:"anchor"`
	URL    string `json:"url"`
	Text   string `json:"text"`
}

// MilestoneData is one clause of 时间节点.
type MilestoneData struct {
	From   int    `json:"from"`
	To     int    `json:"to"`
	When   string `json:"when"`
	Text   string `json:"text"`
	Clause string `json:"clause"`
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

// KindCodes are the ASCII codes of the department kinds in the JSON, so that
// programs need not compare Chinese strings.
var KindCodes = map[plan.Kind]string{plan.Municipal: "municipal", plan.District: "district", plan.Collective: "collective"}

// NewPlanData converts the plan into its published form.
func NewPlanData(s *Site) PlanData {
	p, c := s.Plan, s.Config
	d := PlanData{
		Format: DataFormat, Version: DataVersion,
		Plan: MetaData{Title: c.Title, ShortTitle: c.ShortTitle, Attachment: c.Attachment, Issuer: c.Issuer,
			Date: c.Date, Updated: c.Updated, SourceURL: c.SourceURL, SourceName: c.SourceName,
			StartYear: c.StartYear, EndYear: c.EndYear, SiteURL: s.BaseURL, TableURL: s.BaseURL + TableCSVPath},
		Areas:       make([]AreaData, 0, len(p.Areas)),
		Tasks:       make([]TaskData, 0, len(p.Tasks)),
		Departments: make([]DeptData, 0, len(p.Departments)),
		Years:       append([]int{}, p.Years...),
	}
	for _, a := range p.Areas {
		d.Areas = append(d.Areas, AreaData{Ordinal: a.Ordinal, Label: a.Label, Name: a.Name,
			URL: s.BaseURL + AreaPath(a), Tasks: taskIDs(a.Tasks)})
	}
	for _, t := range p.Tasks {
		d.Tasks = append(d.Tasks, NewTaskData(s, t))
	}
	for _, dep := range p.Departments {
		d.Departments = append(d.Departments, DeptData{Slug: dep.Slug, Name: dep.Name, English: dep.English,
			Aliases: append([]string{}, dep.Aliases...), Kind: KindCodes[dep.Kind], Listed: dep.Known,
			URL: s.BaseURL + DeptPath(dep), Lead: taskIDs(dep.Lead), Coop: taskIDs(dep.Coop)})
	}
	return d
}

// NewTaskData converts one task.
func NewTaskData(s *Site, t *plan.Task) TaskData {
	url := s.BaseURL + TaskPath(t)
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
		a := SentenceAnchor(i)
		td.Sentences[i] = SentenceData{Anchor: a, URL: url + "#" + a, Text: sen}
	}
	for i, m := range t.Milestones {
		td.Milestones[i] = MilestoneData{From: m.From, To: m.To, When: m.When, Text: m.Text, Clause: m.Clause}
	}
	return td
}

// SentenceAnchor is the id of the i-th (from 0) sentence on a task page.
func SentenceAnchor(i int) string { return fmt.Sprintf("m%d", i+1) }

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

// MarshalData encodes v as JSON, leaving <, > and & as they are: the
// official text contains no markup, and readers should see its characters.
func MarshalData(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

var bom = []byte("\ufeff")

// TableCSV is the task table as published: the table as read (load.TableCSV:
// for content/tasks.csv made by plansite import, its bytes), behind a UTF-8
// byte order mark, which Excel and WPS need to read the file as UTF-8 rather
// than as the Windows code page.
func TableCSV(raw []byte) ([]byte, error) {
	raw = bytes.TrimPrefix(raw, bom)
	if !utf8.Valid(raw) {
		return nil, fmt.Errorf("%s: the table is not UTF-8, so it cannot be republished as it is", TableCSVPath)
	}
	return append(append([]byte{}, bom...), raw...), nil
}

// DataFiles makes the site-wide open data files: the table, plan.json and
// its schema. Each task's JSON is made by TaskJSON, so that a build can make
// it when it has a core free and write it at once rather than hold
// thousands of them.
func DataFiles(s *Site) ([]DataFile, error) {
	var raw []byte
	if s.Table != nil {
		raw = s.Table()
	}
	if len(raw) == 0 {
		return nil, fmt.Errorf("%s: no task table to publish", TableCSVPath)
	}
	table, err := TableCSV(raw)
	if err != nil {
		return nil, err
	}
	planJSON, err := MarshalData(NewPlanData(s))
	if err != nil {
		return nil, err
	}
	return []DataFile{
		{TableCSVPath, table},
		{PlanJSONPath, planJSON},
		{PlanSchemaPath, PlanSchema()},
	}, nil
}

// TaskJSON makes the file at TaskJSONPath(t): the task as plan.json has it.
func TaskJSON(s *Site, t *plan.Task) ([]byte, error) { return MarshalData(NewTaskData(s, t)) }

// DataFile is a generated file that is not a page.
type DataFile struct {
	Path string
	Data []byte
}
