// Package site builds a whole site: it loads the content, renders every
// page, minifies the output and writes it to the output folder in one swap.
package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"plansite/internal/load"
	"plansite/internal/markdown"
	"plansite/internal/minifier"
	"plansite/internal/opendata"
	"plansite/internal/output"
	"plansite/internal/pages"
	"plansite/internal/plan"
)

// Source is one input folder and the name it has in messages.
type Source struct {
	FS   fs.FS
	Name string // content, templates, static, or the folder given
	Dir  string // the folder on disk, or "" when embedded
}

// Options says what to build.
type Options struct {
	Content, Templates, Static Source
	BaseURL                    string // overrides base_url of site.toml when set
	Version                    string
	Workers                    int // 0: one per core
}

// Engines are built once and shared by every build of a process.
var (
	engineOnce sync.Once
	md         *markdown.Renderer
	min        *minifier.Minifier
)

func engines() (*markdown.Renderer, *minifier.Minifier) {
	engineOnce.Do(func() { md, min = markdown.New(), minifier.New() })
	return md, min
}

// Result is a built site in memory.
type Result struct {
	Files    []output.File // sorted by path
	Warnings []plan.Warning
	Content  *load.Content
}

// build is a site ready to render: the model, its pages and the files that
// are not pages, already made.
type build struct {
	content *load.Content
	warns   []plan.Warning
	tmpl    *pages.Templates
	mini    *minifier.Minifier
	pages   []*pages.Page
	other   []output.File // static files, minified, then extras once made
	extras  []producer    // makers of the other files, not run yet
	jobs    []job         // the other files, made and minified when written
	workers int
}

// prepare loads the content and templates and lists the pages of the site,
// rendering none of them yet; the files that are not pages are made by
// collect, or, in a build, made and written by Build beside the pages.
func prepare(o Options) (*build, error) {
	mdr, mini := engines()
	// The templates and the static files (parsed, and minified) do not
	// depend on the content: they are made while the content loads. For the
	// real table they take longer than loading it.
	var tmpl *pages.Templates
	var files []output.File
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
	c, warns, err := load.Site(o.Content.FS, o.Content.Name)
	wg.Wait()
	// The errors in the order of a build that made these one after another.
	if err != nil {
		return nil, err
	}
	if tmplErr != nil {
		return nil, tmplErr
	}
	base := c.Config.BaseURL
	if o.BaseURL != "" {
		base = o.BaseURL
	}
	baseURL, basePath, err := normalizeBase(base)
	if err != nil {
		return nil, err
	}
	if staticErr != nil {
		return nil, staticErr
	}
	s := &pages.Site{Plan: c.Plan, Config: c.Config, BaseURL: baseURL, BasePath: basePath,
		Pages: c.Pages, Assets: assets, Version: o.Version}
	list, err := pages.Pages(s, mdr)
	if err != nil {
		return nil, err
	}
	// The share image takes the site's colours from the stylesheet as
	// written; a static folder without one gets an image in greys.
	css, _ := fs.ReadFile(o.Static.FS, "style.css")
	data := opendata.Site{Plan: c.Plan, Config: c.Config, BaseURL: baseURL, Table: c.WriteTable}
	more, jobs := extras(s, data, css, list, mini)
	return &build{content: c, warns: warns, tmpl: tmpl, mini: mini, pages: list, other: files,
		extras: more, jobs: jobs, workers: o.Workers}, nil
}

// makeExtras runs the makers of the extras on workers goroutines and hands
// each file to use as it is made, minified, or to stream, which must write
// it with write; both must be safe for concurrent use. The error is that of
// the first maker, in their order, that failed.
func (b *build) makeExtras(workers int, use func(i int, f output.File) error, stream func(i int, path string, write func(io.Writer) error) error) error {
	return parallel(len(b.extras), workers, func(i int) error {
		return b.extras[i](sink{
			file: func(f output.File) error {
				var err error
				if f.Data, err = b.mini.File(f.Path, f.Data); err != nil {
					return fmt.Errorf("minifying %s: %v", f.Path, err)
				}
				return use(i, f)
			},
			stream: func(path string, write func(io.Writer) error) error { return stream(i, path, write) },
		})
	})
}

