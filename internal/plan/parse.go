package plan

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TrimSpace trims white space, including the full-width space U+3000 that
// Word tables often leave at the end of a cell.
func TrimSpace(s string) string { return strings.TrimFunc(s, unicode.IsSpace) }

var chineseDigits = map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// chineseNumber reads 一 to 九十九. ok is false for anything else.
func chineseNumber(s string) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil && n > 0 {
		return n, true
	}
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10, true
	case len(rs) == 1:
		d, ok := chineseDigits[rs[0]]
		return d, ok && d > 0
	case len(rs) == 2 && rs[0] == '十': // 十二
		d, ok := chineseDigits[rs[1]]
		return 10 + d, ok && d > 0
	case len(rs) == 2 && rs[1] == '十': // 二十
		d, ok := chineseDigits[rs[0]]
		return 10 * d, ok && d > 1
	case len(rs) == 3 && rs[1] == '十': // 二十三
		a, ok1 := chineseDigits[rs[0]]
		b, ok2 := chineseDigits[rs[2]]
		return 10*a + b, ok1 && ok2 && a > 1 && b > 0
	}
	return 0, false
}

var numeralDigits = []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// Numeral writes 1 to 99 in Chinese numerals, as area labels do (（十二）);
// other numbers in Arabic digits. chineseNumber reads them back.
func Numeral(n int) string {
	switch {
	case n <= 0 || n > 99:
		return strconv.Itoa(n)
	case n < 10:
		return numeralDigits[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + numeralDigits[n-10]
	case n%10 == 0:
		return numeralDigits[n/10] + "十"
	}
	return numeralDigits[n/10] + "十" + numeralDigits[n%10]
}

var areaLabel = regexp.MustCompile(`^(?:[（(]\s*([一二三四五六七八九十〇零两\d]+)\s*[）)]|([一二三四五六七八九十〇零两\d]+)\s*[、.．])\s*(.*)$`)

// ParseAreaLabel reads an area label such as （二）产业培育发展行动 or
// 二、产业培育发展行动 into its ordinal and name. ok is false when the label
// carries no ordinal; the name is then the whole label.
func ParseAreaLabel(label string) (ordinal int, name string, ok bool) {
	label = TrimSpace(label)
	m := areaLabel.FindStringSubmatch(label)
	if m == nil {
		return 0, label, false
	}
	num := m[1] + m[2]
	n, ok := chineseNumber(num)
	if !ok || TrimSpace(m[3]) == "" {
		return 0, label, false
	}
	return n, TrimSpace(m[3]), true
}

// Notes that may close a department list. They qualify the list; they are
// not part of a department's name.
var departmentNotes = []string{"按职能推进", "按职责分工负责", "按职责推进", "按职能分工负责"}

// noneMarks are the ways a table says a cell has no department.
var noneMarks = map[string]bool{"": true, "——": true, "—": true, "-": true, "--": true, "无": true, "/": true}

// SplitDepartments splits a 牵头部门 or 配合部门 cell into department names,
// as written, and the note that closes the list, if any. The table separates
// names with 、 and also with ，; —— means none. A note is never part of a
// name: wherever it stands it is taken out, and a closing 。 is dropped.
func SplitDepartments(cell string) (names []string, note string) {
	s := TrimSpace(cell)
	if noneMarks[s] {
		return nil, ""
	}
	var notes []string
	for _, n := range departmentNotes {
		if strings.Contains(s, n) {
			notes = append(notes, n)
			s = strings.ReplaceAll(s, n, "、")
		}
	}
	for _, part := range strings.FieldsFunc(s, isDepartmentSeparator) {
		p := strings.TrimFunc(part, func(r rune) bool { return unicode.IsSpace(r) || r == '。' })
		if !noneMarks[p] {
			names = append(names, p)
		}
	}
	return names, strings.Join(notes, "、")
}

func isDepartmentSeparator(r rune) bool {
	switch r {
	case '、', '，', ',', '；', ';', '\n':
		return true
	}
	return false
}

// TimelineError is a 时间节点 clause that cannot be read.
type TimelineError struct {
	Clause string
	Reason string
}

func (e *TimelineError) Error() string {
	return fmt.Sprintf("cannot read timeline clause %s: %s", QuoteCell(e.Clause), e.Reason)
}

const timelineHint = "a clause must start with a year (2020年), a range (2021-2022年), a deadline (2023年底前) or 长期坚持"

var (
	yearRange = regexp.MustCompile(`^(\d{4})\s*年?\s*[-－—–~～至到]+\s*(\d{4})\s*年(?:底|末)?前?`)
	yearBy    = regexp.MustCompile(`^(\d{4})\s*年(?:\d{1,2}月)?(?:底|末|年底|年末)?前`)
	yearFrom  = regexp.MustCompile(`^(\d{4})\s*年(?:起|开始|以后)`)
	yearOne   = regexp.MustCompile(`^(\d{4})\s*年(?:\d{1,2}月)?(?:底|末|上半年|下半年)?`)
	ongoing   = regexp.MustCompile(`^(?:长期坚持|长期推进|持续推进)`)
)

// ParseTimeline splits a 时间节点 cell into milestones, one per clause.
// Clauses are separated by ；or a line break. start and end are the plan's
// years: a deadline (2023年底前) runs from start, 2023年起 and 长期坚持 run to
// end; either may be 0 when unknown, and then the clause's own year is used.
func ParseTimeline(cell string, start, end int) ([]Milestone, error) {
	var ms []Milestone
	for _, clause := range strings.FieldsFunc(cell, func(r rune) bool { return r == '；' || r == ';' || r == '\n' }) {
		c := TrimSpace(clause)
		if c == "" || c == "。" {
			continue
		}
		m, err := parseClause(c, start, end)
		if err != nil {
			return nil, err
		}
		ms = append(ms, m)
	}
	if len(ms) == 0 && TrimSpace(cell) != "" {
		return nil, &TimelineError{Clause: cell, Reason: timelineHint}
	}
	return ms, nil
}

func parseClause(c string, start, end int) (Milestone, error) {
	m := Milestone{Clause: c}
	var rest string
	year := func(s string) int { n, _ := strconv.Atoi(s); return n }
	switch {
	case yearRange.MatchString(c):
		g := yearRange.FindStringSubmatch(c)
		m.From, m.To, m.When = year(g[1]), year(g[2]), g[0]
	case yearBy.MatchString(c):
		g := yearBy.FindStringSubmatch(c)
		m.To, m.When = year(g[1]), g[0]
		m.From = start
		if start == 0 || start > m.To {
			m.From = m.To
		}
	case yearFrom.MatchString(c):
		g := yearFrom.FindStringSubmatch(c)
		m.From, m.When = year(g[1]), g[0]
		m.To = end
		if end < m.From {
			m.To = m.From
		}
	case yearOne.MatchString(c):
		g := yearOne.FindStringSubmatch(c)
		m.From, m.When = year(g[1]), g[0]
		m.To = m.From
	case ongoing.MatchString(c):
		if start == 0 || end == 0 {
			return m, &TimelineError{Clause: c, Reason: "长期坚持 needs the plan's years (start_year and end_year in site.toml)"}
		}
		m.From, m.To, m.When = start, end, ""
	default:
		return m, &TimelineError{Clause: c, Reason: timelineHint}
	}
	if m.From < 1900 || m.To > 2200 {
		return m, &TimelineError{Clause: c, Reason: "year out of range (1900 to 2200)"}
	}
	if m.From > m.To {
		return m, &TimelineError{Clause: c, Reason: fmt.Sprintf("range runs backwards (%d after %d)", m.From, m.To)}
	}
	rest = strings.TrimLeft(c[len(m.When):], "，,：: \u3000")
	m.Text = strings.TrimRight(rest, "。；;. \u3000")
	return m, nil
}

// sentenceEnd reports whether r closes a sentence.
func sentenceEnd(r rune) bool { return r == '。' || r == '！' || r == '？' }

// closers may follow a sentence's end and still belong to it: 。” or 。）
func closer(r rune) bool { return strings.ContainsRune("”’」』）)】", r) }

// Sentences splits text into sentences at 。！？, keeping each sentence's
// closing punctuation. Joined, the sentences give the text back exactly.
func Sentences(text string) []string {
	var out []string
	startAt := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !sentenceEnd(r) {
			continue
		}
		for i < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[i:])
			if !closer(r2) && !sentenceEnd(r2) {
				break
			}
			i += s2
		}
		out = append(out, text[startAt:i])
		startAt = i
	}
	if startAt < len(text) {
		if TrimSpace(text[startAt:]) == "" && len(out) > 0 {
			out[len(out)-1] += text[startAt:]
		} else {
			out = append(out, text[startAt:])
		}
	}
	return out
}

// MaxTitle is the longest first sentence, in characters, used whole as a title.
const MaxTitle = 30

// DeriveTitle makes a task's title from its measures: the first sentence when
// it is short, otherwise the first clause.
func DeriveTitle(measures string) string {
	ss := Sentences(TrimSpace(measures))
	if len(ss) == 0 {
		return ""
	}
	first := TrimSpace(ss[0])
	trimmed := strings.TrimRightFunc(first, func(r rune) bool { return sentenceEnd(r) || unicode.IsSpace(r) })
	if utf8.RuneCountInString(trimmed) <= MaxTitle {
		return trimmed
	}
	if i := strings.IndexAny(trimmed, "，；,;"); i > 0 {
		return trimmed[:i]
	}
	return trimmed
}
