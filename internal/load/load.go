// Package load reads a site's content folder from an fs.FS into the plan
// model: site.toml (with package config), the task table (tasks.csv or
// tasks.xlsx), departments.csv and the Markdown pages. A CSV file and a
// worksheet are decoded alike (records), each header matched against the
// columns of package column and each row's cells placed by column. Every
// problem is reported with the file, line and column it comes from.
package load

import (
	"encoding/csv"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"plansite/internal/column"
	"plansite/internal/config"
	"plansite/internal/inputfs"
	"plansite/internal/markdown"
	"plansite/internal/plan"
	"plansite/internal/problem"
	"plansite/internal/progress"
	"plansite/internal/sitepath"
)

// Content is a whole content folder, read.
type Content struct {
	Config config.Config
	Plan   *plan.Plan
	Pages  []markdown.Page
	// TasksFile is the task table, as named in messages.
	TasksFile string
	// Rows are the task table's rows as read, for Table.
	Rows []plan.Row
	// Progress is the progress file's updates, nil when there is none;
	// ProgressRows its rows as read, for /data/progress.csv.
	Progress     *progress.Log
	ProgressRows []progress.Row
}

// WriteTable writes the task table as UTF-8 CSV (WriteTableCSV) to w:
// /data/tasks.csv republishes it, byte for byte the content's tasks.csv when
// that is standard UTF-8 CSV, so readers can check it against the official
// table. It is written when asked for, since a preview may never need it,
// and streamed, since a large table's is tens of megabytes.
func (c *Content) WriteTable(w io.Writer) error { return WriteTableCSV(w, c.Rows, c.Plan.Columns) }

// Read reads the content folder fsys. prefix is how its files are named in
// messages, such as "content".
func Read(fsys fs.FS, prefix string) (*Content, []problem.Problem, error) {
	return read(fsys, prefix, nil, nil)
}

// ReadAgain reads the content folder as Read does, taking the records and
// cells that are as they were from memo, which keeps this read's for the
// next (Memo): a preview server's rebuild after a save.
func ReadAgain(fsys fs.FS, prefix string, memo *Memo) (*Content, []problem.Problem, error) {
	return read(fsys, prefix, nil, memo)
}

// read reads the content folder, its units resolved against dir when it is
// not nil (a plan of a portal) and else against its own departments.csv.
func read(fsys fs.FS, prefix string, dir *Directory, memo *Memo) (*Content, []problem.Problem, error) {
	// Every file is read even when one before it is wrong, so that one run
	// of check reports the problems of them all: a bad date in site.toml
	// does not hide a repeated 序号.
	var errs problem.List
	fail := func(err error) { errs = append(errs, problem.Of(err)...) }
	cfg, err := config.ReadConfig(fsys, prefix)
	if err != nil {
		fail(err)
		cfg = config.Usable(cfg)
	}
	var warns []problem.Problem
	c := &Content{Config: cfg}
	tables, err := readTables(fsys, prefix, cfg, memo)
	if err != nil {
		fail(err)
	}
	if tables != nil && tables.TasksFile != "" {
		if dir != nil {
			tables.Departments, tables.DepartmentsFile, tables.NoDepartmentsFile = dir.Entries, dir.File, len(dir.Entries) == 0
		}
		in := tables.Input(cfg)
		if memo != nil {
			in.Memo = memo.cells
		}
		p, pwarns, err := plan.FromRows(in)
		for i := range pwarns {
			tables.Locate(&pwarns[i])
		}
		warns = append(append(warns, tables.Warnings...), pwarns...)
		if err != nil {
			fail(tables.Locate(err))
		}
		c.Plan, c.Rows, c.TasksFile = p, tables.Rows, tables.TasksFile
	}
	warns = append(append(warns, cfg.Warnings...), citationGaps(cfg, path.Join(prefix, "site.toml"))...)
	if c.Plan != nil {
		// The progress file names tasks: it is checked against a plan.
		var pwarns []problem.Problem
		if c.Progress, c.ProgressRows, pwarns, err = readProgress(fsys, prefix, cfg, c.Plan); err != nil {
			fail(err)
		}
		warns = append(warns, pwarns...)
	}
	var mdWarns []problem.Problem
	if c.Pages, mdWarns, err = pages(fsys, prefix, nil); err != nil {
		fail(err)
	}
	warns = append(warns, mdWarns...)
	for _, pg := range c.Pages {
		// /progress/ is the generator's only when the site has progress.
		if c.Progress != nil && strings.HasPrefix(pg.Path, sitepath.Progress) {
			fail(&problem.Problem{File: pg.File, Msg: "/progress/ is an address the generator uses for the progress file's overview; rename the file"})
		}
	}
	if len(errs) > 0 {
		return nil, warns, errs
	}
	return c, warns, nil
}

