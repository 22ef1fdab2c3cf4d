package load

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"plansite/internal/column"
	"plansite/internal/config"
	"plansite/internal/plan"
)

// ChooseColumns settles, for a table just read from a document, which of
// two headings that both mean one standard column is it (a table headed
// 工作任务 and 具体要求 has two names of 主要措施): the measures are the
// column of the longest cells; of the others, a column of short cells
// becomes the groups (重点任务) when the table has none. A table with no
// heading of 主要措施 at all (序号, 重点任务, 牵头单位 …, where 重点任务 heads
// the tasks' text, not their groups) has its measures in the column of the
// longest cells that is not numbers, units or dates; one with no heading of
// 牵头部门 has its leading units in the first column of units that
// plansite does not read (承办单位). The result is what
// plansite new writes under [columns], so that the site builds at once and
// the publisher sees what was chosen.
func ChooseColumns(header []string, body [][]string) []config.ColumnChoice {
	byStd := make([][]int, len(column.Task)) // header columns read as each standard column
	for i, k := range readAs(column.Task, nil, header) {
		if k >= 0 {
			byStd[k] = append(byStd[k], i)
		}
	}
	var out []config.ColumnChoice
	measures, area := column.Measures.Index(), column.Area.Index()
	for k, cols := range byStd {
		if len(cols) < 2 {
			continue
		}
		longest := cols[0]
		for _, c := range cols[1:] {
			if meanLength(body, c) > meanLength(body, longest) {
				longest = c
			}
		}
		key := column.Task[k].Key
		out = append(out, config.ColumnChoice{Key: key, Heading: header[longest], Why: fmt.Sprintf("of %s, both read as %s, it has the longest cells", quoteList(header, cols), column.Task[k].Name)})
		if k == measures && len(byStd[area]) == 0 {
			for _, c := range cols {
				if c != longest {
					out = append(out, config.ColumnChoice{Key: column.Task[area].Key, Heading: header[c], Why: fmt.Sprintf("its short cells group the tasks, and the table has no %s column", column.Task[area].Name)})
					break
				}
			}
		}
	}
	if len(byStd[measures]) == 0 {
		if c, ok := longestText(header, body); ok {
			out = append(out, config.ColumnChoice{Key: string(column.Measures), Heading: header[c],
				Why: fmt.Sprintf("no heading names %s, and of the columns that could hold the tasks' text it has the longest cells", column.Measures.Name())})
			if t, ok := itemTitles(header, body, byStd, c); ok {
				out = append(out, config.ColumnChoice{Key: string(column.Title), Heading: header[t],
					Why: fmt.Sprintf("no heading names %s, and its short cells name each task's matter, before its text", column.Title.Name())})
			}
		}
	}
	if c, ok := leadUnits(header, byStd); ok {
		out = append(out, config.ColumnChoice{Key: string(column.Lead), Heading: header[c],
			Why: fmt.Sprintf("no heading names %s, and it is the first column of units (…%s) that plansite does not read", column.Lead.Name(), unitWord(header[c]))})
	}
	return out
}

// itemTitles is the column of the tasks' titles in a table whose headings
// name none: one left of the measures (column m) that plansite does not
// read, headed as the matters the tasks are (工作事项, 重点事项), whose cells
// are short beside the measures'.
func itemTitles(header []string, body [][]string, byStd [][]int, m int) (int, bool) {
	if len(byStd[column.Title.Index()]) > 0 {
		return 0, false
	}
	for i := range m {
		h := plan.Squeeze(header[i])
		if strings.HasSuffix(h, "事项") && standardName(column.Task, nil, header[i]) < 0 {
			if n := meanLength(body, i); n > 0 && n <= float64(plan.MaxTitle) && 2*n < meanLength(body, m) {
				return i, true
			}
		}
	}
	return 0, false
}

// leadUnits is the column of the leading units of a table whose headings
// name none (承办单位, 落实单位, 主体单位 …): the first column that
// plansite does not read whose heading ends in a word for units. A column
// of 责任单位 alone is the lead already (readAs).
func leadUnits(header []string, byStd [][]int) (int, bool) {
	if len(byStd[column.Lead.Index()]) > 0 {
		return 0, false
	}
	for i, h := range header {
		if standardName(column.Task, nil, h) < 0 && unitWord(h) != "" {
			return i, true
		}
	}
	return 0, false
}

// unitWord is the word for units that heading h ends in (单位, 部门 …), or "".
func unitWord(h string) string {
	h = plan.Squeeze(h)
	for _, w := range column.UnitWords {
		if strings.HasSuffix(h, w) {
			return w
		}
	}
	return ""
}

// longestText is the column with the longest cells among those that may
// hold the tasks' text when no heading names the measures: a column read
// as the groups or the titles (a table whose tasks are headed 重点任务,
// as many are), or not read at all. Columns without a heading are left
// out, as numbers or marks, and so are columns of units (承办单位) and
// those of a report on the tasks (工作进展, 完成情况, 备注), whose long
// cells say what was done, not what is to be done.
func longestText(header []string, body [][]string) (int, bool) {
	best, bestLen := -1, 0.0
	for i, h := range header {
		if plan.Squeeze(h) == "" || unitWord(h) != "" || slices.ContainsFunc(reportWords, func(w string) bool { return strings.Contains(plan.Squeeze(h), w) }) {
			continue
		}
		switch k := standardName(column.Task, nil, h); {
		case k < 0, k == column.Area.Index(), k == column.Title.Index():
			if n := meanLength(body, i); n > bestLen {
				best, bestLen = i, n
			}
		}
	}
	return best, best >= 0
}

// reportWords are words of the headings of a report's columns.
var reportWords = []string{"进展", "进度", "完成情况", "落实情况", "推进情况", "执行情况", "实施情况", "备注", "说明"}

// meanLength is the mean length, in characters, of column c's cells.
func meanLength(body [][]string, c int) float64 {
	n, total := 0, 0
	for _, row := range body {
		if c < len(row) {
			total += utf8.RuneCountInString(row[c])
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(total) / float64(n)
}

func quoteList(header []string, cols []int) string {
	s := ""
	for i, c := range cols {
		if i > 0 {
			s += " and "
		}
		s += fmt.Sprintf("%q", header[c])
	}
	return s
}

// UnreadHeadings are the headings of header that plansite does not read,
// with the choices made for it: the columns published as written.
func UnreadHeadings(header []string, choices []config.ColumnChoice) []string {
	names := map[string]string{}
	for _, c := range choices {
		names[c.Key] = c.Heading
	}
	var out []string
	for i, k := range readAs(column.Task, names, header) {
		// As a sentence says it (责任⏎领导 is 责任领导): other_columns
		// matches headings spaces aside.
		if h := plan.Word(strings.TrimSpace(header[i])); k < 0 && h != "" {
			out = append(out, h)
		}
	}
	return out
}
