package site

import (
	"cmp"
	"encoding/xml"
	"fmt"

	"plansite/internal/output"
	"plansite/internal/pages"
	"plansite/internal/portal"
	"plansite/internal/search"
	"plansite/internal/sitepath"
)

// portalSearchManifest is the portal's search/index.json: its plans,
// newest first, and the shards of their own indexes, named from the
// portal's search/ folder.
func portalSearchManifest(pt *portal.Portal, manifests []*search.Manifest) ([]byte, error) {
	m := search.PortalManifest{Version: 1}
	up := "../" // from search/ to the root
	for i, pl := range pt.Plans {
		pm := manifests[i]
		if pm == nil {
			return nil, fmt.Errorf("%s: the plan's search index was not made", pl.Name)
		}
		m.Tasks += pm.Tasks
		m.Plans = append(m.Plans, search.PortalPlan{ID: pl.ID, Title: pl.Content.Config.ShortTitle, URL: up + pl.Dir, Tasks: pm.Tasks})
		for _, sh := range pm.Shards {
			m.Shards = append(m.Shards, search.PortalShard{URL: up + pl.Dir + sitepath.Search + sh.URL, Plan: i, Tasks: sh.Tasks, Bytes: sh.Bytes})
		}
	}
	return m.Marshal()
}

// portalSitemaps makes the portal's sitemap.xml, an index of its own
// pages' sitemaps (sitemaps/1.xml, …) and of each plan's sitemap.xml (or,
// for a plan of more pages than one sitemap lists, of that plan's parts:
// an index may not name another index).
func portalSitemaps(s *pages.Context, list []*pages.Page, pt *portal.Portal, planPages []int) ([]output.File, error) {
	if !s.HasSitemap() {
		return nil, nil
	}
	index := struct {
		XMLName  xml.Name      `xml:"sitemapindex"`
		NS       string        `xml:"xmlns,attr"`
		Sitemaps []sitemapLink `xml:"sitemap"`
	}{NS: sitemapNS}
	var files []output.File
	for i := 0; i*MaxSitemapURLs < len(list); i++ {
		part := list[i*MaxSitemapURLs : min((i+1)*MaxSitemapURLs, len(list))]
		data, err := sitemap(part)
		if err != nil {
			return nil, err
		}
		name := sitepath.Sitemap(i + 1)
		files = append(files, output.File{Path: name, Data: data})
		index.Sitemaps = append(index.Sitemaps, sitemapLink{Loc: s.BaseURL + name, LastMod: s.Updated()})
	}
	for i, pl := range pt.Plans {
		mod := cmp.Or(pl.Content.Config.Updated, pl.Content.Config.Date)
		if planPages[i] <= MaxSitemapURLs {
			index.Sitemaps = append(index.Sitemaps, sitemapLink{Loc: s.BaseURL + pl.Dir + sitepath.SitemapXML, LastMod: mod})
			continue
		}
		for n := 1; (n-1)*MaxSitemapURLs < planPages[i]; n++ {
			index.Sitemaps = append(index.Sitemaps, sitemapLink{Loc: s.BaseURL + pl.Dir + sitepath.Sitemap(n), LastMod: mod})
		}
	}
	data, err := xml.MarshalIndent(index, "", " ")
	if err != nil {
		return nil, err
	}
	return append(files, output.File{Path: sitepath.SitemapXML, Data: append([]byte(xml.Header), data...)}), nil
}
