package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"plansite/internal/document"
	"plansite/internal/plan"
)

// Facts are what a document says of itself, for site.toml: each as the
// document writes it, "" when it does not say, and where it was found.
type Facts struct {
	Title, TitleFrom   string
	Issuer, IssuerFrom string
	Number, NumberFrom string // 文号: 穗工信〔2020〕1号
	Date, DateFrom     string // YYYY-MM-DD
	// Attachment is the label of the attachment the table is, on its own
	// line above it or its title: 附件1, 附件二, 附件.
	Attachment, AttachmentFrom string
}

// lazyRegexp compiles expr the first time it is used: only new and import
// read a document's facts, and compiled as the program started, these
// were a thirtieth of its start, before every command.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

var (
	// 文号: an agency's short name, the year in brackets, the number.
	docNumber = lazyRegexp(`[\p{Han}]{1,12}[〔［\[（(]\s*\d{4}\s*[〕］\]）)]\s*\d{1,5}\s*号`)
	// A date as a notice is signed: 2020年2月27日, in digits or numerals.
	signedDate = lazyRegexp(`([0-9０-９〇零一二三四五六七八九]{4})\s*年\s*([0-9０-９〇零一二三四五六七八九十]{1,3})\s*月\s*([0-9０-９〇零一二三四五六七八九十]{1,3})\s*日`)
	// A title names the kind of document it is.
	titleEnd = lazyRegexp(`(方案|计划|清单|分工表|分解表|任务表|进度表|一览表|汇总表|情况表|项目表|通知|意见|要点|规划|措施|办法|执行情况|落实情况|完成情况|进展情况|推进情况|实施情况|台账)(（[^）]*）|\([^)]*\))?[》」]?$`)
	// A document named in a notice's text: 现将《…》印发给你们.
	quotedTitle = lazyRegexp(`《([^《》]{6,120})》`)
	// What a portal's page title adds after the page's own: _象山县人民政府,
	// - 某某市人民政府门户网站.
	siteSuffix = lazyRegexp(`\s*(?:_|\||－|—|\s-\s)\s*[^_|－—]*(?:政府|网|网站|门户|平台|局|委|办公室|办公厅)\s*$`)
	// An attachment's label, alone on its line: 附件, 附件1, 附件 2：, 附件一.
	attachmentLine = lazyRegexp(`^附\s*件\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?\s*[:：]?$`)
	// What a portal's page says of itself in a line above its text:
	// 发布日期：2022-12-14, 来源：苍南县人民政府办公室.
	pageDate   = lazyRegexp(`(?:发布|发文|成文)(?:日期|时间)\s*[:：]\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})`)
	pageSource = lazyRegexp(`(?:来源|发布机构|发文机关|发布单位)\s*[:：]\s*([\p{Han}（）()]{3,40})`)
	// A line of those, or of the page's tools (浏览次数：, 字体：大 中 小).
	pageLine = lazyRegexp(`(?:(?:发布|发文|成文)(?:日期|时间)|来源|浏览次数|访问次数|字体|字号)\s*[:：]`)
	// A note in brackets at the end of a name: (办公室).
	bracketNote = lazyRegexp(`\s*(?:（[^（）]*）|\([^()]*\))$`)
	// An issuer is a body's name.
	issuerEnd = lazyRegexp(`(人民政府|政府|办公厅|办公室|委员会|局|委|厅|中心|管委会|领导小组)$`)
)

// line is a line of what a document says around its task table: a
// paragraph, or a row of the table above its heading, one text across it
// (a workbook saved from a notice holds the notice so, its title, its
// signature and its date each a row).
type line struct {
	text string // cleaned
	from string // where it is, for site.toml: paragraph 3, table 1, row 2
	fact bool   // a fact of a portal's table of a page's facts, never a title
	row  bool   // a line of a row of the table above its heading
}

