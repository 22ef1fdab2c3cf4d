package load

import (
	"plansite/internal/plan"
)

// twoRowHeading reads the first two records of a task table as one
// heading when the second is the lower row of a heading of two rows: a
// heading merged across columns over sub-headings (责任单位 over 牵头单位
// and 配合单位), the other headings merged down over both rows, as an
// office suite draws it and plansite import writes it (a merged cell's
// text in every row it covers, in the first of its columns). Each column
// is named by its lower cell; groups gives the upper heading over each
// column that falls under one, else "". at is where each name stands,
// the upper row's cell for a heading merged down.
//
// A row of the table cannot be read so: it would need a cell that says
// its column's heading, and every other cell under a heading that spans
// columns.
func twoRowHeading(upper []string, upperAt []plan.Cell, lower []string, lowerAt []plan.Cell) (names []string, at []plan.Cell, groups []string, ok bool) {
	if len(upper) != len(lower) || len(upper) < 2 {
		return nil, nil, nil, false
	}
	groups = make([]string, len(upper))
	down, spans := false, false
	group := -1     // the column of the upper cell over this one, when it spans columns
	merged := false // the column before is a heading merged down, or one of its columns
	for c := range upper {
		u, l := plan.TrimSpace(upper[c]), plan.TrimSpace(lower[c])
		switch {
		case u != "":
			group, merged = -1, false
			if c+1 < len(upper) && plan.TrimSpace(upper[c+1]) == "" && plan.TrimSpace(lower[c+1]) != "" && l != "" && l != u {
				group, spans = c, true
			} else if l == u {
				down, merged = true, true
				continue
			} else {
				return nil, nil, nil, false
			}
		case l == "" && merged:
			// A heading merged down over both rows and across columns
			// (项目名称 over two columns) holds its text in its first:
			// the others are columns without a heading of their own.
			continue
		case group < 0 || l == "":
			return nil, nil, nil, false
		}
		groups[c] = plan.TrimSpace(upper[group])
	}
	if !down || !spans {
		return nil, nil, nil, false
	}
	at = make([]plan.Cell, len(upper))
	for c := range upper {
		if groups[c] == "" {
			at[c] = upperAt[c]
		} else {
			at[c] = lowerAt[c]
		}
	}
	return lower, at, groups, true
}
