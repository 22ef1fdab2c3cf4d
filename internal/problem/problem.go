// Package problem is the one form of everything plansite finds wrong with
// its input: where (a file, a line and column, a workbook's cell, a task),
// how bad (an error stops the build, a warning does not) and what, printed
// alike by every reader, by check and by build:
//
//	content/tasks.csv:5:15: error: the cell holds the control character U+0007; remove it
//	content/tasks.xlsx:5:3: warning: Sheet1!C5: task 4: …
//
// A problem is an error value, so a reader returns the first it meets as
// it would any error; a List is every problem of a run, so that one run of
// check reports them all.
package problem

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Severity says whether a problem stops the build.
type Severity uint8

const (
	Error   Severity = iota // the build stops; check exits 1
	Warning                 // the build goes on; the site says what it could
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Problem is one thing wrong with the input, and where.
type Problem struct {
	File      string // as named in messages: content/tasks.csv
	Line, Col int    // from 1; 0 when unknown
	Ref       string // the worksheet cell, Sheet1!C5, when the file is a workbook
	Task      string // the number of the task concerned, if any
	Severity  Severity
	Msg       string
}

// Error reads file:line:col: severity: [Sheet1!C5: ][task N: ]message.
func (p *Problem) Error() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(FileName(p.File))
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d", p.Line)
			if p.Col > 0 {
				fmt.Fprintf(&b, ":%d", p.Col)
			}
		}
		b.WriteString(": ")
	}
	b.WriteString(p.Severity.String())
	b.WriteString(": ")
	if p.Ref != "" {
		b.WriteString(p.Ref + ": ")
	}
	if p.Task != "" {
		fmt.Fprintf(&b, "task %s: ", p.Task)
	}
	b.WriteString(p.Msg)
	return b.String()
}

// At is an error at file, line and column (0 when unknown).
func At(file string, line, col int, format string, args ...any) *Problem {
	return &Problem{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// WarnAt is a warning at file, line and column (0 when unknown).
func WarnAt(file string, line, col int, format string, args ...any) *Problem {
	return &Problem{File: file, Line: line, Col: col, Severity: Warning, Msg: fmt.Sprintf(format, args...)}
}

// List is every problem a run found, in the order found.
type List []*Problem

// Error prints each problem on its own line.
func (l List) Error() string {
	msgs := make([]string, len(l))
	for i, p := range l {
		msgs[i] = p.Error()
	}
	return strings.Join(msgs, "\n")
}

// Unwrap lets errors.As find each *Problem.
func (l List) Unwrap() []error {
	out := make([]error, len(l))
	for i, p := range l {
		out[i] = p
	}
	return out
}

// Err is the list as an error, nil when it holds no error (warnings alone
// stop nothing).
func (l List) Err() error {
	for _, p := range l {
		if p.Severity == Error {
			return l
		}
	}
	return nil
}

// Of turns any error into problems: those it holds (a List, a *Problem,
// wrapped or not), else one error without a place, its text the message.
func Of(err error) List {
	if err == nil {
		return nil
	}
	var l List
	if errors.As(err, &l) {
		return l
	}
	var p *Problem
	if errors.As(err, &p) {
		return List{p}
	}
	return List{{Msg: err.Error()}}
}

// FileName is how a message prints the file name f: as it is when it is
// UTF-8 text and every character is printable, else quoted (strconv.Quote),
// so that a newline, a control character or a stray byte in a name can
// neither split a message, nor forge one, nor reach a terminal raw.
// Ordinary names stay bare: content/tasks.csv:9:42: is the documented form.
func FileName(f string) string {
	if !utf8.ValidString(f) {
		return strconv.Quote(f)
	}
	for _, r := range f {
		if !strconv.IsPrint(r) {
			return strconv.Quote(f)
		}
	}
	return f
}

// Print writes err to w for a person at a terminal: each problem it holds
// on a line of its own, in its printed form, one without a file after the
// program's name (plansite: error: …), and any other error as prog: text.
func Print(w io.Writer, prog string, err error) {
	var l List
	var p *Problem
	switch {
	case errors.As(err, &l):
	case errors.As(err, &p):
		l = List{p}
	default:
		fmt.Fprintf(w, "%s: %v\n", prog, err)
		return
	}
	for _, p := range l {
		if p.File == "" {
			fmt.Fprintf(w, "%s: ", prog)
		}
		fmt.Fprintln(w, p.Error())
	}
}

// Sort orders problems as a reader goes through the files: by file, then
// line and column (a problem of the whole file first), an error before a
// warning at the same place; problems at one place keep their order.
func Sort(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), cmp.Compare(a.Severity, b.Severity))
	})
}
