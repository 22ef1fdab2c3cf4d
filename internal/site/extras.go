package site

import (
	"plansite/internal/output"
	"plansite/internal/render"
	"plansite/internal/search"
)

// extras makes the files of the site that are not HTML pages. Each is
// minified by its extension afterwards.
func extras(s *render.Site, pages []*render.Page) ([]output.File, error) {
	files, err := sitemaps(s, pages)
	if err != nil {
		return nil, err
	}
	files = append(files, output.File{Path: "robots.txt", Data: render.Robots(s)})
	files = append(files, deployFiles()...)
	// Citations, open data and sharing (issue 3): the feed, the data files
	// of /data/ and each task's JSON, and the share images.
	if s.HasFeed() {
		feed, err := render.Feed(s, pages)
		if err != nil {
			return nil, err
		}
		files = append(files, output.File{Path: render.FeedPath, Data: feed})
	}
	data, err := render.DataFiles(s)
	if err != nil {
		return nil, err
	}
	images, err := render.ShareImages(s)
	if err != nil {
		return nil, err
	}
	for _, f := range append(data, images...) {
		files = append(files, output.File{Path: f.Path, Data: f.Data})
	}
	// The search index (issue 4): a manifest and its shards under search/.
	index, err := search.Build(s.Plan)
	if err != nil {
		return nil, err
	}
	for _, f := range index {
		files = append(files, output.File{Path: f.Path, Data: f.Data})
	}
	return files, nil
}
