package load

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/xuri/excelize/v2"

	"plansite/internal/config"
	"plansite/internal/inputfs"
	"plansite/internal/plan"
	"plansite/internal/problem"
)

// The task table's file names when site.toml does not name one.
const (
	DefaultCSV  = "tasks.csv"
	DefaultXLSX = "tasks.xlsx"
)

// tableFile is the task table chosen for a content folder: the file that
// site.toml's table names, else whichever of tasks.csv and tasks.xlsx
// exists.
func tableFile(fsys fs.FS, prefix string, cfg config.Config) (string, error) {
	if cfg.Table != "" {
		return cfg.Table, nil // config.ReadConfig checked the name
	}
	var found []string
	for _, name := range []string{DefaultCSV, DefaultXLSX} {
		if _, err := fs.Stat(fsys, name); err == nil {
			found = append(found, name)
		}
	}
	switch len(found) {
	case 0:
		return DefaultCSV, nil // reading it gives the message
	case 1:
		return found[0], nil
	}
	return "", &problem.Problem{File: path.Join(prefix, "site.toml"),
		Msg: fmt.Sprintf("both %s and %s exist; say which is the task table with table = \"%s\" (or remove the other)", DefaultCSV, DefaultXLSX, DefaultXLSX)}
}

// taskTable reads the task table named file (a CSV file in the configured
// encoding or an .xlsx workbook) into rows. sheet is the worksheet read, for
// an .xlsx file; errors in it carry the cell reference (Sheet1!C5).
func taskTable(file string, data []byte, cfg config.Config, memo *Memo) (t *TaskTable, sheet string, err error) {
	if strings.EqualFold(path.Ext(file), ".xlsx") {
		sheet, err := readXLSX(file, data, func(src rowSource) (err error) {
			t, err = taskRows(file, src, cfg.Columns)
			return err
		})
		if t != nil {
			for i := range t.Warnings {
				addRef(&t.Warnings[i], file, sheet)
			}
		}
		return t, sheet, withRef(err, file, sheet)
	}
	text, err := decodeText(file, data, cfg.Encoding)
	if err != nil {
		return nil, "", err
	}
	t, err = taskText(file, text, cfg.Columns, memo)
	return t, "", err
}

// withRef adds the worksheet cell reference to an error located in file.
func withRef(err error, file, sheet string) error {
	if sheet == "" {
		return err
	}
	var all problem.List
	if errors.As(err, &all) {
		for _, e := range all {
			addRef(e, file, sheet)
		}
		return err
	}
	var pe *problem.Problem
	if errors.As(err, &pe) {
		addRef(pe, file, sheet)
	}
	return err
}

func addRef(e *problem.Problem, file, sheet string) {
	if e.File != file || e.Line < 1 || e.Col < 1 || e.Ref != "" {
		return
	}
	if name, err := excelize.CoordinatesToCellName(e.Col, e.Line); err == nil {
		e.Ref = sheet + "!" + name
	}
}

// Tables are a content folder's tables, read but not yet made into the plan.
type Tables struct {
	TasksFile         string // content/tasks.csv or content/tasks.xlsx
	Sheet             string // the worksheet read, for a workbook
	Rows              []plan.Row
	Columns           []plan.Column // the task table's header, in its own words and order
	Warnings          []problem.Problem
	Merges            []plan.Merge // merges.csv beside a CSV table
	DepartmentsFile   string
	NoDepartmentsFile bool // the content has no departments.csv
	Departments       []plan.DepartmentEntry
}

// ReadTables reads the task table and departments.csv (which may be
// missing) of the content folder fsys.
func ReadTables(fsys fs.FS, prefix string, cfg config.Config) (*Tables, error) {
	return readTables(fsys, prefix, cfg, nil)
}

// readTables is ReadTables, through memo when it is set (ReadAgain).
func readTables(fsys fs.FS, prefix string, cfg config.Config, memo *Memo) (*Tables, error) {
	name := func(f string) string { return path.Join(prefix, f) }
	t := &Tables{DepartmentsFile: name("departments.csv")}
	// A broken departments.csv does not hide the task table's problems:
	// both are read, and both files' errors returned.
	var errs problem.List
	if err := t.readDepartments(fsys, cfg); err != nil {
		errs = append(errs, problem.Of(err)...)
	}
	table, err := tableFile(fsys, prefix, cfg)
	if err != nil {
		return nil, append(errs, problem.Of(err)...)
	}
	t.TasksFile = name(table)
	if _, err := fs.Stat(fsys, table); errors.Is(err, fs.ErrNotExist) && cfg.Table == "" {
		return nil, append(errs, &problem.Problem{File: t.TasksFile,
			Msg: fmt.Sprintf("there is no task table: save it here as %s (or %s), or make it from the document with plansite import DOCUMENT -o %s", DefaultCSV, DefaultXLSX, t.TasksFile)})
	}
	data, err := readTable(fsys, table, t.TasksFile, "cannot read the task table: ")
	if err != nil {
		return nil, append(errs, problem.Of(err)...)
	}
	tt, sheet, err := taskTable(t.TasksFile, data, cfg, memo)
	if err != nil {
		return nil, append(errs, problem.Of(err)...)
	}
	t.Merges = tt.Merges
	if sheet == "" {
		if t.Merges, err = readMergesFile(fsys, name(MergesFile), cfg); err != nil {
			errs = append(errs, problem.Of(err)...)
		}
	}
	tt.asWritten(cfg.OtherColumns, name("site.toml"), t.Merges)
	t.Rows, t.Sheet, t.Columns, t.Warnings = tt.Rows, sheet, tt.Columns, tt.Warnings
	if len(errs) > 0 {
		return t, errs
	}
	return t, nil
}

// readDepartments reads departments.csv, which may be missing.
func (t *Tables) readDepartments(fsys fs.FS, cfg config.Config) error {
	_, err := fs.Stat(fsys, "departments.csv")
	switch {
	case errors.Is(err, fs.ErrNotExist):
		t.NoDepartmentsFile = true
		return nil
	case err != nil:
		return inputfs.ReadError(t.DepartmentsFile, "", err)
	}
	data, err := readTable(fsys, "departments.csv", t.DepartmentsFile, "")
	if err != nil {
		return err
	}
	text, err := decodeText(t.DepartmentsFile, data, cfg.Encoding)
	if err != nil {
		return err
	}
	t.Departments, err = departments(t.DepartmentsFile, text)
	return err
}

// Input is what plan.FromRows needs to make the plan from the tables.
func (t *Tables) Input(cfg config.Config) plan.Input {
	return plan.Input{
		Meta: plan.Meta{Title: cfg.Title, ShortTitle: cfg.ShortTitle, Attachment: cfg.Attachment, Issuer: cfg.Issuer,
			Date: cfg.Date, SourceURL: cfg.SourceURL, SourceName: cfg.SourceName, StartYear: cfg.StartYear, EndYear: cfg.EndYear},
		TasksFile: t.TasksFile, Rows: t.Rows, Columns: t.Columns, Merges: t.Merges,
		DepartmentsFile: t.DepartmentsFile, NoDepartmentsFile: t.NoDepartmentsFile, Departments: t.Departments,
		FirstUnitLeads: cfg.FirstUnitLeads, OthersLeadWithoutLead: cfg.OthersLeadWithoutLead,
	}
}

// Locate adds the worksheet cell reference to a problem in a workbook and
// returns it.
func (t *Tables) Locate(err error) error { return withRef(err, t.TasksFile, t.Sheet) }
