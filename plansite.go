// Package plansite holds the default content, templates and static files,
// embedded so that the plansite binary builds the bundled site anywhere, and
// chooses between them and folders that override them.
package plansite

import (
	"embed"
	"fmt"
	"io/fs"
	"os"

	"plansite/internal/inputfs"
	"plansite/internal/site"
)

//go:embed content templates static
var defaults embed.FS

// Bundled is how messages name the embedded default folders, so that a
// message about the bundled example names no file that is on disk:
// <bundled>/content/tasks.csv:3:333: warning: …
const Bundled = "<bundled>"

// Source returns the input folder called name (content, templates or
// static): the folder dir on disk, or, when dir is "", the copy embedded
// in the binary. A folder on disk is read through an os.Root: a link in it
// that leads outside is refused (see site.Folder).
func Source(name, dir string) (site.Source, error) {
	if dir == "" {
		sub, err := fs.Sub(defaults, name)
		if err != nil {
			return site.Source{}, err
		}
		return site.Source{FS: sub, Name: Bundled + "/" + name}, nil
	}
	st, err := os.Stat(dir)
	if os.IsNotExist(err) && name == "content" {
		return site.Source{}, fmt.Errorf("-content %s: no such folder; plansite new DIR [DOCUMENT] makes a site whose content folder is DIR/content", dir)
	}
	if err != nil {
		return site.Source{}, fmt.Errorf("-%s %s: %v", name, dir, inputfs.Reason(err))
	}
	if !st.IsDir() {
		return site.Source{}, fmt.Errorf("-%s %s: not a folder", name, dir)
	}
	src, err := site.Folder(name, dir)
	if err != nil {
		return site.Source{}, fmt.Errorf("-%s %s: %v", name, dir, inputfs.Reason(err))
	}
	return src, nil
}