// linesOf are the lines of doc in order around table (index, from 0): the
// paragraphs before it, with the facts of a portal's table of the page's
// facts (发布机构 | 某区政府) where it stands, then its rows above its heading,
// then the paragraphs after it. before is how many come before the heading.
func linesOf(doc *document.Document, table int) (lines []line, before int) {
	t := &doc.Tables[table]
	at := min(t.Before, len(doc.Paragraphs))
	for i := 0; i <= at; i++ {
		for k := range table {
			if doc.Tables[k].Before == i {
				lines = append(lines, factRows(&doc.Tables[k], k)...)
			}
		}
		if i < at {
			lines = append(lines, line{text: clean(doc.Paragraphs[i]), from: fmt.Sprintf("paragraph %d", i+1)})
		}
	}
	for r := range topRows(t) {
		// A cell of several paragraphs (附件2 / 关于…的任务分工表) is
		// several lines.
		for _, p := range strings.Split(t.Text(r, 0), "\n") {
			if p = clean(p); p != "" {
				lines = append(lines, line{text: p, from: fmt.Sprintf("table %d, row %d", table+1, r+1), row: true})
			}
		}
	}
	before = len(lines)
	for i, p := range doc.Paragraphs[at:] {
		lines = append(lines, line{text: clean(p), from: fmt.Sprintf("paragraph %d", at+i+1)})
	}
	return lines, before
}

// factName is the name of a fact in a portal's table of a page's facts.
var factName = lazyRegexp(`^(?:索引号|发布机构|发文机关|发文单位|发布单位|信息来源|来源|发布日期|发文日期|成文日期|生成日期|文号|发文字号|名称|标题)$`)

// factRows are the facts of a table that states a page's facts as pairs
// of cells, a name (发布机构:) then its value, each as a line 发布机构：某区政府.
func factRows(t *document.Table, index int) []line {
	var out []line
	for r := range t.Rows {
		for c := 0; c+1 < t.Cols; c++ {
			name, value := strings.TrimRight(clean(t.Text(r, c)), ":："), clean(t.Text(r, c+1))
			if value == "" || !factName().MatchString(name) {
				continue
			}
			out = append(out, line{text: name + "：" + value, from: fmt.Sprintf("table %d, row %d", index+1, r+1), fact: true})
			c++
		}
	}
	return out
}

// topRows is how many rows at the top of t are each one text across it,
// above its heading; none in a table of one column, whose every row is.
func topRows(t *document.Table) int {
	r := 0
	for t.Cols > 1 && r < len(t.Rows) && acrossRow(t, r) && clean(t.Text(r, 0)) != "" {
		r++
	}
	return r
}

