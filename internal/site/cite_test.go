package site

import (
	"encoding/json"
	"encoding/xml"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"plansite/internal/foldertest"
)

// The citation of task 7 reads exactly as GB/T 7714-2015 prescribes for an
// electronic resource (§4.6):
//
//	主要责任者. 题名: 其他题名信息[文献类型标识/文献载体标识]. (更新或修改日期)[引用日期]. 获取和访问路径.
//
// The expected string is assembled here from that pattern and site.toml, not
// copied from the output; the access date is the placeholder the reader (or
// static/cite.js) fills in.
func TestCitationOfTask7(t *testing.T) {
	b := bundled(t)
	c := b.cfg
	var (
		creator   = c.Issuer
		title     = c.Title
		otherInfo = c.Attachment + " 第7项"
		typeCode  = "EB/OL" // 电子公告 / 联机网络, Annex B
		updated   = c.Date
		accessed  = "引用日期"
		url       = c.BaseURL + "tasks/7/"
	)
	want := creator + ". " + title + ": " + otherInfo + "[" + typeCode + "]. (" + updated + ")[" + accessed + "]. " + url + "."

	doc := b.doc(t, "tasks/7/index.html")
	cite := byID(doc, "cite-text")
	if cite == nil {
		t.Fatal("task 7 has no #cite-text")
	}
	if got := fullText(cite); got != want {
		t.Errorf("citation of task 7:\n got %s\nwant %s", got, want)
	}
	// The access date is one element that the script can fill in.
	var dates []*html.Node
	walk(cite, func(e *html.Node) {
		if _, ok := attr(e, "data-access-date"); ok {
			dates = append(dates, e)
		}
	})
	if len(dates) != 1 || fullText(dates[0]) != accessed {
		t.Errorf("want one [data-access-date] element holding %q", accessed)
	}
	// The permalink is shown as text and links to the canonical URL.
	pl := byID(doc, "permalink")
	if href, _ := attr(pl, "href"); pl == nil || href != url || fullText(pl) != url {
		t.Errorf("permalink of task 7: want a link to and the text %s", url)
	}
	// Copy buttons are an enhancement: hidden until the script shows them.
	for _, btn := range elements(doc, "button") {
		if _, copy := attr(btn, "data-copy"); !copy {
			continue // the header's search and reading-settings buttons
		}
		if _, hidden := attr(btn, "hidden"); !hidden {
			t.Errorf("button %q is visible without JavaScript", fullText(btn))
		}
	}
	var script bool
	for _, s := range elements(doc, "script") {
		src, _ := attr(s, "src")
		if target, _, ok := resolve("tasks/7/index.html", src); ok && target == "static/cite.js" {
			script = true
		}
	}
	if !script {
		t.Error("task 7 does not load static/cite.js")
	}
}

// Every task page has the citation block, the sentence anchors m1…mN with a
// self-link each, and its own JSON linked; every sentence stays one text
// node, so #:~:text= fragments find it.
func TestSentenceAnchorsResolve(t *testing.T) {
	b := bundled(t)
	p := loadModel(t)
	for _, task := range p.Tasks {
		file := "tasks/" + task.Slug + "/index.html"
		doc := b.doc(t, file)
		if byID(doc, "cite-text") == nil {
			t.Errorf("%s: no citation", file)
		}
		for i, s := range task.Sentences {
			id := "m" + strconv.Itoa(i+1)
			li := byID(doc, id)
			if li == nil {
				t.Errorf("%s: no #%s", file, id)
				continue
			}
			// The sentence is the item's text, its ¶ link aside; the
			// markup that keeps names and dates whole adds no text.
			if li.Data != "li" || text(li) != s {
				t.Errorf("%s #%s: the item's text is not the sentence %q", file, id, s)
			}
			var self []*html.Node
			for _, a := range elements(li, "a") {
				if href, _ := attr(a, "href"); href == "#"+id {
					self = append(self, a)
				}
			}
			if len(self) != 1 {
				t.Errorf("%s #%s: want one link to itself, have %d", file, id, len(self))
			} else if label, _ := attr(self[0], "aria-label"); !strings.Contains(label, strconv.Itoa(i+1)) {
				t.Errorf("%s #%s: self-link label %q does not say which sentence", file, id, label)
			}
		}
		if byID(doc, "m"+strconv.Itoa(len(task.Sentences)+1)) != nil {
			t.Errorf("%s: more sentence anchors than sentences", file)
		}
		var ownJSON bool
		for _, a := range elements(doc, "a") {
			href, _ := attr(a, "href")
			if target, _, ok := resolve(file, href); ok && target == "tasks/"+task.Slug+"/index.json" {
				ownJSON = true
			}
		}
		if !ownJSON {
			t.Errorf("%s: does not link its own JSON", file)
		}
	}
	// The sentence URLs of plan.json land on those anchors.
	for _, s := range sentenceURLs(t, b.file(t, "data/plan.json")) {
		rest := strings.TrimPrefix(s, b.cfg.BaseURL)
		page, frag, _ := strings.Cut(rest, "#")
		if rest == s || byID(b.doc(t, page+"index.html"), frag) == nil {
			t.Errorf("plan.json sentence URL %s does not resolve", s)
		}
	}
}

