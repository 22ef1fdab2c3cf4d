package chart

import (
	"encoding/xml"
	"html/template"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The drawings are read back as XML: each mark is found by its class and
// turned back into numbers from its geometry and text, independently of
// the code that drew it.

// node is an element of a drawing.
type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []*node    `xml:",any"`
	Text    string     `xml:",chardata"`
}

func (n *node) attr(name string) (string, bool) {
	for _, a := range n.Attrs {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value, true
		}
	}
	return "", false
}

// num is a numeric attribute; a missing one fails the test.
func (n *node) num(t *testing.T, name string) float64 {
	t.Helper()
	v, ok := n.attr(name)
	if !ok {
		t.Fatalf("<%s class=%q> has no %s", n.XMLName.Local, n.class(), name)
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		t.Fatalf("<%s %s=%q>: %v", n.XMLName.Local, name, v, err)
	}
	return f
}

func (n *node) class() string { c, _ := n.attr("class"); return c }

func (n *node) hasClass(c string) bool {
	for _, f := range strings.Fields(n.class()) {
		if f == c {
			return true
		}
	}
	return false
}

// walk calls f on n and every element below it, in document order.
func (n *node) walk(f func(*node)) {
	f(n)
	for _, c := range n.Nodes {
		c.walk(f)
	}
}

// all lists the elements below n (n included) that have the class c.
func (n *node) all(c string) []*node {
	var out []*node
	n.walk(func(e *node) {
		if e.hasClass(c) {
			out = append(out, e)
		}
	})
	return out
}

// child is n's one child element named name, or nil.
func (n *node) child(name string) *node {
	for _, c := range n.Nodes {
		if c.XMLName.Local == name {
			return c
		}
	}
	return nil
}

// parseSVG parses a drawing and checks what every chart must have: an
// <svg> of role img named by its <title> and described by its <desc>,
// whose texts are the chart's title and description, as text.
func parseSVG(t *testing.T, svg template.HTML, id, title, desc string) *node {
	t.Helper()
	var root node
	if err := xml.Unmarshal([]byte(svg), &root); err != nil {
		t.Fatalf("chart %s is not well-formed: %v\n%s", id, err, svg)
	}
	if root.XMLName.Local != "svg" {
		t.Fatalf("chart %s is a <%s>, want <svg>", id, root.XMLName.Local)
	}
	if role, _ := root.attr("role"); role != "img" {
		t.Errorf("chart %s has role %q, want img", id, role)
	}
	if l, _ := root.attr("aria-labelledby"); l != id+"-t "+id+"-d" {
		t.Errorf("chart %s is labelled by %q, want %q", id, l, id+"-t "+id+"-d")
	}
	for _, part := range []struct{ name, id, text string }{{"title", id + "-t", title}, {"desc", id + "-d", desc}} {
		e := root.child(part.name)
		if e == nil {
			t.Errorf("chart %s has no <%s>", id, part.name)
			continue
		}
		if got, _ := e.attr("id"); got != part.id || e.Text != part.text || strings.TrimSpace(part.text) == "" {
			t.Errorf("chart %s: <%s id=%q> says %q, want id %q and the text %q", id, part.name, got, e.Text, part.id, part.text)
		}
	}
	return &root
}

// textSizes checks that no text of the drawing is drawn smaller than
// MinText CSS px at the size the <svg> gives itself, which the stylesheet
// never shrinks it below.
func textSizes(t *testing.T, id string, root *node) {
	t.Helper()
	vb, _ := root.attr("viewBox")
	f := strings.Fields(vb)
	if len(f) != 4 {
		t.Fatalf("chart %s: viewBox %q", id, vb)
	}
	vw, err := strconv.ParseFloat(f[2], 64)
	if err != nil || vw <= 0 {
		t.Fatalf("chart %s: viewBox %q", id, vb)
	}
	scale := root.num(t, "width") / vw
	texts := 0
	root.walk(func(e *node) {
		if e.XMLName.Local != "text" {
			return
		}
		texts++
		if px := e.num(t, "font-size") * scale; px < MinText-0.05 {
			t.Errorf("chart %s: %q is drawn at %.1f px, under %g", id, e.Text, px, MinText)
		}
	})
	if texts == 0 {
		t.Errorf("chart %s has no text", id)
	}
}

// noColours checks that the drawing names no colour: the stylesheet colours
// the marks by class, so that high contrast recolours them.
func noColours(t *testing.T, id string, root *node) {
	t.Helper()
	root.walk(func(e *node) {
		for _, k := range []string{"fill", "stroke", "color", "style", "stop-color"} {
			if v, ok := e.attr(k); ok && (k == "style" || v != "none" && v != "currentColor") {
				t.Errorf("chart %s: <%s class=%q> has %s=%q; colours belong in style.css", id, e.XMLName.Local, e.class(), k, v)
			}
		}
	})
}

// drawn is every chart the test plan gives, drawn, with what it must say.
type drawn struct {
	id, title, desc string
	svg             template.HTML
}

