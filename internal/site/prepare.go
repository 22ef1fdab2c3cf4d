package site

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"sort"
	"sync"

	"plansite/internal/config"
	"plansite/internal/load"
	"plansite/internal/minifier"
	"plansite/internal/opendata"
	"plansite/internal/output"
	"plansite/internal/pages"
	"plansite/internal/problem"
	"plansite/internal/shareimage"
)

// build is a site ready to make: the model, its pages and the makers of its
// other files, none run yet, and the static files, already made.
type build struct {
	content   *load.Content
	warns     []problem.Problem
	tmpl      *pages.Templates
	mini      *minifier.Minifier
	pages     []*pages.Page
	static    []staticFile // the static folder's files
	siteFiles []siteFile   // makers of the site-wide files: sitemap, feed, open data, search index
	taskFiles []taskFile   // the files of which each task has one, made when written
	workers   int
}

// prepare loads the content and templates and lists the files of the site,
// making none of them but the static files, and refuses a site in which two
// files would have the same path as far as that is known beforehand.
func prepare(o Options) (*build, error) {
	mdr, mini := engines()
	// The templates and the static files (parsed, and minified) do not
	// depend on the content: they are made while the content loads. For the
	// real table they take longer than loading it.
	var tmpl *pages.Templates
	var files []staticFile
	var assets map[string]string
	var tmplErr, staticErr error
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		tmpl, tmplErr = pages.Parse(o.Templates.FS, o.Templates.Name)
	}()
	go func() {
		defer wg.Done()
		files, assets, staticErr = staticFiles(o.Static, mini)
	}()
	c, warns, err := load.Read(o.Content.FS, o.Content.Name)
	wg.Wait()
	// Every input's errors at once, in the order of a build that read
	// them one after another: check and build report them all.
	var errs problem.List
	for _, e := range []error{err, tmplErr, staticErr} {
		errs = append(errs, problem.Of(e)...)
	}
	if len(errs) > 0 {
		return &build{warns: warns}, errs
	}
	base := c.Config.BaseURL
	if o.BaseURL != "" {
		base = o.BaseURL
		warns = slices.DeleteFunc(warns, func(w problem.Problem) bool { return w.Msg == load.NoBaseURL })
	}
	// Without one the site is made all the same: its links are relative,
	// and what needs the address (canonical links, the sitemap, the feed)
	// is left out, as the content's warning says.
	baseURL, basePath := "", "/"
	if base != "" {
		// site.toml's was checked as it was read; the flag's, by the
		// command, before anything was read.
		if baseURL, basePath, err = config.BaseURL(base); err != nil {
			return nil, fmt.Errorf("-base-url %q: %v", base, err)
		}
	}
	// The share image takes the site's colours from the stylesheet as
	// written; a static folder without one gets an image in greys.
	css, _ := fs.ReadFile(o.Static.FS, "style.css")
	stFiles, stPath, err := statusFiles(c, o.Content.Name, css)
	if err != nil {
		return nil, err
	}
	for _, f := range stFiles {
		files = append(files, staticFile{path: f.Path, text: true, data: f.Data})
	}
	s := &pages.Context{Plan: c.Plan, Config: c.Config, BaseURL: baseURL, BasePath: basePath,
		Pages: c.Pages, Assets: assets, Version: o.Version, Progress: c.Progress, StatusCSS: stPath, Labels: tmpl.Labels}
	s.ShareImage.Width, s.ShareImage.Height = shareimage.Width, shareimage.Height
	list, err := pages.Pages(s, mdr)
	if err != nil {
		return nil, err
	}
	data := opendata.Input{Plan: c.Plan, Config: c.Config, BaseURL: baseURL, Table: c.WriteTable}
	if c.Progress != nil {
		data.Progress = c.Progress
		data.ProgressTable = func(w io.Writer) error { return load.WriteProgressCSV(w, c.ProgressRows) }
	}
	b := &build{content: c, warns: warns, tmpl: tmpl, mini: mini, pages: list, static: files,
		siteFiles: siteFiles(s, data, css, list, mini), taskFiles: taskFiles(data), workers: o.Workers}
	if err := b.checkPaths(nil); err != nil {
		return nil, err
	}
	return b, nil
}

// checkPaths refuses a site in which two files would have the same path,
// before any page is written. more are the paths of the site-wide files,
// once they are made.
func (b *build) checkPaths(more []string) error {
	paths := make([]string, 0, b.total()+len(more))
	paths = append(paths, more...)
	for _, p := range b.pages {
		paths = append(paths, p.File())
	}
	for _, f := range b.taskFiles {
		paths = append(paths, f.path)
	}
	for _, f := range b.static {
		paths = append(paths, f.path)
	}
	sort.Strings(paths)
	for i := 1; i < len(paths); i++ {
		if paths[i] == paths[i-1] {
			return fmt.Errorf("two files would be written to %s", paths[i])
		}
	}
	return nil
}

// total is the number of files of the site known before the site-wide
// files are made.
func (b *build) total() int { return len(b.pages) + len(b.static) + len(b.taskFiles) }

// made is the number of files made as they are written: the tasks' files,
// numbered first, then the pages.
func (b *build) made() int { return len(b.taskFiles) + len(b.pages) }

// file makes file i of those numbered by made into a new file.
func (b *build) file(i int) (output.File, error) {
	bufs := getBuffers()
	defer putBuffers(bufs)
	name, data, err := b.make(i, bufs)
	if err != nil {
		return output.File{}, err
	}
	return output.File{Path: name, Data: bytes.Clone(data)}, nil
}

// make makes file i of those numbered by made using the
// buffers bufs; the result is valid until they are reused.
func (b *build) make(i int, bufs *buffers) (name string, data []byte, err error) {
	if i < len(b.taskFiles) {
		f := b.taskFiles[i]
		raw, err := f.make()
		if err != nil {
			return "", nil, err
		}
		return f.path, raw, nil
	}
	return b.render(i-len(b.taskFiles), bufs)
}

// render renders page i using the buffers bufs; the result
// is valid until they are reused.
func (b *build) render(i int, bufs *buffers) (name string, data []byte, err error) {
	p := b.pages[i]
	name = p.File()
	// Made minified: the templates are (pages.Parse).
	if err := b.tmpl.RenderTo(&bufs.page, p); err != nil {
		return "", nil, err
	}
	return name, bufs.page.Bytes(), nil
}

// buffers are a worker's scratch space for one page at a time: rendering
// tens of thousands of pages into fresh buffers keeps the collector busy.
type buffers struct{ page bytes.Buffer }

var bufferPool = sync.Pool{New: func() any { return new(buffers) }}

func getBuffers() *buffers { return bufferPool.Get().(*buffers) }

func putBuffers(b *buffers) {
	if b.page.Cap() > 1<<20 {
		return // a huge page: let it go rather than keep it
	}
	bufferPool.Put(b)
}

// Check reads the site as a build does and makes nothing: what a build
// would warn of, and the problems of every input that it would refuse
// (the content's files, the templates and their labels, the static files,
// two files at one address).
func Check(o Options) ([]problem.Problem, error) {
	b, err := prepare(o)
	if b == nil {
		return nil, err
	}
	return b.warns, err
}
