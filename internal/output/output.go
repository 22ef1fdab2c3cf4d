// Package output writes a built site to its folder all at once: the files go
// to a new folder beside the target, which then takes the target's place, so
// a build that fails leaves the previous site exactly as it was.
package output

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// File is one file of the site, at a slash-separated path inside it.
type File struct {
	Path string
	Data []byte
}

// CheckPath rejects a path that is absolute, unclean or leaves the site.
func CheckPath(p string) error {
	if p == "" || !fs.ValidPath(p) || strings.Contains(p, `\`) || path.Clean(p) != p {
		return fmt.Errorf("output path %q is not a clean path inside the site", p)
	}
	return nil
}

// Write replaces the folder dir with exactly the given files.
func Write(dir string, files []File) (err error) {
	dir = filepath.Clean(dir)
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	made := map[string]bool{}
	for _, f := range files {
		if err := CheckPath(f.Path); err != nil {
			return err
		}
		target := filepath.Join(tmp, filepath.FromSlash(f.Path))
		if d := filepath.Dir(target); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(target, f.Data, 0o644); err != nil {
			return err
		}
	}
	return swap(tmp, dir)
}

// swap puts the folder tmp in the place of dir. Between the two renames the
// target is briefly missing; it is never half-written.
func swap(tmp, dir string) error {
	old := ""
	if _, err := os.Lstat(dir); err == nil {
		o, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".old-")
		if err != nil {
			return err
		}
		old = filepath.Join(o, "site")
		if err := os.Rename(dir, old); err != nil {
			os.Remove(o)
			return err
		}
		defer os.RemoveAll(o)
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		return err
	}
	return nil
}
