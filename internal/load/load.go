// Package load reads a site's content folder (site.toml, tasks.csv,
// departments.csv and Markdown pages) from an fs.FS into the plan model.
// Every problem is reported with the file, line and column it comes from.
package load

import (
	"encoding/csv"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"plansite/internal/config"
	"plansite/internal/markdown"
	"plansite/internal/plan"
)

// Page is a Markdown page of the content folder.
type Page struct {
	File string // content/about.md
	Path string // about/
	markdown.FrontMatter
	Body []byte // Markdown, front matter removed
}

// Content is a whole content folder, read.
type Content struct {
	Config config.Config
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
	cfg, err := config.ReadConfig(fsys, prefix)
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
	if err != nil {
		return nil, warns, tables.Locate(err)
	}
	c := &Content{Config: cfg, Plan: p, Rows: tables.Rows}
	if c.Pages, err = pages(fsys, prefix); err != nil {
		return nil, nil, err
	}
	return c, warns, nil
}

// Tasks reads a task table into rows, each field with its position.
func Tasks(file string, data []byte, cols config.Columns) ([]plan.Row, error) {
	t, err := readTable(file, data, taskColumns, renames(cols))
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
			return config.ReadError(path.Join(prefix, p), "", err)
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
			return config.ReadError(file, "", err)
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
