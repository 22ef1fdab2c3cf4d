package site

import (
	"bytes"
	"net/url"
	"os"
	"path"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"plansite/internal/output"
)

// dirSource is an input folder on disk.
func dirSource(dir string) Source { return Source{FS: os.DirFS(dir), Name: dir, Dir: dir} }

// generateDir builds the site of the content folder dir with the repository's
// templates and static files.
func generateDir(t *testing.T, dir string) *made {
	t.Helper()
	r, err := makeSite(Options{Content: dirSource(dir), Templates: dirSource("../../templates"), Static: dirSource("../../static")})
	if err != nil {
		t.Fatalf("building %s: %v", dir, err)
	}
	return r
}

// sameSite fails unless both sites have exactly the same files, byte for byte.
func sameSite(t *testing.T, what string, want, got []output.File) {
	t.Helper()
	w, g := filesMap(want), filesMap(got)
	for p, data := range w {
		if gd, ok := g[p]; !ok {
			t.Errorf("%s: %s is missing", what, p)
		} else if !bytes.Equal(gd, data) {
			t.Errorf("%s: %s differs", what, p)
		}
	}
	for p := range g {
		if _, ok := w[p]; !ok {
			t.Errorf("%s: %s is extra", what, p)
		}
	}
}

// checkLinks fails for every internal link, image or script of every HTML
// page that points at no file of the site, and for every link to an anchor
// (#m3) that the target page does not have.
// basePath is the path of the base URL the 404 page links from.
func checkLinks(t *testing.T, files []output.File, basePath string) {
	t.Helper()
	site := filesMap(files)
	ids := map[string]map[string]bool{}
	idsOf := func(p string) map[string]bool {
		if m, ok := ids[p]; ok {
			return m
		}
		m := map[string]bool{}
		forEachAttr(site[p], func(tag, key, val string) {
			if key == "id" {
				m[val] = true
			}
		})
		ids[p] = m
		return m
	}
	for _, f := range files {
		if path.Ext(f.Path) != ".html" {
			continue
		}
		forEachAttr(f.Data, func(tag, key, val string) {
			if key != "href" && key != "src" {
				return
			}
			u, err := url.Parse(val)
			if err != nil {
				t.Errorf("%s: bad link %q", f.Path, val)
				return
			}
			if u.Scheme != "" || u.Host != "" {
				return // external
			}
			dir := path.Dir(f.Path)
			if strings.HasPrefix(u.Path, "/") {
				// Only the 404 page, served at any address, links from the
				// base path.
				if f.Path != "404.html" || !strings.HasPrefix(u.Path, basePath) {
					t.Errorf("%s: link %q is not relative", f.Path, val)
					return
				}
				u.Path = "/" + strings.TrimPrefix(u.Path, basePath)
				dir = "/"
			}
			target := f.Path
			if u.Path != "" {
				target = strings.TrimPrefix(path.Join(dir, u.Path), "/")
				if target == "" {
					target = "."
				}
				if strings.HasSuffix(u.Path, "/") || u.Path == "." || u.Path == ".." {
					target = path.Join(target, "index.html")
				}
			}
			if _, ok := site[target]; !ok {
				t.Errorf("%s: link %q points at %s, which the site does not have", f.Path, val, target)
				return
			}
			if u.Fragment != "" && path.Ext(target) == ".html" && !idsOf(target)[u.Fragment] {
				t.Errorf("%s: link %q: %s has no id %q", f.Path, val, target, u.Fragment)
			}
		})
	}
}

// checkSite checks the links of a site built with its own base URL.
func checkSite(t *testing.T, r *made) {
	t.Helper()
	u, err := url.Parse(r.Content.Config.BaseURL)
	if err != nil {
		t.Fatal(err)
	}
	p := u.Path
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	checkLinks(t, r.Files, p)
}

func forEachAttr(data []byte, fn func(tag, key, val string)) {
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				fn(string(name), string(k), string(v))
			}
		}
	}
}