func sentenceURLs(t *testing.T, planJSON []byte) []string {
	t.Helper()
	var d struct {
		Tasks []struct {
			Sentences []struct {
				URL string `json:"url"`
			} `json:"sentences"`
		} `json:"tasks"`
	}
	if err := json.Unmarshal(planJSON, &d); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, task := range d.Tasks {
		for _, s := range task.Sentences {
			out = append(out, s.URL)
		}
	}
	return out
}

// Every internal link, stylesheet and script of every page resolves,
// fragment included: the new pages, the footer's links and the data links.
func TestInternalLinksResolve(t *testing.T) {
	b := bundled(t)
	for _, file := range b.htmlPages() {
		doc := b.doc(t, file)
		for _, tag := range []string{"a", "link", "script"} {
			for _, e := range elements(doc, tag) {
				key := "href"
				if tag == "script" {
					key = "src"
				}
				href, ok := attr(e, key)
				if !ok || file == "404.html" { // the 404 page links from the base path
					continue
				}
				target, frag, ok := resolve(file, href)
				if !ok {
					continue
				}
				if _, exists := b.files[target]; !exists {
					t.Errorf("%s: %s %q leads to %s, which does not exist", file, tag, href, target)
					continue
				}
				if frag != "" && strings.HasSuffix(target, ".html") {
					if byID(b.doc(t, target), frag) == nil {
						t.Errorf("%s: %q: no #%s in %s", file, href, frag, target)
					}
				}
			}
		}
	}
}

// The Atom feed as the test reads it (RFC 4287), independent of the
// generator's types.
type atomFeed struct {
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
	ID      string     `xml:"http://www.w3.org/2005/Atom id"`
	Title   string     `xml:"http://www.w3.org/2005/Atom title"`
	Updated string     `xml:"http://www.w3.org/2005/Atom updated"`
	Summary string     `xml:"http://www.w3.org/2005/Atom summary"`
	Links   []atomLink `xml:"http://www.w3.org/2005/Atom link"`
}

func parseFeed(t *testing.T, data []byte) atomFeed {
	t.Helper()
	var f atomFeed
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Fatalf("feed.xml: %v", err)
	}
	return f
}

