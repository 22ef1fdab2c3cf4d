// Package pages makes the site's HTML pages with html/template: it lists
// every page of the site (Pages), with what its template shows, and renders
// each with the template of its kind. Templates are named after their file
// path (templates/task.html), so a template error reads
// templates/task.html:12:5: ...
package pages

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"

	"plansite/internal/plan"
	"plansite/internal/sitepath"
)

// Kinds are the page kinds; each has a template of the same name, executed
// inside templates/base.html.
var Kinds = []string{"home", "task", "area", "departments", "department", "years", "year", "page", "404", "plan", "data", "search"}

// Optional are page kinds whose template a templates folder may leave out:
// a site whose content never makes such a page does not need it.
var Optional = []string{"progress"}

// Partials are templates every page kind may call, each in its own file:
// pager.html defines "pager" and "page-of", the links between the pages of
// a long list.
var Partials = []string{"pager"}

// Templates holds every page kind's parsed template.
type Templates struct {
	byKind map[string]*template.Template
}

// TemplateError is a template that fails to parse or run.
type TemplateError struct{ Msg string }

func (e *TemplateError) Error() string { return e.Msg }

func templateError(err error) error {
	return &TemplateError{Msg: strings.TrimPrefix(err.Error(), "template: ")}
}

var funcs = template.FuncMap{
	"add":  func(a, b int) int { return a + b },
	"join": strings.Join,
	// names lists departments, each name in its own element so that the
	// stylesheet keeps it on one line and the list wraps between names.
	"names": func(ds []*plan.Department) template.HTML {
		n := make([]string, len(ds))
		for i, d := range ds {
			n[i] = `<span class="dept">` + template.HTMLEscapeString(d.Name) + `</span>`
		}
		return template.HTML(strings.Join(n, "、"))
	},
	"cn":       plan.Numeral,
	"anchor":   sitepath.SentenceAnchor,
	"deptList": func(p *Page, ds []*plan.Department) DeptList { return DeptList{p, ds} },
	"heading": func(pl *plan.Plan, std string) plan.Column {
		for _, c := range pl.Columns {
			if c.Std == std {
				return c
			}
		}
		return plan.Column{Heading: std, Std: std}
	},
	"taskDepts": func(p *Page, t *plan.Task, ds []*plan.Department) TaskDepts {
		return TaskDepts{p, t, ds}
	},
	"tasks": func(p *Page, ts []*plan.Task) TaskList { return TaskList{p, ts} },
	// The tasks a department's and a year's status counts are of.
	"deptTasks": DeptTasks,
	"yearTasks": func(p *Page) []*plan.Task {
		var ts []*plan.Task
		for _, e := range p.Site.years()[p.Year] {
			ts = append(ts, e.Task)
		}
		return ts
	},
}

// Parse reads templates/base.html and one template per page kind from fsys,
// whose root holds the templates folder's files. dir names that folder in
// messages.
func Parse(fsys fs.FS, dir string) (*Templates, error) {
	read := func(name string) (string, string, error) {
		b, err := fs.ReadFile(fsys, name)
		var refused *plan.Error // a link leading outside the folder, located already
		if errors.As(err, &refused) {
			return "", "", refused
		}
		if err != nil {
			return "", "", &TemplateError{Msg: fmt.Sprintf("%s: cannot read template: %v", plan.FileName(path.Join(dir, name)), err)}
		}
		return path.Join(dir, name), string(b), nil
	}
	baseName, baseText, err := read("base.html")
	if err != nil {
		return nil, err
	}
	base, err := template.New(baseName).Funcs(funcs).Parse(baseText)
	if err != nil {
		return nil, templateError(err)
	}
	for _, part := range Partials {
		name, text, err := read(part + ".html")
		if err != nil {
			return nil, err
		}
		if _, err := base.New(name).Parse(text); err != nil {
			return nil, templateError(err)
		}
	}
	t := &Templates{byKind: map[string]*template.Template{}}
	for _, kind := range append(append([]string{}, Kinds...), Optional...) {
		if slices.Contains(Optional, kind) {
			if _, err := fs.Stat(fsys, kind+".html"); errors.Is(err, fs.ErrNotExist) {
				continue
			}
		}
		name, text, err := read(kind + ".html")
		if err != nil {
			return nil, err
		}
		clone, err := base.Clone()
		if err != nil {
			return nil, templateError(err)
		}
		if _, err := clone.New(name).Parse(text); err != nil {
			return nil, templateError(err)
		}
		t.byKind[kind] = clone
	}
	return t, nil
}

// RenderTo executes the page's template into b, which is reset first.
func (t *Templates) RenderTo(b *bytes.Buffer, p *Page) error {
	b.Reset()
	tmpl := t.byKind[p.Kind]
	if tmpl == nil {
		return &TemplateError{Msg: fmt.Sprintf("no template for page kind %q", p.Kind)}
	}
	v, err := p.view()
	if err != nil {
		return err
	}
	if err := tmpl.Execute(b, v); err != nil {
		return templateError(err)
	}
	return nil
}
