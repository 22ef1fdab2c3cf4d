// Package portal reads a site of many plans: a government's task tables in
// one site, each at its own address, with what concerns them all (each
// unit's work across them, what falls due when, one search, the progress
// of them all) beside them.
//
// # For the person who edits the content
//
// A portal's content folder holds plans/, and in it one folder per plan,
// each exactly a plan's content folder as a site of one plan has it (the
// task table, site.toml, departments.csv, progress.csv, Markdown pages):
//
//	content/site.toml          the portal's title, issuer, base_url, language …
//	content/departments.csv    optional: the units of every plan, one address each
//	content/about.md           the portal's own pages
//	content/plans/2023/…       a plan: published at /plans/2023/
//	content/plans/2024/…       another
//
// A plan's folder name is its address (/plans/<id>/): lowercase ASCII
// letters and digits joined by hyphens, at most 64. The portal's
// departments.csv is the departments table of every plan, and each plan's
// own adds to it: a unit has one address (/departments/<slug>/) whatever
// plan names it, and its page on the portal lists what it was charged with
// in each. Two names so alike in different plans that they are probably
// one unit are warned of, with the row to add to the portal's table.
//
// Every plan is read as a site of its own would be, with the same code,
// and published exactly as that site moved under /plans/<id>/ (see
// package site); this package reads them together and says what they
// share.
package portal

import (
	"cmp"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"

	"plansite/internal/config"
	"plansite/internal/inputfs"
	"plansite/internal/load"
	"plansite/internal/markdown"
	"plansite/internal/parallel"
	"plansite/internal/plan"
	"plansite/internal/problem"
	"plansite/internal/progress"
	"plansite/internal/sitepath"
)

// Folder is the folder of a portal's content that holds its plans.
const Folder = "plans"

// Is reports whether the content folder fsys is a portal's: it has plans/.
func Is(fsys fs.FS) bool { return load.IsFolder(fsys, Folder) }

// Portal is a portal's content, read.
type Portal struct {
	Config config.Config // the portal's own site.toml
	Pages  []markdown.Page
	// Plans are newest first: by issue date, else by first year, then by
	// id.
	Plans []*Plan
	// Units are every unit some plan names, one for each address, in the
	// order of the departments tables, then of first appearance in the
	// plans from the newest.
	Units []*Unit
	// Statuses are every status of the plans' vocabularies, one for each
	// name, in the order first met from the newest plan: the portal's
	// pages count and colour statuses by name across plans.
	Statuses []progress.Status
	// DepartmentsFile is the portal's departments.csv, as named in
	// messages, which may not exist.
	DepartmentsFile string

	byYear map[int][]Due
	years  []int
}

// Plan is one plan of a portal.
type Plan struct {
	ID      string
	Dir     string // its site's folder in the portal: plans/<id>/
	Name    string // its content folder in messages: content/plans/<id>
	FS      fs.FS  // its content folder
	Content *load.Content
	// status maps the index of a status in the plan's vocabulary to its
	// index in the portal's.
	status []int
	order  string // what it is ordered by, newest last
}

// Title is the plan's full title.
func (p *Plan) Title() string { return p.Content.Config.Title }

// Tasks are the plan's tasks.
func (p *Plan) Tasks() []*plan.Task { return p.Content.Plan.Tasks }

