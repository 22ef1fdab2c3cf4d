package site

import (
	"encoding/xml"
	"fmt"

	"plansite/internal/output"
	"plansite/internal/render"
)

// MaxSitemapURLs is the most addresses one sitemap file may list, by the
// sitemap protocol (sitemaps.org).
const MaxSitemapURLs = 50000

// sitemaps makes sitemap.xml: the list of every page, or, for a site of
// more pages than one sitemap may list, an index of sitemaps/1.xml,
// sitemaps/2.xml, … that list them.
func sitemaps(s *render.Site, pages []*render.Page) ([]output.File, error) {
	if len(pages) <= MaxSitemapURLs {
		data, err := render.Sitemap(pages)
		return []output.File{{Path: "sitemap.xml", Data: data}}, err
	}
	type entry struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod,omitempty"`
	}
	index := struct {
		XMLName  xml.Name `xml:"sitemapindex"`
		NS       string   `xml:"xmlns,attr"`
		Sitemaps []entry  `xml:"sitemap"`
	}{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	var files []output.File
	for i := 0; i*MaxSitemapURLs < len(pages); i++ {
		end := (i + 1) * MaxSitemapURLs
		if end > len(pages) {
			end = len(pages) // (the package's min is its minifier)
		}
		part := pages[i*MaxSitemapURLs : end]
		data, err := render.Sitemap(part)
		if err != nil {
			return nil, err
		}
		name := fmt.Sprintf("sitemaps/%d.xml", i+1)
		files = append(files, output.File{Path: name, Data: data})
		index.Sitemaps = append(index.Sitemaps, entry{Loc: s.BaseURL + name, LastMod: s.Updated()})
	}
	data, err := xml.MarshalIndent(index, "", " ")
	if err != nil {
		return nil, err
	}
	return append(files, output.File{Path: "sitemap.xml", Data: append([]byte(xml.Header), data...)}), nil
}
