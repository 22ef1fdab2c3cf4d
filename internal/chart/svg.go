package chart

import (
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"plansite/internal/plan"
)

// Drawing of the charts. Sizes are in the SVG's own units; the stylesheet
// scales the drawing to the width of the page (.chart-svg). The SVG names no
// colour: static/style.css colours each mark by its class (.bar, .lead,
// .coop, .grid …), so the site's colours live in one place and high-contrast
// mode recolours the charts with the rest of the page. Outlined shapes and
// grid lines say fill="none" and stroke="currentColor", so that the drawing
// still reads, in the text colour, under a stylesheet without those rules.
// No style attributes: the site's Content Security Policy forbids inline
// styles.

const (
	chartWidth = 400.0
	fontSize   = 14.0
	barsWidth  = 336.0 // 288 px at MinText: a 320 px phone's column
	barsMin    = 144.0 // the least room left for the bars themselves
	outline    = ` fill="none" stroke="currentColor" stroke-width="2"`
)

// Axis keeps the year axis of a plan's small timelines, drawn once for
// all of its task pages: the same lines and years on each, it was most of
// the drawing of a task page's timeline.
type Axis struct {
	once sync.Once
	svg  string
}

func (a *Axis) get(draw func() string) string {
	a.once.Do(func() { a.svg = draw() })
	return a.svg
}

// svgDoc collects the elements of one chart.
type svgDoc struct {
	b strings.Builder
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// round1 keeps one decimal, so the output stays short and stable.
func round1(f float64) float64 { return float64(int64(f*10+0.5)) / 10 }

func (s *svgDoc) el(format string, args ...any) { fmt.Fprintf(&s.b, format, args...) }

// The elements drawn on every task page (the timeline's text, bars, lines
// and marks) are written piece by piece rather than through fmt, whose
// reflection was a twentieth of a large site's build.

// str writes pieces of markup as they are.
func (s *svgDoc) str(parts ...string) {
	for _, p := range parts {
		s.b.WriteString(p)
	}
}

// num writes f as num would.
func (s *svgDoc) num(f float64) {
	var buf [32]byte
	s.b.Write(strconv.AppendFloat(buf[:0], f, 'f', -1, 64))
}

// attr writes ` name="f"`, f rounded to one decimal.
func (s *svgDoc) attr(name string, f float64) {
	s.str(" ", name, `="`)
	s.num(round1(f))
	s.b.WriteByte('"')
}

func (s *svgDoc) text(class string, x, y float64, anchor, txt string, size float64) {
	s.str(`<text class="`, class, `"`)
	s.attr("x", x)
	s.attr("y", y)
	s.str(` font-size="`)
	s.num(size)
	s.b.WriteByte('"')
	if anchor != "" {
		s.str(` text-anchor="`, anchor, `"`)
	}
	s.str(">", template.HTMLEscapeString(txt), "</text>")
}

func (s *svgDoc) rect(class string, x, y, w, h float64, extra string) {
	s.str(`<rect class="`, class, `"`)
	s.attr("x", x)
	s.attr("y", y)
	s.attr("width", w)
	s.attr("height", h)
	s.str(extra, "/>")
}

func (s *svgDoc) line(class string, x1, y1, x2, y2 float64) {
	s.str(`<line class="`, class, `"`)
	s.attr("x1", x1)
	s.attr("y1", y1)
	s.attr("x2", x2)
	s.attr("y2", y2)
	s.str(` stroke="currentColor"/>`)
}

// mark is a diamond centred on x, y, d from the centre to each corner.
func (s *svgDoc) mark(x, y, d float64) {
	s.str(`<polygon class="mark" points="`)
	for i, p := range [4][2]float64{{x, y - d}, {x + d, y}, {x, y + d}, {x - d, y}} {
		if i > 0 {
			s.b.WriteByte(' ')
		}
		s.num(round1(p[0]))
		s.b.WriteByte(',')
		s.num(round1(p[1]))
	}
	s.str(`" stroke-width="1.5"/>`)
}

// MinText is the smallest size, in CSS px, chart text is drawn at.
const MinText = 12.0

// wrap opens the <svg> with its accessible name and description. Its width
// and height, the size the stylesheet never shrinks it below, are those at
// which the smallest text, minFont in the drawing's units, is MinText px:
// the drawing scales up to fill a wide page, and on a phone too narrow for
// it, scrolls inside its region rather than shrinking its labels unreadably.
// The SVG is written as the minifier leaves it, since the pages it is put
// in are not minified whole (only their templates are): inline in HTML, it
// needs no xmlns, and the numbers are as short as they go.
func wrap(id, title, desc string, w, h, minFont float64, body string) template.HTML {
	var b strings.Builder
	k := MinText / minFont
	b.Grow(len(body) + len(title) + len(desc) + 200)
	for _, p := range []string{`<svg class="chart-svg" viewBox="0 0 `, num(round1(w)), " ", num(round1(h)),
		`" width="`, num(round1(w * k)), `" height="`, num(round1(h * k)), `" role="img" aria-labelledby="`, id, "-t ", id, `-d">`,
		`<title id="`, id, `-t">`, template.HTMLEscapeString(title), `</title><desc id="`, id, `-d">`, template.HTMLEscapeString(desc), `</desc>`,
		body, `</svg>`} {
		b.WriteString(p)
	}
	return template.HTML(b.String())
}

// chartTextWidth estimates how wide text is drawn: CJK characters are one em,
// others about 0.6 em.
func chartTextWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		if r >= 0x1100 {
			w += size
		} else {
			w += size * 0.6
		}
	}
	return w
}

