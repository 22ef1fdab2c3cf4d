// Package linebreak marks where a line of Chinese may break and where it
// must not, once, at build time, so that a reader's browser only follows
// the marks. It adds markup and never changes the text: the text content
// of what it returns is always the text it was given.
//
// Two rules, each for its own kind of text:
//
//   - Protected runs never break: a unit's name as the table writes it
//     (each department's name and aliases, which the build knows), a date
//     or a span of years (2020–2022, 2026-12-05, 2023年6月底前), a number
//     with its unit (资金6万元 keeps 6万元, 3.3万个, 共54条, 45所, 10%),
//     a label the templates write (任务1, 牵头：) and a few terms the
//     phrase model cuts (人工智能). Each run is wrapped in
//     <span class="nw">, which the stylesheet keeps on one line. Long text
//     (the measures, the table's cells) gets only this: Keep.
//   - Titles and headings may break only between phrases: BudouX's
//     boundaries (internal/phrase), less those inside a protected run,
//     next to a one-character phrase (its zh-hans model gives 人|工智|能)
//     or inside punctuation that must stay with its neighbour, each marked
//     <wbr>, the whole in <span class="brk">, whose word-break: keep-all
//     forbids every other break between Chinese characters. Title does
//     this.
package linebreak

import (
	"html/template"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"plansite/internal/phrase"
)

// Terms are words BudouX's zh-hans model cuts in two and plan titles
// use, kept whole like a unit's name. The model has no dictionary; these
// are the few a reader saw cut (人工|智能, 政府工作报|告, 目标任|务).
var Terms = []string{"新一代人工智能", "人工智能", "政府工作报告", "工作报告", "目标任务", "任务分工", "责任分工", "责任分解"}

// Labels are the short labels the templates write next to the table's
// text, each kept on one line wherever it appears.
var Labels = []string{"牵头：", "配合：", "发布机关：", "印发日期", "更新日期", "订阅更新", "完整分工表", "落实情况", "当前状态："}

// number is a date, a span of years or a number with its unit, starting
// at a digit: runs no line may break inside. The units are the measure
// words plans count in. It is tried only where a digit starts (numbers),
// on a short window, which is most of what keeps the build fast.
var number = regexp.MustCompile(`^(?:` +
	// A span of years or dates: 2020–2022, 2023-2025年, 2023年至2025年.
	`\d{4}(?:年)?\s?[-–—~～至到]\s?\d{4}年?` +
	// A date written with dashes, dots or slashes: 2026-12-05.
	`|\d{4}[-./]\d{1,2}(?:[-./]\d{1,2})?` +
	// A date in words with its edge: 2023年6月底前, 6月30日前.
	`|\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?` + edge +
	`|\d{1,2}月(?:\d{1,2}日)?` + edge +
	// A number with its unit: 54条, 3.3万个, 6万元, 10%.
	`|\d+(?:[.,]\d+)*(?:%|％|‰|(?:多|余)?(?:[万亿千百]+)?(?:平方公里|平方米|公里|千米|千瓦|兆瓦|小时|分钟|个百分点|[元个条所项家人次户座米亩吨辆台套张件场期批年月日天名位间床处栋倍级类]))?` +
	`)`)

// numberWords are what a number keeps before it: 共54条, 第1项, 任务1.
var numberWords = []string{"任务", "共", "第", "约", "近", "超", "逾", "达"}

// window is more bytes than a number's run takes: 2023年6月30日以前 has 22.
const window = 64

// numbers returns the runs of dates and numbers in s, in order.
func numbers(s string) []Run {
	var out []Run
	for i := 0; i < len(s); {
		if c := s[i]; c < '0' || c > '9' {
			i++
			continue
		}
		m := number.FindStringIndex(s[i:min(len(s), i+window)])
		if m == nil {
			i++
			continue
		}
		from, to := i, i+m[1]
		for _, w := range numberWords {
			if strings.HasSuffix(s[:i], w) {
				from = i - len(w)
				break
			}
		}
		// A bare number (a 1 of a list, a year alone) is a single word to
		// the browser already; only what a break could cut is a run.
		if from < i || !digits(s[i:to]) {
			out = append(out, Run{from, to})
		}
		i = to
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	}
	return out
}

// edge is what may follow a date: 6月底前.
const edge = `(?:底|初|末|中旬|上旬|下旬)?(?:以前|以后|之前|前|后)?`

// Breaker finds the protected runs of a site's text. Make one per site
// with New; it is safe for use by several goroutines.
type Breaker struct {
	// words holds the names, labels and terms by their first two
	// characters, each list longest first, so a run is found by a lookup
	// at each character rather than a search for every name.
	words map[string][]string
	// starts marks the characters of the Basic Multilingual Plane a word
	// starts with: most characters start none, and are passed over
	// without a lookup.
	starts [1 << 16 / 64]uint64
	cache  memo // title → its HTML: a title is shown on many pages
	short  memo // short text → its HTML, for Keep
}

