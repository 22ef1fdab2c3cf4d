package site

import (
	"bytes"
	"image/png"
	"strings"
	"testing"
	"time"

	"plansite/internal/foldertest"
	"plansite/internal/pages"
)

// Every page kind carries the canonical link, Open Graph, the Twitter card,
// citation_* and the government page meta, with values from the content.
func TestSharingMetaOnEveryPageKind(t *testing.T) {
	b := bundled(t)
	c := b.cfg
	seen := map[string]int{}
	for _, file := range b.htmlPages() {
		doc := b.doc(t, file)
		kind := kindOf(doc)
		seen[kind]++
		m := metas(doc)
		l := links(doc)
		one := func(key string) string {
			t.Helper()
			v := m[key]
			if len(v) != 1 || strings.TrimSpace(v[0]) == "" {
				t.Errorf("%s: want one non-empty %s, have %q", file, key, v)
				return ""
			}
			return v[0]
		}
		for _, gov := range []string{"SiteName", "ColumnName", "ArticleTitle", "PubDate", "ContentSource", "description"} {
			one(gov)
		}
		if got := one("PubDate"); got != c.Date {
			t.Errorf("%s: PubDate %q, want %q", file, got, c.Date)
		}
		if got := one("ContentSource"); got != c.Issuer {
			t.Errorf("%s: ContentSource %q, want %q", file, got, c.Issuer)
		}

		if got := one("og:description"); got != one("description") {
			t.Errorf("%s: og:description %q differs from the description %q", file, got, m["description"])
		}
		one("og:title")
		wantType := "website"
		if kind == "task" || kind == "page" {
			wantType = "article"
		}
		if got := one("og:type"); got != wantType {
			t.Errorf("%s (%s): og:type %q, want %q", file, kind, got, wantType)
		}
		if got := one("og:site_name"); got != c.SiteName {
			t.Errorf("%s: og:site_name %q, want %q", file, got, c.SiteName)
		}
		if got := one("og:locale"); got != "zh_CN" {
			t.Errorf("%s: og:locale %q", file, got)
		}
		img := one("og:image")
		if !strings.HasPrefix(img, c.BaseURL) {
			t.Errorf("%s: og:image %q is not an absolute URL on %s", file, img, c.BaseURL)
		} else if _, ok := b.files[strings.TrimPrefix(img, c.BaseURL)]; !ok {
			t.Errorf("%s: og:image %q is not a file of the site", file, img)
		}
		if got := one("twitter:card"); got != "summary_large_image" {
			t.Errorf("%s: twitter:card %q", file, got)
		}
		// X (Twitter) falls back to the Open Graph tags: no copies of them.
		for _, dup := range []string{"twitter:title", "twitter:description", "twitter:image", "twitter:image:alt"} {
			if len(m[dup]) != 0 {
				t.Errorf("%s: %s repeats an Open Graph tag", file, dup)
			}
		}

		if got := one("citation_title"); got != one("og:title") {
			t.Errorf("%s: citation_title %q differs from og:title", file, got)
		}
		if got := one("citation_author"); got != c.Issuer {
			t.Errorf("%s: citation_author %q, want %q", file, got, c.Issuer)
		}
		wantDate := strings.ReplaceAll(c.Date, "-", "/")
		if got := one("citation_publication_date"); got != wantDate {
			t.Errorf("%s: citation_publication_date %q, want %q", file, got, wantDate)
		}

		// The 404 page is served at any address, so it names none.
		if kind == "404" {
			if len(l["canonical"]) != 0 || len(m["og:url"]) != 0 || len(m["citation_public_url"]) != 0 {
				t.Errorf("%s: the 404 page must not claim an address", file)
			}
		} else {
			want := c.BaseURL + pagePath(file)
			if got := l["canonical"]; len(got) != 1 || got[0] != want {
				t.Errorf("%s: canonical %q, want %q", file, got, want)
			}
			if got := one("og:url"); got != want {
				t.Errorf("%s: og:url %q, want %q", file, got, want)
			}
			if got := one("citation_public_url"); got != want {
				t.Errorf("%s: citation_public_url %q, want %q", file, got, want)
			}
		}

		// The feed is announced on every page and resolves.
		var feeds int
		for _, e := range elements(doc, "link") {
			if typ, _ := attr(e, "type"); typ == "application/atom+xml" {
				feeds++
				href, _ := attr(e, "href")
				if target, _, ok := resolve(file, href); !ok || target != "feed.xml" {
					t.Errorf("%s: feed link %q does not lead to feed.xml", file, href)
				}
			}
		}
		if feeds != 1 {
			t.Errorf("%s: %d Atom feed links, want 1", file, feeds)
		}
	}
	for _, k := range pages.Kinds {
		// The bundled site has no progress file.
		if seen[k.Name] == 0 && !k.Optional {
			t.Errorf("no page of kind %q was checked", k.Name)
		}
	}
}

