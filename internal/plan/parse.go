package plan

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TrimSpace trims white space, including the full-width space U+3000 that
// Word tables often leave at the end of a cell.
func TrimSpace(s string) string { return strings.TrimFunc(s, unicode.IsSpace) }

// Squeeze is s without white space: a heading or a row as it reads,
// however a converter spaced or wrapped it (牵头 单位, 牵头⏎单位).
func Squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

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

var areaLabel = regexp.MustCompile(`(?s)^(?:[（(]\s*([一二三四五六七八九十〇零两\d]+)\s*[）)]|([一二三四五六七八九十〇零两\d]+)\s*[、.．])\s*(.*)$`)

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

// leadingNumber is an item's number at the start of a cell: 1. 2、 3． (1) （一） 一、 ①.
var leadingNumber = regexp.MustCompile(`^(?:\d{1,3}\s*[.、．]|[（(]\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]|[一二三四五六七八九十]{1,3}\s*、|[①-⑳])\s*`)

// MaxTitle is the longest first sentence, in characters, used whole as a title.
const MaxTitle = 30

// DeriveTitle makes a task's title from its measures: the first sentence when
// it is short, otherwise the first clause, without the number a cell may
// give it (1., 2、, （一）, ①): the page's heading numbers the task itself.
func DeriveTitle(measures string) string {
	ss := Sentences(TrimSpace(measures))
	if len(ss) == 0 {
		return ""
	}
	first := TrimSpace(ss[0])
	if m := leadingNumber.FindString(first); m != "" && len(m) < len(first) {
		if r, _ := utf8.DecodeRuneInString(first[len(m):]); !unicode.IsDigit(r) { // 1.5亿元 is a number
			first = first[len(m):]
		}
	}
	trimmed := strings.TrimRightFunc(first, func(r rune) bool { return sentenceEnd(r) || unicode.IsSpace(r) })
	if utf8.RuneCountInString(trimmed) <= MaxTitle {
		return trimmed
	}
	// The first clause, unless it is too short to say what the task is
	// (居民签约后，…): then up to the next clause's end, while that is short.
	cut, end := -1, 0
	for end < len(trimmed) {
		i := strings.IndexAny(trimmed[end:], "，；,;")
		if i < 0 {
			break
		}
		end += i
		if cut < 0 {
			cut = end
		}
		n := utf8.RuneCountInString(trimmed[:end])
		if n > MaxTitle {
			break
		}
		if n >= minClause {
			return trimmed[:end]
		}
		_, size := utf8.DecodeRuneInString(trimmed[end:])
		end += size
	}
	if cut > 0 {
		return trimmed[:cut]
	}
	return trimmed
}

// minClause is the shortest first clause, in characters, that is a title.
const minClause = 6
