// Package check validates and lints a content folder without building the
// site: it reports every problem the build finds, all at once, each with its
// file, line and column.
//
// Errors stop a build: a task number that is missing, malformed or used
// twice, empty measures, anything else the build rejects. Warnings do not: a
// timeline clause whose date cannot be read, a department missing from
// departments.csv, two names a few characters apart that are probably one
// department (市规划和自然局 and 市规划和自然资源局), a cell that mixes the
// separators 、 and ，, a task without a lead department, an area label
// without an ordinal.
package check

import (
	"fmt"
	"io/fs"
	"path"

	"plansite/internal/load"
	"plansite/internal/problem"
	"plansite/internal/progress"
	"plansite/internal/site"
)

// Report is what a check found, sorted by file and position.
type Report struct {
	Problems []problem.Problem
}

// Errors counts the problems that stop a build.
func (r *Report) Errors() int {
	n := 0
	for _, p := range r.Problems {
		if p.Severity == problem.Error {
			n++
		}
	}
	return n
}

// Warnings counts the other problems.
func (r *Report) Warnings() int { return len(r.Problems) - r.Errors() }

func (r *Report) add(p problem.Problem) { r.Problems = append(r.Problems, p) }

// Site checks a whole site as a build reads it, with the build's own code
// (site.Check): the content, the templates and their labels, the static
// files; it reports every problem the build would, warnings included.
func Site(o site.Options) *Report {
	r := &Report{}
	defer r.sort()
	warns, err := site.Check(o)
	for _, p := range problem.Of(err) {
		r.add(*p)
	}
	for _, w := range warns {
		r.add(w)
	}
	return r
}

// Content checks the content folder fsys; prefix names it in messages. It
// reads the content as a build does, with the same code, and reports every
// problem the build finds.
func Content(fsys fs.FS, prefix string) *Report {
	r := &Report{}
	defer r.sort()
	c, warns, err := load.Read(fsys, prefix)
	for _, p := range problem.Of(err) {
		r.add(*p)
	}
	for _, w := range warns {
		r.add(w)
	}
	if err == nil && c.Progress != nil {
		// check sees the content folder only, not the static folder whose
		// stylesheet a build reads the page background from: it judges the
		// status colours on the bundled stylesheet's white, which is what
		// a site without its own static folder gets.
		if bad, ratio, bg := progress.LowContrast(c.Progress.Statuses, []string{"#ffffff"}); bad != nil {
			e := problem.Problem{File: path.Join(prefix, "site.toml"),
				Msg: fmt.Sprintf("status %s: colour %s has a contrast of %.2f:1 against the page background %s; it needs at least %.1f:1 to be read", bad.Name, bad.Colour, ratio, bg, progress.MinContrast)}
			if bad.Index < len(c.Config.Statuses) {
				e.Line, e.Col = c.Config.Statuses[bad.Index].Line, c.Config.Statuses[bad.Index].Col
			}
			r.add(e)
		}
	}
	return r
}

func (r *Report) sort() { problem.Sort(r.Problems) }
