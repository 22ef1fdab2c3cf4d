package site

import (
	"plansite/internal/output"
	"plansite/internal/render"
)

// extras makes the files of the site that are not HTML pages. Each is
// minified by its extension afterwards.
func extras(s *render.Site, pages []*render.Page) ([]output.File, error) {
	files, err := sitemaps(s, pages)
	if err != nil {
		return nil, err
	}
	files = append(files, output.File{Path: "robots.txt", Data: render.Robots(s)})
	return files, nil
}
