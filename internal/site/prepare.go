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
	"plansite/internal/markdown"
	"plansite/internal/minifier"
	"plansite/internal/opendata"
	"plansite/internal/output"
	"plansite/internal/pages"
	"plansite/internal/portal"
	"plansite/internal/problem"
	"plansite/internal/shareimage"
)

// build is a site ready to make: the model, its pages and the makers of its
// other files, none run yet, and the static files, already made.
type build struct {
	content *load.Content  // nil for a portal
	portal  *portal.Portal // nil for a site of one plan
	warns   []problem.Problem
	tmpl    *pages.Templates
	mini    *minifier.Minifier
	pages   []*pages.Page
	// pageDirs are, for a portal, the folder of each page's site: "" for
	// the portal's own, plans/<id>/ for a plan's. nil for a site of one
	// plan, whose pages are all at its root.
	pageDirs  []string
	static    []staticFile // the static folder's files
	siteFiles []siteFile   // makers of the site-wide files: sitemap, feed, open data, search index
	taskFiles []taskFile   // the files of which each task has one, made when written
	workers   int
}

// shared is what every site of a build shares: the templates, the static
// files, their links, the engines and the site's address.
type shared struct {
	o                 Options
	tmpl              *pages.Templates
	mini              *minifier.Minifier
	md                *markdown.Renderer
	static            []staticFile
	assets            map[string]string
	css               []byte // static/style.css, for the share image and the statuses' contrast
	baseURL, basePath string
}

// prepare loads the content and templates and lists the files of the site,
// making none of them but the static files, and refuses a site in which two
// files would have the same path as far as that is known beforehand. A
// content folder with plans/ is a portal's (package portal).
func prepare(o Options) (*build, error) {
	b, err := prepareUnchecked(o)
	if err != nil {
		return b, err
	}
	if err := b.checkPaths(nil); err != nil {
		return nil, err
	}
	return b, nil
}

// prepareUnchecked is prepare but for the check of the paths.
func prepareUnchecked(o Options) (*build, error) {
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
		tmpl, tmplErr = parseTemplates(o.Templates, o.Memo)
	}()
	go func() {
		defer wg.Done()
		files, assets, staticErr = staticFiles(o.Static, mini, o.Memo)
	}()
	var c *load.Content
	var pt *portal.Portal
	var warns []problem.Problem
	var err error
	var cfg config.Config
	if portal.Is(o.Content.FS) {
		pt, warns, err = portal.Read(o.Content.FS, o.Content.Name, o.Workers)
		if pt != nil {
			cfg = pt.Config
		}
	} else {
		if o.Memo != nil {
			o.Memo.content.Turn()
			c, warns, err = load.ReadAgain(o.Content.FS, o.Content.Name, o.Memo.content)
		} else {
			c, warns, err = load.Read(o.Content.FS, o.Content.Name)
		}
		if c != nil {
			cfg = c.Config
		}
	}
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
	base := cfg.BaseURL
	if o.BaseURL != "" {
		base = o.BaseURL
		warns = slices.DeleteFunc(warns, func(w problem.Problem) bool { return w.Msg == load.NoBaseURL })
	}
	// Without one the site is made all the same: its links are relative,
	// and what needs the address (canonical links, the sitemap, the feed)
	// is left out, as the content's warning says.
	sh := &shared{o: o, tmpl: tmpl, mini: mini, md: mdr, static: files, assets: assets, basePath: "/"}
	if base != "" {
		// site.toml's was checked as it was read; the flag's, by the
		// command, before anything was read.
		if sh.baseURL, sh.basePath, err = config.BaseURL(base); err != nil {
			return nil, fmt.Errorf("-base-url %q: %v", base, err)
		}
	}
	// The share image takes the site's colours from the stylesheet as
	// written; a static folder without one gets an image in greys.
	sh.css, _ = fs.ReadFile(o.Static.FS, "style.css")
	var b *build
	if pt != nil {
		b, err = preparePortal(sh, pt)
	} else {
		b, err = preparePlan(sh, c)
	}
	if err != nil {
		return nil, err
	}
	b.warns = append(warns, b.warns...)
	return b, nil
}

