package plan

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// leadingYears is the year or the range of years a clause begins with:
// 2023年, 2021-2022年, ２０２３年.
var leadingYears = regexp.MustCompile(`^[0-9０-９]{4}(?:\s*[-－—–~～〜至到]\s*[0-9０-９]{4})?\s*年`)

// clauseDetail is what a dated clause says beside the years it covers, as it
// says it: the clause without the years it begins with, so that nothing
// of its date is lost (9月投入使用, 6月底前完成, 年底前建成, 长期坚持); the
// date as written when nothing else is left (a clause that is only
// 2021-2022年).
func clauseDetail(m Milestone) string {
	s := TrimSpace(m.Clause)
	if loc := leadingYears.FindStringIndex(s); loc != nil {
		rest := s[loc[1]:]
		// 年 belongs to the word that follows: 年底前, 年内, 年度.
		if r, _ := utf8.DecodeRuneInString(rest); strings.ContainsRune("底内初中末前起以后度", r) {
			rest = "年" + rest
		}
		s = rest
	}
	s = strings.TrimRight(strings.TrimLeft(s, "，,：: \u3000"), "。；;.，, \u3000")
	if s == "" {
		return m.When
	}
	return s
}
