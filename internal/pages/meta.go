package pages

import (
	"strings"

	"plansite/internal/sitepath"
)

// Sharing and citation metadata of a page: Open Graph, the Twitter card and
// the citation_* tags that Google Scholar and reference managers read. The
// values all come from the content, never from the build clock, so that two
// builds of the same content are identical.

// meta fills in the sharing and citation metadata of the page. Every page
// shows the site's one share image. A shared link shows the page title
// (the home page's view names the plan instead), as an article for the
// kinds that are a document of their own, else as a website.
func (v *Page) meta(p *Page) {
	s := p.Site
	c := s.Config
	v.OGTitle, v.OGType = p.Title, ogType(p.Kind)
	v.OGLocale = ogLocale(c.Language)
	v.OGImage = ogImage(p)
	v.OGImageAlt = s.shareAlt
	v.ShareImageWidth, v.ShareImageHeight = s.ShareImage.Width, s.ShareImage.Height
	v.CitationDate = citationDate(c.Date)
	v.PageUpdated = pageUpdated(p)
	v.FeedURL = p.Rel(sitepath.Feed)
}

// citationDate is the plan's date as citation_publication_date asks for
// it: YYYY/MM/DD.
func citationDate(date string) string { return strings.ReplaceAll(date, "-", "/") }

// ogType is a page's og:type: an article for the kinds that are a document
// of their own, else a website.
func ogType(k *Kind) string {
	if k.Article {
		return "article"
	}
	return "website"
}

// ogLocale is the site language (zh-CN) as Open Graph wants it (zh_CN).
func ogLocale(lang string) string { return strings.ReplaceAll(lang, "-", "_") }

// ogImage is the share image's address, or "" for a site without an
// address: a sharing image needs an absolute one.
func ogImage(p *Page) string {
	if p.Site.BaseURL == "" {
		return ""
	}
	return p.Abs(sitepath.ShareImage)
}

// shareImageAlt is the share image's text: what it shows, a block per task
// in each of the plan's groups when it has them. Every page has it.
func (s *Context) shareImageAlt() string {
	w := &s.Labels.ShareImage
	if len(s.Plan.Areas) > 0 {
		aw := s.areaWords()
		return w.AltAreas.Fill(s.Config.ShortTitle, aw.Counter, aw.Noun)
	}
	return w.Alt.Fill(s.Config.ShortTitle)
}

// pageUpdated is the date this page's content was last changed, when the
// content says so: the page's own front matter, else site.toml's updated.
// It is empty when the content gives no date; the build clock is never used.
func pageUpdated(p *Page) string {
	if p.Updated != "" {
		return p.Updated
	}
	return p.Site.Config.Updated
}
