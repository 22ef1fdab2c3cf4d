package site

import (
	"plansite/internal/output"
	"plansite/internal/render"
	"plansite/internal/search"
)

// extras makes the files of the site that are not HTML pages. Each is
// minified by its extension afterwards.
func extras(s *render.Site, pages []*render.Page) ([]output.File, error) {
	sitemap, err := render.Sitemap(pages)
	if err != nil {
		return nil, err
	}
	files := []output.File{
		{Path: "sitemap.xml", Data: sitemap},
		{Path: "robots.txt", Data: render.Robots(s)},
	}
	index, err := search.Build(s.Plan)
	if err != nil {
		return nil, err
	}
	for _, f := range index {
		files = append(files, output.File{Path: f.Path, Data: f.Data})
	}
	return files, nil
}
