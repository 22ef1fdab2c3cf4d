package labels

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"plansite/internal/config"
	"plansite/internal/problem"
)

// source is a labels file as read: its text, for placing messages, and
// which keys it sets.
type source struct {
	file string
	text string
	md   toml.MetaData
}

// Parse reads the labels file data, named file in messages, over the
// defaults: a key it sets replaces the default, the others stay. nil data
// is the defaults alone. pages declares the page kinds; a [pages.<name>]
// section of another name is an error.
func Parse(file string, data []byte, pages []PageSpec) (*Labels, error) {
	var l Labels
	md, err := config.DecodeTOML(defaults, &l)
	if err != nil {
		line, col, msg := config.TOMLErrorPos(defaults, err)
		return nil, &problem.Problem{File: defaultFile, Line: line, Col: col, Msg: msg}
	}
	def := &source{defaultFile, defaults, md}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, def.fail(und[0], "", "the defaults have a key Labels does not")
	}
	var over *source
	var o Labels
	if data != nil {
		text := strings.TrimPrefix(string(data), "\ufeff")
		md, err := config.DecodeTOML(text, &o)
		if err != nil {
			line, col, msg := config.TOMLErrorPos(text, err)
			return nil, &problem.Problem{File: file, Line: line, Col: col, Msg: msg}
		}
		over = &source{file, text, md}
		if und := md.Undecoded(); len(und) > 0 {
			return nil, over.fail(und[0], "", fmt.Sprintf("unknown label %s; plansite's labels are those of its default labels.toml (README.md, \"Labels\"): correct the name or remove the line", und[0]))
		}
		for name := range o.Pages {
			if !hasPage(pages, name) {
				return nil, over.fail(toml.Key{"pages", name}, "", fmt.Sprintf("[pages.%s]: no page kind is called %s; the kinds are %s", name, name, pageNames(pages)))
			}
		}
	}
	m := merger{def: def, over: over}
	if err := m.fields(reflect.ValueOf(&l).Elem(), reflect.ValueOf(&o).Elem(), nil); err != nil {
		return nil, err
	}
	pageLabels := make(map[string]*Page, len(pages))
	for _, spec := range pages {
		key := toml.Key{"pages", spec.Name}
		if !def.md.IsDefined(key...) {
			return nil, def.fail(key, "", fmt.Sprintf("the defaults have no [pages.%s]", spec.Name))
		}
		d, ov := *l.Pages[spec.Name], Page{}
		if o.Pages[spec.Name] != nil {
			ov = *o.Pages[spec.Name]
		}
		for _, f := range []struct {
			name string
			d    *Pattern
			o    Pattern
		}{{"nav", &d.Nav, ov.Nav}, {"crumb", &d.Crumb, ov.Crumb}, {"column", &d.Column, ov.Column}} {
			if *f.d, err = m.pattern(key, f.name, *f.d, f.o, nil); err != nil {
				return nil, err
			}
		}
		if d.Title, err = m.pattern(key, "title", d.Title, ov.Title, spec.Title); err != nil {
			return nil, err
		}
		if d.Description, err = m.pattern(key, "description", d.Description, ov.Description, spec.Description); err != nil {
			return nil, err
		}
		pageLabels[spec.Name] = &d
	}
	l.Pages = pageLabels
	return &l, nil
}

// merger lays the labels one file sets over the defaults, compiling each
// pattern against its placeholders.
type merger struct {
	def, over *source
}

var patternType = reflect.TypeFor[Pattern]()

// fields merges the fields of the structs d (the defaults, changed in
// place) and o (the file's) at key, and compiles their patterns.
func (m merger) fields(d, o reflect.Value, key toml.Key) error {
	t := d.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		switch {
		case f.Type.Kind() == reflect.Map:
			// The page kinds, which Parse merges against their specs.
		case f.Type == patternType:
			var args []string
			if a := f.Tag.Get("args"); a != "" {
				args = strings.Split(a, ",")
			}
			p, err := m.pattern(key, name, d.Field(i).Interface().(Pattern), o.Field(i).Interface().(Pattern), args)
			if err != nil {
				return err
			}
			d.Field(i).Set(reflect.ValueOf(p))
		case f.Type.Kind() == reflect.String:
			d.Field(i).SetString(m.text(key, name, d.Field(i).String(), o.Field(i).String()))
		case f.Type.Kind() == reflect.Struct:
			if err := m.fields(d.Field(i), o.Field(i), append(key[:len(key):len(key)], name)); err != nil {
				return err
			}
		default:
			panic(fmt.Sprintf("labels: field %s has type %s", f.Name, f.Type))
		}
	}
	return nil
}

// from is the file that sets key name of table, and whether it is the
// publisher's.
func (m merger) from(table toml.Key, name string) (*source, toml.Key, bool) {
	key := append(table[:len(table):len(table)], name)
	if m.over != nil && m.over.md.IsDefined(key...) {
		return m.over, key, true
	}
	return m.def, key, false
}

// text is the label name of table: the file's when it sets it, else d.
func (m merger) text(table toml.Key, name, d, o string) string {
	if _, _, over := m.from(table, name); over {
		return o
	}
	return d
}

// pattern compiles the label name of table, the file's when it sets it,
// else d, against args.
func (m merger) pattern(table toml.Key, name string, d, o Pattern, args []string) (Pattern, error) {
	src, key, over := m.from(table, name)
	raw := d.raw
	if over {
		raw = o.raw
	}
	p, err := Compile(raw, args)
	var pe *placeError
	if errors.As(err, &pe) {
		return Pattern{}, src.fail(key, pe.what, key.String()+": "+pe.msg)
	}
	return p, err
}

// fail is a problem at key of the file, or at the first needle after it
// when needle is given: the placeholder that is wrong.
func (s *source) fail(key toml.Key, needle, msg string) error {
	line, col := config.KeyPos(s.text, key)
	if needle != "" && line > 0 {
		lines := strings.Split(s.text, "\n")
		for i := line - 1; i < len(lines); i++ {
			l := lines[i]
			from := 0
			if i == line-1 {
				from = strings.IndexByte(l, '=') + 1
			}
			if j := strings.Index(l[from:], needle); j >= 0 {
				line, col = i+1, utf8.RuneCountInString(l[:from+j])+1
				break
			}
		}
	}
	return &problem.Problem{File: s.file, Line: line, Col: col, Msg: msg}
}

func hasPage(pages []PageSpec, name string) bool {
	for _, p := range pages {
		if p.Name == name {
			return true
		}
	}
	return false
}

func pageNames(pages []PageSpec) string {
	names := make([]string, len(pages))
	for i, p := range pages {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}