// FactsOf reads what doc says of itself, around the task table (table
// index, from 0): the title above it (the nearest line above its heading
// that names a kind of document, else a notice's 《…》 it 印发, else the
// page's <title>), the attachment's label above it, the 文号 anywhere, the
// last date written as a notice signs it, and the issuer on the line above
// that date. The rows of the table above its heading are lines like the
// paragraphs. A title under the attachment's label is the attachment's
// own, and joins it, where the document's own title is found above.
func FactsOf(doc *document.Document, table int) Facts {
	var f Facts
	lines, n := linesOf(doc, table)
	before := lines[:n]
	caption := -1 // the title's line in before
	// A title row over the heading, as a table copied out of its document
	// carries it (附件, then 某区2025年民生实事项目责任分工): the last that
	// names a kind of document, or a 分工 or 分解.
	for i := len(before) - 1; i >= 0 && before[i].row; i-- {
		if namesDocument(before[i].text) {
			caption = i
			f.Title, f.TitleFrom = before[i].text, before[i].from
			break
		}
	}
	label, attachment := attachmentOf(before)
	f.Attachment = attachment
	if label >= 0 {
		f.AttachmentFrom = before[label].from
	}
	for i := len(before) - 1; i >= 0 && f.Title == ""; i-- {
		if p := before[i].text; before[i].fact {
			continue
		} else if isTitle(p) {
			f.Title, f.TitleFrom, caption = p, before[i].from, i
		} else if i > 0 && short(before[i-1].text) && short(p) && isTitle(before[i-1].text+p) {
			// A title set on two lines: 徐庄镇2017年度安全生产专项整治 / 工作计划.
			f.Title, f.TitleFrom, caption = before[i-1].text+p, before[i-1].from+" and "+before[i].from, i-1
		}
	}
	if label >= 0 && caption > label {
		// The title under the attachment's label is the attachment's own
		// (附件1 / 任务分工表): the document's is above, as Guangzhou's
		// plan is titled over its 附件1 任务分工表.
		if title, from := documentTitle(doc, before[:label], before[:label]); title != "" && plan.Squeeze(title) != plan.Squeeze(f.Title) {
			f.Attachment += " " + f.Title
			if f.TitleFrom != f.AttachmentFrom {
				f.AttachmentFrom += " and " + f.TitleFrom
			}
			f.Title, f.TitleFrom = title, from
		}
	}
	if f.Title == "" {
		f.Title, f.TitleFrom = documentTitle(doc, lines, nil)
	}
	for _, l := range lines {
		if m := docNumber().FindString(l.text); m != "" {
			f.Number, f.NumberFrom = m, l.from
			break
		}
	}
	for i := len(lines) - 1; i >= 0; i-- {
		p := lines[i].text
		m := signedDate().FindStringSubmatch(p)
		if m == nil {
			continue
		}
		if d, ok := isoDate(m[1], m[2], m[3]); ok {
			f.Date, f.DateFrom = d, fmt.Sprintf("%s: %s", lines[i].from, m[0])
			// The issuer signs on the line above the date, or on the
			// same line before it; bodies that issue it jointly sign side
			// by side, on a line or a few.
			if bs := bodies(strings.TrimSuffix(p, m[0])); bs != nil {
				f.Issuer, f.IssuerFrom = strings.Join(bs, "、"), lines[i].from
				break
			}
			var signed []string
			from := ""
			for j := i - 1; j >= 0 && j >= i-4; j-- {
				bs := bodies(lines[j].text)
				if bs == nil {
					break
				}
				signed, from = append(bs, signed...), lines[j].from
			}
			if signed != nil {
				f.Issuer, f.IssuerFrom = strings.Join(signed, "、"), from
			}
			break
		}
	}
	if f.Date == "" || f.Issuer == "" {
		// A portal's page of a report has no signature, but says when it
		// was published and by whom.
		for _, l := range lines {
			if m := pageDate().FindStringSubmatch(l.text); m != nil && f.Date == "" {
				if d, ok := isoDate(m[1], m[2], m[3]); ok {
					f.Date, f.DateFrom = d, fmt.Sprintf("%s: %s", l.from, m[0])
				}
			}
			if m := pageSource().FindStringSubmatch(l.text); m != nil && f.Issuer == "" && isIssuer(m[1]) {
				f.Issuer, f.IssuerFrom = m[1], fmt.Sprintf("%s: %s", l.from, m[0])
			}
		}
	}
	return f
}

// documentTitle is the title of the document itself: the one a notice's
// text names as it 印发 it (《…》, in lines), else the first of above that
// names a kind of document, else the page's <title>.
func documentTitle(doc *document.Document, lines, above []line) (title, from string) {
	for _, l := range slices.Concat(lines, []line{{text: clean(doc.Title), from: "the page's <title>"}}) {
		if m := quotedTitle().FindStringSubmatch(l.text); m != nil && strings.Contains(l.text, "印发") && namesDocument(clean(m[1])) {
			return clean(m[1]), fmt.Sprintf("%s: 《%s》", l.from, clean(m[1]))
		}
	}
	for _, l := range above {
		if isTitle(l.text) && !l.fact && !strings.HasPrefix(l.text, "附件") && !pageLine().MatchString(l.text) {
			return l.text, l.from
		}
	}
	if p := clean(siteSuffix().ReplaceAllString(doc.Title, "")); utf8.RuneCountInString(p) >= 6 {
		return p, "the page's <title>"
	} else if p := clean(doc.Title); p != "" {
		return p, "the page's <title>"
	}
	return "", ""
}

// attachmentOf finds the attachment label of a table in the lines above
// its heading: in one of the few nearest, before any sentence. at is its
// index in before, -1 when there is none.
func attachmentOf(before []line) (at int, label string) {
	seen := 0
	for i := len(before) - 1; i >= 0 && seen < 4; i-- {
		p := before[i].text
		if p == "" {
			continue
		}
		if attachmentLine().MatchString(p) {
			return i, attachmentLabel(p)
		}
		if strings.ContainsAny(p, "。；;") {
			break // a sentence: the notice's text, no longer the table's heading
		}
		if !pageLine().MatchString(p) {
			seen++
		}
	}
	return -1, ""
}

