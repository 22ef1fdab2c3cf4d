package output

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// MarkerName is the file every build writes at the top of the site. A folder
// that holds it was made by plansite, and plansite may replace it whole; a
// folder without it is someone else's, and plansite never deletes it.
const MarkerName = ".plansite-build"

// markerText has no date or version, so that two builds of the same input
// are byte-identical.
const markerText = `# This folder was made by plansite build.
# The next build replaces it whole: files added here by hand are deleted.
`

// Marker is the marker file, to be written with the site.
func Marker() File { return File{Path: MarkerName, Data: []byte(markerText)} }

// Input is a folder the build reads, named as in messages (content,
// templates, static).
type Input struct {
	Name string
	Dir  string // "" for an input embedded in the binary
}

// TargetError says why a build will not replace its output folder.
type TargetError struct {
	Dir    string // the folder as given
	Reason string
	Advice string
}

func (e *TargetError) Error() string {
	return fmt.Sprintf("-out %q: %s. %s", e.Dir, e.Reason, e.Advice)
}

// CheckTarget refuses an output folder whose replacement would destroy
// something that is not a previous build: an input folder (or one that holds
// or lies inside one), the root, current or home folder, a file, or a folder
// with files that plansite did not make. It writes nothing. Paths are
// compared after their symbolic links are resolved, so a link to the content
// folder is the content folder.
func CheckTarget(dir string, inputs []Input) error {
	refuse := func(reason, advice string) error {
		return &TargetError{Dir: dir, Reason: reason, Advice: advice}
	}
	other := "Choose another folder, such as public"
	if filepath.Base(filepath.Clean(dir)) == "public" {
		other = "Choose another folder"
	}
	real, err := resolve(dir)
	if err != nil {
		return fmt.Errorf("-out %q: %v", dir, err)
	}

	if filepath.Dir(real) == real {
		return refuse("the output folder is the root folder; everything in it would be deleted", other)
	}
	places := []struct{ name, dir string }{{"current folder", ""}, {"home folder", ""}}
	if wd, err := os.Getwd(); err == nil {
		places[0].dir = wd
	}
	if home, err := os.UserHomeDir(); err == nil {
		places[1].dir = home
	}
	for _, p := range places {
		if p.dir == "" {
			continue
		}
		r, err := resolve(p.dir)
		if err != nil {
			continue // a place that cannot be found cannot be deleted
		}
		switch {
		case r == real:
			return refuse("the output folder is the "+p.name+"; it would be deleted", other)
		case inside(r, real):
			return refuse("the output folder holds the "+p.name+"; it would be deleted", other)
		}
	}

	for _, in := range inputs {
		if in.Dir == "" {
			continue // embedded: nothing on disk to lose
		}
		r, err := resolve(in.Dir)
		if err != nil {
			return fmt.Errorf("-%s %q: %v", in.Name, in.Dir, err)
		}
		switch {
		case r == real:
			return refuse("the output folder is the "+in.Name+" folder; it would be deleted", other)
		case inside(r, real):
			return refuse(fmt.Sprintf("the output folder holds the %s folder %q; it would be deleted", in.Name, in.Dir), other)
		case inside(real, r):
			return refuse(fmt.Sprintf("the output folder is inside the %s folder %q; the site would be mixed into the input of the next build", in.Name, in.Dir), "Choose a folder outside it, such as public")
		}
	}

	st, err := os.Stat(real)
	switch {
	case errors.Is(err, os.ErrNotExist):
		// Nothing there (or a dangling link): Lstat tells which.
		if _, lerr := os.Lstat(dir); lerr == nil {
			return refuse("it is a broken symbolic link, not a folder; it would be replaced", other)
		}
		return nil
	case err != nil:
		return fmt.Errorf("-out %q: %v", dir, err)
	case !st.IsDir():
		return refuse("it is a file, not a folder; it would be replaced", other)
	}
	if m, err := os.Lstat(filepath.Join(real, MarkerName)); err == nil && m.Mode().IsRegular() {
		return nil // a previous build
	}
	empty, err := isEmpty(real)
	if err != nil {
		return fmt.Errorf("-out %q: %v", dir, err)
	}
	if !empty {
		return refuse("the folder is not empty and has no "+MarkerName+" file, so plansite did not make it; replacing it would delete what it holds",
			"Choose another folder, or empty it if it is a site that an older plansite built")
	}
	return nil
}

// resolve returns the absolute path of p with the symbolic links of its
// longest existing part resolved; the rest, yet to be made, is kept as is.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for cur := abs; ; {
		r, err := filepath.EvalSymlinks(cur)
		if err == nil {
			return filepath.Join(r, rest), nil
		}
		parent := filepath.Dir(cur)
		if !errors.Is(err, os.ErrNotExist) || parent == cur {
			return "", err
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

// inside reports whether path lies below dir; both are absolute and clean.
func inside(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// isEmpty reports whether the folder dir has no entries, reading at most one.
func isEmpty(dir string) (bool, error) {
	f, err := os.Open(dir)
	if err != nil {
		return false, err
	}
	defer f.Close()
	_, err = f.Readdirnames(1)
	if err == io.EOF {
		return true, nil
	}
	return false, err
}