// taskCSV reads a task table of CSV bytes (UTF-8, with or without a byte
// order mark) into rows, each field with its position.
func taskCSV(file string, data []byte, cols config.Columns) (*TaskTable, error) {
	src, err := newCSVSource(file, data)
	if err != nil {
		return nil, err
	}
	return taskRows(file, src, cols)
}

// taskText is taskCSV of text that decodeText has returned. With a memo,
// the records that are as they were are taken from the read before
// (again.go), and this read's kept for the next.
func taskText(file string, text []byte, cols config.Columns, memo *Memo) (*TaskTable, error) {
	if memo == nil {
		return taskRows(file, textSource(file, text, splitMin), cols)
	}
	var src rowSource
	var kept func() *tableMemo // this read's records, once read
	if a := newAgainSource(file, text, memo.table); a != nil {
		src, kept = a, func() *tableMemo { return &tableMemo{file: file, text: text, lines: a.lines, recs: a.recs} }
	} else {
		s := textSource(file, text, splitMin)
		r := &recorder{rowSource: s}
		src, kept = r, func() *tableMemo { return &tableMemo{file: file, text: text, lines: s.lines, recs: r.recs} }
	}
	t, err := taskRows(file, src, cols)
	if err == nil {
		memo.table = kept()
	}
	return t, err
}

// TaskTable is the task table as read: its rows, its header in its own
// words and order, and what reading it found to warn about.
type TaskTable struct {
	Rows     []plan.Row
	Columns  []plan.Column
	Warnings []problem.Problem
	Merges   []plan.Merge // a workbook's merged cells; a CSV table's are in merges.csv
	// others are the warnings of Warnings that say a column is published
	// as written, each with the column's heading.
	others []otherWarning
}

// otherWarning is a warning that a column is published as written.
type otherWarning struct {
	heading string // "" for a column without a heading
	col     int    // the column's index in the header
	warn    int    // its index in TaskTable.Warnings
}

// asWritten drops the warnings of the columns that site.toml's
// other_columns names, which are published as written on purpose, and of
// the columns without a heading of their own that a merged heading cell
// spans (项目名称 over a project group and its parts), which the pages draw
// under that heading; it warns, at settings, of a name in other_columns that
// is no column of the table.
func (t *TaskTable) asWritten(names []string, settings string, merges []plan.Merge) {
	named := map[string]bool{}
	for _, n := range names {
		named[plan.Squeeze(n)] = true
	}
	drop := map[int]bool{}
	for _, o := range t.others {
		if o.heading == "" && t.underHeading(o.col, merges) || o.heading != "" && named[plan.Squeeze(o.heading)] {
			drop[o.warn] = true
		}
	}
	for _, n := range names {
		if !slices.ContainsFunc(t.Columns, func(c plan.Column) bool { return c.Std == column.None && plan.Squeeze(c.Heading) == plan.Squeeze(n) }) {
			t.Warnings = append(t.Warnings, problem.Problem{Severity: problem.Warning, File: settings,
				Msg: fmt.Sprintf("other_columns names %s, but the table has no column of that heading that plansite does not read", plan.QuoteCell(n))})
		}
	}
	kept := t.Warnings[:0]
	for i, w := range t.Warnings {
		if !drop[i] {
			kept = append(kept, w)
		}
	}
	t.Warnings = kept
}

