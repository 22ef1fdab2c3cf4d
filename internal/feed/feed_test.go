package feed

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"plansite/internal/foldertest"
	"plansite/internal/load"
	"plansite/internal/markdown"
	"plansite/internal/pages"
	"plansite/internal/sitepath"
)

// smallSite is a content folder made by hand: three tasks, a title and a
// page title with characters XML must escape, a progress file with two
// updates on one day and one dated by its month only, a page with an
// updated date and one without.
const smallSite = `
-- site.toml --
title = "测试市<数据>&“开放”行动计划（2020—2022年）"
site_name = "测试计划"
attachment = "附件 任务分工表"
issuer = "测试市人民政府办公厅"
date = "2021-03-01"
updated = "2021-06-30"
base_url = "https://example.org/ignored/"
-- departments.csv --
名称,slug,英文名称,别名,类别
市科技局,science,,,市直部门
-- tasks.csv --
序号,重点任务,主要措施,时间节点,牵头部门,配合部门
1,（一）基础行动,建设平台。,2021年,市科技局,——
2,,培育企业<A&B>。,2022年,市科技局,——
3,,推进应用。,2022年,市科技局,——
-- progress.csv --
序号,日期,状态,进展,来源
1,2021-03-01,推进中,开工。,https://example.org/a
2,2021-03-01,未启动,"筹备，""<b>原文</b>""。",
1,2021-05,已完成,完成。,示例文件（示〔2021〕1号）
-- about.md --
+++
title = "关于<本站>"
description = "说明 & 来源"
updated = "2021-04-02"
+++
正文。
-- help.md --
+++
title = "帮助"
+++
正文。
`

const base = "https://example.org/plan/"

// site is smallSite loaded, as the build gives it to Write, with the page
// list the build makes; edit changes the content first.
func site(t *testing.T, edit func(fstest.MapFS)) (*pages.Context, []*pages.Page, fstest.MapFS) {
	t.Helper()
	fsys := foldertest.Txtar(t, smallSite)
	if edit != nil {
		edit(fsys)
	}
	c, _, err := load.Read(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	s := &pages.Context{Plan: c.Plan, Config: c.Config, BaseURL: base, BasePath: "/plan/", Pages: c.Pages, Progress: c.Progress}
	list, err := pages.Pages(s, markdown.New())
	if err != nil {
		t.Fatal(err)
	}
	return s, list, fsys
}

// The Atom feed as the test reads it (RFC 4287), with types of its own.
type atom struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"http://www.w3.org/2005/Atom id"`
	Title   string   `xml:"http://www.w3.org/2005/Atom title"`
	Updated string   `xml:"http://www.w3.org/2005/Atom updated"`
	Author  []struct {
		Name string `xml:"http://www.w3.org/2005/Atom name"`
	} `xml:"http://www.w3.org/2005/Atom author"`
	Links   []atomLink  `xml:"http://www.w3.org/2005/Atom link"`
	Entries []atomEntry `xml:"http://www.w3.org/2005/Atom entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	ID        string     `xml:"http://www.w3.org/2005/Atom id"`
	Title     string     `xml:"http://www.w3.org/2005/Atom title"`
	Updated   string     `xml:"http://www.w3.org/2005/Atom updated"`
	Published string     `xml:"http://www.w3.org/2005/Atom published"`
	Summary   string     `xml:"http://www.w3.org/2005/Atom summary"`
	Links     []atomLink `xml:"http://www.w3.org/2005/Atom link"`
	Category  []struct {
		Term string `xml:"term,attr"`
	} `xml:"http://www.w3.org/2005/Atom category"`
}

// write runs Write and returns the pieces it emitted.
func write(t *testing.T, s *pages.Context, list []*pages.Page) [][]byte {
	t.Helper()
	var pieces [][]byte
	if err := Write(s, list, func(b []byte) error { pieces = append(pieces, bytes.Clone(b)); return nil }); err != nil {
		t.Fatal(err)
	}
	return pieces
}

func parse(t *testing.T, data []byte) atom {
	t.Helper()
	// Well-formed first, token by token, then read.
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		if _, err := dec.Token(); err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("the feed is not well-formed XML: %v\n%s", err, data)
			}
			break
		}
	}
	var f atom
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Fatalf("the feed: %v", err)
	}
	return f
}

// rfc3339 checks a date of the feed: an RFC 3339 moment, the first instant
// of day in China (UTC+8).
func rfc3339(t *testing.T, what, v, day string) {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, v)
	if err != nil || tm.Format("2006-01-02") != day || tm.Format("15:04:05Z07:00") != "00:00:00+08:00" {
		t.Errorf("%s: updated %q, want %s at 00:00 in China (%v)", what, v, day, err)
	}
}