// preparePlan lists the files of a site of one plan.
func preparePlan(sh *shared, c *load.Content) (*build, error) {
	pp, err := sh.plan(c, sh.o.Content.Name, planSite{assets: sh.assets, baseURL: sh.baseURL, basePath: sh.basePath, root: true})
	if err != nil {
		return nil, err
	}
	return &build{content: c, tmpl: sh.tmpl, mini: sh.mini, pages: pp.pages, static: append(sh.static, pp.static...),
		siteFiles: pp.siteFiles, taskFiles: pp.taskFiles, workers: sh.o.Workers}, nil
}

// planSite is where a plan's site stands: alone, or in a portal.
type planSite struct {
	assets            map[string]string // the static files' links from the site's root
	baseURL, basePath string
	root              bool // the site is the whole output: it has the files hosts read at the root
}

// planFiles are the pages and files of one plan's site, with paths from
// its own root.
type planFiles struct {
	ctx       *pages.Context
	pages     []*pages.Page
	static    []staticFile
	siteFiles []siteFile
	taskFiles []taskFile
	data      opendata.Input
}

// plan lists the pages and files of the site of the plan c, whose content
// folder is named contentName in messages, standing at at.
func (sh *shared) plan(c *load.Content, contentName string, at planSite) (*planFiles, error) {
	stFiles, stPath, err := statusFiles(c, contentName, sh.css)
	if err != nil {
		return nil, err
	}
	pf := &planFiles{}
	for _, f := range stFiles {
		pf.static = append(pf.static, staticFile{path: f.Path, text: true, data: f.Data})
	}
	s := &pages.Context{Plan: c.Plan, Config: c.Config, BaseURL: at.baseURL, BasePath: at.basePath,
		Pages: c.Pages, Assets: at.assets, Version: sh.o.Version, Progress: c.Progress, StatusCSS: stPath, Labels: sh.tmpl.Labels}
	s.ShareImage.Width, s.ShareImage.Height = shareimage.Width, shareimage.Height
	list, err := pages.Pages(s, sh.md)
	if err != nil {
		return nil, err
	}
	data := opendata.Input{Plan: c.Plan, Config: c.Config, BaseURL: at.baseURL, Table: c.WriteTable}
	if c.Progress != nil {
		data.Progress = c.Progress
		data.ProgressTable = func(w io.Writer) error { return load.WriteProgressCSV(w, c.ProgressRows) }
	}
	pf.ctx, pf.pages, pf.data = s, list, data
	pf.siteFiles = siteFiles(s, data, sh.css, list, sh.mini, at.root)
	pf.taskFiles = taskFiles(data)
	return pf, nil
}

// checkPaths refuses a site in which two files would have the same path,
// before any page is written. more are the paths of the site-wide files,
// once they are made.
func (b *build) checkPaths(more []string) error {
	paths := make([]string, 0, b.total()+len(more))
	paths = append(paths, more...)
	for i := range b.pages {
		paths = append(paths, b.pageFile(i))
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
			return twoFiles(paths[i])
		}
	}
	return nil
}

func twoFiles(path string) error { return fmt.Errorf("two files would be written to %s", path) }

// total is the number of files of the site known before the site-wide
// files are made.
func (b *build) total() int { return len(b.pages) + len(b.static) + len(b.taskFiles) }

// made is the number of files made as they are written: the tasks' files,
// numbered first, then the pages.
func (b *build) made() int { return len(b.taskFiles) + len(b.pages) }

// firstOfKinds is the first page of each kind, numbered as made numbers
// the files. A kind's first page makes the kind's set of templates
// (html/template escapes a set as it first runs it), and a worker that
// reached a kind while another made its set waited: about 2 ms of the real
// table's build. Taken first, the sets are made on every core at once.
func (b *build) firstOfKinds() []int {
	var first []int
	seen := map[*pages.Kind]bool{}
	for i, p := range b.pages {
		if !seen[p.Kind] {
			seen[p.Kind] = true
			first = append(first, len(b.taskFiles)+i)
		}
	}
	return first
}

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
	name = b.pageFile(i)
	// Made minified: the templates are (pages.Parse).
	if err := b.tmpl.RenderTo(&bufs.page, p); err != nil {
		return "", nil, err
	}
	return name, bufs.page.Bytes(), nil
}

// pageFile is where page i is written in the output folder.
func (b *build) pageFile(i int) string {
	if b.pageDirs == nil {
		return b.pages[i].File()
	}
	return b.pageDirs[i] + b.pages[i].File()
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
