// Package pages makes the site's HTML pages with html/template: it lists
// every page of the site (Pages), with what its template shows, and renders
// each with the template of its kind. The kinds are one registry, Kinds
// (kinds.go): each entry names its template and labels and says how its
// pages are listed (list.go, and the kind's own file), what its view shows
// (view.go), and whether it is an article, in the feed or in the sitemap.
// Addresses come from sitepath and the words from labels (the templates
// folder's labels.toml over the defaults), read with the templates by
// Parse, with the table's own headings written in (labels.ForTable). The
// pages show the table as its document has it: the heading rows over each
// group (groups.go) and the merged cells (merges.go). Templates are named after their file path (templates/task.html),
// so a template error reads templates/task.html:12:5: ...
package pages

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
	texttemplate "text/template"
	"text/template/parse"

	col "plansite/internal/column"
	"plansite/internal/labels"
	"plansite/internal/plan"
	"plansite/internal/problem"
	"plansite/internal/sitepath"
)

// Partials are templates every page kind may call, each in its own file:
// pager.html defines "pager" and "page-of", the links between the pages of
// a long list.
var Partials = []string{"pager"}

// OptionalPartials are partials a templates folder may leave out: those of
// a portal's pages only (portal-parts.html), whose templates are optional
// too.
var OptionalPartials = []string{"portal-parts"}

// Templates holds every page kind's parsed template, twice: as written,
// for messages, and minified, to run, and the folder's labels.
type Templates struct {
	// proto is base.html and the partials, minified and never run: each
	// kind's set of templates is the kind's file with copies of those of
	// proto's templates its page reaches (kindTemplates), and each
	// fragment, item and value runs in a copy of its own (namedSets).
	proto *template.Template
	funcs template.FuncMap   // proto's functions
	kinds map[*Kind]*kindSet // minified
	// The files as written, parsed into source the first time a page
	// fails: its errors give the file's own lines and columns.
	written    writtenSource
	sourceOnce sync.Once
	source     map[*Kind]*template.Template
	dir        string // the templates folder, for messages
	// keepEscapers leaves the escapers as html/template puts them (for
	// tests that compare).
	keepEscapers bool
	// Labels are the folder's labels.toml laid over the defaults.
	Labels *labels.Labels
	// The fragments, items and values made, for the sites rendered.
	frags *fragments
	vals  *values
	// read is the folder as Parse read it (again.go).
	read *folderSource
}

// kindSet is a page kind's set of templates, made by the kind's first
// page: a site of one plan has no portal pages, and copying base.html's
// templates into every kind's set was a third of parsing, the one part of
// a small table's build that ran on one core. The first page also escapes
// the set; the HTML escapers that change nothing are then dropped
// (prune.go), before any other page of the kind runs it.
type kindSet struct {
	file   kindFile           // minified
	parsed *template.Template // file parsed alone, until the set is made
	once   sync.Once
	tmpl   *template.Template
	err    error
}

// MaxPage is the most bytes one page may have. A real table's largest
// page has a few hundred KB, and /departments/ of 50,000 departments, the
// most plan allows, 48 MB; past this a template most likely repeats a list
// inside a list, and would otherwise run until memory runs out. Pages are
// rendered on every core at once, so this much may be held for each.
const MaxPage = 64 << 20

// errPageTooLarge stops a template whose output passes MaxPage.
var errPageTooLarge = errors.New("page too large")

// capped is a buffer that refuses to grow past MaxPage: the template
// writing to it stops at the first write that would.
type capped struct{ b *bytes.Buffer }

func (c capped) Write(p []byte) (int, error) {
	if c.b.Len()+len(p) > MaxPage {
		return 0, errPageTooLarge
	}
	return c.b.Write(p)
}

// templateLocation is the place text/template puts first in a message:
// templates/task.html:12:5: (a line alone when it parses).
var templateLocation = regexp.MustCompile(`^(.+?\.html):(\d+)(?::(\d+))?: ([\s\S]*)$`)

