package progress

import (
	"fmt"

	"plansite/internal/column"
	"plansite/internal/plan"
	"plansite/internal/problem"
)

// NewLog checks the rows of the progress file named file against the plan
// and the vocabulary and makes the log. asOf is the site's updated date
// (else its issue date), zero when it has none. Every problem that stops a
// build is returned at once, as problem.List: an update for a task the table
// does not have, a date that is not one or lies after asOf, a status outside
// the vocabulary, an empty 进展. The warnings are a task marked done that
// later goes back to being worked on, and each task whose deadline has
// passed with no update at all.
func NewLog(file string, rows []Row, p *plan.Plan, statuses []Status, asOf Date) (*Log, []problem.Problem, error) {
	l := &Log{Statuses: statuses, AsOf: asOf, byTask: map[*plan.Task][]*Update{}, tasks: p.Tasks}
	byID := make(map[string]*plan.Task, len(p.Tasks))
	for _, t := range p.Tasks {
		byID[t.ID] = t
	}
	var errs problem.List
	fail := func(c plan.Cell, task, format string, args ...any) {
		errs = append(errs, &problem.Problem{File: file, Line: c.Line, Col: c.Col, Task: task, Msg: fmt.Sprintf(format, args...)})
	}
	for _, r := range rows {
		id := plan.TrimSpace(r.ID.Text)
		t := byID[id]
		if t == nil {
			fail(r.ID, "", "%s %s is not a task of the table; an update names its task by the task table's %s", column.Progress.Name("id"), plan.QuoteCell(r.ID.Text), column.ID.Name())
		}
		u := &Update{Task: t, Text: r.Text.Text, Source: plan.TrimSpace(r.Source.Text), Line: r.ID.Line}
		d, problem := ParseDate(plan.TrimSpace(r.Date.Text))
		switch {
		case problem != "":
			fail(r.Date, id, "日期 %s %s", plan.QuoteCell(r.Date.Text), problem)
		case !asOf.IsZero() && d.After(asOf):
			fail(r.Date, id, "日期 %s lies after the site's updated date %s; an update cannot come from the future (set updated in site.toml)", d, asOf)
		}
		u.Date = d
		if u.Status = Find(statuses, plan.TrimSpace(r.Status.Text)); u.Status < 0 {
			fail(r.Status, id, "状态 %s is not one of %s (site.toml's [[statuses]] sets them)", plan.QuoteCell(r.Status.Text), Names(statuses))
		}
		if plan.TrimSpace(r.Text.Text) == "" {
			fail(r.Text, id, "进展 is empty; say what was done")
		}
		if t == nil {
			continue
		}
		u.Seq = len(l.byTask[t]) + 1
		l.byTask[t] = append(l.byTask[t], u)
		l.Updates = append(l.Updates, u)
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}
	return l, l.lint(file), nil
}

// lint finds what is allowed but probably wrong.
func (l *Log) lint(file string) []problem.Problem {
	var warns []problem.Problem
	for _, t := range l.tasks {
		us := l.Newest(t)
		var done *Update // the newest done update seen, walking back in time
		for i := len(us) - 1; i >= 0; i-- {
			u := us[i]
			s := l.StatusOf(u)
			// Going back from done to being worked on (推进中), or to any
			// status that is not done (滞后, 未启动, 已调整), is worth a
			// question: each says the task needs more, which a done task
			// should not. A done status after another done one is fine.
			if s.Done {
				done = u
			} else if done != nil {
				warns = append(warns, problem.Problem{Severity: problem.Warning, File: file, Line: u.Line, Task: t.ID,
					Msg: fmt.Sprintf("the task was marked %s on %s (line %d) and is %s again on %s; is that right?", l.StatusOf(done).Name, done.Date, done.Line, s.Name, u.Date)})
				done = nil
			}
		}
		if len(us) == 0 && l.Overdue(t) {
			d, _ := Deadline(t)
			warns = append(warns, problem.Problem{Severity: problem.Warning, File: file, Task: t.ID,
				Msg: fmt.Sprintf("the deadline %s has passed by %s with no update on the task", d, l.AsOf)})
		}
	}
	return warns
}
