package plan

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DateKind says how a timeline clause gives its date.
type DateKind string

// The kinds of date a clause may give. A clause that gives none that can be
// read is Unread: it is still shown as written, and the build warns.
const (
	InYear   DateKind = "year"     // 2020年, 2020年度, 2023年6月, 2023年上半年, 2023年第三季度
	Between  DateKind = "range"    // 2021-2022年, 2021年至2023年, 2023年6月至12月
	Deadline DateKind = "deadline" // 2023年底前, 2023年6月底前, 2023年6月30日前
	Onward   DateKind = "from"     // 2023年起, 2023年及以后
	Ongoing  DateKind = "ongoing"  // 长期坚持, 持续推进, 常态化推进, 每年, 每季度, 立行立改
	Unread   DateKind = "unread"   // no date that can be read
)

// YearMonth is a point of a plan's calendar. Month 0 is the whole year: as
// a start it means January, as an end December.
type YearMonth struct {
	Year, Month int
}

// after reports whether a starts after b ends, comparing the months where
// both give one.
func (a YearMonth) after(b YearMonth) bool {
	if a.Year != b.Year {
		return a.Year > b.Year
	}
	return a.Month != 0 && b.Month != 0 && a.Month > b.Month
}

// String is the point as YYYY or YYYY-MM.
func (a YearMonth) String() string {
	if a.Month == 0 {
		return strconv.Itoa(a.Year)
	}
	return fmt.Sprintf("%d-%02d", a.Year, a.Month)
}

// UnreadClause is a timeline clause whose date cannot be read, and why. It is
// not an error: the build warns of it, and publishes the clause as written.
type UnreadClause struct {
	Clause string
	Reason string
	// Yearless: the clause has no year, and the plan's years are not known.
	Yearless bool
}

// Message is what the warning about the clause says.
func (u *UnreadClause) Message() string {
	return fmt.Sprintf("cannot read the date of timeline clause %s: %s", QuoteCell(u.Clause), u.Reason)
}

const timelineHint = "it holds no date such as 2020年, 2021-2022年, 2023年6月底前, 12月底前, 年内 or 长期坚持; " +
	"it is shown as written and listed on /years/ among the tasks without a readable date"

// MaxClauses is the most timeline clauses a table may have in all. A
// clause is kept with its date and what is due, a hundred bytes or more for
// a clause that may be two bytes long (x;); real tables have a few a task,
// the benchmarks' 100,000 tasks 160,000.
const MaxClauses = 1_000_000

// maxUnreadWarnings is how many clauses of one cell whose date cannot be
// read are warned about one by one; one more warning counts the rest.
const maxUnreadWarnings = 5

