// Package site builds a whole site: it loads the content, renders every
// page, minifies the output and writes it to the output folder in one swap.
package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"

	"plansite/internal/load"
	"plansite/internal/markdown"
	"plansite/internal/minifier"
	"plansite/internal/output"
	"plansite/internal/plan"
	"plansite/internal/render"
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

// Generate builds the site in memory.
func Generate(o Options) (*Result, error) {
	mdr, mini := engines()
	c, warns, err := load.Site(o.Content.FS, o.Content.Name)
	if err != nil {
		return nil, err
	}
	tmpl, err := render.Parse(o.Templates.FS, o.Templates.Name)
	if err != nil {
		return nil, err
	}
	base := c.Config.BaseURL
	if o.BaseURL != "" {
		base = o.BaseURL
	}
	baseURL, basePath, err := normalizeBase(base)
	if err != nil {
		return nil, err
	}
	files, assets, err := staticFiles(o.Static, mini)
	if err != nil {
		return nil, err
	}
	s := &render.Site{Plan: c.Plan, Config: c.Config, BaseURL: baseURL, BasePath: basePath,
		Pages: c.Pages, Assets: assets, Version: o.Version, Table: c.Table}
	pages, err := render.Pages(s, mdr)
	if err != nil {
		return nil, err
	}
	rendered := make([]output.File, len(pages))
	if err := parallel(len(pages), o.Workers, func(i int) error {
		b, err := tmpl.Render(pages[i])
		if err != nil {
			return err
		}
		name := pages[i].File()
		if b, err = mini.File(name, b); err != nil {
			return fmt.Errorf("minifying %s: %v", name, err)
		}
		rendered[i] = output.File{Path: name, Data: b}
		return nil
	}); err != nil {
		return nil, err
	}
	files = append(files, rendered...)
	more, err := extras(s, pages)
	if err != nil {
		return nil, err
	}
	for _, f := range more {
		if f.Data, err = mini.File(f.Path, f.Data); err != nil {
			return nil, fmt.Errorf("minifying %s: %v", f.Path, err)
		}
		files = append(files, f)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	for i := 1; i < len(files); i++ {
		if files[i].Path == files[i-1].Path {
			return nil, fmt.Errorf("two files would be written to %s", files[i].Path)
		}
	}
	return &Result{Files: files, Warnings: warns, Content: c}, nil
}

// Build generates the site and replaces the folder out with it. On error the
// folder is left as it was.
func Build(o Options, out string) (*Result, error) {
	r, err := Generate(o)
	if err != nil {
		return nil, err
	}
	return r, output.Write(out, r.Files)
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
func parallel(n, workers int, fn func(int) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	errs := make([]error, n)
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
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
