package pages

import (
	"html/template"
	"strings"

	"plansite/internal/linebreak"
)

// The line breaking of Chinese (internal/linebreak), for templates: the
// site's breaker knows the table's own unit names, so each is kept whole.

// Brk is a title or heading marked to break only between phrases, each
// unit name, date, number with its unit and label kept whole:
// {{.Site.Brk .Title}}, or as a function {{brk .Site .Title}}.
func (s *Context) Brk(text string) template.HTML { return s.lineBreaker().Title(text) }

// Keep is long text with each unit name, date, number with its unit and
// label kept whole, and breaking as usual elsewhere: {{.Site.Keep .Text}},
// or as a function {{keep .Site .Text}}.
func (s *Context) Keep(text string) template.HTML { return s.lineBreaker().Keep(text) }

// lineBreaker is made once per site, from the names and aliases of its
// departments (a portal's: of every plan's units) and of its issuers.
func (s *Context) lineBreaker() *linebreak.Breaker {
	s.breaker.once.Do(func() {
		var names []string
		if s.Plan != nil {
			for _, d := range s.Plan.Departments {
				names = append(names, d.Name)
				names = append(names, d.Aliases...)
			}
		}
		// The bodies that issue the plan, each whole: 大竹县人民政府办公室
		// is not to end a line at 办公.
		names = append(names, strings.Split(s.Config.Issuer, "、")...)
		if s.Portal != nil {
			for _, u := range s.Portal.Units {
				names = append(names, u.Name)
				names = append(names, u.Aliases...)
			}
			for _, pl := range s.Portal.Plans {
				names = append(names, strings.Split(pl.Content.Config.Issuer, "、")...)
			}
		}
		s.breaker.b = linebreak.New(names)
	})
	return s.breaker.b
}
