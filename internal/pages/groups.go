package pages

import (
	"slices"

	"plansite/internal/plan"
	"plansite/internal/sitepath"
)

// The groups of tasks under the heading rows the table writes above them
// (一、加快产业转型 over （一）基础创新): the home page lists the groups under
// those headings, and an area's and a task's pages name them. A heading
// that heads groups has no page of its own, so it is shown as text.

// OutlineEntry is a line of the home page's list of groups: a heading row
// that the groups below it stand under, or a group.
type OutlineEntry struct {
	Heading string     // the heading row, for an entry that is not a group
	Area    *plan.Area // the group
	// Level is the level of the entry's HTML heading: 3, one more under
	// each heading the entry stands under, at most 6.
	Level int
}

// maxLevel is the last HTML heading level, h6.
const maxLevel = 6

// Outline lists the plan's groups in order, each under the heading rows it
// stands under, outermost first, each heading once for the groups that
// follow one another under it.
func (s *Context) Outline() []OutlineEntry {
	var out []OutlineEntry
	var open []string // the headings the last group stood under
	for _, a := range s.Plan.Areas {
		same := 0
		for same < len(open) && same < len(a.Parents) && open[same] == a.Parents[same] {
			same++
		}
		for i := same; i < len(a.Parents); i++ {
			out = append(out, OutlineEntry{Heading: a.Parents[i], Level: min(3+i, maxLevel)})
		}
		out = append(out, OutlineEntry{Area: a, Level: min(3+len(a.Parents), maxLevel)})
		open = a.Parents
	}
	return out
}

// groupCrumbs are the breadcrumbs of the pages under group a, after the
// home page's and the list of groups' (all): the headings it stands under,
// as text, then, when link is set, the group's own page.
func groupCrumbs(home, all Link, a *plan.Area, link bool) []Link {
	crumbs := []Link{home}
	if a == nil {
		return crumbs
	}
	crumbs = append(crumbs, all)
	for _, h := range a.Parents {
		crumbs = append(crumbs, Link{Label: h, NoPage: true})
	}
	if link {
		crumbs = append(crumbs, Link{Label: a.Label, Target: sitepath.Area(a)})
	}
	return slices.Clip(crumbs)
}
