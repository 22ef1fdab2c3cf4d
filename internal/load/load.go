// Package load reads a site's content folder (site.toml, tasks.csv,
// departments.csv and Markdown pages) from an fs.FS into the plan model.
// Every problem is reported with the file, line and column it comes from.
package load

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"plansite/internal/markdown"
	"plansite/internal/plan"
)

// Config is content/site.toml.
type Config struct {
	Title      string  `toml:"title"`
	ShortTitle string  `toml:"short_title"`
	SiteName   string  `toml:"site_name"`
	Attachment string  `toml:"attachment"`
	Issuer     string  `toml:"issuer"`
	Date       string  `toml:"date"`
	Updated    string  `toml:"updated"`
	SourceURL  string  `toml:"source_url"`
	SourceName string  `toml:"source_name"`
	StartYear  int     `toml:"start_year"`
	EndYear    int     `toml:"end_year"`
	BaseURL    string  `toml:"base_url"`
	Language   string  `toml:"language"`
	Encoding   string  `toml:"encoding"` // of the CSV files: auto (default), utf-8 or gb18030
	Table      string  `toml:"table"`    // the task table: tasks.csv or tasks.xlsx (default: whichever exists)
	Columns    Columns `toml:"columns"`
	// Searches the site suggests (the first also in every search box); by
	// default, names the table itself gives.
	SearchExamples []string `toml:"search_examples"`
}

// Columns names the table's columns when they differ from the defaults
// (序号, 重点任务, 标题, 主要措施, 时间节点, 牵头部门, 配合部门).
type Columns struct {
	ID       string `toml:"id"`
	Area     string `toml:"area"`
	Title    string `toml:"title"`
	Measures string `toml:"measures"`
	Timeline string `toml:"timeline"`
	Lead     string `toml:"lead"`
	Coop     string `toml:"coop"`
}

// synonyms are the names other plans' tables give to the standard columns.
var synonyms = map[string]string{
	"编号": "序号", "任务编号": "序号",
	"重点领域": "重点任务", "行动": "重点任务", "专项行动": "重点任务",
	"工作任务": "主要措施", "重点工作": "主要措施", "工作措施": "主要措施", "具体措施": "主要措施", "任务内容": "主要措施",
	"完成时限": "时间节点", "时间安排": "时间节点", "完成时间": "时间节点", "时间进度": "时间节点",
	"牵头单位": "牵头部门", "责任单位": "配合部门", "配合单位": "配合部门", "参与单位": "配合部门", "协同单位": "配合部门",
}

func (c Columns) renames() map[string]string {
	m := make(map[string]string, len(synonyms)+7)
	for k, v := range synonyms {
		m[k] = v
	}
	for canonical, given := range map[string]string{"序号": c.ID, "重点任务": c.Area, "标题": c.Title, "主要措施": c.Measures, "时间节点": c.Timeline, "牵头部门": c.Lead, "配合部门": c.Coop} {
		if given != "" {
			m[given] = canonical
		}
	}
	return m
}

// Page is a Markdown page of the content folder.
type Page struct {
	File string // content/about.md
	Path string // about/
	markdown.FrontMatter
	Body []byte // Markdown, front matter removed
}

// Content is a whole content folder, read.
type Content struct {
	Config Config
	Plan   *plan.Plan
	Pages  []Page
	// Rows are the task table's rows as read, for Table.
	Rows []plan.Row
}

// WriteTable writes the task table as UTF-8 CSV (WriteTableCSV) to w:
// /data/tasks.csv republishes it, byte for byte the content's tasks.csv when
// that is standard UTF-8 CSV, so readers can check it against the official
// table. It is written when asked for, since a preview may never need it,
// and streamed, since a large table's is tens of megabytes.
func (c *Content) WriteTable(w io.Writer) error { return WriteTableCSV(w, c.Rows) }

// Reserved are the first path segments the generator's own pages use.
var Reserved = map[string]bool{"tasks": true, "areas": true, "departments": true, "years": true, "data": true,
	"search": true, "static": true, "plan": true, "feed": true, "404": true, "sitemap": true, "robots": true}