// templateError is a template that fails to parse or run, as a problem at
// the template's line and column.
func templateError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "template: ")
	m := templateLocation.FindStringSubmatch(msg)
	if m == nil {
		return &problem.Problem{Msg: msg}
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	return &problem.Problem{File: m[1], Line: line, Col: col, Msg: m[4]}
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
	// keep and brk are .Site.Keep and .Site.Brk as functions,
	// {{keep .Site .Text}}: html/template finds a method by a search on
	// every call, a function once, and these run for nearly every text
	// a page shows (a tenth of a task page's time went to finding them).
	"keep": (*Context).Keep,
	// word is a heading as a sentence says it: 责任⏎领导 is 责任领导.
	"word": plan.Word,
	"brk":  (*Context).Brk,
	"cn":   plan.Numeral,
	// yearList makes a list of years one value, the key of the values
	// that show it.
	"yearList": yearList,
	"anchor":   sitepath.SentenceAnchor,
	// excerpt shortens a text to at most n characters, at a sentence end
	// if one is near (a task summary's latest update).
	"excerpt":  excerpt,
	"deptList": func(p *Page, ds []*plan.Department) DeptList { return DeptList{p, ds} },
	// heading is the table's column read as the standard column std, or
	// std under its standard name when the table lacks it; templates name
	// std by its key ("measures").
	"heading": func(pl *plan.Plan, std col.Column) plan.Column {
		for _, c := range pl.Columns {
			if c.Std == std {
				return c
			}
		}
		return plan.Column{Heading: std.Name(), Std: std}
	},
	// headingOf is .Plan.Heading std, the table's own name of a column, as
	// html/template would write it between tags: a task page names five
	// columns, and a method and its escaper cost twice a function.
	"headingOf": func(pl *plan.Plan, std col.Column) template.HTML {
		return template.HTML(htmlText(pl.Heading(std)))
	},
	"taskDepts": func(p *Page, t *plan.Task, ds []*plan.Department) TaskDepts {
		return TaskDepts{p, t, ds}
	},
	"tasks": func(p *Page, ts []*plan.Task) TaskList { return TaskList{p, ts} },
	// The tasks a department's and a year's status counts are of.
	"deptTasks": DeptTasks,
	"yearTasks": func(p *Page) []*plan.Task { return p.Site.yearTasks(p.Year) },
}

// fragmentFuncs are the functions of one set of templates' fragments,
// items and values.
func fragmentFuncs(frags *fragments, vals *values) template.FuncMap {
	return template.FuncMap{"fragment": frags.render, "item": frags.item, "value": vals.render}
}

// pageHTMLFuncs are the functions of the templates that return HTML.
var pageHTMLFuncs = func() map[string]bool {
	m := htmlFuncs(funcs)
	for name := range htmlFuncs(fragmentFuncs(&fragments{}, &values{})) {
		m[name] = true
	}
	return m
}()

// kindTemplates makes the kind's set of templates: the kind's file kf,
// parsed with the functions fm, and a copy of each template of from,
// base.html's set as no page has run it yet, that the page reaches, where
// the file does not define one of that name. A definition that is empty
// leaves from's, as when a file is parsed into a set. A kind's page
// reaches a few of base.html's templates; the others are fragments,
// values and items, which run in base.html's own set: copying them all
// into every kind's set was most of the copying.
func kindTemplates(from *template.Template, fm template.FuncMap, kf kindFile) (*template.Template, error) {
	return kindSetOf(from, fm, kf, nil)
}

// kindSetOf is kindTemplates with the kind's file already parsed alone,
// as file, whose trees it takes; nil parses kf.
func kindSetOf(from *template.Template, fm template.FuncMap, kf kindFile, file *template.Template) (*template.Template, error) {
	if file == nil {
		var err error
		if file, err = template.New(kf.name).Funcs(fm).Parse(kf.text); err != nil {
			return nil, err
		}
	}
	own := func(name string) *parse.Tree {
		d := file.Lookup(name)
		if name == kf.name || d == nil || d.Tree == nil {
			return nil // the file's own text, outside its definitions, never runs
		}
		if old := from.Lookup(name); old != nil && old.Tree != nil && parse.IsEmptyTree(d.Tree.Root) {
			return nil
		}
		return d.Tree
	}
	set := template.New(from.Name()).Funcs(fm)
	if err := addReached(set, from, from.Name(), own); err != nil {
		return nil, err
	}
	// AddParseTree put a new template in the set under set's own name.
	return set.Lookup(from.Name()), nil
}