// The feed is Atom 1.0: the document its pieces make is well-formed and
// has the required elements, one self link, an author, and entries with an
// id, a title, a date, a link to their page and a summary each.
func TestFeedIsAtom(t *testing.T) {
	s, list, _ := site(t, nil)
	pieces := write(t, s, list)
	if len(pieces) != 3 || !bytes.HasPrefix(pieces[0], []byte(xml.Header)) || string(pieces[2]) != "</feed>" {
		t.Errorf("pieces: %d, want the head, the entries and the end", len(pieces))
	}
	f := parse(t, bytes.Join(pieces, nil))
	if f.ID != base || f.Title != s.Config.SiteName || len(f.Author) != 1 || f.Author[0].Name != s.Config.Issuer {
		t.Errorf("feed id %q, title %q, author %v", f.ID, f.Title, f.Author)
	}
	var self, alt []string
	for _, l := range f.Links {
		switch l.Rel {
		case "self":
			self = append(self, l.Href+" "+l.Type)
		case "alternate":
			alt = append(alt, l.Href+" "+l.Type)
		}
	}
	if strings.Join(self, ",") != base+sitepath.Feed+" application/atom+xml" || strings.Join(alt, ",") != base+" text/html" {
		t.Errorf("self links %v, alternate links %v", self, alt)
	}
	ids := map[string]bool{f.ID: true}
	for _, e := range f.Entries {
		if ids[e.ID] {
			t.Errorf("entry %s: its id is the feed's or another entry's", e.ID)
		}
		ids[e.ID] = true
		if e.Title == "" || e.Summary == "" {
			t.Errorf("entry %s: no title or summary", e.ID)
		}
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
			t.Errorf("entry %s: updated %q: %v", e.ID, e.Updated, err)
		}
		if len(e.Links) != 1 || e.Links[0].Rel != "alternate" || e.Links[0].Type != "text/html" || !strings.HasPrefix(e.Links[0].Href, base) {
			t.Errorf("entry %s: links %v, want one alternate link to its page", e.ID, e.Links)
		}
	}
}