// SVG draws the timeline. It is narrower than the other charts, so that
// its few columns are drawn larger on a phone.
func (g *Gantt) SVG() template.HTML {
	// Its text is a size larger than the other charts' fontSize.
	const rowH, barH, headH, textSize = 28.0, 12.0, 30.0, 15.0
	width := 360.0
	labelW, numW := 4.0, 0.0
	n := float64(len(g.Years))
	if g.Small {
		width = 300
	} else {
		// A row names its task by number and the start of its title, so
		// that rows of alike bars are told apart.
		for _, r := range g.Rows {
			numW = math.Max(numW, chartTextWidth(r.Label, textSize)+6)
		}
		for _, r := range g.Rows {
			labelW = math.Max(labelW, numW+chartTextWidth(shortTitle(r.Task), textSize)+12)
		}
		width = math.Max(width, labelW+8+n*28)
	}
	colW := (width - labelW - 8) / n
	h := headH + rowH*float64(len(g.Rows)) + 6
	var s svgDoc
	axis := func() string {
		var a svgDoc
		for i, y := range g.Years {
			x := labelW + colW*float64(i)
			a.line("grid", x, headH-8, x, h)
			a.text("year", x+colW/2, 19, "middle", strconv.Itoa(y), textSize)
		}
		a.line("grid", labelW+colW*n, headH-8, labelW+colW*n, h)
		return a.b.String()
	}
	if g.axis != nil && g.Small && len(g.Rows) == 1 {
		// Every small timeline of a plan has this one size.
		s.str(g.axis.get(axis))
	} else {
		s.str(axis())
	}
	first := g.Years[0]
	for i, r := range g.Rows {
		top := headH + rowH*float64(i)
		mid := top + rowH/2
		s.str(`<g class="row">`)
		if !g.Small {
			s.text("label", 0, mid+5, "", r.Label, textSize)
			if t := shortTitle(r.Task); t != "" {
				s.text("row-title", numW, mid+5, "", t, textSize)
			}
		}
		for _, m := range r.Spans {
			from, to := clamp(m.From, first, len(g.Years)), clamp(m.To, first, len(g.Years))
			x0 := labelW + colW*float64(from) + 3
			x1 := labelW + colW*float64(to+1) - 3
			s.rect("bar", x0, mid-barH/2, x1-x0, barH, ` rx="2"`)
		}
		for _, m := range r.Spans {
			to := clamp(m.To, first, len(g.Years))
			cx := labelW + colW*float64(to+1) - 3
			d := 7.0
			s.mark(cx, mid, d)
		}
		s.str(`</g>`)
	}
	return wrap(g.ID, g.Title, g.Desc, width, h, textSize, s.b.String())
}

