package document

import (
	"slices"

	"plansite/internal/plan"
)

// Continued finds the tables that make one task table with the chosen one:
// those beside it (in the same table, or none) under the same heading,
// spaces aside. A Word file often gives each 重点任务 a table of its own
// under a paragraph that names it, and a portal's page often breaks a long
// table into several, each with the heading again; reading the chosen one
// alone would lose the others' tasks without a word. It gives every such
// table, the chosen one included, in the document's order.
func Continued(doc *Document, chosen Choice, score Score) []Choice {
	want := headingKey(chosen.Header)
	parent := doc.Tables[chosen.Index].Parent
	var out []Choice
	for i := range doc.Tables {
		t := &doc.Tables[i]
		if i == chosen.Index {
			out = append(out, chosen)
			continue
		}
		if t.Parent != parent || t.Cols != doc.Tables[chosen.Index].Cols {
			continue
		}
		if h := FindHeader(t, score); h.Score > 0 && h.Rows == chosen.Header.Rows && slices.Equal(headingKey(h), want) {
			out = append(out, Choice{Index: i, Header: h})
		}
	}
	return out
}

// headingKey is what a heading says, spaces and line breaks removed, its
// groups after its names.
func headingKey(h Header) []string {
	var key []string
	for _, s := range append(slices.Clone(h.Names), h.Groups...) {
		key = append(key, plan.Squeeze(s))
	}
	return key
}
