package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Input is a folder the build reads, named as in messages (content,
// templates, static).
type Input struct {
	Name string
	Dir  string // "" for an input embedded in the binary
	// Opened is the folder as the build opened it (its os.Root's "."), or
	// nil. The check then proves that the folder it compares is the one
	// being read, not one a link in the path named a moment before.
	Opened fs.FileInfo
}

// refusal says why a build will not replace its output folder dir (as
// given), and what to do. It is about the -out flag, like a bad -base-url,
// not about a file: it has no place to give.
func refusal(dir, reason, advice string) error {
	return fmt.Errorf("-out %q: %s. %s", dir, reason, advice)
}

// Target is an output folder that CheckTarget accepted.
type Target struct {
	Dir  string // as given, for messages
	Real string // where the OS finds it, every link resolved: the site goes there
	// mount: Real is a mount point, which cannot be renamed; the new site
	// is made inside it and takes the place of its contents.
	mount bool
}

// CheckTarget refuses an output folder whose replacement would destroy
// something that is not a previous build: an input folder (or one that holds
// or lies inside one), the root, current or home folder, a file, or a folder
// that holds anything the last build did not write. It writes nothing.
// Every path is resolved once, the way the OS opens it (see resolve), so a
// link to the content folder is the content folder, and the Target it
// returns names the folder found, for the Writer to write there.
func CheckTarget(dir string, inputs []Input) (*Target, error) {
	refuse := func(reason, advice string) error {
		return refusal(dir, reason, advice)
	}
	other := "Choose another folder, such as public"
	if filepath.Base(filepath.Clean(dir)) == "public" {
		other = "Choose another folder"
	}
	real, err := resolve(dir)
	if err != nil {
		return nil, fmt.Errorf("-out %q: %v", dir, err)
	}

	if filepath.Dir(real) == real {
		return nil, refuse("the output folder is the root folder; everything in it would be deleted", other)
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
			return nil, refuse("the output folder is the "+p.name+"; it would be deleted", other)
		case inside(r, real):
			return nil, refuse("the output folder holds the "+p.name+"; it would be deleted", other)
		}
	}

	for _, in := range inputs {
		if in.Dir == "" {
			continue // embedded: nothing on disk to lose
		}
		r, err := resolve(in.Dir)
		if err != nil {
			return nil, fmt.Errorf("-%s %q: %v", in.Name, in.Dir, err)
		}
		if err := sameAsOpened(in, r); err != nil {
			return nil, err
		}
		switch {
		case r == real:
			return nil, refuse("the output folder is the "+in.Name+" folder; it would be deleted", other)
		case inside(r, real):
			return nil, refuse(fmt.Sprintf("the output folder holds the %s folder %q; it would be deleted", in.Name, in.Dir), other)
		case inside(real, r):
			return nil, refuse(fmt.Sprintf("the output folder is inside the %s folder %q; the site would be mixed into the input of the next build", in.Name, in.Dir), "Choose a folder outside it, such as public")
		}
	}

	st, err := os.Lstat(real)
	switch {
	case errors.Is(err, os.ErrNotExist):
		// Nothing there, or a link that leads nowhere.
		if st, lerr := os.Lstat(dir); lerr == nil && st.Mode()&fs.ModeSymlink != 0 {
			return nil, refuse("it is a broken symbolic link, not a folder; it would be replaced", other)
		}
		return &Target{Dir: dir, Real: real}, nil
	case err != nil:
		return nil, fmt.Errorf("-out %q: %v", dir, err)
	case !st.IsDir():
		return nil, refuse("it is a file, not a folder; it would be replaced", other)
	}
	t := &Target{Dir: dir, Real: real}
	if t.mount, err = mountPoint(real); err != nil {
		return nil, fmt.Errorf("-out %q: %v", dir, err)
	}
	return t, t.checkContents(nil)
}

// mountPoint is isMountPoint; tests replace it to try a mount point's
// swap without mounting anything.
var mountPoint = isMountPoint