// New returns a Breaker that keeps each of names whole besides the
// labels, terms, dates and numbers every site keeps.
func New(names []string) *Breaker {
	b := &Breaker{words: map[string][]string{}}
	add := func(w string) {
		if utf8.RuneCountInString(w) < 2 {
			return
		}
		k := prefix(w)
		if r, _ := utf8.DecodeRuneInString(w); r < 1<<16 {
			b.starts[r/64] |= 1 << (r % 64)
		} else {
			b.starts[0] |= 1 // a word outside the plane: look up every character
		}
		for _, x := range b.words[k] {
			if x == w {
				return
			}
		}
		b.words[k] = append(b.words[k], w)
	}
	for _, list := range [][]string{names, Labels, Terms} {
		for _, w := range list {
			add(w)
		}
	}
	for _, l := range b.words {
		sort.Slice(l, func(i, j int) bool { return len(l[i]) > len(l[j]) })
	}
	return b
}

// mayStart reports whether a word may start with c.
func (b *Breaker) mayStart(c rune) bool {
	return c >= 1<<16 || b.starts[0]&1 != 0 || b.starts[c/64]&(1<<(c%64)) != 0
}

// prefix is the first two characters of s.
func prefix(s string) string {
	_, a := utf8.DecodeRuneInString(s)
	_, c := utf8.DecodeRuneInString(s[a:])
	return s[:a+c]
}

// Run is a protected run of s: bytes From to To.
type Run struct{ From, To int }

