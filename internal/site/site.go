// Package site makes a whole site in one pipeline: it loads the content,
// lists every page and every other file, then renders, minifies and hands
// each file to a Sink as it is made. Build writes the site to a folder in
// one swap; Prepare keeps it ready to make any one file on demand, for the
// preview server.
package site

import (
	"context"
	"io"
	"io/fs"
	"sync"

	"plansite/internal/load"
	"plansite/internal/markdown"
	"plansite/internal/minifier"
	"plansite/internal/output"
	"plansite/internal/parallel"
	"plansite/internal/portal"
	"plansite/internal/problem"
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
	BaseURL                    string // build -base-url: overrides base_url of site.toml when set
	Version                    string
	Workers                    int // 0: one per core
	// Memo, when set, keeps what a build read and made of the folders for
	// the next build of the same folders: a preview server's rebuilds read
	// again only the rows that changed, and parse the templates and minify
	// the static files only when they changed.
	Memo *Memo
}

// inputs are the folders a build reads, which its output must never touch,
// each with the folder as it was opened, so that the check compares the
// very folder read.
func (o Options) inputs() []output.Input {
	var ins []output.Input
	for _, in := range []struct {
		name string
		src  Source
	}{{"content", o.Content}, {"templates", o.Templates}, {"static", o.Static}} {
		i := output.Input{Name: in.name, Dir: in.src.Dir}
		if in.src.Dir != "" && in.src.FS != nil {
			i.Opened, _ = fs.Stat(in.src.FS, ".")
		}
		ins = append(ins, i)
	}
	return ins
}

// Engines are built once and shared by every build of a process.
var (
	engineOnce sync.Once
	sharedMD   *markdown.Renderer
	sharedMini *minifier.Minifier
)

func engines() (*markdown.Renderer, *minifier.Minifier) {
	engineOnce.Do(func() { sharedMD, sharedMini = markdown.New(), minifier.New() })
	return sharedMD, sharedMini
}

// Result describes a site made.
type Result struct {
	Files    int // how many files the site has
	Warnings []problem.Problem
	Content  *load.Content  // nil for a portal
	Portal   *portal.Portal // nil for a site of one plan
}

// A Sink takes the files of a site as they are made: Write a whole file,
// WriteStream one written piece by piece, so that the largest (the feed,
// plan.json) need never be held whole. Both are called from several
// goroutines at once, and the data given to Write is reused once it
// returns. output.Writer is the Sink of a build.
type Sink interface {
	Write(f output.File) error
	WriteStream(path string, write func(io.Writer) error) error
}

// Meter is told, after each file written, how many of the total are.
// It is called from several goroutines, never at once.
type Meter func(done, total int)

// Build makes the site and replaces the folder out with it. Each file is
// written as soon as it is made, so the site is never held in memory whole.
// On error the folder is left as it was. A folder that is not a previous
// build (an input, a folder of other files) is refused before anything is
// written, with that error whatever the content holds.
func Build(o Options, out string, meter Meter) (*Result, error) {
	return BuildContext(context.Background(), o, out, meter)
}

// BuildContext is Build that stops when ctx ends: it removes what it wrote,
// leaves the folder as it was and returns ctx's cause.
func BuildContext(ctx context.Context, o Options, out string, meter Meter) (*Result, error) {
	// Reading a large table takes seconds and writes nothing: a build
	// stopped meanwhile returns at once and leaves it to finish unused.
	// It starts while the output folder is checked, which for a previous
	// site of 10,000 tasks means listing 10,000 folders, on one core.
	type prepared struct {
		b   *build
		err error
	}
	ready := make(chan prepared, 1)
	go func() {
		b, err := prepare(o)
		ready <- prepared{b, err}
	}()
	// A folder that must not be replaced is said first, whatever the
	// content holds.
	target, err := output.CheckTarget(out, o.inputs())
	if err != nil {
		return nil, err
	}
	var b *build
	select {
	case p := <-ready:
		if p.err != nil {
			return nil, p.err
		}
		b = p.b
	case <-ctx.Done():
		return nil, context.Cause(ctx)
	}
	w, err := output.NewWriter(ctx, target)
	if err != nil {
		return nil, err
	}
	r, err := b.write(w, meter)
	if err != nil {
		w.Abort()
		if ctx.Err() != nil {
			// The writes failed because the build was stopped.
			return nil, context.Cause(ctx)
		}
		return nil, err
	}
	if err := w.Commit(); err != nil {
		return nil, err
	}
	return r, nil
}

// write makes every file of the site and hands it to sink: the static
// files, the site-wide files on one goroutine and the pages and the tasks'
// files beside them on every core.
func (b *build) write(sink Sink, meter Meter) (*Result, error) {
	var mu sync.Mutex
	var made []string
	done, total := 0, b.total()
	// wrote counts a file written; siteFile names one of the site-wide
	// files, whose number is not known beforehand, so the total grows as
	// they are made.
	wrote := func(siteFile string) {
		mu.Lock()
		defer mu.Unlock()
		if siteFile != "" {
			made = append(made, siteFile)
			total++
		}
		done++
		if meter != nil {
			meter(done, total)
		}
	}
	for _, f := range b.static {
		if err := sink.WriteStream(f.path, f.write); err != nil {
			return nil, err
		}
		wrote("")
	}
	// The site-wide files (plan.json, the feed, the search index: tens of
	// megabytes each for a large table) are made one at a time beside the
	// pages and each handed on at once, so that no two are held together
	// and the pages need not wait for them.
	var siteErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		siteErr = b.makeSiteFiles(1, sink, wrote)
	}()
	pagesErr := parallel.Run(b.made(), b.workers, b.firstOfKinds(), func(i int) error {
		bufs := getBuffers()
		defer putBuffers(bufs)
		name, data, err := b.make(i, bufs)
		if err != nil {
			return err
		}
		if err := sink.Write(output.File{Path: name, Data: data}); err != nil {
			return err
		}
		wrote("")
		return nil
	})
	wg.Wait()
	// The errors in the order a build that made the site-wide files first
	// would meet them: such a file's, two files at one path, then a page's.
	err := siteErr
	if err == nil {
		err = b.checkPaths(made)
	}
	if err == nil {
		err = pagesErr
	}
	if err != nil {
		return nil, err
	}
	return &Result{Files: total, Warnings: b.warns, Content: b.content, Portal: b.portal}, nil
}
