package site

import (
	"plansite/internal/output"
	"plansite/internal/render"
	"plansite/internal/search"
)

// A producer makes some of the files of the site that are not HTML pages.
// Each file is minified by its extension afterwards.
type producer func() ([]output.File, error)

// extras lists the makers of the files of the site that are not HTML pages,
// in a set order. None is run yet: a build runs them on every core and
// writes each file at once. The files of which each task has one (its JSON
// and its share image) are jobs of their own, made and written on every
// core along with the pages, rather than all made first and held.
func extras(s *render.Site, pages []*render.Page) ([]producer, []job) {
	one := func(path string, make func() ([]byte, error)) producer {
		return func() ([]output.File, error) {
			data, err := make()
			if err != nil {
				return nil, err
			}
			return []output.File{{Path: path, Data: data}}, nil
		}
	}
	ps := []producer{
		func() ([]output.File, error) { return sitemaps(s, pages) },
		func() ([]output.File, error) {
			return append([]output.File{{Path: "robots.txt", Data: render.Robots(s)}}, deployFiles()...), nil
		},
	}
	// Citations, open data and sharing (issue 3): the feed, the data files
	// of /data/ and each task's JSON, and the share images.
	if s.HasFeed() {
		ps = append(ps, one(render.FeedPath, func() ([]byte, error) { return render.Feed(s, pages) }))
	}
	ps = append(ps,
		func() ([]output.File, error) { return files(render.DataFiles(s)) },
		one(render.ShareImage, func() ([]byte, error) { return render.SiteShareImage(s.Plan) }),
		// The search index (issue 4): a manifest and its shards under search/.
		func() ([]output.File, error) {
			index, err := search.Build(s.Plan)
			if err != nil {
				return nil, err
			}
			out := make([]output.File, len(index))
			for i, f := range index {
				out[i] = output.File{Path: f.Path, Data: f.Data}
			}
			return out, nil
		})

	images := s.HasTaskImages()
	jobs := make([]job, 0, len(s.Plan.Tasks)*2)
	for _, t := range s.Plan.Tasks {
		jobs = append(jobs, job{render.TaskJSONPath(t), func() ([]byte, error) { return render.TaskJSON(s, t) }})
		if images {
			jobs = append(jobs, job{render.TaskShareImage(t), func() ([]byte, error) { return render.TaskShareImageData(s.Plan, t) }})
		}
	}
	return ps, jobs
}

func files(data []render.DataFile, err error) ([]output.File, error) {
	if err != nil {
		return nil, err
	}
	out := make([]output.File, len(data))
	for i, f := range data {
		out[i] = output.File{Path: f.Path, Data: f.Data}
	}
	return out, nil
}

// A job is a file that is not a page, made when a worker gets to it.
type job struct {
	path string
	make func() ([]byte, error)
}