func allCharts(t *testing.T) []drawn {
	t.Helper()
	pl := testPlan()
	big := manyTasks(GanttMax + 1)
	g, tt, m, db := Timeline(pl, perYear(pl), words), TaskTimeline(pl, pl.Tasks[0], words, nil), DeptMatrix(pl, pl.Departments, words, areaWords, nil), DeptBars(pl, words, nil)
	yb := YearBars(big, perYear(big), words)
	sb := statusBars()
	if g == nil || tt == nil || m == nil || db == nil || yb == nil {
		t.Fatal("a chart of the test plans is missing")
	}
	return []drawn{
		{g.ID, g.Title, g.Desc, g.SVG()}, {tt.ID, tt.Title, tt.Desc, tt.SVG()}, {m.ID, m.Title, m.Desc, m.SVG()},
		{db.ID, db.Title, db.Desc, db.SVG()}, {yb.ID, yb.Title, yb.Desc, yb.SVG()}, {sb.ID, sb.Title, sb.Desc, sb.SVG()},
	}
}

// Every chart is well-formed SVG, named and described for screen readers,
// its text at least MinText px, without a colour of its own.
func TestEveryChartIsAccessible(t *testing.T) {
	for _, c := range allCharts(t) {
		root := parseSVG(t, c.svg, c.id, c.title, c.desc)
		textSizes(t, c.id, root)
		noColours(t, c.id, root)
		// Outlined shapes still read without the stylesheet: drawn in the
		// text colour rather than black-filled.
		root.walk(func(e *node) {
			if fill, _ := e.attr("fill"); fill == "none" {
				if stroke, _ := e.attr("stroke"); stroke != "currentColor" {
					t.Errorf("chart %s: outlined <%s class=%q> has stroke %q", c.id, e.XMLName.Local, e.class(), stroke)
				}
			}
		})
	}
}

// Text from the table is escaped: a name with <, & and quotes is drawn as
// written, and the drawing still parses.
func TestChartTextIsEscaped(t *testing.T) {
	pl := testPlan()
	const name = `市"数据"<局>&'中心'`
	pl.Departments[0].Name = name
	b := DeptBars(pl, words, nil)
	root := parseSVG(t, b.SVG(), b.ID, b.Title, b.Desc)
	var labels []string
	for _, l := range root.all("label") {
		labels = append(labels, l.Text)
	}
	if !strings.Contains(strings.Join(labels, "\n"), name) {
		t.Errorf("labels %q: want %q among them", labels, name)
	}
	if strings.Contains(string(b.SVG()), "<局>") {
		t.Error("the name's < and > are not escaped")
	}
}

// TestChartsAreColouredByTheStylesheet: static/style.css colours every
// class of mark the charts draw, through the custom properties that
// high-contrast mode redefines.
func TestChartsAreColouredByTheStylesheet(t *testing.T) {
	css, err := os.ReadFile("../../static/style.css")
	if err != nil {
		t.Fatal(err)
	}
	rules := regexp.MustCompile(`(?m)^([^{}\n]*)\{([^}]*)\}`).FindAllStringSubmatch(string(css), -1)
	contrast := ""
	for _, r := range rules {
		if strings.TrimSpace(r[1]) == "html.contrast" {
			contrast = r[2]
		}
	}
	if contrast == "" {
		t.Fatal("style.css has no html.contrast rule")
	}
	seen := map[string]bool{}
	for _, c := range allCharts(t) {
		if c.id == "progress-chart" {
			continue // its statuses are coloured by the progress stylesheet
		}
		parseSVG(t, c.svg, c.id, c.title, c.desc).walk(func(e *node) {
			switch e.XMLName.Local {
			case "svg", "g", "title", "desc":
			default:
				for _, k := range strings.Fields(e.class()) {
					seen[k] = true
				}
			}
		})
	}
	for _, c := range []string{"bar", "mark", "grid", "lead", "coop", "lead-n", "coop-n", "s0", "s1"} {
		if !seen[c] {
			t.Errorf("no chart draws a mark of class %s", c)
			continue
		}
		coloured := false
		for _, r := range rules {
			if !strings.Contains(r[1]+",", ".chart-svg ."+c+",") && !strings.Contains(r[1], ".chart-svg ."+c+" ") {
				continue
			}
			for _, v := range regexp.MustCompile(`(?:fill|stroke):\s*var\((--[a-z]+)\)`).FindAllStringSubmatch(r[2], -1) {
				coloured = true
				if !strings.Contains(contrast, v[1]+":") {
					t.Errorf("style.css colours .%s with %s, which high-contrast mode does not set", c, v[1])
				}
			}
		}
		if !coloured {
			t.Errorf("style.css does not colour the charts' .%s", c)
		}
	}
}

// approx reports whether two lengths of a drawing agree to its rounding.
func approx(a, b float64) bool { return math.Abs(a-b) <= 0.2 }