// underHeading reports whether a merge of the heading spans column col from
// a column to its left that has a heading.
func (t *TaskTable) underHeading(col int, merges []plan.Merge) bool {
	for _, m := range merges {
		if m.Top == 1 && m.Left-1 < col && col <= m.Right-1 && m.Left-1 < len(t.Columns) && t.Columns[m.Left-1].Heading != "" {
			return true
		}
	}
	return false
}

// taskRows reads the rows of a task table, CSV or worksheet.
func taskRows(file string, src rowSource, names config.Columns) (*TaskTable, error) {
	tab, err := records(file, src, tableKind{cols: column.Task, names: names, settings: true, keepOthers: true})
	if err != nil {
		return nil, err
	}
	std := column.All() // in column.Task's order, which colOf indexes
	t := &TaskTable{Rows: make([]plan.Row, len(tab.rows)), Columns: make([]plan.Column, len(tab.headings)), Warnings: tab.warns, Merges: src.merges()}
	t.others = tab.otherWarns
	for i, h := range tab.headings {
		t.Columns[i].Heading = h
		if tab.groups != nil {
			t.Columns[i].Group = tab.groups[i]
		}
		if k := tab.colOf[i]; k >= 0 {
			t.Columns[i].Std = std[k]
		}
	}
	for i, cells := range tab.rows {
		r := &t.Rows[i]
		r.Record = tab.records[i]
		for j, k := range tab.colOf {
			if k >= 0 {
				r.Set(std[k], cells[j])
			}
		}
		for _, j := range tab.others {
			r.Others = append(r.Others, cells[j])
		}
		t.Warnings = append(t.Warnings, formulaWarnings(file, cells)...)
	}
	return t, nil
}