// collect makes the extras and keeps them with the other files, in the
// makers' order, then checks the paths of the whole site.
func (b *build) collect() error {
	made := make([][]output.File, len(b.extras))
	keep := func(i int, f output.File) error {
		made[i] = append(made[i], f) // only maker i's goroutine touches made[i]
		return nil
	}
	if err := b.makeExtras(b.workers, keep, func(i int, path string, write func(io.Writer) error) error {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			return err
		}
		return keep(i, output.File{Path: path, Data: buf.Bytes()})
	}); err != nil {
		return err
	}
	for _, fs := range made {
		b.other = append(b.other, fs...)
	}
	return b.checkPaths(nil)
}

// checkPaths refuses a site in which two files would have the same path,
// before any page is written. more are paths of files not in b.other.
func (b *build) checkPaths(more []string) error {
	paths := make([]string, 0, b.total()+len(more))
	paths = append(paths, more...)
	for _, p := range b.pages {
		paths = append(paths, p.File())
	}
	for _, j := range b.jobs {
		paths = append(paths, j.path)
	}
	for _, f := range b.other {
		paths = append(paths, f.Path)
	}
	sort.Strings(paths)
	for i := 1; i < len(paths); i++ {
		if paths[i] == paths[i-1] {
			return fmt.Errorf("two files would be written to %s", paths[i])
		}
	}
	return nil
}

// total is the number of files of the site.
func (b *build) total() int { return len(b.pages) + len(b.other) + len(b.jobs) }

// made is the number of files a build makes as it writes them: the jobs,
// numbered first, then the pages.
func (b *build) made() int { return len(b.jobs) + len(b.pages) }

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

// page renders and minifies page i into a new file.
func (b *build) page(i int) (output.File, error) { return b.file(len(b.jobs) + i) }

// make makes and minifies file i of those numbered by made using the
// buffers bufs; the result is valid until they are reused.
func (b *build) make(i int, bufs *buffers) (name string, data []byte, err error) {
	if i < len(b.jobs) {
		j := b.jobs[i]
		raw, err := j.make()
		if err != nil {
			return "", nil, err
		}
		if j.minified {
			return j.path, raw, nil
		}
		if err := b.mini.FileTo(&bufs.min, j.path, raw); err != nil {
			return "", nil, fmt.Errorf("minifying %s: %v", j.path, err)
		}
		return j.path, bufs.min.Bytes(), nil
	}
	return b.render(i-len(b.jobs), bufs)
}

// render renders and minifies page i using the buffers bufs; the result
// is valid until they are reused.
func (b *build) render(i int, bufs *buffers) (name string, data []byte, err error) {
	p := b.pages[i]
	name = p.File()
	if err := b.tmpl.RenderTo(&bufs.page, p); err != nil {
		return "", nil, err
	}
	if err := b.mini.FileTo(&bufs.min, name, bufs.page.Bytes()); err != nil {
		return "", nil, fmt.Errorf("minifying %s: %v", name, err)
	}
	return name, bufs.min.Bytes(), nil
}

// buffers are a worker's scratch space for one page at a time: rendering
// tens of thousands of pages into fresh buffers keeps the collector busy.
type buffers struct{ page, min bytes.Buffer }

var bufferPool = sync.Pool{New: func() any { return new(buffers) }}

func getBuffers() *buffers { return bufferPool.Get().(*buffers) }

func putBuffers(b *buffers) {
	if b.page.Cap() > 1<<20 {
		return // a huge page: let it go rather than keep it
	}
	bufferPool.Put(b)
}

// Generate builds the site in memory.
func Generate(o Options) (*Result, error) {
	b, err := prepare(o)
	if err != nil {
		return nil, err
	}
	if err := b.collect(); err != nil {
		return nil, err
	}
	rendered := make([]output.File, b.made())
	if err := parallel(len(rendered), b.workers, func(i int) (err error) {
		rendered[i], err = b.file(i)
		return err
	}); err != nil {
		return nil, err
	}
	files := append(b.other, rendered...)
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return &Result{Files: files, Warnings: b.warns, Content: b.content}, nil
}

// Stats describes a build written to its folder.
type Stats struct {
	Files    int
	Warnings []plan.Warning
	Content  *load.Content
}

// Progress is told, after each file written, how many of the total are.
// It is called from several goroutines, never at once.
type Progress func(done, total int)

