package load

import "plansite/internal/config"

// HeaderScore rates a row of headings as a task table's heading, for
// finding the task table among a document's tables: how many of the
// standard columns it names (their names and synonyms, as a table's own
// heading is read), counting the two a task table cannot do without,
// 主要措施 and 牵头部门, twice. A row that names neither scores 0: it is not
// a task table's heading, whatever else it names.
func HeaderScore(names []string) int {
	seen := map[string]bool{}
	score, required := 0, false
	for _, h := range names {
		std, ok := standardName(taskColumns, config.Columns{}, h)
		if !ok || seen[std] {
			continue
		}
		seen[std] = true
		score++
		for _, c := range taskColumns {
			if c.name == std && c.required {
				score++
				required = true
			}
		}
	}
	if !required {
		return 0
	}
	return score
}