// checkContents refuses the target when it holds anything the last build
// did not write, as its marker lists. A folder that is not there yet, or
// is empty, is fine. The marker of an older plansite lists nothing: such a
// folder passes the check before the build (next is nil) and is replaced
// only if it holds nothing but files of the new site, as next lists them.
// It reads names and types only: about 1 s for the 205,306 files of a
// 100,000-task site (README, build).
func (t *Target) checkContents(next func() *manifest) error {
	refuse := func(reason, advice string) error {
		return refusal(t.Dir, reason, advice)
	}
	st, err := os.Lstat(t.Real)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("-out %q: %v", t.Dir, err)
	case !st.IsDir():
		return refuse("it is a file, not a folder; it would be replaced", "Choose another folder, such as public")
	}
	state, m, err := readMarker(t.Real)
	if err != nil {
		return fmt.Errorf("-out %q: %v", t.Dir, err)
	}
	switch {
	case state == oldMarker && next == nil:
		return nil // decided when the new site's list is known
	case state == oldMarker:
		m = next()
	case state != siteMarker:
		m = nil // nothing listed
	}
	p, typ, err := foreign(t.Real, m)
	if err != nil {
		return fmt.Errorf("-out %q: %v", t.Dir, err)
	}
	switch {
	case p == "" && (state == siteMarker || state == oldMarker || state == noMarker):
		return nil
	case state == siteMarker:
		return refuse(fmt.Sprintf("the folder holds the %s %q, which the last build did not write (its %s lists what it wrote); replacing the folder would delete it", entryType(typ), p, MarkerName),
			"Move it out of the folder, or choose another folder for the site")
	case state == oldMarker:
		return refuse(fmt.Sprintf("%s, and it holds the %s %q, which this build does not write; replacing the folder would delete it", markerError(state), entryType(typ), p),
			"If the folder holds only a site that plansite built, empty it once by hand and build again; else choose another folder")
	case state == noMarker:
		return refuse(fmt.Sprintf("the folder is not empty (it holds the %s %q) and has no %s file, so plansite did not make it; replacing it would delete what it holds", entryType(typ), p, MarkerName),
			"Choose another folder, or empty it if it is a site that an older plansite built")
	}
	reason := markerError(state)
	if p != "" {
		reason += fmt.Sprintf("; replacing the folder would delete the %s %q and all else it holds", entryType(typ), p)
	}
	return refuse(reason, "Choose another folder, or empty this one if it holds only a site that plansite built")
}

// sameAsOpened fails when the input folder the build opened is not the
// folder at r, where the check found it: a link in its path changed in
// between.
func sameAsOpened(in Input, r string) error {
	if in.Opened == nil {
		return nil
	}
	st, err := os.Stat(r)
	if err != nil {
		return fmt.Errorf("-%s %q: %v", in.Name, in.Dir, err)
	}
	if same, known := sameFile(st, in.Opened); known && !same {
		return fmt.Errorf("-%s %q: the folder changed while the build opened it (a symbolic link in its path now leads elsewhere); run the build again", in.Name, in.Dir)
	}
	return nil
}

// resolve returns the absolute path at which the OS finds p. It follows p
// one name at a time, as the kernel does, a symbolic link replaced by its
// target before the next name is read: with x a link to data/y, x/../content
// is data/content, where filepath.Abs and Clean would say ./content. The
// part of p that does not exist yet is kept as written, and may not go up
// with "..".
func resolve(p string) (string, error) {
	var dest string
	if filepath.IsAbs(p) {
		vol := filepath.VolumeName(p)
		dest, p = vol+string(filepath.Separator), p[len(vol):]
	} else {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		if dest, err = filepath.EvalSymlinks(wd); err != nil {
			return "", err
		}
	}
	rest := splitPath(p)
	links := 0
	for len(rest) > 0 {
		c := rest[0]
		rest = rest[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			dest = filepath.Dir(dest) // dest holds no link: its parent is its folder
			continue
		}
		next := filepath.Join(dest, c)
		st, err := os.Lstat(next)
		if errors.Is(err, os.ErrNotExist) {
			for _, r := range rest {
				if r == ".." {
					return "", fmt.Errorf("%s does not exist, so the .. after it leads nowhere; write the path without it", next)
				}
			}
			return filepath.Join(append([]string{next}, rest...)...), nil
		}
		if err != nil {
			return "", err
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			dest = next
			continue
		}
		if links++; links > 255 {
			return "", fmt.Errorf("%s: too many symbolic links", p)
		}
		target, err := os.Readlink(next)
		if err != nil {
			return "", err
		}
		if filepath.IsAbs(target) {
			vol := filepath.VolumeName(target)
			dest, target = vol+string(filepath.Separator), target[len(vol):]
		}
		rest = append(splitPath(target), rest...)
	}
	return dest, nil
}

// splitPath splits p at its separators, keeping empty names and dots.
func splitPath(p string) []string {
	return strings.FieldsFunc(p, func(r rune) bool { return r < 0x80 && os.IsPathSeparator(uint8(r)) })
}

// inside reports whether path lies below dir; both are absolute and clean.
func inside(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