// shortTitle is the start of a task's title, for a row label: at most six
// characters, then an ellipsis.
func shortTitle(t *plan.Task) string {
	const most = 6
	if t == nil {
		return ""
	}
	title := []rune(strings.TrimSpace(t.Title))
	if len(title) <= most {
		return string(title)
	}
	return string(title[:most]) + "…"
}

// clamp turns a year into a column index within the chart.
func clamp(y, first, n int) int {
	i := y - first
	if i < 0 {
		return 0
	}
	if i >= n {
		return n - 1
	}
	return i
}

// areaLines splits an area's name into short lines for a column heading.
func areaLines(name string) []string {
	const per = 4
	rs := []rune(name)
	var lines []string
	for len(rs) > 0 {
		k := per
		if len(rs) < k {
			k = len(rs)
		}
		lines = append(lines, string(rs[:k]))
		rs = rs[k:]
	}
	return lines
}

// SVG draws the matrix.
func (m *Matrix) SVG() template.HTML {
	const rowH, box, small = 30.0, 20.0, 12.0
	labelW := 0.0
	for _, r := range m.Rows {
		if w := chartTextWidth(r.Dept.Name, fontSize) + 10; w > labelW {
			labelW = w
		}
	}
	maxLines := 1
	for _, a := range m.Areas {
		if n := len(areaLines(a.Name)); n > maxLines {
			maxLines = n
		}
	}
	colW := 54.0
	if w := (chartWidth - labelW) / float64(len(m.Areas)); w > colW {
		colW = w
	}
	width := labelW + colW*float64(len(m.Areas))
	headH := 22 + 15*float64(maxLines) + 4
	h := headH + rowH*float64(len(m.Rows)) + 4
	var s svgDoc
	for i, a := range m.Areas {
		cx := labelW + colW*(float64(i)+0.5)
		s.text("area", cx, 16, "middle", areaNumber(a), fontSize)
		for j, l := range areaLines(a.Name) {
			s.text("area-name", cx, 16+15*float64(j+1), "middle", l, small)
		}
	}
	s.line("grid", 0, headH-2, width, headH-2)
	for i, r := range m.Rows {
		top := headH + rowH*float64(i)
		mid := top + rowH/2
		s.str(`<g class="row">`)
		s.text("label", 0, mid+5, "", r.Dept.Name, fontSize)
		for j, c := range r.Cells {
			cx := labelW + colW*(float64(j)+0.5)
			if c.Lead > 0 {
				w := boxWidth(c.Lead, box)
				s.rect("lead", cx-2-w, mid-box/2, w, box, "")
				s.text("n lead-n", cx-2-w/2, mid+4.5, "middle", strconv.Itoa(c.Lead), small)
			}
			if c.Coop > 0 {
				w := boxWidth(c.Coop, box)
				s.rect("coop", cx+2+1, mid-box/2+1, w-2, box-2, outline)
				s.text("n coop-n", cx+2+w/2, mid+4.5, "middle", strconv.Itoa(c.Coop), small)
			}
		}
		s.line("grid", 0, top+rowH, width, top+rowH)
		s.str(`</g>`)
	}
	return wrap(m.ID, m.Title, m.Desc, width, h, small, s.b.String())
}

// boxWidth widens a matrix box for numbers of more than two digits.
func boxWidth(n int, box float64) float64 {
	if d := float64(utf8.RuneCountInString(strconv.Itoa(n))); d > 2 {
		return box + (d-2)*7
	}
	return box
}