// attachmentLabel is an attachment's label as a title shows it: 附件 1：
// is 附件1.
func attachmentLabel(p string) string {
	p = strings.TrimRight(p, ":： ")
	return strings.Join(strings.Fields(p), "")
}

// acrossRow reports whether row r of t is one text across the whole table
// (a title or an attachment's label over the heading).
func acrossRow(t *document.Table, r int) bool {
	for c := 1; c < t.Cols; c++ {
		if t.Origin(r, c) != t.Origin(r, 0) && clean(t.Text(r, c)) != "" {
			return false
		}
	}
	return true
}

// clean trims a paragraph's spaces, U+3000 included, at both ends: a title
// centred with spaces is still the title.
func clean(s string) string { return plan.TrimSpace(s) }

// namesDocument reports whether p may be a document's title: a title, or
// one that names a 分工 or 分解 (某区2025年民生实事项目责任分工).
func namesDocument(p string) bool {
	return isTitle(p) || utf8.RuneCountInString(p) >= 6 && (strings.HasSuffix(p, "分工") || strings.HasSuffix(p, "分解"))
}

func isTitle(p string) bool {
	n := utf8.RuneCountInString(p)
	return n >= 6 && n <= 120 && titleEnd().MatchString(p)
}

// short reports whether a paragraph may be a line of a title set on
// several: short, and no sentence.
func short(p string) bool {
	p = clean(p)
	n := utf8.RuneCountInString(p)
	return n >= 2 && n <= 40 && !strings.ContainsAny(p, "，。；：,;:")
}

// bodies are the bodies a line of a signature names, side by side with
// spaces between (广州市卫生健康委员会　　广州市财政局), or one as written
// (spaced within its name), or nil when it is not such a line.
func bodies(p string) []string {
	names := strings.Fields(p)
	for _, n := range names {
		if !isIssuer(n) {
			if p = clean(p); isIssuer(p) {
				return []string{p}
			}
			return nil
		}
	}
	if len(names) == 0 {
		return nil
	}
	return names
}

// isIssuer reports whether p names a body: a name ending as bodies' names
// do, a note in brackets after it aside (谯城区政府(办公室)).
func isIssuer(p string) bool {
	n := utf8.RuneCountInString(p)
	return n >= 3 && n <= 40 && issuerEnd().MatchString(bracketNote().ReplaceAllString(p, "")) && !strings.ContainsAny(p, "，。；：")
}

// isoDate reads a signed date's year, month and day, in digits (full-width
// too) or Chinese numerals (二〇二〇, 十二, 二十七).
func isoDate(y, m, d string) (string, bool) {
	year, ok1 := number(y, true)
	month, ok2 := number(m, false)
	day, ok3 := number(d, false)
	if !ok1 || !ok2 || !ok3 || month < 1 || month > 12 || day < 1 || day > 31 {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", year, month, day), true
}

// number reads digits, or Chinese numerals: a year digit by digit
// (二〇二〇), a month or day as counted (十二, 二十七).
func number(s string, digits bool) (int, bool) {
	vals := map[rune]int{'〇': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= '０' && r <= '９':
			b.WriteRune('0' + r - '０')
		}
	}
	if b.Len() == utf8.RuneCountInString(s) {
		n, err := strconv.Atoi(b.String())
		return n, err == nil
	}
	if digits {
		n := 0
		for _, r := range s {
			v, ok := vals[r]
			if !ok {
				return 0, false
			}
			n = n*10 + v
		}
		return n, true
	}
	// 十, 十二, 二十, 二十七, 三十一
	n, cur := 0, 0
	for _, r := range s {
		if r == '十' {
			if cur == 0 {
				cur = 1
			}
			n += cur * 10
			cur = 0
			continue
		}
		v, ok := vals[r]
		if !ok {
			return 0, false
		}
		cur = v
	}
	return n + cur, true
}
