package site

import (
	"fmt"
	"io"

	"plansite/internal/feed"
	"plansite/internal/minifier"
	"plansite/internal/opendata"
	"plansite/internal/output"
	"plansite/internal/pages"
	"plansite/internal/search"
	"plansite/internal/shareimage"
	"plansite/internal/sitepath"
)

// A producer makes some of the files of the site that are not HTML pages
// and hands each to the sink as soon as it is made, so that no more of them
// is held than one file, or, for the largest, a piece of one.
type producer func(sink) error

// A sink takes the extras as they are made: file a file to be minified by
// its extension, stream a file written piece by piece and already minified.
type sink struct {
	file   func(output.File) error
	stream func(path string, write func(io.Writer) error) error
}

// extras lists the makers of the files of the site that are not HTML pages,
// in a set order. None is run yet: a build runs them beside the pages and
// writes each file at once. The files of which each task has one (its JSON
// and its share image) are jobs of their own, made and written on every
// core along with the pages, rather than all made first and held.
func extras(s *pages.Site, data opendata.Site, css []byte, list []*pages.Page, mini *minifier.Minifier) ([]producer, []job) {
	one := func(path string, make func() ([]byte, error)) producer {
		return func(out sink) error {
			data, err := make()
			if err != nil {
				return err
			}
			return out.file(output.File{Path: path, Data: data})
		}
	}
	ps := []producer{
		func(out sink) error {
			files, err := sitemaps(s, list)
			if err != nil {
				return err
			}
			return each(out, files)
		},
		func(out sink) error {
			return each(out, append([]output.File{{Path: "robots.txt", Data: robots(s)}}, deployFiles()...))
		},
	}
	// Citations, open data and sharing (issue 3): the feed, the data files
	// of /data/ and each task's JSON, and the share images.
	if s.HasFeed() {
		ps = append(ps, func(out sink) error {
			return out.stream(sitepath.Feed, func(w io.Writer) error {
				// Minified a piece at a time (the feed's head,
				// entries, its end): an XML minifier keeps none of
				// the white space between elements, so the pieces
				// minify to what the whole would.
				return feed.Write(s, list, func(piece []byte) error {
					m, err := mini.File(sitepath.Feed, piece)
					if err != nil {
						return fmt.Errorf("minifying %s: %v", sitepath.Feed, err)
					}
					_, err = w.Write(m)
					return err
				})
			})
		})
	}
	ps = append(ps,
		func(out sink) error {
			for _, f := range opendata.Files(data) {
				if err := out.stream(f.Path, f.Write); err != nil {
					return err
				}
			}
			return nil
		},
		one(sitepath.PlanSchema, func() ([]byte, error) { return opendata.Schema(), nil }),
		one(sitepath.ShareImage, func() ([]byte, error) { return shareimage.Draw(s.Plan, shareimage.PaletteFromCSS(css)) }),
		// The search index (issue 4): its shards and the manifest naming
		// them, under search/.
		func(out sink) error {
			return search.Build(s.Plan, func(f search.File) error {
				return out.file(output.File{Path: f.Path, Data: f.Data})
			})
		})

	jobs := make([]job, 0, len(s.Plan.Tasks))
	for _, t := range s.Plan.Tasks {
		jobs = append(jobs, job{sitepath.TaskJSON(t), func() ([]byte, error) { return opendata.TaskJSON(s.BaseURL, t) }, true})
	}
	return ps, jobs
}

// each hands files to the sink one by one.
func each(out sink, files []output.File) error {
	for _, f := range files {
		if err := out.file(f); err != nil {
			return err
		}
	}
	return nil
}

// A job is a file that is not a page, made when a worker gets to it.
type job struct {
	path     string
	make     func() ([]byte, error)
	minified bool // made minified already: not minified again
}
