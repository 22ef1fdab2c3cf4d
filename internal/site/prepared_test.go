package site

import (
	"bytes"
	"slices"
	"testing"
	"time"

	"plansite/internal/pages"
	"plansite/internal/sitepath"
)

// A preview serves every file exactly as a build writes it, and no other:
// the pages and the tasks' files made on demand, the site-wide files made in the
// background.
func TestPreparedServesTheBuild(t *testing.T) {
	r, err := makeSite(repoSources())
	if err != nil {
		t.Fatal(err)
	}
	p, err := Prepare(repoSources())
	if err != nil {
		t.Fatal(err)
	}
	var built []string
	for _, f := range r.Files {
		built = append(built, f.Path)
		data, ok, err := p.File(f.Path)
		if err != nil || !ok {
			t.Errorf("%s: served %v, %v", f.Path, ok, err)
			continue
		}
		if !bytes.Equal(data, f.Data) {
			t.Errorf("%s as served differs from the build", f.Path)
		}
		if !p.Has(f.Path) {
			t.Errorf("Has(%s) is false", f.Path)
		}
	}
	served := p.Paths()
	slices.Sort(served)
	if !slices.Equal(served, built) {
		t.Errorf("the preview has %d files, the build %d", len(served), len(built))
	}
	if _, ok, err := p.File("no/such/file.json"); ok || err != nil {
		t.Errorf("a path the site lacks: %v, %v", ok, err)
	}
	if err := p.Wait(); err != nil {
		t.Errorf("Wait: %v", err)
	}
}

// The site-wide files wait for the pause, so that a browser's reload gets
// the cores first, unless one is asked for: then they are made at once.
func TestPreparedSiteFilesWaitUnlessAsked(t *testing.T) {
	defer func(d time.Duration) { SiteFilesPause = d }(SiteFilesPause)
	SiteFilesPause = time.Hour
	p, err := Prepare(repoSources())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := p.File("tasks/1/index.html"); !ok || err != nil {
		t.Fatalf("a page while the site-wide files wait: %v, %v", ok, err)
	}
	// Far longer than the bundled site's files take, far shorter than the pause.
	select {
	case <-p.Done():
		t.Fatal("the site-wide files were made before the pause ended, unasked")
	case <-time.After(time.Second):
	}
	done := make(chan bool, 1)
	go func() {
		_, ok, err := p.File(sitepath.SitemapXML)
		done <- ok && err == nil
	}()
	select {
	case ok := <-done:
		if !ok {
			t.Fatal("the sitemap, asked for, was not made")
		}
	case <-time.After(time.Minute):
		t.Fatal("asking for the sitemap did not end the pause")
	}
}

// A prepared site refuses two files at one path as a build does, naming
// the same path.
func TestPreparedRefusesTwoFilesAtOnePath(t *testing.T) {
	page := func(p string) *pages.Page { return &pages.Page{Path: p} }
	for _, c := range []struct {
		name string
		b    *build
		want string // "" for none
	}{
		{"none", &build{pages: []*pages.Page{page(""), page("a/")}, taskFiles: []taskFile{{path: "a.json"}}, static: []staticFile{{path: "static/a.css"}}}, ""},
		{"two pages", &build{pages: []*pages.Page{page("b/"), page("a/"), page("b/")}}, "b/index.html"},
		{"a page and a task's file", &build{pages: []*pages.Page{page("a/")}, taskFiles: []taskFile{{path: "a/index.html"}}}, "a/index.html"},
		{"a task's file and a static file", &build{taskFiles: []taskFile{{path: "static/x"}}, static: []staticFile{{path: "static/x"}}}, "static/x"},
		{"several: the first in order", &build{pages: []*pages.Page{page("z/"), page("z/"), page("c/")},
			taskFiles: []taskFile{{path: "c/index.html"}, {path: "d"}}, static: []staticFile{{path: "d"}}}, "c/index.html"},
	} {
		built := c.b.checkPaths(nil)
		_, prepared := newPrepared(c.b)
		if c.want == "" {
			if built != nil || prepared != nil {
				t.Errorf("%s: build %v, prepared %v; want no error", c.name, built, prepared)
			}
			continue
		}
		want := "two files would be written to " + c.want
		if built == nil || built.Error() != want || prepared == nil || prepared.Error() != want {
			t.Errorf("%s: build %v, prepared %v; want %q from both", c.name, built, prepared, want)
		}
	}
}