// Site reads the content folder fsys. prefix is how its files are named in
// messages, such as "content".
func Site(fsys fs.FS, prefix string) (*Content, []plan.Warning, error) {
	cfg, err := ReadConfig(fsys, prefix)
	if err != nil {
		return nil, nil, err
	}
	tables, err := ReadTables(fsys, prefix, cfg)
	if err != nil {
		return nil, nil, err
	}
	p, warns, err := plan.Build(tables.Input(cfg))
	for i := range warns {
		tables.Locate(&warns[i])
	}
	warns = append(warns, citationGaps(cfg, path.Join(prefix, "site.toml"))...)
	if err != nil {
		return nil, warns, tables.Locate(err)
	}
	c := &Content{Config: cfg, Plan: p, Rows: tables.Rows}
	if c.Pages, err = pages(fsys, prefix); err != nil {
		return nil, nil, err
	}
	return c, warns, nil
}

// ReadConfig reads and checks site.toml.
func ReadConfig(fsys fs.FS, prefix string) (Config, error) {
	file := path.Join(prefix, "site.toml")
	data, err := fs.ReadFile(fsys, "site.toml")
	if err != nil {
		return Config{}, readError(file, "cannot read the site configuration: ", err)
	}
	return parseConfig(file, data)
}

func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func parseConfig(file string, data []byte) (Config, error) {
	var cfg Config
	src := strings.TrimPrefix(string(data), "\ufeff")
	md, err := markdown.DecodeTOML(src, &cfg)
	if err != nil {
		line, col, msg := markdown.TOMLErrorPos(src, err)
		return cfg, &plan.Error{File: file, Line: line, Col: col, Msg: msg}
	}
	fail := func(key, format string, args ...any) error {
		line, col := markdown.KeyPos(src, strings.Split(key, "."))
		return &plan.Error{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
	}
	if und := md.Undecoded(); len(und) > 0 {
		return cfg, fail(und[0].String(), "unknown setting %q; the settings are documented in README.md", und[0].String())
	}
	switch {
	case plan.TrimSpace(cfg.Title) == "":
		return cfg, fail("title", "title is missing")
	case cfg.StartYear != 0 && (cfg.StartYear < 1900 || cfg.StartYear > 2200):
		return cfg, fail("start_year", "start_year %d is not a year between 1900 and 2200", cfg.StartYear)
	case cfg.EndYear != 0 && (cfg.EndYear < 1900 || cfg.EndYear > 2200):
		return cfg, fail("end_year", "end_year %d is not a year between 1900 and 2200", cfg.EndYear)
	case cfg.StartYear != 0 && cfg.EndYear != 0 && cfg.EndYear < cfg.StartYear:
		return cfg, fail("end_year", "end_year %d is before start_year %d", cfg.EndYear, cfg.StartYear)
	}
	if err := checkSettings(&cfg, fail); err != nil {
		return cfg, err
	}
	if cfg.ShortTitle == "" {
		cfg.ShortTitle = cfg.Title
	}
	if cfg.SiteName == "" {
		cfg.SiteName = cfg.ShortTitle
	}
	if cfg.Language == "" {
		cfg.Language = "zh-CN"
	}
	return cfg, nil
}

// Tasks reads a task table into rows, each field with its position.
func Tasks(file string, data []byte, cols Columns) ([]plan.Row, error) {
	t, err := readTable(file, data, taskColumns, cols.renames())
	if err != nil {
		return nil, err
	}
	return t.taskRows()
}

// WriteTableCSV writes the task table back out as UTF-8 CSV, whatever form it
// was read in (GB18030, BOM, CRLF, a workbook): the columns it has, under
// their standard names and in the standard order, each cell exactly as read.
// For a table that is already standard UTF-8 CSV, as content/tasks.csv
// made by plansite import is, that is the file byte for byte.
func WriteTableCSV(w io.Writer, rows []plan.Row) error {
	if len(rows) == 0 {
		return nil
	}
	cells := func(r plan.Row) []plan.Cell {
		return []plan.Cell{r.ID, r.Area, r.Title, r.Measures, r.Timeline, r.Lead, r.Coop}
	}
	names := []string{"序号", "重点任务", "标题", "主要措施", "时间节点", "牵头部门", "配合部门"}
	var keep []int
	for i, c := range cells(rows[0]) {
		if c.Line > 0 { // a column the table does not have has no position
			keep = append(keep, i)
		}
	}
	cw := csv.NewWriter(w)
	rec := make([]string, len(keep))
	for j, i := range keep {
		rec[j] = names[i]
	}
	cw.Write(rec)
	for _, r := range rows {
		cs := cells(r)
		for j, i := range keep {
			rec[j] = cs[i].Text
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// taskRows maps a task table's rows onto taskRecord with gocsv, then gives
// each field with its position.
func (t *table) taskRows() ([]plan.Row, error) {
	var recs []taskRecord
	if err := t.decode(&recs); err != nil {
		return nil, &plan.Error{File: t.file, Msg: err.Error()}
	}
	rows := make([]plan.Row, len(recs))
	for i := range recs {
		rows[i] = plan.Row{
			ID: t.cell(i, "序号"), Area: t.cell(i, "重点任务"), Title: t.cell(i, "标题"),
			Measures: t.cell(i, "主要措施"), Timeline: t.cell(i, "时间节点"),
			Lead: t.cell(i, "牵头部门"), Coop: t.cell(i, "配合部门"),
		}
	}
	return rows, nil
}

func departments(file string, data []byte) ([]plan.DepartmentEntry, error) {
	t, err := readTable(file, data, departmentColumns, nil)
	if err != nil {
		return nil, err
	}
	var recs []departmentRecord
	if err := t.decode(&recs); err != nil {
		return nil, &plan.Error{File: file, Msg: err.Error()}
	}
	out := make([]plan.DepartmentEntry, len(recs))
	for i, r := range recs {
		e := plan.DepartmentEntry{Name: r.Name, Slug: plan.TrimSpace(r.Slug), English: r.English, Line: t.pos[i][0].Line,
			NameCol: t.cell(i, "名称").Col, SlugCol: t.cell(i, "slug").Col, AliasesCol: t.cell(i, "别名").Col}
		for _, a := range strings.Split(r.Aliases, "|") {
			if a = plan.TrimSpace(a); a != "" {
				e.Aliases = append(e.Aliases, a)
			}
		}
		switch k := plan.Kind(plan.TrimSpace(r.Kind)); k {
		case "", plan.Municipal, plan.District, plan.Collective:
			e.Kind = k
		default:
			c := t.cell(i, "类别")
			return nil, &plan.Error{File: file, Line: c.Line, Col: c.Col, Msg: fmt.Sprintf("类别 %s is not one of %s, %s, %s", plan.QuoteCell(r.Kind), plan.Municipal, plan.District, plan.Collective)}
		}
		out[i] = e
	}
	return out, nil
}

// pages reads every Markdown file of the content folder.
func pages(fsys fs.FS, prefix string) ([]Page, error) {
	var out []Page
	byPath := map[string]string{} // address → file, so two files never share one
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return readError(path.Join(prefix, p), "", err)
		}
		if d.IsDir() || path.Ext(p) != ".md" {
			return nil
		}
		file := path.Join(prefix, p)
		urlPath := strings.TrimSuffix(p, ".md")
		if base := path.Base(urlPath); base == "index" || base == "_index" {
			urlPath = path.Dir(urlPath)
		}
		if urlPath == "." {
			return &plan.Error{File: file, Msg: "this page would take the address of the home page /, which the generator makes; rename the file"}
		}
		segs := strings.Split(urlPath, "/")
		for _, s := range segs {
			if !plan.ValidSlug(s) {
				return &plan.Error{File: file, Msg: fmt.Sprintf("the file name gives the address %s, but %q is not lowercase ASCII letters and digits joined by hyphens", plan.FileName("/"+urlPath+"/"), s)}
			}
		}
		if Reserved[segs[0]] {
			return &plan.Error{File: file, Msg: fmt.Sprintf("/%s/ is an address the generator uses; rename the file", segs[0])}
		}
		if other, dup := byPath[urlPath]; dup {
			return &plan.Error{File: file, Msg: fmt.Sprintf("this page has the address /%s/, like %s; rename one of them", urlPath, plan.FileName(other))}
		}
		byPath[urlPath] = file
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			return readError(file, "", err)
		}
		fm, body, err := markdown.Split(file, src)
		if err != nil {
			return err
		}
		if fm.Title == "" {
			return &plan.Error{File: file, Line: 1, Msg: "front matter has no title"}
		}
		out = append(out, Page{File: file, Path: urlPath + "/", FrontMatter: fm, Body: body})
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, err
}

// citationGaps warns about the site.toml keys a complete reference to a task
// needs (GB/T 7714: the issuing body and the issue date): without them the
// citations and footers leave those parts out.
func citationGaps(cfg Config, file string) []plan.Warning {
	var warns []plan.Warning
	for _, k := range []struct{ key, value, what string }{
		{"issuer", cfg.Issuer, "the issuing body (主要责任者)"},
		{"date", cfg.Date, "the issue date"},
	} {
		if k.value == "" {
			warns = append(warns, plan.Warning{File: file,
				Msg: fmt.Sprintf("%s is not set: citations and footers leave out %s; set %s for a complete reference", k.key, k.what, k.key)})
		}
	}
	return warns
}