// The feed is valid Atom 1.0: the required elements, one self link, RFC 3339
// dates, and, without progress, one entry: the plan's publication.
func TestFeedIsAtom(t *testing.T) {
	b := bundled(t)
	base := b.cfg.BaseURL
	f := parseFeed(t, b.file(t, "feed.xml"))
	if f.ID == "" || f.Title == "" || len(f.Author) != 1 || f.Author[0].Name != b.cfg.Issuer {
		t.Errorf("feed id %q title %q author %v", f.ID, f.Title, f.Author)
	}
	if _, err := time.Parse(time.RFC3339, f.Updated); err != nil || !strings.HasPrefix(f.Updated, b.cfg.Date+"T") {
		t.Errorf("feed updated %q: want the plan date as RFC 3339 (%v)", f.Updated, err)
	}
	var self []string
	for _, l := range f.Links {
		if l.Rel == "self" {
			self = append(self, l.Href)
		}
	}
	if len(self) != 1 || self[0] != base+"feed.xml" {
		t.Errorf("feed self links %v, want %sfeed.xml", self, base)
	}
	// Without progress the feed tells of the plan's publication only.
	if len(f.Entries) != 1 {
		t.Fatalf("feed has %d entries, want the plan's publication", len(f.Entries))
	}
	for _, e := range f.Entries {
		// Its own id, not the feed's: a reader would take it for the feed.
		if e.ID != base+"#issued" || e.ID == f.ID || !strings.HasPrefix(e.Updated, b.cfg.Date+"T") {
			t.Errorf("entry %s updated %s, want the plan at %s#issued on %s", e.ID, e.Updated, base, b.cfg.Date)
		}
		if e.Title == "" || e.Summary == "" {
			t.Errorf("entry %s: no title or summary", e.ID)
		}
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
			t.Errorf("entry %s: updated %q: %v", e.ID, e.Updated, err)
		}
		alt := map[string]bool{}
		for _, l := range e.Links {
			if l.Rel == "alternate" || l.Rel == "" {
				if alt[l.Type] {
					t.Errorf("entry %s: two alternate links of type %q", e.ID, l.Type)
				}
				alt[l.Type] = true
			}
		}
		if !alt["text/html"] {
			t.Errorf("entry %s: no alternate link to its page", e.ID)
		}
	}
}

// The sitemap parses and lists every page, the new ones included, each an
// existing page of the site.
func TestSitemapParses(t *testing.T) {
	b := bundled(t)
	var set struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 url"`
	}
	if err := xml.Unmarshal(b.file(t, "sitemap.xml"), &set); err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, u := range set.URLs {
		p, ok := strings.CutPrefix(u.Loc, b.cfg.BaseURL)
		if !ok {
			t.Errorf("sitemap: %s is not on the base URL", u.Loc)
			continue
		}
		if _, exists := b.files[p+"index.html"]; !exists {
			t.Errorf("sitemap: %s is not a page", u.Loc)
		}
		if _, err := time.Parse("2006-01-02", u.LastMod); err != nil {
			t.Errorf("sitemap: %s lastmod %q", u.Loc, u.LastMod)
		}
		listed[p] = true
	}
	for _, p := range b.htmlPages() {
		if p != "404.html" && !listed[pagePath(p)] {
			t.Errorf("sitemap does not list %s", pagePath(p))
		}
	}
}

// The 文号 site.toml gives follows the title wherever the pages name the
// document, and a plan with a date but no issuer still reads as a
// sentence on /data/.
func TestDocumentNumberShown(t *testing.T) {
	content := foldertest.Read(t, "../../content")
	toml := regexp.MustCompile(`(?m)^issuer = .*$`).ReplaceAllString(string(content["site.toml"].Data), `number = "穗工信〔2020〕1号"`)
	content["site.toml"].Data = []byte(toml)
	b := buildContent(t, content)
	title := b.cfg.Title
	for file, want := range map[string]string{
		"data/index.html":    "原表是《" + title + "》的" + b.cfg.Attachment + "，于" + b.cfg.Date + "印发，文号穗工信〔2020〕1号",
		"plan/index.html":    "文号：穗工信〔2020〕1号",
		"tasks/7/index.html": "来源：《" + title + "》（穗工信〔2020〕1号）" + b.cfg.Attachment,
		"tasks/8/index.html": "文号穗工信〔2020〕1号印发日期" + b.cfg.Date,
	} {
		if got := fullText(b.doc(t, file)); !strings.Contains(got, want) {
			t.Errorf("%s does not say %q", file, want)
		}
	}
	var d struct {
		Plan struct {
			Number string `json:"number"`
		} `json:"plan"`
	}
	if err := json.Unmarshal(b.file(t, "data/plan.json"), &d); err != nil || d.Plan.Number != "穗工信〔2020〕1号" {
		t.Errorf("plan.json's number %q (%v)", d.Plan.Number, err)
	}
}
