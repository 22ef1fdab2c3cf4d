// Package check validates and lints a content folder without building the
// site: it reports every problem it can find at once, each with its file,
// line and column, where a build stops at the first error.
//
// Errors stop a build: a task number that is missing, malformed or used
// twice, empty 主要措施, a timeline clause that cannot be read, anything else
// the build rejects. Warnings do not: a department missing from
// departments.csv, two names a few characters apart that are probably one
// department (市规划和自然局 and 市规划和自然资源局), a cell that mixes the
// separators 、 and ，, a task without a lead department, an area label
// without an ordinal.
package check

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strings"

	"plansite/internal/load"
	"plansite/internal/plan"
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
	b.WriteString(e.File)
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

// Content checks the content folder fsys; prefix names it in messages.
func Content(fsys fs.FS, prefix string) *Report {
	r := &Report{}
	defer r.sort()
	cfg, err := load.ReadConfig(fsys, prefix)
	if err != nil {
		r.addErr(err)
		return r
	}
	tables, err := load.ReadTables(fsys, prefix, cfg)
	if err != nil {
		r.addErr(err) // the table cannot be read at all: nothing more to say
		return r
	}
	rows(r, tables, cfg)
	departments(r, tables)
	if r.Errors() > 0 {
		return r
	}
	// The rows are sound: the build itself finds what is left (areas,
	// the departments table, Markdown pages) and its own warnings.
	_, warns, err := load.Site(fsys, prefix)
	if err != nil {
		r.addErr(err)
		return r
	}
	for _, w := range warns {
		if !ownLint(w) {
			r.add(Warning, w)
		}
	}
	return r
}

// ownLint reports whether a build warning is one this package makes itself,
// for every row rather than for the first.
func ownLint(w plan.Warning) bool {
	return w.Msg == noLead || strings.HasPrefix(w.Msg, "department ") && strings.Contains(w.Msg, " is not in ")
}

const noLead = "no lead department (牵头部门)"

var taskID = regexp.MustCompile(`^\d{1,6}(?:\.\d{1,6})*$`)

// rows checks each row on its own, so that every bad row is reported.
func rows(r *Report, t *load.Tables, cfg load.Config) {
	seen := map[string]int{}
	for _, row := range t.Rows {
		at := func(c plan.Cell, task string) plan.Error {
			e := plan.Error{File: t.TasksFile, Line: c.Line, Col: c.Col, Task: task}
			t.Locate(&e)
			return e
		}
		fail := func(c plan.Cell, task, format string, args ...any) {
			e := at(c, task)
			e.Msg = fmt.Sprintf(format, args...)
			r.add(Error, e)
		}
		warn := func(c plan.Cell, task, format string, args ...any) {
			e := at(c, task)
			e.Msg = fmt.Sprintf(format, args...)
			r.add(Warning, e)
		}
		id := plan.TrimSpace(row.ID.Text)
		switch {
		case id == "":
			fail(row.ID, "", "序号 is empty")
		case !taskID.MatchString(id):
			fail(row.ID, "", "序号 %s is not a task number (1, 2, … or 1.1, 1.2, …)", plan.QuoteCell(row.ID.Text))
			id = ""
		default:
			if prev, dup := seen[id]; dup {
				fail(row.ID, "", "序号 %s appears twice (first on line %d)", id, prev)
			} else {
				seen[id] = row.ID.Line
			}
		}
		if plan.TrimSpace(row.Measures.Text) == "" {
			fail(row.Measures, id, "主要措施 is empty")
		}
		for _, clause := range clauses(row.Timeline.Text) {
			if _, err := plan.ParseTimeline(clause, cfg.StartYear, cfg.EndYear); err != nil {
				fail(row.Timeline, id, "%v", err)
			}
		}
		if lead, _ := plan.SplitDepartments(row.Lead.Text); len(lead) == 0 && row.Lead.Line > 0 {
			warn(row.Lead, id, noLead)
		}
		for _, c := range []struct {
			cell plan.Cell
			name string
		}{{row.Lead, "牵头部门"}, {row.Coop, "配合部门"}} {
			if mixed(c.cell.Text) {
				warn(c.cell, id, "%s separates names with both 、 and ，: %s; the site reads both, but one separator is clearer", c.name, plan.QuoteCell(c.cell.Text))
			}
		}
	}
}

// clauses splits a timeline cell as plan.ParseTimeline does.
func clauses(cell string) []string {
	var out []string
	for _, c := range strings.FieldsFunc(cell, func(r rune) bool { return r == '；' || r == ';' || r == '\n' }) {
		if c = plan.TrimSpace(c); c != "" && c != "。" {
			out = append(out, c)
		}
	}
	return out
}

// mixed reports whether a department cell uses both kinds of separator.
func mixed(cell string) bool {
	return strings.Contains(cell, "、") && strings.ContainsAny(cell, "，,")
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
