package site

import (
	"bytes"
	"fmt"
	"io"

	"plansite/internal/feed"
	"plansite/internal/minifier"
	"plansite/internal/opendata"
	"plansite/internal/output"
	"plansite/internal/pages"
	"plansite/internal/parallel"
	"plansite/internal/search"
	"plansite/internal/shareimage"
	"plansite/internal/sitepath"
)

// A siteFile makes some of the site-wide files that are not pages and hands
// each to out as soon as it is made, so that no more of them is held than
// one file, or, for the largest, a piece of one. out minifies what is
// given to Write by its extension; WriteStream takes a file already
// minified.
type siteFile func(out Sink) error

// siteFiles lists the makers of the site-wide files that are not pages, in
// a set order: the sitemap, robots.txt and the host files, the feed, the
// open data, the share image and the search index. None is run yet. A
// site that is not the whole output (a plan of a portal: root false) has
// no robots.txt or host files, which are read at the output's root only.
func siteFiles(s *pages.Context, data opendata.Input, css []byte, list []*pages.Page, mini *minifier.Minifier, root bool) []siteFile {
	one := func(path string, make func() ([]byte, error)) siteFile {
		return func(out Sink) error {
			data, err := make()
			if err != nil {
				return err
			}
			return out.Write(output.File{Path: path, Data: data})
		}
	}
	each := func(make func() ([]output.File, error)) siteFile {
		return func(out Sink) error {
			files, err := make()
			if err != nil {
				return err
			}
			for _, f := range files {
				if err := out.Write(f); err != nil {
					return err
				}
			}
			return nil
		}
	}
	fs := []siteFile{each(func() ([]output.File, error) { return sitemaps(s, list) })}
	if root {
		fs = append(fs, each(func() ([]output.File, error) {
			return append([]output.File{{Path: sitepath.Robots, Data: robots(s)}, output.Marker()}, deployFiles()...), nil
		}))
	}
	if s.HasFeed() {
		fs = append(fs, func(out Sink) error {
			return out.WriteStream(sitepath.Feed, func(w io.Writer) error {
				// Minified a piece at a time (the feed's head,
				// entries, its end): an XML minifier keeps none of
				// the white space between elements, so the pieces
				// minify to what the whole would.
				return feed.Write(s, list, func(piece []byte) error {
					if err := mini.Minify(w, sitepath.Feed, piece); err != nil {
						return fmt.Errorf("minifying %s: %v", sitepath.Feed, err)
					}
					return nil
				})
			})
		})
	}
	return append(fs,
		func(out Sink) error {
			for _, f := range opendata.Files(data) {
				if err := out.WriteStream(f.Path, f.Write); err != nil {
					return err
				}
			}
			return nil
		},
		one(sitepath.PlanSchema, func() ([]byte, error) { return opendata.Schema(), nil }),
		one(sitepath.ShareImage, func() ([]byte, error) { return shareimage.Draw(s.Plan, shareimage.PaletteFromCSS(css)) }),
		// The search index: its shards and the manifest naming them,
		// under search/.
		func(out Sink) error {
			return search.WriteIndex(s.Plan, s.SearchProgress(), func(f search.File) error {
				return out.Write(output.File{Path: f.Path, Data: f.Data})
			})
		})
}

// makeSiteFiles runs the makers of the site-wide files on workers
// goroutines and hands each file to sink as it is made, minified, then
// tells wrote its path. The error is that of the first maker, in their
// order, that failed.
func (b *build) makeSiteFiles(workers int, sink Sink, wrote func(path string)) error {
	out := minifying{b.mini, sink, wrote}
	return parallel.Run(len(b.siteFiles), workers, nil, func(i int) error { return b.siteFiles[i](out) })
}

// minifying is the Sink the site-wide files are made into: it minifies
// each whole file, hands it on and counts it.
type minifying struct {
	mini  *minifier.Minifier
	sink  Sink
	wrote func(path string)
}

func (m minifying) Write(f output.File) error {
	var out bytes.Buffer
	if err := m.mini.Minify(&out, f.Path, f.Data); err != nil {
		return fmt.Errorf("minifying %s: %v", f.Path, err)
	}
	f.Data = out.Bytes()
	if err := m.sink.Write(f); err != nil {
		return err
	}
	m.wrote(f.Path)
	return nil
}

func (m minifying) WriteStream(path string, write func(io.Writer) error) error {
	if err := m.sink.WriteStream(path, write); err != nil {
		return err
	}
	m.wrote(path)
	return nil
}

// A taskFile is a file of which each task has one (its JSON), made when a
// worker gets to it, beside the pages, rather than all made first and held.
// It is made minified.
type taskFile struct {
	path string
	make func() ([]byte, error)
}

func taskFiles(s opendata.Input) []taskFile {
	fs := make([]taskFile, 0, len(s.Plan.Tasks))
	for _, t := range s.Plan.Tasks {
		fs = append(fs, taskFile{sitepath.TaskJSON(t), func() ([]byte, error) { return opendata.TaskProgressJSON(s, t) }})
	}
	return fs
}
