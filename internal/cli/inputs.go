package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"plansite/internal/inputfs"
	"plansite/internal/site"
)

// Inputs are where a command finds a site: the site folder (the DIR
// argument, else the current folder) holding content/, templates/ and
// static/, each of which a flag may name instead.
type Inputs struct {
	Dir                        string // the DIR argument; "" for the current folder
	Content, Templates, Static string // -content, -templates, -static
}

// SourceFunc opens an input folder, the embedded default when dir is "":
// see plansite.Source.
type SourceFunc func(name, dir string) (site.Source, error)

// BundledNote is said, on one line, whenever a command uses the bundled
// example because it found no content folder, so that nobody takes it for
// their own table.
const BundledNote = "no content folder in %s: using the bundled example (the Guangzhou AI plan's task table); to publish your own table, run plansite new DIR [DOCUMENT]"

// Resolve opens the three input folders. The content folder is -content,
// else DIR/content; a DIR without one is an error, never a quiet build of
// something else. Only with no DIR and no ./content does a command use the
// bundled example, and then says so on log. templates/ and static/ default
// to the bundled ones, which a site need not copy.
func (in Inputs) Resolve(src SourceFunc, version string, log io.Writer) (site.Options, error) {
	o := site.Options{Version: version}
	dir := in.Dir
	if dir != "" {
		if err := isFolder(dir); err != nil {
			return o, err
		}
	}
	content, err := in.content()
	if err != nil {
		return o, err
	}
	if content == "" {
		here, _ := os.Getwd()
		fmt.Fprintf(log, "plansite: "+BundledNote+"\n", here)
	}
	if o.Content, err = src("content", content); err != nil {
		return o, err
	}
	for _, f := range []struct {
		name, flag string
		to         *site.Source
	}{{"templates", in.Templates, &o.Templates}, {"static", in.Static, &o.Static}} {
		folder := f.flag
		if folder == "" {
			folder = existing(filepath.Join(dirOrHere(dir), f.name))
		}
		if *f.to, err = src(f.name, folder); err != nil {
			return o, err
		}
	}
	return o, nil
}

// content is the content folder to read, "" for the bundled example.
func (in Inputs) content() (string, error) {
	if in.Content != "" {
		return in.Content, nil
	}
	dir := dirOrHere(in.Dir)
	if c := existing(filepath.Join(dir, "content")); c != "" {
		return c, nil
	}
	if looksLikeContent(dir) {
		where := "this folder"
		if in.Dir != "" {
			where = in.Dir
		}
		return "", fmt.Errorf("%s is a content folder (it holds the table), not a site folder: give the folder above it, or -content %s", where, dirOrHere(in.Dir))
	}
	if in.Dir != "" {
		return "", fmt.Errorf("%s has no content folder: a site folder holds content/ with the task table; make one with plansite new %s [DOCUMENT]", in.Dir, in.Dir)
	}
	return "", nil
}

// OutDir is the output folder: -out, else DIR/public.
func (in Inputs) OutDir(flag string) string {
	if flag != "" {
		return flag
	}
	return filepath.Join(dirOrHere(in.Dir), "public")
}

func dirOrHere(dir string) string {
	if dir == "" {
		return "."
	}
	return dir
}

// existing is p when it is a folder, else "".
func existing(p string) string {
	if st, err := os.Stat(p); err == nil && st.IsDir() {
		return p
	}
	return ""
}

// looksLikeContent reports whether dir holds what a content folder holds: a
// command run inside content/ would otherwise build the bundled example
// into content/public.
func looksLikeContent(dir string) bool {
	for _, f := range []string{"tasks.csv", "tasks.xlsx", "site.toml"} {
		if st, err := os.Stat(filepath.Join(dir, f)); err == nil && st.Mode().IsRegular() {
			return true
		}
	}
	return false
}

// isFolder refuses a site folder that is missing or is a file, in one line.
func isFolder(dir string) error {
	st, err := os.Stat(dir)
	switch {
	case os.IsNotExist(err):
		return fmt.Errorf("%s: no such folder; make a site there with plansite new %s [DOCUMENT]", dir, dir)
	case err != nil:
		return fmt.Errorf("%s: %v", dir, inputfs.Reason(err))
	case !st.IsDir():
		return fmt.Errorf("%s is a file, not a site folder: give the folder that holds content/ (to make a site from a document: plansite new DIR %s)", dir, dir)
	}
	return nil
}