// The entries are what changed: the plan's publication, each progress
// update linked to its anchor, each page with an updated date; newest
// first, and on one day the plan first, then later rows of the progress
// file before earlier ones, then the pages.
func TestFeedEntries(t *testing.T) {
	s, list, fsys := site(t, nil)
	f := parse(t, bytes.Join(write(t, s, list), nil))
	rows, err := csv.NewReader(bytes.NewReader(fsys["progress.csv"].Data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	type want struct{ id, link, day, title, summary, category string }
	var wants []want
	seq := map[string]int{}
	var updates []want
	for _, r := range rows[1:] {
		seq[r[0]]++
		day := r[1]
		if len(day) == len("2021-05") {
			day += "-01" // a month's update is dated its first day
		}
		summary := r[3]
		if r[4] != "" {
			summary += "\n来源：" + r[4]
		}
		id := fmt.Sprintf("%stasks/%s/#p%d", base, r[0], seq[r[0]])
		updates = append(updates, want{id, id, day, "任务" + r[0], summary, r[2]})
	}
	// The plan links the home page, but its id is its own: an entry with
	// the feed's id reads as the feed itself.
	wants = append(wants, want{base + "#issued", base, s.Config.Date, s.Config.Title, s.Config.Title, ""})
	for i := len(updates) - 1; i >= 0; i-- { // later rows first
		wants = append(wants, updates[i])
	}
	wants = append(wants, want{base + "about/", base + "about/", "2021-04-02", "关于<本站>", "说明 & 来源", ""})
	sort.SliceStable(wants, func(i, j int) bool { return wants[i].day > wants[j].day })
	if len(f.Entries) != len(wants) {
		t.Fatalf("%d entries, want %d: %+v", len(f.Entries), len(wants), f.Entries)
	}
	for i, w := range wants {
		e := f.Entries[i]
		rfc3339(t, e.ID, e.Updated, w.day)
		if e.ID != w.id || e.Links[0].Href != w.link || !strings.Contains(e.Title, w.title) || !strings.Contains(e.Summary, w.summary) {
			t.Errorf("entry %d: %s → %s %q %q, want %s → %s with %q and %q", i, e.ID, e.Links[0].Href, e.Title, e.Summary, w.id, w.link, w.title, w.summary)
		}
		var cats []string
		for _, c := range e.Category {
			cats = append(cats, c.Term)
		}
		if strings.Join(cats, " ") != w.category || w.category != "" && !strings.Contains(e.Title, w.category) {
			t.Errorf("entry %s: categories %v, title %q; want the status %q", e.ID, cats, e.Title, w.category)
		}
	}
	// The plan's publication is published on its date.
	for _, e := range f.Entries {
		if e.ID == base+"#issued" && e.Published != e.Updated {
			t.Errorf("the plan's issue is published %q, updated %q", e.Published, e.Updated)
		}
	}
	// The feed's own date is the site's updated date, or its newest
	// entry's when that is later.
	rfc3339(t, "the feed", f.Updated, s.Config.Updated)
	_, list2, _ := site(t, func(m fstest.MapFS) {
		m["about.md"].Data = bytes.Replace(m["about.md"].Data, []byte("2021-04-02"), []byte("2021-08-08"), 1)
	})
	if f := parse(t, bytes.Join(write(t, s, list2), nil)); f.Updated != f.Entries[0].Updated || !strings.HasPrefix(f.Updated, "2021-08-08") {
		t.Errorf("feed updated %s, its newest entry %s", f.Updated, f.Entries[0].Updated)
	}
}

// A site without progress and without an issue date tells only of its
// dated pages; one with nothing dated has no entry, and is dated by the
// site's updated date or none.
func TestFeedWithoutDates(t *testing.T) {
	noDate := func(m fstest.MapFS) {
		delete(m, "progress.csv")
		toml := string(m["site.toml"].Data)
		toml = strings.Replace(toml, "date = \"2021-03-01\"\n", "", 1)
		m["site.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(toml, "updated = \"2021-06-30\"\n", "", 1))}
	}
	s, list, _ := site(t, noDate)
	f := parse(t, bytes.Join(write(t, s, list), nil))
	if len(f.Entries) != 1 || f.Entries[0].ID != base+"about/" || f.Updated != f.Entries[0].Updated {
		t.Errorf("entries %+v, updated %q: want about/ alone, the feed dated by it", f.Entries, f.Updated)
	}
	s, list, _ = site(t, func(m fstest.MapFS) { noDate(m); delete(m, "about.md") })
	f = parse(t, bytes.Join(write(t, s, list), nil))
	if len(f.Entries) != 0 || f.Updated != "" {
		t.Errorf("entries %+v, updated %q: want none", f.Entries, f.Updated)
	}
}

// At most MaxEntries entries, the newest.
func TestFeedKeepsTheNewest(t *testing.T) {
	s, list, _ := site(t, func(m fstest.MapFS) {
		var b strings.Builder
		b.WriteString("序号,日期,状态,进展,来源\n")
		for i := 0; i < MaxEntries+20; i++ {
			fmt.Fprintf(&b, "%d,2021-%02d-%02d,推进中,第%d条。,\n", i%3+1, i%6+4, i%28+1, i)
		}
		m["progress.csv"] = &fstest.MapFile{Data: []byte(b.String())}
		m["site.toml"].Data = bytes.Replace(m["site.toml"].Data, []byte("2021-06-30"), []byte("2021-12-31"), 1)
	})
	f := parse(t, bytes.Join(write(t, s, list), nil))
	if len(f.Entries) != MaxEntries {
		t.Fatalf("%d entries, want %d", len(f.Entries), MaxEntries)
	}
	if !sort.SliceIsSorted(f.Entries, func(i, j int) bool { return f.Entries[i].Updated > f.Entries[j].Updated }) {
		t.Error("the entries are not newest first")
	}
	// What is left out is no newer than what is kept: the plan, issued in
	// March, and the page of April are older than any update, of April 1st
	// or later.
	for _, e := range f.Entries {
		if e.ID == base+"#issued" || e.ID == base+"about/" {
			t.Errorf("%s, older than the updates, is kept and newer ones dropped", e.ID)
		}
	}
}

// An error of the writer, at any piece, stops the feed and is returned.
func TestFeedStopsOnError(t *testing.T) {
	s, list, _ := site(t, nil)
	stop := errors.New("disk full")
	for fail := 1; fail <= 3; fail++ {
		calls := 0
		err := Write(s, list, func([]byte) error {
			if calls++; calls == fail {
				return stop
			}
			return nil
		})
		if !errors.Is(err, stop) || calls != fail {
			t.Errorf("failing at piece %d: Write = %v after %d pieces, want the writer's error at once", fail, err, calls)
		}
	}
}
