package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"path"

	"plansite/internal/inputfs"
	"plansite/internal/minifier"
	"plansite/internal/problem"
	"plansite/internal/sitepath"
)

// StaticTextLimit is the most a static file that is minified (a
// stylesheet, a script, an SVG or JSON file) may hold: it is held in memory
// whole while it is minified. Any other static file (an image, a PDF) is
// copied as a stream, whatever its size.
var StaticTextLimit = inputfs.Limit{Bytes: 16 << 20, What: "a static file it minifies (.css, .js, .svg, .json, .xml, .webmanifest)",
	Advice: "no stylesheet or script is that large; is it data that belongs elsewhere?"}

// staticFile is one file of the static folder as the site publishes it,
// under static/: minified text, held in memory, or any other file, copied
// from the folder as a stream when it is written, so that a large image or
// video is never held whole.
type staticFile struct {
	path string // static/img/logo.png
	text bool   // minified text, held in data, rather than copied
	data []byte
	src  Source // the static folder, for a copied file
	name string // its name in the folder
	sum  string // the first bytes of its SHA-256, in hex: the ?v= of its links
}

// staticFiles lists the static folder's files: each text file minified,
// every other file's version taken from its content, so that browsers
// never keep a stale copy; assets maps a file's name in the folder to its
// link with the version query. With a memo, a text file as it was read
// before keeps what was made of it.
func staticFiles(src Source, mini *minifier.Minifier, memo *Memo) ([]staticFile, map[string]string, error) {
	var files []staticFile
	assets := map[string]string{}
	var was, now map[string]staticText
	if memo != nil {
		was, now = memo.static, map[string]staticText{}
	}
	err := inputfs.Walk(src.FS, src.Name, func(p string) error {
		f := staticFile{path: sitepath.Static + p, src: src, name: p}
		if mini.Minifies(p) {
			data, err := inputfs.ReadFile(src.FS, p, path.Join(src.Name, p), StaticTextLimit, "cannot read: ")
			if err != nil {
				return err
			}
			f.text = true
			var raw [32]byte
			if memo != nil {
				// Summed before minifying, which may write in what it reads.
				raw = sha256.Sum256(data)
			}
			if m, ok := was[p]; ok && m.raw == raw {
				f.data, f.sum = m.data, m.sum
			} else {
				var out bytes.Buffer
				if err := mini.Minify(&out, p, data); err != nil {
					return fmt.Errorf("%s: %v", problem.FileName(path.Join(src.Name, p)), err)
				}
				f.data = out.Bytes()
				f.sum = version(sha256.Sum256(f.data))
			}
			if now != nil {
				now[p] = staticText{raw: raw, data: f.data, sum: f.sum}
			}
		} else {
			h := sha256.New()
			if err := f.copyTo(h, nil); err != nil {
				return err
			}
			f.sum = version([32]byte(h.Sum(nil)))
		}
		files = append(files, f)
		assets[p] = f.path + "?v=" + f.sum
		return nil
	})
	if memo != nil {
		memo.static = now // only the files of this read; none after an error
		if err != nil {
			memo.static = nil
		}
	}
	return files, assets, err
}

func version(sum [32]byte) string { return hex.EncodeToString(sum[:4]) }

// write writes the file to w: its text, or its copy. A copy is checked
// against the version its links were given, so that a file changed while
// the site was made is an error rather than a stale link.
func (f staticFile) write(w io.Writer) error {
	if f.text {
		_, err := w.Write(f.data)
		return err
	}
	h := sha256.New()
	if err := f.copyTo(w, h); err != nil {
		return err
	}
	if version([32]byte(h.Sum(nil))) != f.sum {
		return &problem.Problem{File: path.Join(f.src.Name, f.name), Msg: "the file changed while the site was made; build again"}
	}
	return nil
}

// copyTo copies the folder's file to w, and to h as well when h is not nil.
func (f staticFile) copyTo(w io.Writer, h hash.Hash) error {
	file := path.Join(f.src.Name, f.name)
	r, err := f.src.FS.Open(f.name)
	if err != nil {
		return inputfs.ReadError(file, "cannot read: ", err)
	}
	defer r.Close()
	if h != nil {
		w = io.MultiWriter(w, h)
	}
	if _, err := io.Copy(w, r); err != nil {
		return inputfs.ReadError(file, "cannot read: ", err)
	}
	return nil
}

// bytes returns the file whole: its text, or its content read now, for
// the preview, which serves one file at a time.
func (f staticFile) bytes() ([]byte, error) {
	if f.text {
		return f.data, nil
	}
	var b bytes.Buffer
	err := f.write(&b)
	return b.Bytes(), err
}
