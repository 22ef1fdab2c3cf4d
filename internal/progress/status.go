package progress

import (
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Status is one word of the vocabulary of 状态.
type Status struct {
	Name   string
	Colour string // #rrggbb, the status's text colour on the page
	Done   bool   // the task needs nothing more: it is never overdue
	Index  int    // its place in the vocabulary; its CSS class is st-<Index>
}

// Class is the CSS class that colours the status: st-0, st-1, …
func (s *Status) Class() string { return "st-" + strconv.Itoa(s.Index) }

// Defaults is the vocabulary when site.toml names none. Each colour keeps
// at least 4.5:1 against white, and each is a hue of its own: 未启动 is
// ochre, so that it is not the grey of a task without an update (暂无进展).
func Defaults() []Status {
	return Number([]Status{
		{Name: "未启动", Colour: "#9a6700"},
		{Name: "推进中", Colour: "#0550ae"},
		{Name: "已完成", Colour: "#1a7f37", Done: true},
		{Name: "滞后", Colour: "#c21a1a"},
		{Name: "已调整", Colour: "#8250df"},
	})
}

// Number sets each status's Index to its place.
func Number(ss []Status) []Status {
	for i := range ss {
		ss[i].Index = i
	}
	return ss
}

// Find returns the index of the status named name, or -1.
func Find(ss []Status, name string) int {
	for i, s := range ss {
		if s.Name == name {
			return i
		}
	}
	return -1
}

// Names lists the vocabulary, for messages.
func Names(ss []Status) string {
	n := make([]string, len(ss))
	for i, s := range ss {
		n[i] = s.Name
	}
	return strings.Join(n, ", ")
}

// ParseColour reads #rrggbb or #rgb.
func ParseColour(s string) (r, g, b uint8, ok bool) {
	h, found := strings.CutPrefix(s, "#")
	if !found || (len(h) != 3 && len(h) != 6) {
		return 0, 0, 0, false
	}
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return 0, 0, 0, false
	}
	return uint8(v >> 16), uint8(v >> 8), uint8(v), true
}

// Contrast is the WCAG 2 contrast ratio of two colours, from 1 to 21.
func Contrast(a, b string) (float64, error) {
	la, err := luminance(a)
	if err != nil {
		return 0, err
	}
	lb, err := luminance(b)
	if err != nil {
		return 0, err
	}
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05), nil
}

func luminance(c string) (float64, error) {
	r, g, b, ok := ParseColour(c)
	if !ok {
		return 0, fmt.Errorf("%q is not a colour written #rrggbb", c)
	}
	lin := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b), nil
}

// rules are the progress styles every site with progress gets, kept apart
// from static/style.css so that a site without progress is unchanged.
//
//go:embed progress.css
var rules []byte

// MinContrast is the least contrast a status colour must keep against the
// page background: WCAG's AA for text.
const MinContrast = 4.5

// CSS is the stylesheet that colours the statuses by their classes. High
// contrast shows every status as all its text is there, white on black
// with a yellow mark, so a status colour is only ever drawn on the page
// background the build checks it against.
func CSS(ss []Status) []byte {
	var b strings.Builder
	b.Write(rules)
	for _, s := range ss {
		fmt.Fprintf(&b, ".%s{--st:%s}\n", s.Class(), s.Colour)
	}
	return []byte(b.String())
}

// LowContrast returns the first status whose colour keeps less than
// MinContrast against any of the backgrounds, with the ratio and that
// background; nil when all are readable.
func LowContrast(ss []Status, backgrounds []string) (bad *Status, ratio float64, bg string) {
	for i := range ss {
		for _, b := range backgrounds {
			r, err := Contrast(ss[i].Colour, b)
			if err == nil && r < MinContrast {
				return &ss[i], r, b
			}
		}
	}
	return nil, 0, ""
}
