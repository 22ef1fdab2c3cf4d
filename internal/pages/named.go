package pages

import (
	"fmt"
	"html/template"
	"io"
	"sync"
)

// namedSets runs the templates of base.html's set that pages call by
// name, the fragments, items and values, each in a set of its own: a copy
// of the template and of those it calls, made the first time it runs.
//
// Run in base.html's own set, each of them was escaped by a pass of its
// own, and html/template ends every pass by adding its escaping functions
// again to every template the set's passes have escaped so far: with
// forty of them, that was a thirtieth of a small table's CPU. In a set
// of its own, a pass adds them to that template and the few it calls.
// base.html's set is never run, so every copy is of its templates as
// parsed.
type namedSets struct {
	from *template.Template // base.html's set
	fm   template.FuncMap
	mu   sync.Mutex
	sets map[string]*namedSet
}

type namedSet struct {
	once sync.Once
	tmpl *template.Template
	err  error
}

func newNamedSets(from *template.Template, fm template.FuncMap) *namedSets {
	return &namedSets{from: from, fm: fm, sets: map[string]*namedSet{}}
}

// ExecuteTemplate runs the template name on data into w, as base.html's
// set would.
func (n *namedSets) ExecuteTemplate(w io.Writer, name string, data any) error {
	n.mu.Lock()
	s := n.sets[name]
	if s == nil {
		s = &namedSet{}
		n.sets[name] = s
	}
	n.mu.Unlock()
	s.once.Do(func() {
		if t := n.from.Lookup(name); t == nil || t.Tree == nil {
			s.err = fmt.Errorf("html/template: %q is undefined", name)
			return
		}
		set := template.New(name).Funcs(n.fm)
		if s.err = addReached(set, n.from, name, nil); s.err == nil {
			s.tmpl = set.Lookup(name)
		}
	})
	if s.err != nil {
		return s.err
	}
	return s.tmpl.Execute(w, data)
}
