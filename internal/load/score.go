package load

import "plansite/internal/column"

// HeaderScore rates a row of headings as a task table's heading, for
// finding the task table among a document's tables: how many of the
// standard columns it names (their names and synonyms, as a table's own
// heading is read), counting the columns a task table cannot do without
// (主要措施, 牵头部门) twice; 责任单位 without a lead column is the lead, as
// the reader takes it. A row that names none of those scores 0: it is not
// a task table's heading, whatever else it names.
func HeaderScore(names []string) int {
	seen := make([]bool, len(column.Task))
	score, required := 0, false
	for _, i := range readAs(column.Task, nil, names) {
		if i < 0 || seen[i] {
			continue
		}
		seen[i] = true
		score++
		if column.Task[i].Required {
			score++
			required = true
		}
	}
	if !required {
		return 0
	}
	return score
}
