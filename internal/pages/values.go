package pages

import (
	"fmt"
	"html/template"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// Values are fragments of one value at a folder depth: a department's
// link is the same on every page at a depth that shows it, and so are a
// year's, an area's, or the markup around a page's third sentence, so each
// is made once, the first time a page asks for it
// ({{value "dept-link" $ $d}}), and reused as the HTML html/template made.
// A task page of a large table runs a third fewer actions.
//
// A value's template sees a Value: .V, the value it is made for, and
// .Page, which has only the links, so it cannot show anything of one page
// on another. The value is the key, so it must be comparable: a number, a
// string, or a pointer to a department or an area.
type Value struct {
	Page *ItemPage
	V    any
}

type valueKey struct {
	site  *Context
	name  string
	depth int // -1 for pages served at any address
	v     any
}

// values keeps the values of one set of templates: each build parses its
// own, so a preview server that rebuilds holds only its latest.
type values struct {
	set   *namedSets // runs the values' definitions
	mu    sync.Mutex
	cache map[valueKey]template.HTML
}

// pageOf is the page a template's page-like value stands for, for its
// depth and its site.
func pageOf(at any) (*Page, error) {
	switch p := at.(type) {
	case *Page:
		return p, nil
	case *ItemPage:
		return p.p, nil
	case *Frame:
		return p.page(), nil
	}
	return nil, fmt.Errorf("value: %T is not a page", at)
}

// render returns the template name made for v, as it is on the pages at
// the depth of at.
func (vs *values) render(name string, at any, v any) (template.HTML, error) {
	p, err := pageOf(at)
	if err != nil {
		return "", err
	}
	if v == nil || !reflect.TypeOf(v).Comparable() {
		return "", fmt.Errorf("value %s: %T cannot tell one value from another; give a number, a string or a pointer", name, v)
	}
	k := valueKey{p.Site, name, depthOf(p), v}
	return made(&vs.mu, vs.cache, k, vs.set, name, func() any { return &Value{itemPage(p, k.depth), v} })
}

// YearList is a list of years as one value, "2020,2021,2023", so that the
// links of a list, which many tasks share, are made once per depth
// ({{value "year-links" $ (yearList .)}}): a list run year by year was a
// dozen actions on every task page and in every task's entry in a list.
type YearList string

// yearList makes the YearList of ys.
func yearList(ys []int) YearList {
	b := make([]byte, 0, 5*len(ys))
	for i, y := range ys {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(y), 10)
	}
	return YearList(b)
}

// Years returns the years of the list, in its order.
func (l YearList) Years() []int {
	if l == "" {
		return nil
	}
	parts := strings.Split(string(l), ",")
	ys := make([]int, len(parts))
	for i, p := range parts {
		ys[i], _ = strconv.Atoi(p) // made by yearList: always a number
	}
	return ys
}
