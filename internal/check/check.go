// Package check validates and lints a content folder without building the
// site: it reports every problem the build finds, all at once, each with its
// file, line and column.
//
// Errors stop a build: a task number that is missing, malformed or used
// twice, empty 主要措施, anything else the build rejects. Warnings do not: a
// timeline clause whose date cannot be read, a department missing from
// departments.csv, two names a few characters apart that are probably one
// department (市规划和自然局 and 市规划和自然资源局), a cell that mixes the
// separators 、 and ，, a task without a lead department, an area label
// without an ordinal.
package check

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"plansite/internal/load"
	"plansite/internal/plan"
	"plansite/internal/progress"
)

// Severity says whether a problem stops the build.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Message is one problem found.
type Message struct {
	Severity Severity
	plan.Error
}

// String reads file:line:col: severity: [Sheet1!C5: ][task N: ]message.
func (m Message) String() string {
	e := m.Error
	var b strings.Builder
	b.WriteString(plan.FileName(e.File))
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	fmt.Fprintf(&b, ": %s: ", m.Severity)
	e.File, e.Line, e.Col = "", 0, 0
	b.WriteString(strings.TrimPrefix(e.Error(), ": "))
	return b.String()
}

// Report is what a check found, sorted by file and position.
type Report struct {
	Messages []Message
}

// Errors counts the messages that stop a build.
func (r *Report) Errors() int {
	n := 0
	for _, m := range r.Messages {
		if m.Severity == Error {
			n++
		}
	}
	return n
}

// Warnings counts the other messages.
func (r *Report) Warnings() int { return len(r.Messages) - r.Errors() }

func (r *Report) add(sev Severity, e plan.Error) { r.Messages = append(r.Messages, Message{sev, e}) }

func (r *Report) addErr(err error) {
	var pe *plan.Error
	if errors.As(err, &pe) {
		r.add(Error, *pe)
		return
	}
	r.add(Error, plan.Error{Msg: err.Error()})
}

// Content checks the content folder fsys; prefix names it in messages. It
// reads the content as a build does, with the same code, and reports every
// problem the build finds.
func Content(fsys fs.FS, prefix string) *Report {
	r := &Report{}
	defer r.sort()
	c, warns, err := load.Site(fsys, prefix)
	var all plan.Errors
	switch {
	case errors.As(err, &all):
		for _, e := range all {
			r.add(Error, *e)
		}
	case err != nil:
		r.addErr(err)
	}
	for _, w := range warns {
		r.add(Warning, w)
	}
	if err == nil && c.Progress != nil {
		// check sees the content folder only, not the static folder whose
		// stylesheet a build reads the page background from: it judges the
		// status colours on the bundled stylesheet's white, which is what
		// a site without its own static folder gets.
		if bad, ratio, bg := progress.LowContrast(c.Progress.Statuses, []string{"#ffffff"}); bad != nil {
			e := plan.Error{File: path.Join(prefix, "site.toml"),
				Msg: fmt.Sprintf("status %s: colour %s has a contrast of %.2f:1 against the page background %s; it needs at least %.1f:1 to be read", bad.Name, bad.Colour, ratio, bg, progress.MinContrast)}
			if bad.Index < len(c.Config.Statuses) {
				e.Line, e.Col = c.Config.Statuses[bad.Index].Line, c.Config.Statuses[bad.Index].Col
			}
			r.add(Error, e)
		}
	}
	return r
}

func (r *Report) sort() {
	sort.SliceStable(r.Messages, func(i, j int) bool {
		a, b := r.Messages[i], r.Messages[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Severity < b.Severity
	})
}
