package load

import (
	"fmt"
	"unicode/utf8"

	"plansite/internal/column"
	"plansite/internal/config"
)

// ChooseColumns settles, for a table just read from a document, which of
// two headings that both mean one standard column is it (a table headed
// 工作任务 and 具体要求 has two names of 主要措施): the measures are the
// column of the longest cells; of the others, a column of short cells
// becomes the groups (重点任务) when the table has none. The result is what
// plansite new writes under [columns], so that the site builds at once and
// the publisher sees what was chosen.
func ChooseColumns(header []string, body [][]string) []config.ColumnChoice {
	byStd := make([][]int, len(column.Task)) // header columns read as each standard column
	for i, h := range header {
		if k := standardName(column.Task, nil, h); k >= 0 {
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
	return out
}

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
