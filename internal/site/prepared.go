package site

import (
	"plansite/internal/load"
	"plansite/internal/output"
	"plansite/internal/plan"
)

// Prepared is a site whose content is read and checked and whose pages are
// listed, ready to render any one of them on demand: a preview server shows
// the page a browser asks for without rendering the thousands it does not.
// Each page renders exactly as Generate and Build would write it.
type Prepared struct {
	b     *build
	pages map[string]int    // path → index of the page
	other map[string][]byte // static files, sitemap, robots.txt
	paths []string
}

// Prepare loads the content and templates and lists every file of the site.
func Prepare(o Options) (*Prepared, error) {
	b, err := prepare(o)
	if err != nil {
		return nil, err
	}
	if err := b.collect(); err != nil {
		return nil, err
	}
	p := &Prepared{b: b, pages: make(map[string]int, len(b.pages)), other: make(map[string][]byte, len(b.other))}
	for i, pg := range b.pages {
		p.pages[pg.File()] = i
		p.paths = append(p.paths, pg.File())
	}
	for _, f := range b.other {
		p.other[f.Path] = f.Data
		p.paths = append(p.paths, f.Path)
	}
	// The jobs are cheap beside the pages: make them all now, on every core.
	made := make([]output.File, len(b.jobs))
	if err := parallel(len(made), b.workers, func(i int) (err error) {
		made[i], err = b.file(i)
		return err
	}); err != nil {
		return nil, err
	}
	for _, f := range made {
		p.other[f.Path] = f.Data
		p.paths = append(p.paths, f.Path)
	}
	return p, nil
}

// Has reports whether the site has a file at path.
func (p *Prepared) Has(path string) bool {
	_, page := p.pages[path]
	_, other := p.other[path]
	return page || other
}

// File returns the file at path, rendering it if it is a page. ok is false
// when the site has no such file.
func (p *Prepared) File(path string) (data []byte, ok bool, err error) {
	if d, ok := p.other[path]; ok {
		return d, true, nil
	}
	i, ok := p.pages[path]
	if !ok {
		return nil, false, nil
	}
	f, err := p.b.page(i)
	return f.Data, true, err
}

// Paths lists every file of the site, pages first, in no set order.
func (p *Prepared) Paths() []string { return p.paths }

// Warnings are the problems the content has that do not stop a build.
func (p *Prepared) Warnings() []plan.Warning { return p.b.warns }

// Content is the content the site is made from.
func (p *Prepared) Content() *load.Content { return p.b.content }
