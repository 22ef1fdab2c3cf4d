package pages

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"strings"
	"sync"

	"plansite/internal/inputfs"
	"plansite/internal/labels"
	"plansite/internal/minifier"
	"plansite/internal/parallel"
	"plansite/internal/problem"
)

// TemplateLimit is the most a template file may hold: the bundled ones
// have a few kilobytes, and each is held twice, as written and minified.
var TemplateLimit = inputfs.Limit{Bytes: 1 << 20, What: "a template", Advice: "no template is that large; is this the wrong file?"}

// Parse reads templates/base.html, one template per page kind and the
// labels from fsys, whose root holds the templates folder's files. dir
// names that folder in messages.
//
// Each template is minified and parsed: the minified templates make pages
// that need no minifying, which was a fifth of a build's time. A template
// that does not parse so is parsed as written, so that its error gives
// the file's own line and column; so is one that minifying changed other
// than between its actions (an action inside an HTML comment, which the
// minifier drops), whose errors are then those of the file as written.
// Otherwise the file as written parses as surely as the minified one:
// text between actions never makes a template fail to parse, and parsing
// each file twice was a twentieth of a small table's build.
//
// base.html and the partials are parsed into one set; each kind's file
// alone, on every core, and made into a set of its own with a copy of
// what its page reaches of base.html's when the kind's first page is made.
// The templates as written are made into a set per kind only when a page
// fails, for its message: copying was two thirds of parsing.
func Parse(fsys fs.FS, dir string) (*Templates, error) {
	src := &folderSource{fsys: fsys, dir: dir, written: writtenSource{}}
	kindNames, err := src.readAll(dir)
	if err != nil {
		// As a parse of one file after another meets them: one of the
		// files read before may not parse.
		if _, perr := parseBase(src.written, dir, asWritten); perr != nil {
			return nil, perr
		}
		return nil, err
	}
	var kinds []parsedKind
	var labelsErr error
	var words *labels.Labels
	var wg sync.WaitGroup
	wg.Go(func() { kinds = parseKinds(src.written, dir, kindNames) })
	wg.Go(func() {
		if src.labels, src.hasLabels, labelsErr = labels.ReadData(fsys, dir); labelsErr == nil {
			words, labelsErr = labels.ParseData(dir, src.labels, src.hasLabels, labelSpecs())
		}
	})
	changed := false
	min, minErr := parseBase(src.written, dir, func(s string) (string, error) {
		m, err := minifier.Template(s)
		changed = changed || err == nil && !sameActions(s, m)
		return m, err
	})
	var writtenErr error
	if minErr != nil || changed {
		_, writtenErr = parseBase(src.written, dir, asWritten)
	}
	wg.Wait()
	// In the order a parse of one file after another, as written first,
	// would meet them.
	errs := []error{writtenErr}
	for _, k := range kinds {
		errs = append(errs, k.writtenErr)
	}
	if minErr != nil {
		errs = append(errs, minifiedError(dir, minErr))
	}
	for _, k := range kinds {
		errs = append(errs, k.minErr)
	}
	errs = append(errs, labelsErr)
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	sets := make(map[*Kind]*kindSet, len(kinds))
	for _, k := range kinds {
		sets[k.kind] = &kindSet{file: k.file, parsed: k.parsed}
	}
	return &Templates{proto: min.base, funcs: min.funcs, kinds: sets, written: src.written, dir: dir, Labels: words,
		frags: min.frags, vals: min.vals, read: src}, nil
}

// minifiedError is a template that parses as written and not minified.
func minifiedError(dir string, err error) error {
	return &problem.Problem{File: dir, Msg: fmt.Sprintf("the templates, minified, do not parse: %v", err)}
}

func asWritten(s string) (string, error) { return s, nil }

// sameActions reports whether the texts a and b have the same actions,
// {{ to }}, in the same order: whether they differ only in the text
// between actions.
func sameActions(a, b string) bool {
	for {
		i, j := strings.Index(a, "{{"), strings.Index(b, "{{")
		if i < 0 || j < 0 {
			return i == j
		}
		a, b = a[i:], b[j:]
		k, l := strings.Index(a, "}}"), strings.Index(b, "}}")
		if k < 0 || l < 0 {
			return a == b
		}
		if a[:k] != b[:l] {
			return false
		}
		a, b = a[k+2:], b[l+2:]
	}
}

// templateSource is where parseBase and kindFiles read the templates'
// files.
type templateSource interface {
	// exists is false when the file is known not to exist; an optional
	// template's then left out.
	exists(name string) bool
	read(name string) (string, error)
}

// folderSource is the templates folder, whose files it keeps as read,
// with the names it found missing and its labels.
type folderSource struct {
	fsys      fs.FS
	dir       string
	written   writtenSource
	missing   []string
	labels    []byte
	hasLabels bool
}

func (f *folderSource) exists(name string) bool {
	_, err := fs.Stat(f.fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		f.missing = append(f.missing, name)
		return false
	}
	return true
}

func (f *folderSource) read(name string) (string, error) {
	b, err := inputfs.ReadFile(f.fsys, name, path.Join(f.dir, name), TemplateLimit, "cannot read template: ")
	if err != nil {
		return "", err
	}
	f.written[name] = string(b)
	return string(b), nil
}

// readAll reads base.html, the partials and the kinds' files the folder
// has, in that order, and returns the kinds' files' names, in the kinds'
// order. It stops at the first file it cannot read.
func (f *folderSource) readAll(dir string) ([]kindName, error) {
	if _, err := f.read("base.html"); err != nil {
		return nil, err
	}
	for _, part := range partials(f) {
		if _, err := f.read(part + ".html"); err != nil {
			return nil, err
		}
	}
	names := kindNames(f)
	for _, k := range names {
		if _, err := f.read(k.file); err != nil {
			return nil, err
		}
	}
	return names, nil
}

