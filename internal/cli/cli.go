// Package cli carries out the plansite commands once their flags are parsed.
package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"plansite/internal/seed"
	"plansite/internal/site"
)

// BuildFlags are the flags of plansite build.
type BuildFlags struct {
	Content, Templates, Static string
	Out, BaseURL               string
}

// SourceFunc resolves an input folder: see plansite.Source.
type SourceFunc func(name, dir string) (site.Source, error)

// Options resolves the three input folders.
func Options(content, templates, static string, src SourceFunc, version string) (site.Options, error) {
	var o site.Options
	var err error
	if o.Content, err = src("content", content); err != nil {
		return o, err
	}
	if o.Templates, err = src("templates", templates); err != nil {
		return o, err
	}
	if o.Static, err = src("static", static); err != nil {
		return o, err
	}
	o.Version = version
	return o, nil
}

// Build builds the site into f.Out, printing warnings to log.
func Build(f BuildFlags, src SourceFunc, version string, log io.Writer) error {
	o, err := Options(f.Content, f.Templates, f.Static, src, version)
	if err != nil {
		return err
	}
	o.BaseURL = f.BaseURL
	r, err := site.Build(o, f.Out, nil)
	if err != nil {
		return err
	}
	for _, w := range r.Warnings {
		fmt.Fprintln(log, "warning:", w.Error())
	}
	fmt.Fprintf(log, "wrote %d files to %s\n", r.Files, f.Out)
	return nil
}

// Import converts a seed text file to CSV, on out or into the file outFile.
func Import(file, outFile string, out io.Writer) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	rows, err := seed.Import(filepath.ToSlash(file), data)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := seed.WriteCSV(&b, rows); err != nil {
		return err
	}
	if outFile == "" {
		_, err = out.Write(b.Bytes())
		return err
	}
	return os.WriteFile(outFile, b.Bytes(), 0o644)
}