// SVG draws the bar chart: each series stacked, the first filled, the others
// outlined, and the values written after the bar.
func (b *Bars) SVG() template.HTML {
	const rowH, barH = 28.0, 16.0
	labelW, valueW := 0.0, 0.0
	most := 1 // the longest bar's total; 1 keeps an empty chart from dividing by 0
	for _, r := range b.Rows {
		if w := chartTextWidth(r.Label, fontSize) + 10; w > labelW {
			labelW = w
		}
		if w := chartTextWidth(barValue(r), fontSize) + 8; w > valueW && b.Classes == nil {
			valueW = w
		}
		if w := chartTextWidth(strconv.Itoa(r.Total()), fontSize) + 8; w > valueW {
			valueW = w
		}
		if t := r.Total(); t > most {
			most = t
		}
	}
	// Narrower than the other charts, so that it fits a 320 px phone with
	// its text at MinText; long labels widen it rather than squeeze the bars.
	width := math.Max(barsWidth, labelW+valueW+barsMin)
	unit := (width - labelW - valueW) / float64(most)
	if b.Classes != nil {
		// Each segment is at least as wide as its number: the bars widen
		// the chart rather than drop a number.
		for _, r := range b.Rows {
			need := 0.0
			for _, v := range r.Values {
				if v > 0 {
					need += math.Max(unit*float64(v), segmentMin(v))
				}
			}
			width = math.Max(width, labelW+valueW+need)
		}
	}
	h := rowH*float64(len(b.Rows)) + 4
	var s svgDoc
	s.line("grid", labelW, 0, labelW, h)
	for i, r := range b.Rows {
		top := rowH * float64(i)
		mid := top + rowH/2
		s.str(`<g class="row">`)
		s.text("label", 0, mid+5, "", r.Label, fontSize)
		x := labelW
		for k, v := range r.Values {
			if v == 0 {
				continue
			}
			w := unit * float64(v)
			if b.Classes != nil {
				w = math.Max(w, segmentMin(v))
				segment(&s, b.Classes[k], b.Series[k], x, mid, w, v)
			} else if k == 0 {
				s.rect("s0", x, mid-barH/2, w, barH, "")
			} else {
				s.rect(fmt.Sprintf("s%d", k), x+1, mid-barH/2+1, w-2, barH-2, outline)
			}
			x += w
		}
		value := barValue(r)
		if b.Classes != nil {
			value = strconv.Itoa(r.Total()) // the segments are told apart by the table
		}
		s.text("value", x+6, mid+5, "", value, fontSize)
		s.str(`</g>`)
	}
	return wrap(b.ID, b.Title, b.Desc, width, h, fontSize, s.b.String())
}

// segmentGap is the page's background left between two segments of a
// stack of statuses: each status's colour keeps 3:1 against the page, so
// neighbouring segments are told apart whatever their colours.
const segmentGap = 2.0

// segmentMin is the least width of a segment holding n: its number and a
// little room either side, and the gap.
func segmentMin(n int) float64 {
	return chartTextWidth(strconv.Itoa(n), fontSize) + 6 + segmentGap
}

// segment draws one status's part of a stacked bar, w wide from x, with
// its number written in it and a title naming the status, so that neither
// depends on its colour.
func segment(s *svgDoc, class, name string, x, mid, w float64, n int) {
	// Taller than its number's line box, so that the number is drawn on
	// its segment's colour and not partly on the page.
	const barH = 22.0
	s.el(`<g class="seg">`)
	s.rect(class, x, mid-barH/2, w-segmentGap, barH, "")
	s.text("seg-n", x+(w-segmentGap)/2, mid+5, "middle", strconv.Itoa(n), fontSize)
	s.el(`<title>%s %d</title></g>`, template.HTMLEscapeString(name), n)
}

// barValue is the text after a bar: 10+6 for two series, 22 for one.
func barValue(r BarRow) string {
	parts := make([]string, len(r.Values))
	for i, v := range r.Values {
		parts[i] = strconv.Itoa(v)
	}
	return strings.Join(parts, "+")
}

// areaNumber is an area's number as its label writes it (一、 or （二）),
// or （N） for a label written without one.
func areaNumber(a *plan.Area) string {
	if n := plan.TrimSpace(strings.TrimSuffix(a.Label, a.Name)); n != "" && n != a.Label {
		return n
	}
	return "（" + plan.Numeral(a.Ordinal) + "）"
}
