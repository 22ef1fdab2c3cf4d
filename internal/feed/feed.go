// Package feed makes the site's Atom feed (/feed.xml): what changes in the
// content, so that subscribers learn of it: the plan's publication, each
// progress update and each dated page, newest first.
package feed

import (
	"bytes"
	"encoding/xml"
	"sort"
	"strconv"

	"plansite/internal/pages"
	"plansite/internal/sitepath"
)

// AtomNS is the Atom 1.0 namespace (RFC 4287).
const AtomNS = "http://www.w3.org/2005/Atom"

// The plan's dates are calendar days in China; Atom wants a moment, so a day
// is read as its first instant in China Standard Time.
const dayStart = "T00:00:00+08:00"

// AtomFeed is an Atom 1.0 feed document (RFC 4287).
type AtomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID        string      `xml:"id"`
	Title     string      `xml:"title"`
	Subtitle  string      `xml:"subtitle,omitempty"`
	Updated   string      `xml:"updated"`
	Author    AtomPerson  `xml:"author"`
	Links     []AtomLink  `xml:"link"`
	Generator string      `xml:"generator,omitempty"`
	Entries   []AtomEntry `xml:"entry"`
}

// AtomPerson names an author.
type AtomPerson struct {
	Name string `xml:"name"`
}

// AtomLink is a link element.
type AtomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

// AtomText is a text construct; Type is "text" here, the official text
// having no markup.
type AtomText struct {
	Type string `xml:"type,attr,omitempty"`
	Body string `xml:",chardata"`
}

// AtomCategory is an entry's category.
type AtomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

// AtomEntry is one entry: a task, or a dated page of the content.
type AtomEntry struct {
	ID        string         `xml:"id"`
	Title     string         `xml:"title"`
	Updated   string         `xml:"updated"`
	Published string         `xml:"published,omitempty"`
	Links     []AtomLink     `xml:"link"`
	Category  []AtomCategory `xml:"category"`
	Summary   AtomText       `xml:"summary"`
	Content   *AtomText      `xml:"content,omitempty"`
}

// atomDate turns YYYY-MM-DD into an RFC 3339 date-time.
func atomDate(day string) string {
	if day == "" {
		return ""
	}
	return day + dayStart
}

// MaxEntries is the most entries the feed carries: it says what changed
// lately, and a reader that missed more can read the site.
const MaxEntries = 100

// Write writes the Atom feed of what changes: the plan's publication, each
// progress update (linked to its anchor, /tasks/7/#p3) and each Markdown
// page that carries an updated date, newest first, at most MaxEntries.
// Every date comes from the content; nothing is dated by the build clock.
//
// The feed is handed to emit in pieces: the document up to its first entry,
// the entries some at a time, then the closing tag. Each piece is
// well-formed on its own up to the open feed element, so that it can be
// minified by itself.
func Write(s *pages.Context, list []*pages.Page, emit func([]byte) error) error {
	return writeFeed(head(s), changes(s, list), emit)
}

// head is the feed of site s without its entries.
func head(s *pages.Context) AtomFeed {
	c := s.Config
	return AtomFeed{
		ID: s.BaseURL, Title: c.SiteName, Subtitle: c.Title + " " + c.Attachment,
		Updated: atomDate(s.Updated()), Author: AtomPerson{Name: c.Issuer},
		Links: []AtomLink{
			{Rel: "self", Type: "application/atom+xml", Href: s.BaseURL + sitepath.Feed},
			{Rel: "alternate", Type: "text/html", Href: s.BaseURL},
		},
		Generator: "plansite",
	}
}

// writeFeed hands the feed f with entries to emit in pieces (see Write).
func writeFeed(f AtomFeed, entries []AtomEntry, emit func([]byte) error) error {
	for _, e := range entries {
		if e.Updated > f.Updated {
			f.Updated = e.Updated
		}
	}
	head, err := xml.Marshal(f)
	if err != nil {
		return err
	}
	const end = "</feed>"
	if err := emit(append([]byte(xml.Header), bytes.TrimSuffix(head, []byte(end))...)); err != nil {
		return err
	}
	var b bytes.Buffer
	enc := xml.NewEncoder(&b)
	for i := range entries {
		if err := enc.EncodeElement(&entries[i], xml.StartElement{Name: xml.Name{Local: "entry"}}); err != nil {
			return err
		}
	}
	if err := emit(b.Bytes()); err != nil {
		return err
	}
	return emit([]byte(end))
}

// changes lists the feed's entries, newest first; on one day the plan comes
// first, then later rows of the progress file before earlier ones, then the
// pages.
func changes(s *pages.Context, list []*pages.Page) []AtomEntry {
	c, w := s.Config, &s.Labels.Feed
	var es []AtomEntry
	if c.Date != "" {
		// Not the feed's own id (the site's address): an entry sharing it
		// reads to a feed reader as the feed itself, and validators reject it.
		es = append(es, AtomEntry{ID: s.BaseURL + "#issued", Title: w.IssuedTitle.Fill(c.Title), Updated: atomDate(c.Date), Published: atomDate(c.Date),
			Links:   []AtomLink{{Rel: "alternate", Type: "text/html", Href: s.BaseURL}},
			Summary: AtomText{Type: "text", Body: w.IssuedSummary.Fill(c.Issuer, c.Date, c.Title, c.Attachment, strconv.Itoa(len(s.Plan.Tasks)))}})
	}
	if l := s.Progress; l != nil {
		for i := len(l.Updates) - 1; i >= 0; i-- {
			u := l.Updates[i]
			st := l.StatusOf(u)
			url := s.BaseURL + sitepath.Task(u.Task) + "#" + u.Anchor()
			day := u.Date.String()
			if u.Date.Day == 0 {
				day += "-01" // a month's update is dated its first day
			}
			body := u.Text
			if u.Source != "" {
				body += "\n" + w.UpdateSource.Fill(u.Source)
			}
			es = append(es, AtomEntry{ID: url, Title: w.UpdateTitle.Fill(u.Task.ID, u.Task.Title, st.Name),
				Updated: atomDate(day), Links: []AtomLink{{Rel: "alternate", Type: "text/html", Href: url}},
				Category: []AtomCategory{{Term: st.Name}},
				Summary:  AtomText{Type: "text", Body: body}})
		}
	}
	for _, p := range list {
		if p.Kind.InFeed && p.Updated != "" {
			es = append(es, AtomEntry{ID: p.Canonical, Title: p.Title, Updated: atomDate(p.Updated),
				Links: []AtomLink{{Rel: "alternate", Type: "text/html", Href: p.Canonical}}, Summary: AtomText{Type: "text", Body: p.Description}})
		}
	}
	sort.SliceStable(es, func(i, j int) bool { return es[i].Updated > es[j].Updated })
	if len(es) > MaxEntries {
		es = es[:MaxEntries]
	}
	return es
}