// WriteTableCSV writes the task table back out as UTF-8 CSV, whatever form it
// was read in (GB18030, BOM, CRLF, a workbook): the columns it has, under
// their standard names and in the standard order, each cell exactly as read.
// The columns plansite does not read follow, under their own names and in
// the table's order. For a table that is already standard UTF-8 CSV, as
// content/tasks.csv made by plansite import is, that is the file byte for
// byte.
func WriteTableCSV(w io.Writer, rows []plan.Row, cols []plan.Column) error {
	if len(rows) == 0 {
		return nil
	}
	var keep []column.Column
	for _, c := range column.All() {
		if slices.ContainsFunc(cols, func(h plan.Column) bool { return h.Std == c }) {
			keep = append(keep, c)
		}
	}
	cw := csv.NewWriter(w)
	var rec []string
	for _, c := range keep {
		rec = append(rec, c.Name())
	}
	for _, c := range cols {
		if c.Std == column.None {
			rec = append(rec, c.Heading)
		}
	}
	cw.Write(rec)
	for _, r := range rows {
		rec = rec[:0]
		for _, c := range keep {
			rec = append(rec, r.Cell(c).Text)
		}
		for _, o := range r.Others {
			rec = append(rec, o.Text)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func departments(file string, data []byte) ([]plan.DepartmentEntry, error) {
	src, err := newCSVSource(file, data)
	if err != nil {
		return nil, err
	}
	tab, err := records(file, src, tableKind{cols: departmentColumns})
	if err != nil {
		return nil, err
	}
	out := make([]plan.DepartmentEntry, len(tab.rows))
	for i, row := range tab.rows {
		name, slug, aliases, kind := tab.cell(row, deptName), tab.cell(row, deptSlug), tab.cell(row, deptAliases), tab.cell(row, deptKind)
		e := plan.DepartmentEntry{Name: name.Text, Slug: plan.TrimSpace(slug.Text), English: tab.cell(row, deptEnglish).Text, Line: row[0].Line,
			NameCol: name.Col, SlugCol: slug.Col, AliasesCol: aliases.Col}
		for _, a := range strings.Split(aliases.Text, "|") {
			if a = plan.TrimSpace(a); a != "" {
				e.Aliases = append(e.Aliases, a)
			}
		}
		if k := plan.TrimSpace(kind.Text); k != "" {
			var ok bool
			if e.Kind, ok = plan.ParseDeptKind(k); !ok {
				return nil, &problem.Problem{File: file, Line: kind.Line, Col: kind.Col, Msg: fmt.Sprintf("%s %s is not one of %s", departmentColumns[deptKind].Name, plan.QuoteCell(kind.Text), kindList())}
			}
		}
		out[i] = e
	}
	return out, nil
}

// MarkdownLimit is the most a Markdown page may hold: real pages (about,
// a notice, an annex's text) are a few kilobytes, and a page is held whole
// while it is rendered.
var MarkdownLimit = inputfs.Limit{Bytes: 4 << 20, What: "a Markdown page",
	Advice: "split it into several pages, or put a long document in static/ and link to it"}

// pages reads every Markdown file of the content folder but those in the
// folders skip is true for (nil: none).
func pages(fsys fs.FS, prefix string, skip func(dir string) bool) ([]markdown.Page, []problem.Problem, error) {
	var out []markdown.Page
	var warns []problem.Problem
	byPath := map[string]string{} // address → file, so two files never share one
	err := inputfs.WalkSkipping(fsys, prefix, skip, func(p string) error {
		if path.Ext(p) != ".md" {
			return nil
		}
		file := path.Join(prefix, p)
		urlPath := strings.TrimSuffix(p, ".md")
		if base := path.Base(urlPath); base == "index" || base == "_index" {
			urlPath = path.Dir(urlPath)
		}
		if urlPath == "." {
			return &problem.Problem{File: file, Msg: "this page would take the address of the home page /, which the generator makes; rename the file"}
		}
		segs := strings.Split(urlPath, "/")
		for _, s := range segs {
			if !plan.ValidSlug(s) {
				return &problem.Problem{File: file, Msg: fmt.Sprintf("the file name gives the address %s, but %q is not lowercase ASCII letters and digits joined by hyphens", problem.FileName("/"+urlPath+"/"), s)}
			}
		}
		if sitepath.Reserved(segs[0]) {
			return &problem.Problem{File: file, Msg: fmt.Sprintf("/%s/ is an address the generator uses; rename the file", segs[0])}
		}
		if other, dup := byPath[urlPath]; dup {
			return &problem.Problem{File: file, Msg: fmt.Sprintf("this page has the address /%s/, like %s; rename one of them", urlPath, problem.FileName(other))}
		}
		byPath[urlPath] = file
		src, err := inputfs.ReadFile(fsys, p, file, MarkdownLimit, "")
		if err != nil {
			return err
		}
		fm, body, w, err := markdown.Split(file, src)
		if err != nil {
			return err
		}
		warns = append(warns, w...)
		if fm.Title == "" {
			return &problem.Problem{File: file, Line: 1, Msg: "front matter has no title"}
		}
		out = append(out, markdown.Page{File: file, Path: urlPath + "/", FrontMatter: fm, Body: body})
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, warns, err
}

// NoBaseURL is the warning of a site.toml without base_url, which a build
// with -base-url drops.
const NoBaseURL = "base_url is not set: the site works wherever it is put, but its pages carry no canonical address or sharing image, it has no sitemap or feed, its open data gives addresses relative to the site, and its 404 page links from the domain's root; set base_url to the address it will be published at, or build with -base-url"

// citationGaps warns about the site.toml keys a complete reference to a task
// needs (GB/T 7714: the issuing body and the issue date): without them the
// citations and footers leave those parts out.
func citationGaps(cfg config.Config, file string) []problem.Problem {
	var warns []problem.Problem
	if cfg.BaseURL == "" && cfg.Title != "" {
		warns = append(warns, problem.Problem{Severity: problem.Warning, File: file, Msg: NoBaseURL})
	}
	for _, k := range []struct{ key, value, what string }{
		{"issuer", cfg.Issuer, "the issuing body (主要责任者)"},
		{"date", cfg.Date, "the issue date"},
	} {
		if k.value == "" {
			warns = append(warns, problem.Problem{Severity: problem.Warning, File: file,
				Msg: fmt.Sprintf("%s is not set: citations and footers leave out %s; set %s for a complete reference", k.key, k.what, k.key)})
		}
	}
	return warns
}

func kindList() string {
	var ks []string
	for _, k := range plan.DeptKinds {
		ks = append(ks, string(k))
	}
	return strings.Join(ks, ", ") + " (or 县直部门, 区直部门, 旗直部门: a level's own departments)"
}
