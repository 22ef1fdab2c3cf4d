// Package cli carries out the plansite commands once their flags are parsed.
package cli

import (
	"context"
	"fmt"
	"io"
	"os"

	"plansite/internal/check"
	"plansite/internal/config"
	"plansite/internal/problem"
	"plansite/internal/serve"
	"plansite/internal/site"
)

// BuildFlags are the flags and argument of plansite build.
type BuildFlags struct {
	Inputs
	Out, BaseURL string
}

// RunBuild builds the site into -out (DIR/public by default), printing warnings to log. When ctx
// ends, the build stops, removes what it wrote and returns ctx's cause.
func RunBuild(ctx context.Context, f BuildFlags, src SourceFunc, version string, log io.Writer) error {
	if f.BaseURL != "" {
		// Said first: the flag is what was just typed.
		if _, _, err := config.BaseURL(f.BaseURL); err != nil {
			return fmt.Errorf("-base-url %q: %v", f.BaseURL, err)
		}
	}
	o, err := f.Resolve(src, version, log)
	if err != nil {
		return err
	}
	out := f.OutDir(f.Out)
	o.BaseURL = f.BaseURL
	// Collect seldom, under a memory limit that follows the table's size.
	deferGC(gcLimit(contentSize(o.Content.FS)))
	stop, err := cpuProfile(os.Getenv("PLANSITE_CPUPROFILE"))
	if err != nil {
		return err
	}
	defer stop()
	meter, done := newMeter(log)
	r, err := site.BuildContext(ctx, o, out, meter)
	done()
	if err != nil {
		return err
	}
	// In the order check gives them: file by file, line by line.
	problem.Sort(r.Warnings)
	for _, w := range r.Warnings {
		fmt.Fprintln(log, w.Error())
	}
	fmt.Fprintf(log, "wrote %d files to %s\n", r.Files, out)
	return nil
}

// ServeFlags are the flags and argument of plansite serve.
type ServeFlags struct {
	Inputs
	Addr       string
	AllowHosts []string // -allow-host, each name once per comma
}

// Serve previews the site on f.Addr, rebuilding it on every change, until
// ctx ends.
func Serve(ctx context.Context, f ServeFlags, src SourceFunc, version string, log io.Writer) error {
	so := serve.Options{Addr: f.Addr, AllowHosts: f.AllowHosts, Log: log}
	if err := serve.CheckFlags(so); err != nil {
		return err
	}
	o, err := f.Resolve(src, version, log)
	if err != nil {
		return err
	}
	so.Site = o
	// A rebuild allocates as a build does; the limit leaves room for the
	// two builds a server may hold, the one shown and the one being made.
	deferGC(gcLimit(contentSize(o.Content.FS)))
	return serve.Run(ctx, so, nil)
}

// Check validates and lints the content folder, printing each problem to
// out. It returns an error when there is at least one that stops a build.
func Check(in Inputs, src SourceFunc, out io.Writer) error {
	o, err := in.Resolve(src, "", out)
	if err != nil {
		return err
	}
	c := o.Content
	r := check.Site(o)
	for _, p := range r.Problems {
		fmt.Fprintln(out, p.Error())
	}
	fmt.Fprintf(out, "%s: %d error(s), %d warning(s)\n", c.Name, r.Errors(), r.Warnings())
	if n := r.Errors(); n > 0 {
		return ErrFound{n}
	}
	return nil
}

// ErrFound is the error of a check that found problems that stop a build;
// they have been printed already.
type ErrFound struct{ N int }

func (e ErrFound) Error() string { return fmt.Sprintf("%d errors", e.N) }