// addReached adds to set the template name and every template it calls,
// and they call, each the tree own gives or else a copy of from's
// (own may be nil).
func addReached(set, from *template.Template, name string, own func(string) *parse.Tree) error {
	if t := set.Lookup(name); t != nil && t.Tree != nil {
		return nil
	}
	var tree *parse.Tree
	if own != nil {
		tree = own(name)
	}
	if tree == nil {
		t := from.Lookup(name)
		if t == nil || t.Tree == nil {
			return nil // html/template says so when it escapes the call
		}
		tree = t.Tree.Copy()
	}
	if _, err := set.AddParseTree(name, tree); err != nil {
		return err
	}
	var err error
	walkCalls(tree.Root, func(c *parse.TemplateNode) {
		if err == nil {
			err = addReached(set, from, c.Name, own)
		}
	})
	return err
}

// walkCalls calls fn with every {{template}} of n.
func walkCalls(n *parse.ListNode, fn func(*parse.TemplateNode)) {
	walkNodes(n, func(c parse.Node) {
		if t, ok := c.(*parse.TemplateNode); ok {
			fn(t)
		}
	})
}

// trimEnd drops the white space that ends the page (the line breaks
// between </html> and the definitions below it in base.html), which the
// minifier, not knowing the definitions write nothing there, keeps.
func trimEnd(t *template.Template) {
	if t.Tree == nil || t.Tree.Root == nil {
		return
	}
	nodes := t.Tree.Root.Nodes
	for len(nodes) > 0 {
		text, ok := nodes[len(nodes)-1].(*parse.TextNode)
		if !ok {
			break
		}
		if text.Text = bytes.TrimRight(text.Text, " \t\r\n"); len(text.Text) > 0 {
			break
		}
		nodes = nodes[:len(nodes)-1]
	}
	t.Tree.Root.Nodes = nodes
}

// RenderTo executes the page's template into b, which is reset first.
func (t *Templates) RenderTo(b *bytes.Buffer, p *Page) error {
	b.Reset()
	ks := t.kinds[p.Kind]
	if ks == nil {
		return &problem.Problem{File: t.dir, Msg: fmt.Sprintf("no template for page kind %q", p.Kind.Name)}
	}
	v, err := p.view()
	if err != nil {
		return err
	}
	ran := false
	ks.once.Do(func() {
		ran = true
		ks.tmpl, ks.err = kindSetOf(t.proto, t.funcs, ks.file, ks.parsed)
		ks.parsed = nil // its trees are the set's now
		if ks.err != nil {
			ks.err = minifiedError(t.dir, templateError(ks.err))
			return
		}
		if err = ks.tmpl.Execute(capped{b}, v); err == nil && !t.keepEscapers {
			dropHTMLEscapers(ks.tmpl, pageHTMLFuncs)
		}
	})
	if ks.err != nil {
		return ks.err
	}
	if !ran {
		err = ks.tmpl.Execute(capped{b}, v)
	}
	if err != nil {
		if errors.Is(err, errPageTooLarge) {
			b.Reset()
			// The page's own template, or the one whose fragment or
			// item passed the limit.
			file := path.Join(t.dir, p.Kind.Name+".html")
			var in texttemplate.ExecError
			if errors.As(err, &in) && strings.HasSuffix(in.Name, ".html") {
				file = in.Name
			}
			return &problem.Problem{File: file, Msg: fmt.Sprintf("page %s is larger than %d MB, the limit of one page: does the template repeat a list inside a list?",
				"/"+p.Path, MaxPage>>20)}
		}
		// Run again as written, for the message to give the
		// template's own line and column.
		t.sourceOnce.Do(func() { t.source = sourceSets(t.written, t.dir) })
		var scratch bytes.Buffer
		if src := t.source[p.Kind]; src != nil {
			if err := src.Execute(capped{&scratch}, v); err != nil && !errors.Is(err, errPageTooLarge) {
				return templateError(err)
			}
		}
		return templateError(err)
	}
	return nil
}

// sourceSets parses the templates as written into a set per kind, all
// copied before any runs.
func sourceSets(written writtenSource, dir string) map[*Kind]*template.Template {
	f, kinds, err := parseFolder(written, dir, asWritten)
	if err != nil {
		return nil
	}
	sets := make(map[*Kind]*template.Template, len(kinds))
	for k, kf := range kinds {
		if set, err := kindTemplates(f.base, f.funcs, kf); err == nil {
			sets[k] = set
		}
	}
	return sets
}