// Read reads the portal of the content folder fsys, named prefix in
// messages, and every plan in it, workers at a time (0: one per core). It
// returns every problem of every plan at once, as check reports them.
func Read(fsys fs.FS, prefix string, workers int) (*Portal, []problem.Problem, error) {
	var errs problem.List
	var warns []problem.Problem
	fail := func(err error) { errs = append(errs, problem.Of(err)...) }
	cfg, err := readConfig(fsys, prefix)
	if err != nil {
		fail(err)
		cfg = config.Usable(cfg)
	}
	pt := &Portal{Config: cfg, DepartmentsFile: path.Join(prefix, "departments.csv")}
	own, ownFound, err := load.ReadDepartments(fsys, prefix, cfg)
	if err != nil {
		fail(err)
	}
	var mdWarns []problem.Problem
	pt.Pages, mdWarns, err = load.Pages(fsys, prefix, func(dir string) bool { return dir == Folder })
	if err != nil {
		fail(err)
	}
	warns = append(warns, mdWarns...)
	for _, pg := range pt.Pages {
		if seg, _, _ := cutSegment(pg.Path); sitepath.PortalReserved(seg) {
			fail(&problem.Problem{File: pg.File, Msg: fmt.Sprintf("/%s/ is an address the portal uses (its plans are under /%s, its progress overview at /%s); rename the file", seg, sitepath.Plans, sitepath.Progress)})
		}
	}
	if cfg.BaseURL == "" && cfg.Title != "" {
		warns = append(warns, problem.Problem{Severity: problem.Warning, File: path.Join(prefix, "site.toml"), Msg: load.NoBaseURL})
	}
	plans, err := listPlans(fsys, prefix)
	if err != nil {
		fail(err) // the plans that could be listed are read all the same
	}
	// The directory every plan is read with: the portal's table, then
	// the plans', oldest first, so that a unit keeps the address the
	// first table to list it gave, however many newer plans come.
	tables := []deptTable{}
	if ownFound {
		tables = append(tables, deptTable{pt.DepartmentsFile, own})
	}
	for i := len(plans) - 1; i >= 0; i-- {
		if p := plans[i]; p.ownDepts != nil {
			tables = append(tables, deptTable{path.Join(p.Name, "departments.csv"), p.ownDepts})
		}
	}
	dir, dwarns, derrs := mergeDirectories(tables)
	errs = append(errs, derrs...)
	warns = append(warns, dwarns...)
	// Each plan read as its own site would be, but with the portal's
	// directory, all of them at once.
	type result struct {
		warns []problem.Problem
		err   error
	}
	results := make([]result, len(plans))
	parallel.Run(len(plans), workers, nil, func(i int) error {
		p := plans[i].Plan
		p.Content, results[i].warns, results[i].err = load.ReadWith(p.FS, p.Name, &load.Directory{File: pt.DepartmentsFile, Entries: dir})
		return nil // each plan's error is its own, in results
	})
	for i, r := range results {
		warns = append(warns, planWarnings(plans[i].Plan, r.warns)...)
		if r.err != nil {
			fail(r.err)
		}
		pt.Plans = append(pt.Plans, plans[i].Plan)
	}
	if len(errs) > 0 {
		return nil, warns, errs
	}
	uerrs, uwarns := pt.findUnits(dir)
	warns = append(warns, uwarns...)
	if len(uerrs) > 0 {
		return nil, warns, uerrs
	}
	pt.unionStatuses()
	pt.indexDeadlines()
	return pt, warns, nil
}

// cutSegment splits an address into its first segment and the rest.
func cutSegment(addr string) (seg, rest string, ok bool) {
	for i := 0; i < len(addr); i++ {
		if addr[i] == '/' {
			return addr[:i], addr[i+1:], true
		}
	}
	return addr, "", false
}

// listed is a plan found in plans/ before its table is read.
type listed struct {
	*Plan
	ownDepts []plan.DepartmentEntry // its departments.csv; nil without one, or when it cannot be read
}

