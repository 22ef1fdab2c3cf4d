package importer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"plansite/internal/document"
	"plansite/internal/plan"
)

// Facts are what a document says of itself, for site.toml: each as the
// document writes it, "" when it does not say, and where it was found.
type Facts struct {
	Title, TitleFrom   string
	Issuer, IssuerFrom string
	Number             string // 文号: 穗工信〔2020〕1号
	Date, DateFrom     string // YYYY-MM-DD
	// Attachment is the label of the attachment the table is, on its own
	// line above it or its title: 附件1, 附件二, 附件.
	Attachment, AttachmentFrom string
}

var (
	// 文号: an agency's short name, the year in brackets, the number.
	docNumber = regexp.MustCompile(`[\p{Han}]{1,12}[〔［\[（(]\s*\d{4}\s*[〕］\]）)]\s*\d{1,5}\s*号`)
	// A date as a notice is signed: 2020年2月27日, in digits or numerals.
	signedDate = regexp.MustCompile(`([0-9０-９〇零一二三四五六七八九]{4})\s*年\s*([0-9０-９〇零一二三四五六七八九十]{1,3})\s*月\s*([0-9０-９〇零一二三四五六七八九十]{1,3})\s*日`)
	// A title names the kind of document it is.
	titleEnd = regexp.MustCompile(`(方案|计划|清单|分工表|分解表|任务表|进度表|一览表|汇总表|情况表|项目表|通知|意见|要点|规划|措施|办法|执行情况|落实情况|完成情况|进展情况|推进情况|实施情况|台账)(（[^）]*）|\([^)]*\))?[》」]?$`)
	// A document named in a notice's text: 现将《…》印发给你们.
	quotedTitle = regexp.MustCompile(`《([^《》]{6,120})》`)
	// What a portal's page title adds after the page's own: _象山县人民政府,
	// - 某某市人民政府门户网站.
	siteSuffix = regexp.MustCompile(`\s*(?:_|\||－|—|\s-\s)\s*[^_|－—]*(?:政府|网|网站|门户|平台|局|委|办公室|办公厅)\s*$`)
	// An attachment's label, alone on its line: 附件, 附件1, 附件 2：, 附件一.
	attachmentLine = regexp.MustCompile(`^附\s*件\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?\s*[:：]?$`)
	// What a portal's page says of itself in a line above its text:
	// 发布日期：2022-12-14, 来源：苍南县人民政府办公室.
	pageDate   = regexp.MustCompile(`(?:发布|发文|成文)(?:日期|时间)\s*[:：]\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})`)
	pageSource = regexp.MustCompile(`(?:来源|发布机构|发文机关|发布单位)\s*[:：]\s*([\p{Han}（）()]{3,40})`)
	// A line of those, or of the page's tools (浏览次数：, 字体：大 中 小).
	pageLine = regexp.MustCompile(`(?:(?:发布|发文|成文)(?:日期|时间)|来源|浏览次数|访问次数|字体|字号)\s*[:：]`)
	// An issuer is a body's name.
	issuerEnd = regexp.MustCompile(`(人民政府|政府|办公厅|办公室|委员会|局|委|厅|中心|管委会|领导小组)$`)
)

