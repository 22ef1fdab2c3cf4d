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

// OGTitle is the title a shared link shows: the plan's full title on the
// home page, the page title elsewhere.
func (p *Page) OGTitle() string {
	if p.Kind == "home" {
		return p.Site.Config.Title
	}
	return p.Title
}

// OGType is "article" for pages that are a document of their own (a task, a
// Markdown page) and "website" for the listings.
func (p *Page) OGType() string {
	switch p.Kind {
	case "task", "page":
		return "article"
	}
	return "website"
}

// OGLocale turns the site language (zh-CN) into the form Open Graph wants
// (zh_CN).
func (p *Page) OGLocale() string {
	return strings.ReplaceAll(p.Site.Config.Language, "-", "_")
}

// OGImage is the absolute URL of the site's share image, which every page
// shows.
func (p *Page) OGImage() string { return p.Abs(sitepath.ShareImage) }

// OGImageAlt describes the share image for people who cannot see it.
func (p *Page) OGImageAlt() string {
	return p.Site.Config.ShortTitle + "：各项行动的任务数量示意图"
}

// ShareImageWidth and ShareImageHeight are the share image's size in pixels.
func (p *Page) ShareImageWidth() int  { return shareimage.Width }
func (p *Page) ShareImageHeight() int { return shareimage.Height }

// CitationDate is the plan's issue date in the form citation_publication_date
// asks for (YYYY/MM/DD).
func (p *Page) CitationDate() string {
	return strings.ReplaceAll(p.Site.Config.Date, "-", "/")
}

// PageUpdated is the date this page's content was last changed, when the
// content says so: the page's own front matter, else site.toml's updated.
// It is empty when the content gives no date; the build clock is never used.
func (p *Page) PageUpdated() string {
	if p.Updated != "" {
		return p.Updated
	}
	return p.Site.Config.Updated
}

// FeedURL links the Atom feed.
func (p *Page) FeedURL() string { return p.Rel(sitepath.Feed) }

// JSONURL links the page's own data file, for task pages.
func (p *Page) JSONURL() string {
	if p.Kind == "task" && p.Task != nil {
		return p.Rel(sitepath.TaskJSON(p.Task))
	}
	return ""
}
