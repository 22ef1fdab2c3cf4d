package feed

import (
	"sort"

	"plansite/internal/pages"
)

// Plan is a plan of a portal as its feed sees it: its site and pages.
type Plan struct {
	Site  *pages.Context
	Pages []*pages.Page
}

// WritePortal writes a portal's feed (s is the portal's site, list its own
// pages): what changes in every plan, each entry as the plan's own feed
// has it with the plan's short title before its title, and the portal's
// own dated pages, newest first, at most MaxEntries. Entries of one day
// keep the plans' order, newest plan first.
func WritePortal(s *pages.Context, list []*pages.Page, plans []Plan, emit func([]byte) error) error {
	var es []AtomEntry
	for _, p := range plans {
		for _, e := range changes(p.Site, p.Pages) {
			e.Title = s.Labels.Portal.FeedTitle.Fill(p.Site.Config.ShortTitle, e.Title)
			es = append(es, e)
		}
	}
	// The portal's own pages; it is issued by no one, its plans are.
	own := s.Config
	own.Date = ""
	es = append(es, changes(&pages.Context{Config: own, BaseURL: s.BaseURL, Labels: s.Labels, Plan: s.Plan}, list)...)
	sort.SliceStable(es, func(i, j int) bool { return es[i].Updated > es[j].Updated })
	if len(es) > MaxEntries {
		es = es[:MaxEntries]
	}
	return writeFeed(head(s), es, emit)
}
