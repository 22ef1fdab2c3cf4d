package site

import (
	"bytes"
	"io"
	"slices"
	"sort"
	"sync"
	"time"

	"plansite/internal/load"
	"plansite/internal/output"
	"plansite/internal/portal"
	"plansite/internal/problem"
)

// Prepared is a site whose content is read and checked and whose pages are
// listed, ready to make any one file on demand: a preview server shows the
// page a browser asks for without rendering the thousands it does not. Each
// file is exactly as Build writes it.
//
// The pages and the tasks' files are made when asked for. The site-wide
// files (the feed, plan.json, the search index, the sitemaps) take most of
// the time of a preview rebuild of a large table and no page needs them, so
// they are made in the background, on one core, from SiteFilesPause after
// Prepare returns: the pages open in a browser reload first, without the
// files' work beside them. Asking for one of them, or for a path the site
// may not have, starts them at once and waits for them.
type Prepared struct {
	b         *build
	pages     map[string]int        // path → index of the page
	taskFiles map[string]int        // path → index of the task's file
	static    map[string]staticFile // path → static file

	start     chan struct{} // closed to start the site-wide files before the pause ends
	startOnce sync.Once
	done      chan struct{} // closed once the site-wide files are made
	siteFiles *memory       // then set, with err
	err       error
}

// SiteFilesPause is how long a prepared site waits before making its
// site-wide files, unless asked for one: about as long as a browser takes
// to reload a page of it. Making them beside the reload (a second of one
// core at 10,000 tasks) held the reloaded page back by a fifth.
var SiteFilesPause = 300 * time.Millisecond

// Prepare loads the content and templates and lists the files of the site.
// An error in the content is returned here; one in making the site-wide
// files (none is known for content that loads) is returned by Wait and by
// File for every path that is not a page.
func Prepare(o Options) (*Prepared, error) {
	b, err := prepareUnchecked(o)
	if err != nil {
		return nil, err
	}
	p, err := newPrepared(b)
	if err != nil {
		return nil, err
	}
	go func() {
		defer close(p.done)
		pause := time.NewTimer(SiteFilesPause)
		select {
		case <-p.start:
			pause.Stop()
		case <-pause.C:
		}
		m := &memory{files: map[string][]byte{}}
		var paths []string
		var mu sync.Mutex
		// On one core: the pages are asked for meanwhile, and the browser
		// that asks for them draws them on another.
		if p.err = b.makeSiteFiles(1, m, func(path string) {
			mu.Lock()
			paths = append(paths, path)
			mu.Unlock()
		}); p.err != nil {
			return
		}
		if p.err = b.checkPaths(paths); p.err != nil {
			return
		}
		p.siteFiles = m
	}()
	return p, nil
}

// newPrepared maps the files of b by path, and refuses a site in which two
// files would have one path: checked as the maps are made, rather than
// sorted as a build checks them, and said of the same path, the first in
// order of those that two files would have.
func newPrepared(b *build) (*Prepared, error) {
	p := &Prepared{b: b, pages: make(map[string]int, len(b.pages)), taskFiles: make(map[string]int, len(b.taskFiles)),
		static: make(map[string]staticFile, len(b.static)), start: make(chan struct{}), done: make(chan struct{})}
	var twice []string
	for i := range b.pages {
		f := b.pageFile(i)
		if p.known(f) {
			twice = append(twice, f)
		}
		p.pages[f] = i
	}
	for i, f := range b.taskFiles {
		if p.known(f.path) {
			twice = append(twice, f.path)
		}
		p.taskFiles[f.path] = i
	}
	for _, f := range b.static {
		if p.known(f.path) {
			twice = append(twice, f.path)
		}
		p.static[f.path] = f
	}
	if len(twice) > 0 {
		return nil, twoFiles(slices.Min(twice))
	}
	return p, nil
}

// Wait waits until the site-wide files are made and returns the error, if
// any.
func (p *Prepared) Wait() error {
	p.startOnce.Do(func() { close(p.start) })
	<-p.done
	return p.err
}

// Done is closed once the site-wide files are made, which it does not
// hurry; Wait then returns at once.
func (p *Prepared) Done() <-chan struct{} { return p.done }

// Has reports whether the site has a file at path.
func (p *Prepared) Has(path string) bool {
	if p.known(path) {
		return true
	}
	if p.Wait() != nil {
		return false
	}
	_, ok := p.siteFiles.files[path]
	return ok
}

// known reports whether path is a page, a task's file or a static file.
func (p *Prepared) known(path string) bool {
	_, page := p.pages[path]
	_, task := p.taskFiles[path]
	_, static := p.static[path]
	return page || task || static
}

// File returns the file at path, making it if it is a page or a task's
// file. ok is false when the site has no such file.
func (p *Prepared) File(path string) (data []byte, ok bool, err error) {
	if f, ok := p.static[path]; ok {
		d, err := f.bytes()
		return d, true, err
	}
	if i, ok := p.pages[path]; ok {
		f, err := p.b.file(len(p.b.taskFiles) + i)
		return f.Data, true, err
	}
	if i, ok := p.taskFiles[path]; ok {
		f, err := p.b.file(i)
		return f.Data, true, err
	}
	if err := p.Wait(); err != nil {
		return nil, false, err
	}
	d, ok := p.siteFiles.files[path]
	return d, ok, nil
}

// Copied returns, for a static file copied from the folder as it is (an
// image, a PDF, a video), the function that writes it, so that the preview
// sends it as it reads it rather than holding it whole; ok is false for
// any other file.
func (p *Prepared) Copied(path string) (write func(io.Writer) error, ok bool) {
	f, ok := p.static[path]
	if !ok || f.text {
		return nil, false
	}
	return f.write, true
}

// Paths lists every file of the site, in no set order, once the site-wide
// files are made.
func (p *Prepared) Paths() []string {
	paths := make([]string, 0, len(p.pages)+len(p.taskFiles)+len(p.static))
	for _, m := range []map[string]int{p.pages, p.taskFiles} {
		for path := range m {
			paths = append(paths, path)
		}
	}
	for path := range p.static {
		paths = append(paths, path)
	}
	if p.Wait() == nil {
		paths = append(paths, p.siteFiles.paths()...)
	}
	return paths
}

// Warnings are the problems the content has that do not stop a build.
func (p *Prepared) Warnings() []problem.Problem { return p.b.warns }

// Content is the content the site is made from; nil for a portal.
func (p *Prepared) Content() *load.Content { return p.b.content }

// Portal is the portal the site is made from; nil for a site of one plan.
func (p *Prepared) Portal() *portal.Portal { return p.b.portal }

// memory is a Sink that keeps the files in memory.
type memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *memory) Write(f output.File) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[f.Path] = bytes.Clone(f.Data)
	return nil
}

func (m *memory) WriteStream(path string, write func(io.Writer) error) error {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[path] = b.Bytes()
	return nil
}

// paths lists the files, sorted.
func (m *memory) paths() []string {
	paths := make([]string, 0, len(m.files))
	for p := range m.files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	return paths
}