// A task's og:description is its own text: the start of its 主要措施.
func TestTaskDescriptionIsItsOwnText(t *testing.T) {
	b := bundled(t)
	for _, task := range readTable(t, b.file(t, "data/tasks.csv")) {
		m := metas(b.doc(t, "tasks/"+task.id+"/index.html"))
		d := strings.TrimSuffix(m["og:description"][0], "…")
		if d == "" || !strings.HasPrefix(task.measures, d) {
			t.Errorf("task %s: og:description %q is not the start of its 主要措施", task.id, d)
		}
	}
}

// The site has one share image, a 1200×630 PNG, and every page, task pages
// too, shows it.
func TestShareImage(t *testing.T) {
	b := bundled(t)
	cfg, err := png.DecodeConfig(bytes.NewReader(b.file(t, "share.png")))
	if err != nil {
		t.Fatalf("share.png: %v", err)
	}
	if cfg.Width != 1200 || cfg.Height != 630 {
		t.Errorf("share.png: %d×%d, want 1200×630", cfg.Width, cfg.Height)
	}
	for _, task := range readTable(t, b.file(t, "data/tasks.csv")) {
		if _, ok := b.files["tasks/"+task.id+"/share.png"]; ok {
			t.Errorf("task %s has a share image of its own", task.id)
		}
		page := "tasks/" + task.id + "/index.html"
		if got := metas(b.doc(t, page))["og:image"]; len(got) != 1 || got[0] != b.cfg.BaseURL+"share.png" {
			t.Errorf("%s: og:image %v, want the site image", page, got)
		}
	}
}

// Nothing in the output comes from the build clock: today's date appears in
// no file (the content's own dates are years ago).
func TestNoDateFromTheBuildClock(t *testing.T) {
	b := bundled(t)
	now := time.Now()
	for _, day := range []time.Time{now, now.Add(-24 * time.Hour), now.Add(24 * time.Hour)} {
		for _, form := range []string{day.Format("2006-01-02"), day.Format("2006/01/02")} {
			for _, p := range b.paths {
				if bytes.Contains(b.files[p], []byte(form)) {
					t.Errorf("%s contains %s, a date of the build clock", p, form)
				}
			}
		}
	}
}

// Dates come from the content: site.toml's updated and a page's front
// matter updated are shown as YYYY-MM-DD in <time>, and reach the feed and
// the data.
func TestUpdatedDatesFromContent(t *testing.T) {
	content := foldertest.Read(t, "../../content")
	content["site.toml"].Data = append(content["site.toml"].Data, []byte("\nupdated = \"2021-03-01\"\n")...)
	about := string(content["about.md"].Data)
	about = strings.Replace(about, "+++\n", "+++\nupdated = \"2021-05-06\"\n", 1)
	content["about.md"].Data = []byte(about)
	b := buildContent(t, content)

	hasTime := func(file, day string) bool {
		for _, e := range elements(b.doc(t, file), "time") {
			if dt, _ := attr(e, "datetime"); dt == day && fullText(e) == day {
				return true
			}
		}
		return false
	}
	if !hasTime("tasks/7/index.html", "2021-03-01") {
		t.Error("the task page does not show the content's updated date in <time>")
	}
	if !hasTime("about/index.html", "2021-05-06") {
		t.Error("the about page does not show its own updated date in <time>")
	}
	if got := metas(b.doc(t, "about/index.html"))["article:modified_time"]; len(got) != 1 || got[0] != "2021-05-06" {
		t.Errorf("about: article:modified_time %q", got)
	}
	if !bytes.Contains(b.file(t, "data/plan.json"), []byte(`"updated":"2021-03-01"`)) {
		t.Error("plan.json does not carry the updated date")
	}
	f := parseFeed(t, b.file(t, "feed.xml"))
	if len(f.Entries) != 2 {
		t.Fatalf("feed: %d entries, want the dated page and the plan's publication", len(f.Entries))
	}
	if e := f.Entries[0]; e.ID != b.cfg.BaseURL+"about/" || !strings.HasPrefix(e.Updated, "2021-05-06T") {
		t.Errorf("feed: first entry %s updated %s, want the about page of 2021-05-06", e.ID, e.Updated)
	}
	if !strings.HasPrefix(f.Updated, "2021-05-06T") {
		t.Errorf("feed updated %s, want the latest content date 2021-05-06", f.Updated)
	}
	if e := f.Entries[1]; e.ID != b.cfg.BaseURL+"#issued" || !strings.HasPrefix(e.Updated, b.cfg.Date+"T") {
		t.Errorf("feed entry %s updated %s, want the plan's publication on %s", e.ID, e.Updated, b.cfg.Date)
	}
}