// listPlans finds the plans' folders, reads what orders them (site.toml)
// and their departments tables, and sorts them newest first. A folder's
// own mistakes are left for its full reading to report.
func listPlans(fsys fs.FS, prefix string) ([]listed, error) {
	folder := path.Join(prefix, Folder)
	entries, err := fs.ReadDir(fsys, Folder)
	if err != nil {
		return nil, inputfs.ReadError(folder, "cannot read: ", err)
	}
	var errs problem.List
	var out []listed
	for _, e := range entries {
		name := e.Name()
		if inputfs.Hidden(name) {
			continue
		}
		file := path.Join(folder, name)
		if !load.IsFolder(fsys, path.Join(Folder, name)) {
			errs = append(errs, &problem.Problem{File: problem.FileName(file),
				Msg: fmt.Sprintf("%s/ holds only the plans' folders (%s/<id>/, each a plan's content folder): move this file into a plan's folder, or out of %s/", folder, folder, folder)})
			continue
		}
		if !plan.ValidSlug(name) {
			errs = append(errs, &problem.Problem{File: problem.FileName(file),
				Msg: fmt.Sprintf("the folder's name is the plan's address, /%s%s/, and must be lowercase ASCII letters and digits joined by hyphens, at most %d characters (such as 2024 or yingshang-2023): rename the folder", sitepath.Plans, name, plan.MaxSlug)})
			continue
		}
		sub, err := fs.Sub(fsys, path.Join(Folder, name))
		if err != nil {
			errs = append(errs, &problem.Problem{File: file, Msg: err.Error()})
			continue
		}
		p := &Plan{ID: name, Dir: sitepath.PlanDir(name), Name: file, FS: sub}
		l := listed{Plan: p}
		cfg, err := config.ReadConfig(sub, file)
		if err != nil {
			cfg = config.Usable(cfg)
		}
		p.order = orderKey(cfg)
		if ds, found, err := load.ReadDepartments(sub, file, cfg); err == nil && found {
			l.ownDepts = ds
			if l.ownDepts == nil {
				l.ownDepts = []plan.DepartmentEntry{}
			}
		}
		out = append(out, l)
	}
	if len(out) == 0 && len(errs) == 0 {
		return nil, &problem.Problem{File: folder, Msg: fmt.Sprintf("%s/ holds no plan: put each plan's content folder in it, as %s/<id>/ (the task table, site.toml …), to publish it at /%s<id>/", folder, folder, sitepath.Plans)}
	}
	slices.SortStableFunc(out, func(a, b listed) int {
		if c := cmp.Compare(b.order, a.order); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	if len(errs) > 0 {
		return out, errs
	}
	return out, nil
}

// orderKey orders plans by their issue date, else their first year (from
// start_year or the title), so that a later string is a newer plan.
func orderKey(cfg config.Config) string {
	if cfg.Date != "" {
		return cfg.Date
	}
	y := cfg.StartYear
	if y == 0 {
		y, _ = plan.TitleYears(cfg.Title)
	}
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// Updated is the date of the portal's latest change: its own updated
// date, else its issue date, else the latest of its plans'.
func (pt *Portal) Updated() string {
	if d := cmp.Or(pt.Config.Updated, pt.Config.Date); d != "" {
		return d
	}
	latest := ""
	for _, p := range pt.Plans {
		latest = max(latest, cmp.Or(p.Content.Config.Updated, p.Content.Config.Date))
	}
	return latest
}

// Tasks counts the tasks of every plan.
func (pt *Portal) Tasks() int {
	n := 0
	for _, p := range pt.Plans {
		n += len(p.Tasks())
	}
	return n
}

// Plan returns the plan of a task, by its plan's id.
func (pt *Portal) Plan(id string) *Plan {
	for _, p := range pt.Plans {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// planWarnings are a plan's own warnings as a plan of a portal: its address
// is the portal's, so its base_url is not used and none is missing.
func planWarnings(p *Plan, warns []problem.Problem) []problem.Problem {
	out := slices.DeleteFunc(warns, func(w problem.Problem) bool { return w.Msg == load.NoBaseURL })
	if p.Content == nil || p.Content.Config.BaseURL == "" {
		return out
	}
	file := path.Join(p.Name, "site.toml")
	w := problem.Problem{Severity: problem.Warning, File: file,
		Msg: fmt.Sprintf("base_url is not used in a portal: the plan is published at the portal's base_url followed by %s; remove it", p.Dir)}
	if data, err := fs.ReadFile(p.FS, "site.toml"); err == nil {
		w.Line, w.Col = config.KeyPos(string(data), []string{"base_url"})
	}
	return append(out, w)
}
