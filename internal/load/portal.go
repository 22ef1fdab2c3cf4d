package load

import (
	"io/fs"
	"path"

	"plansite/internal/config"
	"plansite/internal/markdown"
	"plansite/internal/plan"
	"plansite/internal/problem"
)

// What a site of many plans (package portal) reads of its folders: each
// plan is a content folder read as a site's is, but with the units of the
// portal's departments table; the portal's own folder has that table and
// its pages beside the plans' folders.

// Directory is the departments table a plan of a portal is read with: the
// portal's departments.csv and every plan's, merged so that a unit has one
// address whatever plan names it.
type Directory struct {
	// File is the table named in messages about a unit it lacks: the
	// portal's, where a unit shared by plans belongs.
	File    string
	Entries []plan.DepartmentEntry // none when no table lists a unit
}

// ReadWith reads the content folder fsys as Read does, but resolves the
// task table's unit names against dir instead of the folder's own
// departments.csv, which dir holds already. The folder's departments.csv is
// still read, so that its own mistakes are reported at their places.
func ReadWith(fsys fs.FS, prefix string, dir *Directory) (*Content, []problem.Problem, error) {
	return read(fsys, prefix, dir, nil)
}

// ReadDepartments reads departments.csv of the content folder fsys (named
// prefix in messages) in the encoding cfg gives; found is false when the
// folder has none.
func ReadDepartments(fsys fs.FS, prefix string, cfg config.Config) (entries []plan.DepartmentEntry, found bool, err error) {
	t := &Tables{DepartmentsFile: path.Join(prefix, "departments.csv")}
	if err := t.readDepartments(fsys, cfg); err != nil {
		return nil, true, err
	}
	return t.Departments, !t.NoDepartmentsFile, nil
}

// Pages reads the Markdown pages of the content folder fsys, leaving out
// the folders skip is true for (a portal's plans/, whose pages are its
// plans').
func Pages(fsys fs.FS, prefix string, skip func(dir string) bool) ([]markdown.Page, []problem.Problem, error) {
	return pages(fsys, prefix, skip)
}

// IsFolder reports whether name is a folder of fsys.
func IsFolder(fsys fs.FS, name string) bool {
	st, err := fs.Stat(fsys, name)
	return err == nil && st.IsDir()
}
