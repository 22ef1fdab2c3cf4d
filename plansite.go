// Package plansite holds the default content, templates and static files,
// embedded so that the plansite binary builds the bundled site anywhere, and
// chooses between them and folders that override them.
package plansite

import (
	"embed"
	"fmt"
	"io/fs"
	"os"

	"plansite/internal/site"
)

//go:embed content templates static
var defaults embed.FS

// Source returns the input folder called name (content, templates or
// static): the folder dir when given, else ./name when it exists, else the
// embedded default. A folder on disk is read through an os.Root: a link in
// it that leads outside is refused (see site.Folder).
func Source(name, dir string) (site.Source, error) {
	if dir == "" {
		if st, err := os.Stat(name); err == nil && st.IsDir() {
			dir = name
		}
	}
	if dir != "" {
		st, err := os.Stat(dir)
		if err != nil {
			return site.Source{}, fmt.Errorf("-%s %s: %v", name, dir, err)
		}
		if !st.IsDir() {
			return site.Source{}, fmt.Errorf("-%s %s: not a folder", name, dir)
		}
		src, err := site.Folder(name, dir)
		if err != nil {
			return site.Source{}, fmt.Errorf("-%s %s: %v", name, dir, err)
		}
		return src, nil
	}
	sub, err := fs.Sub(defaults, name)
	if err != nil {
		return site.Source{}, err
	}
	return site.Source{FS: sub, Name: name}, nil
}
