package document

import "strings"

// lines gathers the text of an HTML cell (or of the page outside tables) as
// a browser lays it out, line by line:
//
//   - A run of HTML whitespace (space, tab, line feed, carriage return, form
//     feed) is one space, and none at the start or end of a line, as CSS's
//     white-space: normal has it; a line break in the source between two
//     Chinese characters is a space too, as Chrome shows it (Firefox drops
//     it; Word's and LibreOffice's exports only break source lines where
//     the text has a space). No-break spaces (&nbsp;, U+00A0), U+3000 and
//     every other character are kept as written.
//   - <br> ends a line, so <br><br> leaves an empty line between, as shown.
//   - A block boundary (the start or end of <p>, <div>, <li>, a heading, a
//     nested table's cell …) ends a line that has text; consecutive
//     boundaries make one, and a boundary right after a <br> adds nothing:
//     <p>甲<br></p><p>乙</p> is 甲 and 乙 on two lines, and an empty <p></p>
//     is no line at all. No blank line is made that the page does not show.
//   - Inside <pre> whitespace is kept and a line feed ends a line.
type lines struct {
	done  []string
	cur   strings.Builder
	space bool // collapsible whitespace waits to be written before the next character
	size  int  // bytes of text in done and cur
}

func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

// text adds the text of a text node.
func (l *lines) text(s string, pre bool) {
	for _, r := range s {
		switch {
		case pre && r == '\n':
			l.br()
		case pre:
			l.write(r)
		case isHTMLSpace(r):
			l.space = l.cur.Len() > 0
		default:
			if l.space {
				l.write(' ')
			}
			l.write(r)
		}
	}
}

func (l *lines) write(r rune) {
	n, _ := l.cur.WriteRune(r)
	l.size += n
	l.space = false
}

// br is a <br>.
func (l *lines) br() {
	l.done = append(l.done, l.cur.String())
	l.cur.Reset()
	l.size++ // the "\n" it makes
	l.space = false
}

// block is a block boundary.
func (l *lines) block() {
	if l.cur.Len() > 0 {
		l.done = append(l.done, l.cur.String())
		l.cur.Reset()
		l.size++
	}
	l.space = false
}

// String ends the text (a block boundary) and gives its lines joined by
// "\n".
func (l *lines) String() string {
	l.block()
	return strings.Join(l.done, "\n")
}

// take ends the text and gives its lines that hold something, emptying l:
// the page's paragraphs outside tables.
func (l *lines) take() []string {
	l.block()
	var out []string
	for _, s := range l.done {
		if s != "" {
			out = append(out, s)
		}
	}
	l.done, l.size = nil, 0
	return out
}