// Build generates the site and replaces the folder out with it. Each page is
// written as soon as it is rendered, so the site is never held in memory
// whole. On error the folder is left as it was.
func Build(o Options, out string, progress Progress) (*Stats, error) {
	b, err := prepare(o)
	if err != nil {
		return nil, err
	}
	// The paths known before anything is made are checked before anything
	// is written; those of the extras, once they are all made.
	if err := b.checkPaths(nil); err != nil {
		return nil, err
	}
	w, err := output.NewWriter(out)
	if err != nil {
		return nil, err
	}
	var mu sync.Mutex
	var extras []string
	done, total := 0, b.total()
	// wrote counts a file written; extra names one of the extras, whose
	// number is not known beforehand, so the total grows as they are made.
	wrote := func(extra string) {
		mu.Lock()
		defer mu.Unlock()
		if extra != "" {
			extras = append(extras, extra)
			total++
		}
		done++
		if progress != nil {
			progress(done, total)
		}
	}
	for _, f := range b.other {
		if err := w.Write(f); err != nil {
			w.Abort()
			return nil, err
		}
		wrote("")
	}
	// The extras (plan.json, the feed, the search index: tens of megabytes
	// each for a large table) are made one at a time beside the pages and
	// each written at once, so that no two are held together and the pages
	// need not wait for them.
	var extrasErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		extrasErr = b.makeExtras(1, func(_ int, f output.File) error {
			if err := w.Write(f); err != nil {
				return err
			}
			wrote(f.Path)
			return nil
		}, func(_ int, path string, write func(io.Writer) error) error {
			if err := w.WriteStream(path, write); err != nil {
				return err
			}
			wrote(path)
			return nil
		})
	}()
	pagesErr := parallel(b.made(), b.workers, func(i int) error {
		bufs := getBuffers()
		defer putBuffers(bufs)
		name, data, err := b.make(i, bufs)
		if err != nil {
			return err
		}
		if err := w.Write(output.File{Path: name, Data: data}); err != nil {
			return err
		}
		wrote("")
		return nil
	})
	wg.Wait()
	// The errors in the order a build that made the extras first would
	// meet them: an extra's, two files at one path, then a page's.
	err = extrasErr
	if err == nil {
		err = b.checkPaths(extras)
	}
	if err == nil {
		err = pagesErr
	}
	if err != nil {
		w.Abort()
		return nil, err
	}
	if err := w.Commit(); err != nil {
		return nil, err
	}
	return &Stats{Files: total, Warnings: b.warns, Content: b.content}, nil
}

func normalizeBase(base string) (string, string, error) {
	if base == "" {
		return "", "", fmt.Errorf("no base URL: set base_url in site.toml or pass -base-url")
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", "", fmt.Errorf("base URL %q must be an absolute http(s) URL such as https://example.org/plan/", base)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String(), u.Path, nil
}

// staticFiles copies the static folder into static/, minified, and names
// each file with a version query from its content so browsers never keep a
// stale copy.
func staticFiles(src Source, mini *minifier.Minifier) ([]output.File, map[string]string, error) {
	var files []output.File
	assets := map[string]string{}
	err := fs.WalkDir(src.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || strings.HasPrefix(path.Base(p), ".") {
			return nil
		}
		data, err := fs.ReadFile(src.FS, p)
		if err != nil {
			return err
		}
		if data, err = mini.File(p, data); err != nil {
			return fmt.Errorf("%s: %v", path.Join(src.Name, p), err)
		}
		sum := sha256.Sum256(data)
		files = append(files, output.File{Path: "static/" + p, Data: data})
		assets[p] = "static/" + p + "?v=" + hex.EncodeToString(sum[:4])
		return nil
	})
	return files, assets, err
}

// parallel runs fn for 0..n-1 on workers goroutines and returns the error of
// the lowest index that failed, so the message does not depend on timing.
// After a failure no new index is started: every index below the failed one
// has been started already, so the lowest failure is still found.
func parallel(n, workers int, fn func(int) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	errs := make([]error, n)
	var failed atomic.Bool
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if errs[i] = fn(i); errs[i] != nil {
					failed.Store(true)
				}
			}
		}()
	}
	for i := 0; i < n && !failed.Load(); i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
