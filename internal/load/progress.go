package load

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"

	"plansite/internal/config"
	"plansite/internal/inputfs"
	"plansite/internal/plan"
	"plansite/internal/problem"
	"plansite/internal/progress"
)

// The progress file's names; it is optional.
const (
	ProgressCSV  = "progress.csv"
	ProgressXLSX = "progress.xlsx"
)

// progressRecord is one row of the progress file, under the standard names.
type progressRecord struct {
	ID     cell `csv:"序号"`
	Date   cell `csv:"日期"`
	Status cell `csv:"状态"`
	Text   cell `csv:"进展"`
	Source cell `csv:"来源"`
}

// progressColumns are the progress file's columns in the standard order.
// The column table's settings are the task table's [columns]; the progress
// file's own, [progress_columns], are captured here instead, so that one
// decoder serves both tables.
func progressColumns(set config.ProgressColumns) []column[progressRecord] {
	named := func(s string) func(config.Columns) string { return func(config.Columns) string { return s } }
	return []column[progressRecord]{
		{name: "序号", required: true, synonyms: []string{"编号", "任务编号"}, setting: named(set.ID),
			field: func(r *progressRecord) *cell { return &r.ID }},
		{name: "日期", required: true, synonyms: []string{"时间", "更新日期"}, setting: named(set.Date),
			field: func(r *progressRecord) *cell { return &r.Date }},
		{name: "状态", required: true, synonyms: []string{"进展状态", "完成情况"}, setting: named(set.Status),
			field: func(r *progressRecord) *cell { return &r.Status }},
		{name: "进展", required: true, synonyms: []string{"进展情况", "落实情况"}, setting: named(set.Text),
			field: func(r *progressRecord) *cell { return &r.Text }},
		{name: "来源", synonyms: []string{"依据", "出处"}, setting: named(set.Source),
			field: func(r *progressRecord) *cell { return &r.Source }},
	}
}

// ProgressRows reads a progress file of CSV text (UTF-8) into rows.
func ProgressRows(file string, data []byte, set config.ProgressColumns) ([]progress.Row, error) {
	src, err := newCSVSource(file, data)
	if err != nil {
		return nil, err
	}
	return progressRows(file, src, set)
}

func progressRows(file string, src rowSource, set config.ProgressColumns) ([]progress.Row, error) {
	tab, err := records(file, src, progressColumns(set), config.Columns{}, false)
	if err != nil {
		return nil, err
	}
	rows := make([]progress.Row, len(tab.recs))
	for i, r := range tab.recs {
		rows[i] = progress.Row{ID: plan.Cell(r.ID), Date: plan.Cell(r.Date), Status: plan.Cell(r.Status),
			Text: plan.Cell(r.Text), Source: plan.Cell(r.Source)}
	}
	return rows, nil
}

// Statuses is the vocabulary of 状态 that site.toml sets, else the defaults.
// When no entry says which status is done, 已完成 is.
func Statuses(cfg config.Config) []progress.Status {
	if len(cfg.Statuses) == 0 {
		return progress.Defaults()
	}
	ss := make([]progress.Status, len(cfg.Statuses))
	anyDone := false
	for i, s := range cfg.Statuses {
		ss[i] = progress.Status{Name: s.Name, Colour: strings.ToLower(s.Colour), Done: s.Done}
		anyDone = anyDone || s.Done
	}
	if !anyDone {
		if i := progress.Find(ss, "已完成"); i >= 0 {
			ss[i].Done = true
		}
	}
	return progress.Number(ss)
}

// AsOf is the date the site's progress is judged at: updated, else date.
func AsOf(cfg config.Config) progress.Date {
	for _, s := range []string{cfg.Updated, cfg.Date} {
		if d, problem := progress.ParseDate(s); s != "" && problem == "" {
			return d
		}
	}
	return progress.Date{}
}

// readProgress reads the progress file of the content folder, if it has
// one, and checks it against the plan. rows are the file's rows as read.
func readProgress(fsys fs.FS, prefix string, cfg config.Config, p *plan.Plan) (*progress.Log, []progress.Row, []problem.Problem, error) {
	var found []string
	for _, name := range []string{ProgressCSV, ProgressXLSX} {
		if _, err := fs.Stat(fsys, name); err == nil {
			found = append(found, name)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, nil, nil, inputfs.ReadError(path.Join(prefix, name), "", err)
		}
	}
	switch len(found) {
	case 0:
		return nil, nil, nil, nil
	case 2:
		return nil, nil, nil, &problem.Problem{File: path.Join(prefix, ProgressXLSX),
			Msg: fmt.Sprintf("both %s and %s exist; keep one of them", ProgressCSV, ProgressXLSX)}
	}
	file := path.Join(prefix, found[0])
	data, err := readTable(fsys, found[0], file, "cannot read the progress file: ")
	if err != nil {
		return nil, nil, nil, err
	}
	var rows []progress.Row
	sheet := ""
	if found[0] == ProgressXLSX {
		sheet, err = readXLSX(file, data, func(src rowSource) (err error) {
			rows, err = progressRows(file, src, cfg.ProgressColumns)
			return err
		})
	} else {
		var text []byte
		if text, err = decodeText(file, data, cfg.Encoding); err == nil {
			rows, err = ProgressRows(file, text, cfg.ProgressColumns)
		}
	}
	if err != nil {
		return nil, nil, nil, withRef(err, file, sheet)
	}
	log, warns, err := progress.Build(file, rows, p, Statuses(cfg), AsOf(cfg))
	for _, r := range rows {
		warns = append(warns, formulaWarnings(file, []plan.Cell{r.ID, r.Date, r.Status, r.Text, r.Source})...)
	}
	for i := range warns {
		withRef(&warns[i], file, sheet)
	}
	return log, rows, warns, withRef(err, file, sheet)
}

// WriteProgressCSV writes the progress file's rows as UTF-8 CSV under the
// standard names, each cell as read: /data/progress.csv.
func WriteProgressCSV(w io.Writer, rows []progress.Row) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"序号", "日期", "状态", "进展", "来源"})
	for _, r := range rows {
		if err := cw.Write([]string{r.ID.Text, r.Date.Text, r.Status.Text, r.Text.Text, r.Source.Text}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
