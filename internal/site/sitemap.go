package site

import (
	"encoding/xml"

	"plansite/internal/output"
	"plansite/internal/pages"
	"plansite/internal/sitepath"
)

// MaxSitemapURLs is the most addresses one sitemap file may list, by the
// sitemap protocol (sitemaps.org).
const MaxSitemapURLs = 50000

// sitemapNS is the sitemap protocol's XML namespace.
const sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

// sitemapLink is an address in a sitemap or a sitemap in the index.
type sitemapLink struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemaps makes sitemap.xml: the list of every page, or, for a site of
// more pages than one sitemap may list, an index of sitemaps/1.xml,
// sitemaps/2.xml, … that list them.
func sitemaps(s *pages.Context, list []*pages.Page) ([]output.File, error) {
	if !s.HasSitemap() {
		return nil, nil
	}
	if len(list) <= MaxSitemapURLs {
		data, err := sitemap(list)
		return []output.File{{Path: sitepath.SitemapXML, Data: data}}, err
	}
	index := struct {
		XMLName  xml.Name      `xml:"sitemapindex"`
		NS       string        `xml:"xmlns,attr"`
		Sitemaps []sitemapLink `xml:"sitemap"`
	}{NS: sitemapNS}
	var files []output.File
	for i := 0; i*MaxSitemapURLs < len(list); i++ {
		end := min((i+1)*MaxSitemapURLs, len(list))
		part := list[i*MaxSitemapURLs : end]
		data, err := sitemap(part)
		if err != nil {
			return nil, err
		}
		name := sitepath.Sitemap(i + 1)
		files = append(files, output.File{Path: name, Data: data})
		index.Sitemaps = append(index.Sitemaps, sitemapLink{Loc: s.BaseURL + name, LastMod: s.Updated()})
	}
	data, err := xml.MarshalIndent(index, "", " ")
	if err != nil {
		return nil, err
	}
	return append(files, output.File{Path: sitepath.SitemapXML, Data: append([]byte(xml.Header), data...)}), nil
}

// sitemap lists the absolute URL of every page but those served at any
// address (404.html), which have none of their own.
func sitemap(list []*pages.Page) ([]byte, error) {
	set := struct {
		XMLName xml.Name      `xml:"urlset"`
		NS      string        `xml:"xmlns,attr"`
		URLs    []sitemapLink `xml:"url"`
	}{NS: sitemapNS}
	for _, p := range list {
		if p.Kind.Anywhere {
			continue
		}
		mod := p.Updated
		if mod == "" {
			mod = p.Site.Updated()
		}
		set.URLs = append(set.URLs, sitemapLink{Loc: p.Canonical, LastMod: mod})
	}
	b, err := xml.MarshalIndent(set, "", " ")
	return append([]byte(xml.Header), b...), err
}

// robots allows everything and points at the sitemap.
func robots(s *pages.Context) []byte {
	if !s.HasSitemap() {
		return []byte("User-agent: *\nAllow: /\n")
	}
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + s.BaseURL + sitepath.SitemapXML + "\n")
}
