package render

import (
	"strings"
)

// Sharing and citation metadata of a page: Open Graph, the Twitter card and
// the citation_* tags that Google Scholar and reference managers read. The
// values all come from the content, never from the build clock, so that two
// builds of the same content are identical.

// ShareImage is the site path of the share image of pages other than tasks;
// task pages have their own (TaskShareImage). share.go draws both.
const ShareImage = "share.png"

// ShareWidth and ShareHeight are the size Open Graph consumers expect for a
// large preview (1.91:1).
const (
	ShareWidth  = 1200
	ShareHeight = 630
)

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

// OGImage is the absolute URL of the page's share image.
func (p *Page) OGImage() string {
	if p.Kind == "task" && p.Task != nil && p.Site.HasTaskImages() {
		return p.Abs(TaskShareImage(p.Task))
	}
	return p.Abs(ShareImage)
}

// OGImageAlt describes the share image for people who cannot see it.
func (p *Page) OGImageAlt() string {
	if p.Kind == "task" && p.Task != nil && p.Site.HasTaskImages() {
		return "任务" + p.Task.ID + "的编号和实施年度示意图"
	}
	return p.Site.Config.ShortTitle + "：各项行动的任务数量示意图"
}

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

// FeedURL links the Atom feed (feed.go).
func (p *Page) FeedURL() string { return p.Rel(FeedPath) }

// JSONURL links the page's own data file, for task pages.
func (p *Page) JSONURL() string {
	if p.Kind == "task" && p.Task != nil {
		return p.Rel(TaskJSONPath(p.Task))
	}
	return ""
}
