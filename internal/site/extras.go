package site

import (
	"plansite/internal/output"
	"plansite/internal/render"
	"plansite/internal/search"
)

// extras makes the files of the site that are not HTML pages. Each is
// minified by its extension afterwards. The files of which each task has
// one (its JSON and its share image) are not made here but listed as jobs:
// a build makes and writes them on every core along with the pages, rather
// than make them one after another first and hold them all until written.
func extras(s *render.Site, pages []*render.Page) ([]output.File, []job, error) {
	files, err := sitemaps(s, pages)
	if err != nil {
		return nil, nil, err
	}
	files = append(files, output.File{Path: "robots.txt", Data: render.Robots(s)})
	files = append(files, deployFiles()...)
	// Citations, open data and sharing (issue 3): the feed, the data files
	// of /data/ and each task's JSON, and the share images.
	if s.HasFeed() {
		feed, err := render.Feed(s, pages)
		if err != nil {
			return nil, nil, err
		}
		files = append(files, output.File{Path: render.FeedPath, Data: feed})
	}
	data, err := render.DataFiles(s)
	if err != nil {
		return nil, nil, err
	}
	image, err := render.SiteShareImage(s.Plan)
	if err != nil {
		return nil, nil, err
	}
	for _, f := range append(data, render.DataFile{Path: render.ShareImage, Data: image}) {
		files = append(files, output.File{Path: f.Path, Data: f.Data})
	}
	// The search index (issue 4): a manifest and its shards under search/.
	index, err := search.Build(s.Plan)
	if err != nil {
		return nil, nil, err
	}
	for _, f := range index {
		files = append(files, output.File{Path: f.Path, Data: f.Data})
	}

	images := s.HasTaskImages()
	jobs := make([]job, 0, len(s.Plan.Tasks)*2)
	for _, t := range s.Plan.Tasks {
		jobs = append(jobs, job{render.TaskJSONPath(t), func() ([]byte, error) { return render.TaskJSON(s, t) }})
		if images {
			jobs = append(jobs, job{render.TaskShareImage(t), func() ([]byte, error) { return render.TaskShareImageData(s.Plan, t) }})
		}
	}
	return files, jobs, nil
}

// A job is a file that is not a page, made when a worker gets to it.
type job struct {
	path string
	make func() ([]byte, error)
}
