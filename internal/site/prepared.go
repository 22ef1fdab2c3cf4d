package site

import (
	"plansite/internal/load"
	"plansite/internal/plan"
)

// Prepared is a site whose content is read and checked and whose pages are
// listed, ready to render any one of them on demand: a preview server shows
// the page a browser asks for without rendering the thousands it does not.
// Each file is exactly as Generate and Build would write it.
//
// The pages and the files of which each task has one (its JSON, its share
// image) are made when asked for. The site-wide extras (the feed, plan.json,
// the search index, the sitemaps) take most of the time of a preview
// rebuild of a large table and no page needs them, so they are made in the
// background from the moment Prepare returns; asking for one of them, or
// for a path the site may not have, waits for them.
type Prepared struct {
	b     *build
	pages map[string]int    // path → index of the page
	jobs  map[string]int    // path → index of the job
	other map[string][]byte // static files

	done   chan struct{}     // closed once the extras are made
	extras map[string][]byte // then set, with err
	err    error
}

// Prepare loads the content and templates and lists the pages of the site.
// An error in the content is returned here; one in making the extras (none
// is known for content that loads) is returned by Wait and by File for
// every path that is not a page.
func Prepare(o Options) (*Prepared, error) {
	b, err := prepare(o)
	if err != nil {
		return nil, err
	}
	if err := b.checkPaths(nil); err != nil {
		return nil, err
	}
	p := &Prepared{b: b, pages: make(map[string]int, len(b.pages)), jobs: make(map[string]int, len(b.jobs)),
		other: make(map[string][]byte, len(b.other)), done: make(chan struct{})}
	for i, pg := range b.pages {
		p.pages[pg.File()] = i
	}
	for i, j := range b.jobs {
		p.jobs[j.path] = i
	}
	for _, f := range b.other {
		p.other[f.Path] = f.Data
	}
	static := len(b.other)
	go func() {
		defer close(p.done)
		if p.err = b.collect(); p.err != nil {
			return
		}
		p.extras = make(map[string][]byte, len(b.other)-static)
		for _, f := range b.other[static:] {
			p.extras[f.Path] = f.Data
		}
	}()
	return p, nil
}

// Wait waits until the extras are made and returns the error, if any.
func (p *Prepared) Wait() error {
	<-p.done
	return p.err
}

// Has reports whether the site has a file at path.
func (p *Prepared) Has(path string) bool {
	if p.known(path) {
		return true
	}
	if p.Wait() != nil {
		return false
	}
	_, ok := p.extras[path]
	return ok
}

// known reports whether path is a page, a job or a static file.
func (p *Prepared) known(path string) bool {
	_, page := p.pages[path]
	_, job := p.jobs[path]
	_, other := p.other[path]
	return page || job || other
}

// File returns the file at path, making it if it is a page or a task's
// file. ok is false when the site has no such file.
func (p *Prepared) File(path string) (data []byte, ok bool, err error) {
	if d, ok := p.other[path]; ok {
		return d, true, nil
	}
	if i, ok := p.pages[path]; ok {
		f, err := p.b.page(i)
		return f.Data, true, err
	}
	if i, ok := p.jobs[path]; ok {
		f, err := p.b.file(i)
		return f.Data, true, err
	}
	if err := p.Wait(); err != nil {
		return nil, false, err
	}
	d, ok := p.extras[path]
	return d, ok, nil
}

// Paths lists every file of the site, in no set order, once the extras are
// made.
func (p *Prepared) Paths() []string {
	paths := make([]string, 0, len(p.pages)+len(p.jobs)+len(p.other)+len(p.extras))
	for _, m := range []map[string]int{p.pages, p.jobs} {
		for path := range m {
			paths = append(paths, path)
		}
	}
	p.Wait()
	for _, m := range []map[string][]byte{p.other, p.extras} {
		for path := range m {
			paths = append(paths, path)
		}
	}
	return paths
}

// Warnings are the problems the content has that do not stop a build.
func (p *Prepared) Warnings() []plan.Warning { return p.b.warns }

// Content is the content the site is made from.
func (p *Prepared) Content() *load.Content { return p.b.content }
