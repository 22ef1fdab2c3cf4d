package pages

import (
	"strings"

	"plansite/internal/plan"
	"plansite/internal/search"
)

// searchPage is /search/. It works from its address (/search/?q=无人机), so a
// search can be linked and shared; static/search.js reads the query and the
// index the generator writes beside the page (see internal/search).
func searchPage(s *Site, home Link) *Page {
	return &Page{Site: s, Kind: "search", Path: search.Dir, Title: "搜索任务",
		Description: "按关键词搜索全部任务的主要措施、时间节点和责任部门。", Crumbs: []Link{home}}
}

// searchExamples are queries the search page offers as links, taken from
// words that occur in the plan, so each gives results.
func searchExamples(s *Site) []string {
	// One pass over the tasks, folding each text once, until every query
	// is found: a query that occurs nowhere reads the whole table.
	queries := []string{"无人机", "5G", "区块链", "先导区", "数据", "教育"}
	folded := make([]string, len(queries))
	for i, q := range queries {
		folded[i] = search.Fold(q)
	}
	found, left := make([]bool, len(queries)), len(queries)
	for _, t := range s.Plan.Tasks {
		if left == 0 {
			break
		}
		text := search.Fold(t.Measures)
		for i, q := range folded {
			if !found[i] && strings.Contains(text, q) {
				found[i] = true
				left--
			}
		}
	}
	var out []string
	for i, q := range queries {
		if found[i] {
			out = append(out, q)
		}
	}
	// A district's name, since a citizen often looks for their own district.
	for _, d := range s.Plan.Departments {
		if d.Kind == plan.District {
			return append(out, d.Name)
		}
	}
	if len(s.Plan.Departments) > 0 {
		out = append(out, s.Plan.Departments[0].Name)
	}
	return out
}

// FontSize is a choice of the reading-size switch in the header.
type FontSize struct{ Key, Label string }

// fontSizes are the choices of the 大/中/小 switch, in the order government
// sites show them. static/prefs.js stores the choice and sets a class on
// <html> (size-l, size-s; 中 is the default and has none).
var fontSizes = []FontSize{{"l", "大"}, {"m", "中"}, {"s", "小"}}
