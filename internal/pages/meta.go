package pages

import (
	"strings"

	"plansite/internal/shareimage"
	"plansite/internal/sitepath"
)

// Sharing and citation metadata of a page: Open Graph, the Twitter card and
// the citation_* tags that Google Scholar and reference managers read. The
// values all come from the content, never from the build clock, so that two
// builds of the same content are identical.

// ogTitle is the title a shared link shows: the plan's full title on the
// home page, the page title elsewhere.
func ogTitle(p *Page) string {
	if p.Kind == "home" {
		return p.Site.Config.Title
	}
	return p.Title
}

// ogType is "article" for pages that are a document of their own (a task, a
// Markdown page) and "website" for the listings.
func ogType(p *Page) string {
	switch p.Kind {
	case "task", "page":
		return "article"
	}
	return "website"
}

// meta fills in the sharing and citation metadata of the page. Every page
// shows the site's one share image.
func (v *View) meta(p *Page) {
	c := p.Site.Config
	v.OGTitle, v.OGType = ogTitle(p), ogType(p)
	// Open Graph wants the site language (zh-CN) as zh_CN.
	v.OGLocale = strings.ReplaceAll(c.Language, "-", "_")
	v.OGImage = p.Abs(sitepath.ShareImage)
	v.OGImageAlt = c.ShortTitle + "：任务数量示意图"
	if pl := p.Site.Plan; len(pl.Areas) > 0 {
		v.OGImageAlt = c.ShortTitle + "：各" + pl.AreaCounter() + pl.AreaNoun() + "的任务数量示意图"
	}
	v.ShareImageWidth, v.ShareImageHeight = shareimage.Width, shareimage.Height
	// citation_publication_date asks for YYYY/MM/DD.
	v.CitationDate = strings.ReplaceAll(c.Date, "-", "/")
	v.PageUpdated = pageUpdated(p)
	v.FeedURL = p.Rel(sitepath.Feed)
	if p.Kind == "task" && p.Task != nil {
		v.JSONURL = p.Rel(sitepath.TaskJSON(p.Task))
	}
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