// writtenSource is the templates folder's files as read, by name.
type writtenSource map[string]string

func (w writtenSource) exists(name string) bool { _, ok := w[name]; return ok }

func (w writtenSource) read(name string) (string, error) { return w[name], nil }

// partials are the partials' names in src.
func partials(src templateSource) []string {
	parts := Partials
	for _, part := range OptionalPartials {
		if src.exists(part + ".html") {
			parts = append(parts[:len(parts):len(parts)], part)
		}
	}
	return parts
}

// kindName is a kind and the name of its file in the templates folder.
type kindName struct {
	kind *Kind
	file string // task.html
}

// kindNames lists the kinds whose files src has (every kind but the
// optional ones it lacks), in the kinds' order.
func kindNames(src templateSource) []kindName {
	var names []kindName
	for _, kind := range allKinds() {
		if kind.Optional && !src.exists(kind.Name+".html") {
			continue
		}
		names = append(names, kindName{kind, kind.Name + ".html"})
	}
	return names
}

// folder is a templates folder's base.html and partials parsed into one
// set, which runs the fragments, items and values.
type folder struct {
	base  *template.Template
	funcs template.FuncMap // base's functions, the fragments' bound to base
	frags *fragments
	vals  *values
}

// kindFile is a kind's template file: its name (templates/task.html) and
// its text.
type kindFile struct{ name, text string }

// readFile reads the file name of src, its text given to prepare.
func readFile(src templateSource, dir, name string, prepare func(string) (string, error)) (kindFile, error) {
	b, err := src.read(name)
	if err != nil {
		return kindFile{}, err
	}
	text, err := prepare(b)
	if err != nil {
		return kindFile{}, &problem.Problem{File: path.Join(dir, name), Msg: err.Error()}
	}
	return kindFile{path.Join(dir, name), text}, nil
}

// parseBase reads base.html and the partials, each text first given to
// prepare, and parses them into one set.
func parseBase(src templateSource, dir string, prepare func(string) (string, error)) (*folder, error) {
	bf, err := readFile(src, dir, "base.html", prepare)
	if err != nil {
		return nil, err
	}
	frags := &fragments{cache: map[fragmentKey]template.HTML{}, items: map[itemKey]template.HTML{}}
	vals := &values{cache: map[valueKey]template.HTML{}}
	fm := template.FuncMap{}
	maps.Copy(fm, funcs)
	maps.Copy(fm, fragmentFuncs(frags, vals))
	base, err := template.New(bf.name).Funcs(fm).Parse(bf.text)
	if err != nil {
		return nil, templateError(err)
	}
	trimEnd(base)
	for _, part := range partials(src) {
		f, err := readFile(src, dir, part+".html", prepare)
		if err != nil {
			return nil, err
		}
		if _, err := base.New(f.name).Parse(f.text); err != nil {
			return nil, templateError(err)
		}
	}
	frags.set = newNamedSets(base, fm)
	vals.set = frags.set
	return &folder{base: base, funcs: fm, frags: frags, vals: vals}, nil
}

// parseFuncs are the names of every function a template may call, for
// parsing only: what they are bound to never runs.
var parseFuncs = func() template.FuncMap {
	fm := maps.Clone(funcs)
	maps.Copy(fm, fragmentFuncs(&fragments{}, &values{}))
	return fm
}()

// parsedKind is a kind's file minified and parsed alone, or why it does
// not parse.
type parsedKind struct {
	kind   *Kind
	file   kindFile           // minified
	parsed *template.Template // nil when it does not parse
	// writtenErr is the file's error as written; minErr, when it parses
	// as written, minified.
	writtenErr, minErr error
}

// parseKinds minifies and parses the kinds' files of src, names, each
// alone, on every core.
func parseKinds(src writtenSource, dir string, names []kindName) []parsedKind {
	out := make([]parsedKind, len(names))
	parallel.Run(len(names), 0, nil, func(i int) error {
		k := &out[i]
		k.kind = names[i].kind
		written, _ := src.read(names[i].file)
		name := path.Join(dir, names[i].file)
		text, err := minifier.Template(written)
		if err != nil {
			k.minErr = minifiedError(dir, &problem.Problem{File: name, Msg: err.Error()})
		} else if k.parsed, err = template.New(name).Funcs(parseFuncs).Parse(text); err != nil {
			k.minErr = minifiedError(dir, templateError(err))
			k.parsed = nil
		}
		k.file = kindFile{name, text}
		if k.minErr != nil || !sameActions(written, text) {
			if _, err := template.New(name).Funcs(parseFuncs).Parse(written); err != nil {
				k.writtenErr = templateError(err)
			}
		}
		return nil
	})
	return out
}

// parseFolder parses base.html and the partials of src, each text first
// given to prepare, and reads the kinds' files, given to prepare too.
func parseFolder(src templateSource, dir string, prepare func(string) (string, error)) (*folder, map[*Kind]kindFile, error) {
	f, err := parseBase(src, dir, prepare)
	if err != nil {
		return nil, nil, err
	}
	kinds := map[*Kind]kindFile{}
	for _, k := range kindNames(src) {
		if kinds[k.kind], err = readFile(src, dir, k.file, prepare); err != nil {
			return nil, nil, err
		}
	}
	return f, kinds, nil
}
