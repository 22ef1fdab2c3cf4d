package output

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
)

// MarkerName is the file every build writes at the top of the site. It lists
// the files the build wrote: the next build replaces a folder whose every
// entry it lists, and refuses one that holds anything else, so that plansite
// deletes nothing it did not write.
const MarkerName = ".plansite-build"

// The marker's header. The manifest follows it, one path a line, sorted, and
// holds no date or version, so that two builds of the same input are
// byte-identical. A file with any other header is not a marker.
const markerHeader = `plansite-build 2
# plansite build wrote this folder: the files listed below, one a line.
# The next build replaces them. It refuses a folder that holds anything else.
# Do not publish this file: rsync -a --exclude .plansite-build public/ DEST/
`

// tempHeader is the whole text of the marker of a temporary folder, which
// holds a site being written or one being replaced. Its file is locked while
// a build uses the folder; a later build removes a folder whose marker it can
// lock.
const tempHeader = `plansite-build 2 temporary
# A plansite build is writing or replacing a site here. A later build removes
# this folder once no build holds a lock on this file.
`

// oldMarkerText is the marker of the plansite releases before the manifest:
// it names no file, so it cannot tell a build's files from anyone else's.
const oldMarkerText = `# This folder was made by plansite build.
# The next build replaces it whole: files added here by hand are deleted.
`

// maxMarker bounds the marker read: 100,000 tasks make some 205,000 files
// and a manifest of about 6 MB.
const maxMarker = 256 << 20

// Marker is the marker file as the site's file list has it. A build's
// Writer writes the marker itself, with the manifest of what it wrote; the
// preview, which writes nothing, keeps this header.
func Marker() File { return File{Path: MarkerName, Data: []byte(markerHeader)} }

// encodeMarker returns the marker of a site of the given files, sorted.
// A path with a character that would break the line, or that starts with
// a quote, is written as a Go string literal.
func encodeMarker(paths []string) []byte {
	var b bytes.Buffer
	b.Grow(len(markerHeader) + 24*len(paths))
	b.WriteString(markerHeader)
	for _, p := range paths {
		if q := strconv.Quote(p); q[1:len(q)-1] != p || strings.HasPrefix(p, `"`) {
			p = q
		}
		b.WriteString(p)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// manifest is what a marker lists: the files a build wrote and the folders
// that hold them.
type manifest struct {
	files map[string]bool
	dirs  map[string]bool
}

// markerState says what the file at the top of a folder is.
type markerState int

const (
	noMarker     markerState = iota // no such file
	siteMarker                      // a marker with its manifest
	oldMarker                       // the fixed text of an older plansite
	notAMarker                      // anything else: a folder, a link, other text
	notAManifest                    // the header, then a line that is no path or out of order
)

// readMarker reads the marker of the folder dir.
func readMarker(dir string) (markerState, *manifest, error) {
	name := dir + string(os.PathSeparator) + MarkerName
	st, err := os.Lstat(name)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return noMarker, nil, nil
	case err != nil:
		return 0, nil, err
	case !st.Mode().IsRegular():
		return notAMarker, nil, nil
	case st.Size() > maxMarker:
		return notAMarker, nil, nil
	}
	f, err := openNoFollow(name)
	if err != nil {
		return 0, nil, err
	}
	defer f.Close()
	r := bufio.NewReaderSize(io.LimitReader(f, maxMarker), 64<<10)
	head := make([]byte, len(markerHeader))
	n, err := io.ReadFull(r, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && err != io.EOF {
		return 0, nil, err
	}
	head = head[:n]
	if string(head) != markerHeader {
		if rest, _ := io.ReadAll(r); string(head)+string(rest) == oldMarkerText {
			return oldMarker, nil, nil
		}
		return notAMarker, nil, nil
	}
	m := newManifest()
	prev := ""
	for {
		line, err := r.ReadString('\n')
		if err == io.EOF && line == "" {
			break
		}
		if err != nil && err != io.EOF {
			return 0, nil, err
		}
		if !strings.HasSuffix(line, "\n") {
			return notAManifest, nil, nil
		}
		p := line[:len(line)-1]
		if strings.HasPrefix(p, `"`) {
			if p, err = strconv.Unquote(p); err != nil {
				return notAManifest, nil, nil
			}
		}
		// A build lists each path once, in order; anything else was
		// not written by one.
		if CheckPath(p) != nil || p == MarkerName || (prev != "" && p <= prev) {
			return notAManifest, nil, nil
		}
		prev = p
		m.add(p)
	}
	return siteMarker, m, nil
}

func newManifest() *manifest {
	return &manifest{files: map[string]bool{}, dirs: map[string]bool{}}
}

// add lists the file p and the folders that hold it.
func (m *manifest) add(p string) {
	m.files[p] = true
	for d := parentOf(p); d != "" && !m.dirs[d]; d = parentOf(d) {
		m.dirs[d] = true
	}
}

// parentOf returns the folder of the slash-separated path p, "" at the top.
func parentOf(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return ""
}

// sortedPaths sorts the paths a build wrote and drops repeats.
func sortedPaths(paths []string) []string {
	slices.Sort(paths)
	return slices.Compact(paths)
}

// markerError describes a marker that is not one, for the refusal.
func markerError(s markerState) string {
	switch s {
	case oldMarker:
		return fmt.Sprintf("its %s file was written by an older plansite, which did not list the files it wrote", MarkerName)
	case notAManifest:
		return fmt.Sprintf("its %s file does not list the files of a build, one a line in order, so plansite cannot tell what it wrote", MarkerName)
	default:
		return fmt.Sprintf("its %s file is not a marker plansite wrote, so plansite did not make the folder", MarkerName)
	}
}