// Date patterns, matched at the start of a clause after digits have been
// normalised (full-width and Chinese numerals become ASCII digits).
var (
	dash       = `\s*(?:[-－—–~～〜]+|至|到)\s*`
	monthPart  = `(?:\s*(\d{1,2})\s*月份?)?`
	yearRangeR = regexp.MustCompile(`^(\d{4})\s*(?:年度?)?` + monthPart + dash + `(\d{4})\s*年度?` + monthPart + `\s*(底|末)?\s*(前|之前|以前)?`)
	monthRange = regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})\s*月?份?` + dash + `(\d{1,2})\s*月份?\s*(底|末)?\s*(前|之前|以前)?`)
	yearLead   = regexp.MustCompile(`^(\d{4})\s*年`)
	detail     = []struct {
		re   *regexp.Regexp
		kind DateKind
	}{
		{regexp.MustCompile(`^\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?\s*(?:前|之前|以前)`), Deadline},
		{regexp.MustCompile(`^\s*(\d{1,2})\s*月份?\s*(?:上旬|中旬|下旬|底|末)?\s*(?:前|之前|以前)`), Deadline},
		{regexp.MustCompile(`^\s*(\d{1,2})\s*月份?\s*(?:起|开始|以后|及以后)`), Onward},
		{regexp.MustCompile(`^\s*(\d{1,2})\s*月份?\s*(?:上旬|中旬|下旬|底|末)?`), InYear},
		{regexp.MustCompile(`^\s*(上半年|下半年|第?[一二三四1-4]季度)\s*(?:末|底)?\s*(?:前|之前|以前)`), Deadline},
		{regexp.MustCompile(`^\s*(上半年|下半年|第?[一二三四1-4]季度)`), InYear},
		{regexp.MustCompile(`^\s*(?:年?\s*(?:底|末))?\s*(?:前|之前|以前)`), Deadline},
		{regexp.MustCompile(`^\s*(?:起|开始|及以后|以后|以来)`), Onward},
		{regexp.MustCompile(`^(?:度|内|底|末|年底|年末|年内|全年)?`), InYear},
	}
	// Yearless dates, which take the year of the clause before them or the
	// year of a one-year plan.
	yearless  = regexp.MustCompile(`^(?:\d{1,2}\s*月|上半年|下半年|第?[一二三四1-4]季度|年内|年底|年末|全年|本年度|今年)`)
	ongoingRe = regexp.MustCompile(`^(?:长期坚持|长期推进|长期开展|持续推进|持续开展|常态化推进|常态化开展|常态化|按年度推进|按季度推进|立行立改|每半年|每季度|每年|每月|每周|定期|长期)`)
	recurring = regexp.MustCompile(`^(?:每半年|每季度|每年|每月|每周)`)
	// Ongoing work named after a clause's date (…12月底前取得明显成效并长期坚持):
	// whole phrases only, for 长期 alone is as often a word (长期机制).
	ongoingLater = regexp.MustCompile(`^(?:长期坚持|长期推进|长期开展|持续推进|持续开展|常态化推进|常态化开展|按年度推进|按季度推进|立行立改)`)
)

// ongoingAt reports whether s starts with a whole phrase of ongoing work.
func ongoingAt(s string) bool { return ongoingLater.MatchString(dateHead(s)) }

// ParseTimeline splits a timeline cell into milestones, one per clause, and
// reads each clause's date. Clauses are separated by ；, ; or a line break,
// and by ，, , or 。 where what follows starts with a date
// (2023年9月底前，2024年持续推进 is two clauses; in 2020年，申报… the comma only
// ends the date).
//
// start and end are the plan's years (0 when unknown): a deadline
// (2023年底前) runs from start, 2023年起 and ongoing work (长期坚持, 每季度) run
// to end. A date without a year (12月底前, 年内) takes the year of the clause
// before it in the cell, else the plan's year when the plan covers one year.
// A clause whose date cannot be read is kept as an Unread milestone and
// reported in the errors; the caller shows it as written.
func ParseTimeline(cell string, start, end int) ([]Milestone, []*UnreadClause) {
	var ms []Milestone
	var errs []*UnreadClause
	prevYear := 0
	for _, c := range clauses(cell) {
		m, err := parseClause(c, start, end, prevYear)
		if err != nil {
			m = Milestone{Clause: c, DateKind: Unread, Text: strings.TrimRight(c, "。；;.，, \u3000")}
			errs = append(errs, err)
		} else {
			m.Detail = clauseDetail(m)
			if m.DateKind != Ongoing {
				prevYear = m.End.Year
			}
		}
		ms = append(ms, m)
	}
	return ms, errs
}

// clauses splits a cell into its clauses, trimmed, empty ones dropped. A
// comma (or 。) ends a clause only where what follows starts with a date and
// the clause so far has a date of its own: 2023年9月底前，2024年持续推进 is two
// clauses, but in 全面公开，1月底前完成 the date belongs to what comes before
// it, which would otherwise be left without one.
func clauses(cell string) []string {
	var out []string
	add := func(s string) {
		if s = TrimSpace(s); s != "" && s != "。" {
			out = append(out, s)
		}
	}
	from, dated := 0, false
	for i, r := range cell {
		switch r {
		case '；', ';', '\n', '\r':
			add(cell[from:i])
			from, dated = i+utf8.RuneLen(r), false
			continue
		case '，', ',', '。':
			next := i + utf8.RuneLen(r)
			if dated && startsWithDate(cell[next:]) {
				add(cell[from:next])
				from = next // and the clause it starts has a date
				continue
			}
		}
		if !dated && mayStartDate(r) && (startsWithDate(cell[i:]) || ongoingAt(cell[i:])) {
			dated = true
		}
	}
	add(cell[from:])
	return out
}

// mayStartDate reports whether a date can start with r: a digit, a Chinese
// numeral, or the first character of a date word (上半年, 第三季度, 年内,
// 长期坚持, 每年 …). Every other character is passed over without reading
// what follows it, which keeps a cell's clauses found in time that grows
// with the cell.
func mayStartDate(r rune) bool {
	return r >= '0' && r <= '9' || r >= '０' && r <= '９' || strings.ContainsRune(dateStarts, r)
}

// dateStarts are the characters other than digits that a date may start
// with.
const dateStarts = "〇零○一二三四五六七八九十上下第年全本今长持常按立每定"

// thenStarts reports whether r may start a phrase of ongoing work.
func thenStarts(r rune) bool {
	switch r {
	case '长', '持', '常', '按', '立':
		return true
	}
	return false
}

// startsWithDate reports whether s, after spaces, starts with a year or a
// yearless date. Only the start of s is read: clauses asks this at every
// comma of a cell, and reading the rest of the cell each time made a cell
// of commas take a minute.
func startsWithDate(s string) bool {
	n, _ := normalize(TrimSpace(dateHead(s)))
	return yearLead.MatchString(n) || yearless.MatchString(n)
}

// dateHead is the start of s that a date at its start lies in: any spaces,
// then 16 other characters, with the spaces among them. The longest date
// startsWithDate looks for, 二〇二三年 or 第三季度, has five.
func dateHead(s string) string {
	other := 0
	for i, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		if other == 16 {
			return s[:i]
		}
		other++
	}
	return s
}

// parseClause reads a clause's date: at its start, else the first date in
// it (其它事项12月底前取得明显成效), the clause then shown whole beside the
// date. Ongoing work named after the date (…并长期坚持) carries the
// milestone on to the plan's last year.
func parseClause(c string, start, end, prevYear int) (Milestone, *UnreadClause) {
	m, err := parseAt(c, start, end, prevYear)
	if err != nil && err.Reason == timelineHint {
		prev := rune(0)
		for i, r := range c {
			after := prev
			prev = r
			// Not inside a number or a range (2022-2020年 is one wrong
			// date, not a right one at its end).
			if i == 0 || !mayStartDate(r) || mayStartDate(after) || strings.ContainsRune("-－—–~～〜至到", after) ||
				!(startsWithDate(c[i:]) || ongoingAt(c[i:])) {
				continue
			}
			if inner, ierr := parseAt(c[i:], start, end, prevYear); ierr == nil {
				inner.Clause = c
				inner.Text = strings.TrimRight(c, "。；;.，, \u3000")
				m, err = inner, nil
				break
			}
		}
	}
	if err != nil || m.DateKind == Ongoing {
		return m, err
	}
	// After what is due, not as it: in 2022年持续推进 the work of 2022 is
	// to continue, which says nothing of the years after.
	after := strings.Index(c, m.When) + len(m.When)
	for i, r := range c[after:] {
		if i == 0 || !thenStarts(r) || !ongoingAt(c[after+i:]) || TrimSpace(strings.Trim(c[after:after+i], "，,：: ")) == "" {
			continue
		}
		m.Then = ongoingLater.FindString(c[after+i:])
		if end > m.To && end <= 2200 {
			m.To = end
		}
		break
	}
	return m, nil
}

// parseAt reads the date at the start of the clause c.
func parseAt(c string, start, end, prevYear int) (Milestone, *UnreadClause) {
	n, offs := normalize(c)
	m := Milestone{Clause: c}
	fail := func(reason string) (Milestone, *UnreadClause) {
		return Milestone{}, &UnreadClause{Clause: c, Reason: reason}
	}
	num := func(s string) int { v, _ := strconv.Atoi(s); return v }
	matched := 0
	switch {
	case yearRangeR.MatchString(n):
		g := yearRangeR.FindStringSubmatch(n)
		m.DateKind, matched = Between, len(g[0])
		m.Start = YearMonth{num(g[1]), num(g[2])}
		m.End = YearMonth{num(g[3]), num(g[4])}
	case monthRange.MatchString(n):
		g := monthRange.FindStringSubmatch(n)
		y := num(g[1])
		m.DateKind, matched = Between, len(g[0])
		m.Start, m.End = YearMonth{y, num(g[2])}, YearMonth{y, num(g[3])}
	case yearLead.MatchString(n):
		g := yearLead.FindStringSubmatch(n)
		y := num(g[1])
		k, l := readDetail(n[len(g[0]):], y, start, end, &m)
		m.DateKind, matched = k, len(g[0])+l
	case ongoingRe.MatchString(n):
		w := ongoingRe.FindString(n)
		if start == 0 || end == 0 {
			return fail("ongoing work needs the plan's years: set start_year and end_year in site.toml")
		}
		m.DateKind, matched = Ongoing, len(w)
		m.Start, m.End = YearMonth{start, 0}, YearMonth{end, 0}
		if recurring.MatchString(w) {
			m.Recurs = w
		}
	case yearless.MatchString(n):
		y := prevYear
		if y == 0 && start != 0 && start == end {
			y = start
		}
		if y == 0 && start == 0 && end == 0 {
			m, u := fail("the date has no year and the plan's years are not known (neither the title nor start_year and end_year in site.toml give them): " +
				"write the year, or set start_year and end_year in site.toml, to the same year for a one-year plan")
			u.Yearless = true
			return m, u
		}
		if y == 0 {
			return fail("the date has no year and the plan covers more than one year: " +
				"write the year, or set start_year and end_year in site.toml to the same year for a one-year plan")
		}
		// 年内 and 年底前 read as the part after 年 of 2023年内, 2023年底前.
		skip := 0
		for _, w := range []string{"本年度", "今年", "全年", "年"} {
			if strings.HasPrefix(n, w) {
				skip = len(w)
				break
			}
		}
		k, l := readDetail(n[skip:], y, start, end, &m)
		l += skip
		m.DateKind, matched, m.Yearless = k, l, true
	default:
		return fail(timelineHint)
	}
	for _, p := range []YearMonth{m.Start, m.End} {
		if p.Year < 1900 || p.Year > 2200 {
			return fail("year out of range (1900 to 2200)")
		}
		if p.Month < 0 || p.Month > 12 {
			return fail(fmt.Sprintf("there is no month %d", p.Month))
		}
	}
	if m.Day < 0 || m.Day > 31 {
		return fail(fmt.Sprintf("there is no day %d", m.Day))
	}
	if m.Start.after(m.End) {
		return fail(fmt.Sprintf("range runs backwards (%s after %s)", m.Start, m.End))
	}
	m.From, m.To = m.Start.Year, m.End.Year
	orig := offs[matched]
	m.When = strings.TrimRight(c[:orig], " \u3000")
	m.Text = strings.TrimRight(strings.TrimLeft(c[orig:], "，,：: \u3000"), "。；;.，, \u3000")
	return m, nil
}

// readDetail reads what follows a year (or starts a yearless date) into m
// and returns its kind and the bytes it used.
func readDetail(s string, y, start, end int, m *Milestone) (DateKind, int) {
	num := func(s string) int { v, _ := strconv.Atoi(s); return v }
	for _, d := range detail {
		g := d.re.FindStringSubmatch(s)
		if g == nil {
			continue
		}
		from, to := 0, 0 // months
		if len(g) > 1 {
			from, to = months(g[1], num)
		}
		if len(g) > 2 && g[2] != "" {
			m.Day = num(g[2])
		}
		switch d.kind {
		case Deadline:
			m.End = YearMonth{y, to}
			m.Start = deadlineStart(start, m.End)
		case Onward:
			m.Start = YearMonth{y, from}
			m.End = YearMonth{max(end, y), 0}
		default:
			m.Start, m.End = YearMonth{y, from}, YearMonth{y, to}
		}
		return d.kind, len(g[0])
	}
	return InYear, 0
}

// deadlineStart is where work due by end begins: the plan's start, or the
// deadline's own year when the plan's start is unknown or later.
func deadlineStart(start int, end YearMonth) YearMonth {
	if start == 0 || start > end.Year {
		return YearMonth{end.Year, 0}
	}
	return YearMonth{start, 0}
}

// months turns a month number, a half year or a quarter into its first and
// last month.
func months(s string, num func(string) int) (int, int) {
	switch {
	case s == "":
		return 0, 0
	case s == "上半年":
		return 1, 6
	case s == "下半年":
		return 7, 12
	case strings.HasSuffix(s, "季度"):
		r, _ := utf8.DecodeRuneInString(strings.TrimPrefix(s, "第"))
		n := strings.IndexRune("一二三四", r) / 3
		if r >= '1' && r <= '4' {
			n = int(r - '1')
		}
		return 3*n + 1, 3*n + 3
	}
	v := num(s)
	return v, v
}

// normalize returns s with full-width digits made ASCII and Chinese
// numerals of years (二〇二三年) and months (十二月) made digits, for the date
// patterns, and for each byte of the result the offset in s of the
// character it came from (plus len(s) at the end), so that a match can be
// cut from the text as written.
func normalize(s string) (string, []int) {
	var b strings.Builder
	offs := make([]int, 0, len(s)+1)
	emit := func(text string, at int) {
		b.WriteString(text)
		for range len(text) {
			offs = append(offs, at)
		}
	}
	for i := 0; i < len(s); {
		// The pattern is tried only where a numeral starts: trying it at
		// every character was most of the time of reading a timeline.
		r, size := utf8.DecodeRuneInString(s[i:])
		if strings.ContainsRune(cjkNumerals, r) {
			if loc := cjkNumber.FindStringIndex(s[i:]); loc != nil && loc[0] == 0 {
				emit(cjkDigits(s[i:i+loc[1]]), i)
				i += loc[1]
				continue
			}
		}
		switch {
		case r >= '０' && r <= '９':
			emit(string('0'+(r-'０')), i)
		default:
			emit(s[i:i+size], i)
			for k := 1; k < size; k++ {
				offs[len(offs)-size+k] = i + k
			}
		}
		i += size
	}
	offs = append(offs, len(s))
	return b.String(), offs
}

// cjkNumerals are the characters a cjkNumber starts with.
const cjkNumerals = "〇零○一二三四五六七八九十"

// cjkNumber is a year in Chinese numerals or a month from 一 to 十二, each
// with the character that makes it a date.
var cjkNumber = regexp.MustCompile(`^(?:[〇零○一二三四五六七八九]{4}年|(?:十[一二]?|[一二三四五六七八九])月)`)

// cjkDigits turns a matched Chinese year or month into digits, keeping the
// closing 年 or 月.
func cjkDigits(w string) string {
	unit := w[len(w)-len("年"):]
	w = strings.TrimSuffix(strings.TrimSuffix(w, "年"), "月")
	if unit == "月" {
		v := 0
		switch {
		case w == "十":
			v = 10
		case strings.HasPrefix(w, "十"):
			v = 10 + strings.Index("〇一二", strings.TrimPrefix(w, "十"))/3
		default:
			v = strings.Index("〇一二三四五六七八九", w) / 3
		}
		return strconv.Itoa(v) + unit
	}
	var b strings.Builder
	for _, r := range w {
		switch r {
		case '〇', '零', '○':
			b.WriteByte('0')
		default:
			b.WriteByte(byte('0' + strings.IndexRune("〇一二三四五六七八九", r)/3))
		}
	}
	return b.String() + unit
}

var (
	titleRange = regexp.MustCompile(`(\d{4})\s*年?\s*[-–—~～至到]\s*(\d{4})\s*年`)
	titleYear  = regexp.MustCompile(`(\d{4})\s*年`)
)

// TitleYears reads the years a plan covers from its title, for a site.toml
// that sets neither start_year nor end_year: a range of years
// (三年行动计划（2020—2022年）) or a single year (2023年重点工作任务分解),
// in digits, full-width digits or Chinese numerals. A title with no year, or
// with more than one that is not a range, gives 0, 0.
func TitleYears(title string) (start, end int) {
	s, _ := normalize(title)
	if m := titleRange.FindAllStringSubmatch(s, -1); len(m) == 1 {
		a, _ := strconv.Atoi(m[0][1])
		b, _ := strconv.Atoi(m[0][2])
		if a >= 1900 && b >= a && b <= 2200 {
			return a, b
		}
		return 0, 0
	}
	if m := titleYear.FindAllStringSubmatch(s, -1); len(m) == 1 {
		if y, _ := strconv.Atoi(m[0][1]); y >= 1900 && y <= 2200 {
			return y, y
		}
	}
	return 0, 0
}
