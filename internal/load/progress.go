package load

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"

	"plansite/internal/column"
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

// ProgressRows reads a progress file of CSV text (UTF-8) into rows.
func ProgressRows(file string, data []byte, set config.ProgressColumns) ([]progress.Row, error) {
	src, err := newCSVSource(file, data)
	if err != nil {
		return nil, err
	}
	return progressRows(file, src, set)
}

func progressRows(file string, src rowSource, set config.ProgressColumns) ([]progress.Row, error) {
	tab, err := records(file, src, tableKind{cols: column.Progress, names: set})
	if err != nil {
		return nil, err
	}
	rows := make([]progress.Row, len(tab.rows))
	for i, r := range tab.rows {
		cell := func(key string) plan.Cell { return tab.cell(r, column.Progress.Index(key)) }
		rows[i] = progress.Row{ID: cell("id"), Date: cell("date"), Status: cell("status"), Text: cell("text"), Source: cell("source")}
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
	log, warns, err := progress.NewLog(file, rows, p, Statuses(cfg), AsOf(cfg))
	for _, r := range rows {
		warns = append(warns, formulaWarnings(file, progressCells(r))...)
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
	cw.Write(column.Progress.Names(false))
	rec := make([]string, len(column.Progress))
	for _, r := range rows {
		for i, c := range progressCells(r) {
			rec[i] = c.Text
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// progressCells are a progress row's cells in column.Progress's order.
func progressCells(r progress.Row) []plan.Cell {
	return []plan.Cell{r.ID, r.Date, r.Status, r.Text, r.Source}
}
