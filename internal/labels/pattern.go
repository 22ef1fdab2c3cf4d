package labels

import (
	"fmt"
	"strings"

	"plansite/internal/column"
)

// TableWords are the placeholders every label may use besides its own:
// the table's headings of these columns ({timeline} is 完成时限 where the
// table says so), filled once per site by Labels.ForTable, and the
// columns' standard names until then. A label's own placeholder of the
// same name is its own.
var TableWords = []column.Column{column.Measures, column.Timeline, column.Lead, column.Coop}

// Unit is the other table word, {unit}: the word the table's headings of
// units end in (单位 of 牵头单位, 责任单位), so that a label that speaks of
// the table's units in general says the table's word for them; DefaultUnit
// until ForTable, as for a table whose headings end in none.
const (
	Unit        = "unit"
	DefaultUnit = "部门"
)

// unitWord is the index of {unit} among the table words, after TableWords.
var unitWord = len(TableWords)

// wordName is table word k as a label shows it before ForTable.
func wordName(k int) string {
	if k == unitWord {
		return DefaultUnit
	}
	return TableWords[k].Name()
}

// Pattern is a label with placeholders ({id}, {title}), parsed once, when
// the labels are read, into its text and the places its values go: filling
// it is one allocation, whatever the label, so that the titles of 100,000
// tasks cost no more than fmt.Sprintf did.
type Pattern struct {
	raw   string // as written
	parts []part // nil until compiled
	size  int    // bytes of its text, without the values
	whole int    // 1 + the value that is the whole label ("{excerpt}"), else 0
}

// part is a run of text (arg -1), the place of value arg, or, for arg
// -2-k, of table word k: TableWords[k], or {unit} for k == unitWord.
type part struct {
	text string
	arg  int
}

// word is the index in TableWords of the table word a part is the place
// of, or -1.
func (pt part) word() int {
	if pt.arg <= -2 {
		return -2 - pt.arg
	}
	return -1
}

// UnmarshalText keeps the label as written; it is compiled once every
// source of labels is read, against the placeholders it may use.
func (p *Pattern) UnmarshalText(b []byte) error {
	*p = Pattern{raw: string(b)}
	return nil
}

// String is the label as written.
func (p Pattern) String() string { return p.raw }

// Fill writes the label with vals in its places: vals[i] for the i-th
// placeholder the label may use, in the order its declaration gives them.
func (p Pattern) Fill(vals ...string) string {
	switch {
	case p.whole > 0:
		return vals[p.whole-1]
	case len(p.parts) == 1 && p.parts[0].arg == -1:
		return p.parts[0].text
	}
	n := p.size
	for _, pt := range p.parts {
		switch {
		case pt.arg >= 0:
			n += len(vals[pt.arg])
		case pt.word() >= 0:
			n += len(wordName(pt.word()))
		}
	}
	var b strings.Builder
	b.Grow(n)
	for _, pt := range p.parts {
		switch {
		case pt.arg >= 0:
			b.WriteString(vals[pt.arg])
		case pt.word() >= 0:
			b.WriteString(wordName(pt.word()))
		default:
			b.WriteString(pt.text)
		}
	}
	return b.String()
}

// forTable is p with its table words written as words gives them, in the
// order of TableWords, then {unit}.
func (p Pattern) forTable(words []string) Pattern {
	if p.parts == nil {
		return p
	}
	q := Pattern{raw: p.raw, whole: p.whole}
	for _, pt := range p.parts {
		if k := pt.word(); k >= 0 {
			pt = part{text: words[k], arg: -1}
		}
		if n := len(q.parts); pt.arg == -1 && n > 0 && q.parts[n-1].arg == -1 {
			q.parts[n-1].text += pt.text
		} else {
			q.parts = append(q.parts, pt)
		}
		if pt.arg == -1 {
			q.size += len(pt.text)
		}
	}
	return q
}

// placeError is a label that uses a placeholder it may not, or a brace
// alone; at is the byte offset, in the label, of what is wrong.
type placeError struct {
	at   int
	what string // the placeholder or brace as written
	msg  string
}

func (e *placeError) Error() string { return e.msg }

// Compile parses raw, whose placeholders may be those of args ({id} for
// "id"), into a Pattern. {{ and }} are a brace.
func Compile(raw string, args []string) (Pattern, error) {
	p := Pattern{raw: raw}
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			p.parts = append(p.parts, part{text: text.String(), arg: -1})
			p.size += text.Len()
			text.Reset()
		}
	}
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '{' && strings.HasPrefix(raw[i:], "{{"), c == '}' && strings.HasPrefix(raw[i:], "}}"):
			text.WriteByte(c)
			i += 2
		case c == '{':
			end := strings.IndexByte(raw[i:], '}')
			if end < 0 {
				return Pattern{}, &placeError{i, "{", "a { that no } closes; write {{ for a brace"}
			}
			name := raw[i+1 : i+end]
			arg := index(args, name)
			if arg < 0 {
				if k := wordIndex(name); k >= 0 {
					arg = -2 - k
				}
			}
			if arg == -1 {
				return Pattern{}, &placeError{i, raw[i : i+end+1], unknown(raw[i:i+end+1], args)}
			}
			flush()
			p.parts = append(p.parts, part{arg: arg})
			i += end + 1
		case c == '}':
			return Pattern{}, &placeError{i, "}", "a } that no { opens; write }} for a brace"}
		default:
			text.WriteByte(c)
			i++
		}
	}
	flush()
	if p.parts == nil {
		p.parts = []part{{arg: -1}}
	}
	if len(p.parts) == 1 && p.parts[0].arg >= 0 {
		p.whole = p.parts[0].arg + 1
	}
	return p, nil
}

// MustCompile is Compile for labels written in Go, such as in tests.
func MustCompile(raw string, args ...string) Pattern {
	p, err := Compile(raw, args)
	if err != nil {
		panic(fmt.Sprintf("labels: %q: %v", raw, err))
	}
	return p
}

// wordIndex is the index of the table word name (TableWords, then
// {unit}), or -1.
func wordIndex(name string) int {
	for k, c := range TableWords {
		if string(c) == name {
			return k
		}
	}
	if name == Unit {
		return unitWord
	}
	return -1
}

func index(args []string, name string) int {
	for i, a := range args {
		if a == name {
			return i
		}
	}
	return -1
}

// unknown says that placeholder is not one of args or the table words,
// and which are.
func unknown(placeholder string, args []string) string {
	words := make([]string, len(TableWords), len(TableWords)+1)
	for i, c := range TableWords {
		words[i] = string(c)
	}
	words = append(words, Unit)
	if len(args) == 0 {
		return fmt.Sprintf("unknown placeholder %s: this label takes only the table's words %s; write {{ and }} for a brace", placeholder, list(words))
	}
	return fmt.Sprintf("unknown placeholder %s: this label may use %s, and the table's words %s", placeholder, list(args), list(words))
}

// list is {a}, {b} and {c}.
func list(names []string) string {
	out := make([]string, len(names))
	for i, a := range names {
		out[i] = "{" + a + "}"
	}
	if len(out) == 1 {
		return out[0]
	}
	return strings.Join(out[:len(out)-1], ", ") + " and " + out[len(out)-1]
}