// Runs returns the protected runs of s in order, none overlapping: at each
// place the longest run that starts there, a name before a number.
func (b *Breaker) Runs(s string) []Run {
	nums := numbers(s)
	var out []Run
	for i := 0; i < len(s); {
		for len(nums) > 0 && nums[0].To <= i {
			nums = nums[1:]
		}
		end, join := i, false
		if c, size := utf8.DecodeRuneInString(s[i:]); i+size < len(s) && b.mayStart(c) {
			for _, w := range b.words[prefix(s[i:])] {
				if strings.HasPrefix(s[i:], w) {
					end = i + len(w)
					break
				}
			}
		}
		if len(nums) > 0 && nums[0].From <= i && nums[0].To > end {
			if nums[0].From < i {
				// A number that began inside the last name: keep its
				// remainder too.
				end, join = max(end, nums[0].To), true
			} else {
				end = nums[0].To
			}
		}
		if end > i {
			if n := len(out); n > 0 && (out[n-1].To > i || join) {
				out[n-1].To = max(out[n-1].To, end)
			} else {
				out = append(out, Run{i, end})
			}
			i = end
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return out
}

// digits reports whether s is all ASCII digits.
func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Keep returns s escaped, each protected run in <span class="nw">.
func (b *Breaker) Keep(s string) template.HTML {
	// A short text is most often a name, met on many pages and rows.
	if len(s) > shortText {
		return b.mark(s, b.Runs(s), nil)
	}
	if h, ok := b.short.load(s); ok {
		return h
	}
	h := b.mark(s, b.Runs(s), nil)
	b.short.store(s, h)
	return h
}

// shortText is the most bytes of a text Keep remembers: a long name.
const shortText = 64

// Title returns s escaped, each protected run in <span class="nw"> and
// <wbr> where a title may break: between phrases, outside the runs; with
// any <wbr>, the whole in <span class="brk">, which the stylesheet lets
// break only there.
func (b *Breaker) Title(s string) template.HTML {
	if h, ok := b.cache.load(s); ok {
		return h
	}
	runs := b.Runs(s)
	wbr := allowed(s, runs)
	h := b.mark(s, runs, wbr)
	if len(wbr) > 0 {
		// keep-all, for the <wbr>s to be the only breaks, on this text
		// alone: a title the build did not mark (a search result) breaks
		// as usual.
		h = `<span class="brk">` + h + `</span>`
	}
	b.cache.store(s, h)
	return h
}

// allowed returns the byte offsets of s where a title may break: between
// its words, outside the runs and not where punctuation holds on to its
// neighbour. The words are BudouX's phrases, mended: its zh-hans model
// cuts many words into single characters (数|据, 专|栏, 人|工智|能), so
// single characters next to each other make one word (数据, 专栏), and a
// single character alone joins the phrase before it when it is a particle
// or suffix (实施的, 广州市) or ends the text (共享平台), else the phrase
// after it (新阶段, 疫情防控). A run is one word however the model cut it.
func allowed(s string, runs []Run) []int {
	breaks := phrase.Breaks(s)
	if len(breaks) == 0 {
		return nil
	}
	var edges []int
	for _, at := range breaks {
		if !inside(runs, at) {
			edges = append(edges, at)
		}
	}
	for _, r := range runs {
		edges = append(edges, r.From, r.To)
	}
	sort.Ints(edges)
	type word struct {
		from, to int
		singles  bool // one or more single characters, none in a run
	}
	var words []word
	from := 0
	for _, at := range append(edges, len(s)) {
		if at <= from {
			continue
		}
		one := single(s[from:at]) && !inRun(runs, from, at)
		if n := len(words); n > 0 && one && words[n-1].singles {
			words[n-1].to = at
		} else {
			words = append(words, word{from, at, one})
		}
		from = at
	}
	// keep[i]: the edge before word i stays. A single character left
	// alone joins a neighbour.
	keep := make([]bool, len(words))
	for i := 1; i < len(words); i++ {
		keep[i] = true
	}
	for i, w := range words {
		if !w.singles || utf8.RuneCountInString(s[w.from:w.to]) != 1 {
			continue
		}
		c, _ := utf8.DecodeRuneInString(s[w.from:])
		if i > 0 && (i == len(words)-1 || strings.ContainsRune(suffixes, c)) {
			keep[i] = false
		} else if i+1 < len(words) {
			keep[i+1] = false
		}
	}
	var out []int
	for i := 1; i < len(words); i++ {
		at := words[i].from
		if !keep[i] {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(s[:at])
		after, _ := utf8.DecodeRuneInString(s[at:])
		if strings.ContainsRune(opening, before) || strings.ContainsRune(closing, after) || latin(before) && latin(after) {
			continue
		}
		out = append(out, at)
	}
	return out
}

// inside reports whether at falls strictly inside one of the runs.
func inside(runs []Run, at int) bool {
	for _, r := range runs {
		if r.From < at && at < r.To {
			return true
		}
	}
	return false
}

// suffixes are the characters that, alone between two phrases, belong to
// the one before: particles and the ends of place and office names.
const suffixes = "的地得等和与及并或之们性化率者级市区县省局厅委办处室所部"

// inRun reports whether s[from:to] lies inside one of the runs.
func inRun(runs []Run, from, to int) bool {
	for _, r := range runs {
		if r.From <= from && to <= r.To {
			return true
		}
	}
	return false
}

// Punctuation a line may not end after (opening) or start with (closing).
const (
	opening = "（(《〈「『【“‘[{"
	closing = "）)》〉」』】”’]}、，。：；！？,.:;!?%％"
)

// latin reports whether r is an ASCII letter or digit: a word the
// browser already keeps whole.
func latin(r rune) bool {
	return r < utf8.RuneSelf && (r >= '0' && r <= '9' || r|0x20 >= 'a' && r|0x20 <= 'z')
}

// single reports whether a phrase is one Chinese character, too short to
// stand between two breaks: 人|工智|能 is not a reading of 人工智能.
func single(p string) bool {
	r, n := utf8.DecodeRuneInString(p)
	return n == len(p) && r >= 0x2E80
}

// mark escapes s, wrapping the runs and putting <wbr> at the offsets in
// wbr, which fall outside the runs.
func (b *Breaker) mark(s string, runs []Run, wbr []int) template.HTML {
	if len(runs) == 0 && len(wbr) == 0 {
		return template.HTML(template.HTMLEscapeString(s))
	}
	var sb strings.Builder
	sb.Grow(len(s) + 25*len(runs) + 5*len(wbr) + 16)
	at := 0
	text := func(to int) {
		for len(wbr) > 0 && wbr[0] <= to {
			escape(&sb, s[at:wbr[0]])
			sb.WriteString("<wbr>")
			at, wbr = wbr[0], wbr[1:]
		}
		escape(&sb, s[at:to])
		at = to
	}
	for _, r := range runs {
		text(r.From)
		sb.WriteString(`<span class="nw">`)
		escape(&sb, s[r.From:r.To])
		sb.WriteString(`</span>`)
		at = r.To
	}
	text(len(s))
	return template.HTML(sb.String())
}

// escape writes s to sb as template.HTMLEscapeString would, without a
// string of its own for each piece.
func escape(sb *strings.Builder, s string) {
	from := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '"':
			r = "&#34;"
		case 0:
			r = "\uFFFD"
		default:
			continue
		}
		sb.WriteString(s[from:i])
		sb.WriteString(r)
		from = i + 1
	}
	sb.WriteString(s[from:])
}

// memo is the HTML made of texts, by text, for every goroutine of a build.
// A map under a read lock: at 10,000 tasks, whose texts fill it with tens
// of thousands of keys, a sync.Map's look-up (which hashes its key as an
// interface and walks a trie) was 4 % of a task page's time. Its zero
// value is empty and ready.
type memo struct {
	mu sync.RWMutex
	m  map[string]template.HTML
}

func (c *memo) load(s string) (template.HTML, bool) {
	c.mu.RLock()
	h, ok := c.m[s]
	c.mu.RUnlock()
	return h, ok
}

func (c *memo) store(s string, h template.HTML) {
	c.mu.Lock()
	if c.m == nil {
		c.m = map[string]template.HTML{}
	}
	c.m[s] = h
	c.mu.Unlock()
}