// FactsOf reads what doc says of itself, around the task table (table
// index, from 0): the title above it (a title row of the table, else the
// paragraph before it that names a kind of document, else the page's
// <title>), the 文号 anywhere, the last date written as a notice signs it,
// and the issuer on the line above that date.
func FactsOf(doc *document.Document, table int) Facts {
	var f Facts
	t := &doc.Tables[table]
	if r, title := titleRow(t); title != "" {
		f.Title, f.TitleFrom = title, fmt.Sprintf("table %d, row %d", table+1, r+1)
	}
	before := doc.Paragraphs[:min(t.Before, len(doc.Paragraphs))]
	f.Attachment, f.AttachmentFrom = attachmentOf(t, table, before)
	for i := len(before) - 1; i >= 0 && f.Title == ""; i-- {
		if p := clean(before[i]); isTitle(p) {
			f.Title, f.TitleFrom = p, fmt.Sprintf("paragraph %d", i+1)
		} else if i > 0 && short(before[i-1]) && short(p) && isTitle(clean(before[i-1])+p) {
			// A title set on two lines: 徐庄镇2017年度安全生产专项整治 / 工作计划.
			f.Title, f.TitleFrom = clean(before[i-1])+p, fmt.Sprintf("paragraphs %d and %d", i, i+1)
		}
	}
	for i, p := range doc.Paragraphs {
		if f.Title != "" {
			break
		}
		if m := quotedTitle.FindStringSubmatch(p); m != nil && strings.Contains(p, "印发") && isTitle(clean(m[1])) {
			f.Title, f.TitleFrom = clean(m[1]), fmt.Sprintf("paragraph %d: 《%s》", i+1, clean(m[1]))
		}
	}
	if f.Title == "" {
		if p := clean(siteSuffix.ReplaceAllString(doc.Title, "")); utf8.RuneCountInString(p) >= 6 {
			f.Title, f.TitleFrom = p, "the page's <title>"
		} else if p := clean(doc.Title); p != "" {
			f.Title, f.TitleFrom = p, "the page's <title>"
		}
	}
	for _, p := range doc.Paragraphs {
		if m := docNumber.FindString(p); m != "" {
			f.Number = m
			break
		}
	}
	for i := len(doc.Paragraphs) - 1; i >= 0; i-- {
		p := clean(doc.Paragraphs[i])
		m := signedDate.FindStringSubmatch(p)
		if m == nil {
			continue
		}
		if d, ok := isoDate(m[1], m[2], m[3]); ok {
			f.Date, f.DateFrom = d, fmt.Sprintf("paragraph %d: %s", i+1, m[0])
			// The issuer signs on the line above the date, or on the
			// same line before it.
			if rest := clean(strings.TrimSuffix(p, m[0])); isIssuer(rest) {
				f.Issuer, f.IssuerFrom = rest, fmt.Sprintf("paragraph %d", i+1)
			} else if i > 0 && isIssuer(clean(doc.Paragraphs[i-1])) {
				f.Issuer, f.IssuerFrom = clean(doc.Paragraphs[i-1]), fmt.Sprintf("paragraph %d", i)
			}
			break
		}
	}
	if f.Date == "" || f.Issuer == "" {
		// A portal's page of a report has no signature, but says when it
		// was published and by whom.
		for i, p := range doc.Paragraphs {
			p = clean(p)
			if m := pageDate.FindStringSubmatch(p); m != nil && f.Date == "" {
				if d, ok := isoDate(m[1], m[2], m[3]); ok {
					f.Date, f.DateFrom = d, fmt.Sprintf("paragraph %d: %s", i+1, m[0])
				}
			}
			if m := pageSource.FindStringSubmatch(p); m != nil && f.Issuer == "" && isIssuer(m[1]) {
				f.Issuer, f.IssuerFrom = m[1], fmt.Sprintf("paragraph %d: %s", i+1, m[0])
			}
		}
	}
	return f
}

// attachmentOf finds the attachment label of table t (index table, from
// 0): in a row across it above its heading, or in one of the few lines
// right above it, before any sentence.
func attachmentOf(t *document.Table, table int, before []string) (label, from string) {
	for r := 0; r < len(t.Rows) && r < 10; r++ {
		text := clean(t.Text(r, 0))
		if !acrossRow(t, r) || text == "" {
			break
		}
		if attachmentLine.MatchString(text) {
			return attachmentLabel(text), fmt.Sprintf("table %d, row %d", table+1, r+1)
		}
	}
	seen := 0
	for i := len(before) - 1; i >= 0 && seen < 4; i-- {
		p := clean(before[i])
		if p == "" {
			continue
		}
		if attachmentLine.MatchString(p) {
			return attachmentLabel(p), fmt.Sprintf("paragraph %d", i+1)
		}
		if strings.ContainsAny(p, "。；;") {
			break // a sentence: the notice's text, no longer the table's heading
		}
		if !pageLine.MatchString(p) {
			seen++
		}
	}
	return "", ""
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

// titleRow finds a title among the rows at the top of a table, each one
// text across the whole table, as a table copied out of its document
// carries it over its heading (附件, then 某区2025年民生实事项目责任分工):
// the last such row that names a kind of document, or a 分工 or 分解.
func titleRow(t *document.Table) (int, string) {
	at, title := -1, ""
	for r := 0; r < len(t.Rows) && r < 10; r++ {
		text := clean(t.Text(r, 0))
		if !acrossRow(t, r) || text == "" {
			break
		}
		if isTitle(text) || utf8.RuneCountInString(text) >= 6 && (strings.HasSuffix(text, "分工") || strings.HasSuffix(text, "分解")) {
			at, title = r, text
		}
	}
	return at, title
}

// clean trims a paragraph's spaces, U+3000 included, at both ends: a title
// centred with spaces is still the title.
func clean(s string) string { return plan.TrimSpace(s) }

func isTitle(p string) bool {
	n := utf8.RuneCountInString(p)
	return n >= 6 && n <= 120 && titleEnd.MatchString(p)
}

// short reports whether a paragraph may be a line of a title set on
// several: short, and no sentence.
func short(p string) bool {
	p = clean(p)
	n := utf8.RuneCountInString(p)
	return n >= 2 && n <= 40 && !strings.ContainsAny(p, "，。；：,;:")
}

func isIssuer(p string) bool {
	n := utf8.RuneCountInString(p)
	return n >= 3 && n <= 40 && issuerEnd.MatchString(p) && !strings.ContainsAny(p, "，。；：")
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
