// Package feed makes the site's Atom feed (/feed.xml): an entry per task
// and per dated page, so that subscribers learn of changes to the content.
package feed

import (
	"bytes"
	"encoding/xml"
	"sort"
	"strings"

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

// Write writes the Atom feed of the plan: one entry per task,
// identified by the task's canonical URL (which never changes), dated by the
// plan's dates; and one entry per Markdown page that carries an updated
// date, so that dated updates of the content reach subscribers. Nothing is
// dated by the build clock.
//
// The feed of a large table is hundreds of megabytes, so it is handed to
// emit in pieces, never whole: the document up to its first entry, the
// entries some at a time, then the closing tag. Each piece is well-formed
// on its own up to the open feed element, so that it can be minified by
// itself.
func Write(s *pages.Site, list []*pages.Page, emit func([]byte) error) error {
	c := s.Config
	f := AtomFeed{
		ID: s.BaseURL, Title: c.SiteName, Subtitle: c.Title + " " + c.Attachment,
		Updated: atomDate(s.Updated()), Author: AtomPerson{Name: c.Issuer},
		Links: []AtomLink{
			{Rel: "self", Type: "application/atom+xml", Href: s.BaseURL + sitepath.Feed},
			{Rel: "alternate", Type: "text/html", Href: s.BaseURL},
		},
		Generator: "plansite",
	}
	var dated []AtomEntry
	for _, p := range list {
		if p.Kind == "page" && p.Updated != "" {
			dated = append(dated, AtomEntry{ID: p.Canonical, Title: p.Title, Updated: atomDate(p.Updated),
				Links: []AtomLink{{Rel: "alternate", Type: "text/html", Href: p.Canonical}}, Summary: AtomText{Type: "text", Body: p.Description}})
			if p.Updated > strings.TrimSuffix(f.Updated, dayStart) {
				f.Updated = atomDate(p.Updated)
			}
		}
	}
	// Newest dated pages first, then the tasks in the table's order.
	sort.SliceStable(dated, func(i, j int) bool { return dated[i].Updated > dated[j].Updated })

	head, err := xml.Marshal(f)
	if err != nil {
		return err
	}
	const end = "</feed>"
	if err := emit(append([]byte(xml.Header), bytes.TrimSuffix(head, []byte(end))...)); err != nil {
		return err
	}
	// Entries go out some 64 KB at a time: a piece per entry would cost
	// the minifier a start per entry, twice the time of the whole feed.
	var b bytes.Buffer
	enc := xml.NewEncoder(&b)
	entry := xml.StartElement{Name: xml.Name{Local: "entry"}}
	flush := func() error {
		if b.Len() == 0 {
			return nil
		}
		err := emit(b.Bytes())
		b.Reset()
		return err
	}
	write := func(e *AtomEntry) error {
		if err := enc.EncodeElement(e, entry); err != nil {
			return err
		}
		if b.Len() >= 64<<10 {
			return flush()
		}
		return nil
	}
	for i := range dated {
		if err := write(&dated[i]); err != nil {
			return err
		}
	}
	for _, p := range list {
		if p.Kind != "task" {
			continue
		}
		t := p.Task
		e := AtomEntry{ID: p.Canonical, Title: p.Title, Updated: atomDate(s.Updated()), Published: atomDate(c.Date),
			Links:   []AtomLink{{Rel: "alternate", Type: "text/html", Href: p.Canonical}, {Rel: "alternate", Type: "application/json", Href: p.Abs(sitepath.TaskJSON(t))}},
			Summary: AtomText{Type: "text", Body: p.Description},
			Content: &AtomText{Type: "text", Body: taskText(t.Measures, t.Timeline, t.LeadText, t.CoopText)}}
		if t.Area != nil {
			e.Category = []AtomCategory{{Term: t.Area.Label}}
		}
		if err := write(&e); err != nil {
			return err
		}
	}
	if err := flush(); err != nil {
		return err
	}
	return emit([]byte(end))
}

// taskText is a task's whole row as plain text for feed readers.
func taskText(measures, timeline, lead, coop string) string {
	var b strings.Builder
	b.WriteString("主要措施：" + measures)
	if timeline != "" {
		b.WriteString("\n时间节点：" + timeline)
	}
	b.WriteString("\n牵头部门：" + lead)
	if coop != "" {
		b.WriteString("\n配合部门：" + coop)
	}
	return b.String()
}
