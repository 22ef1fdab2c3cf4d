package site

import (
	"strings"
	"testing"
)

// A site of more pages than one sitemap may list gets an index of
// sitemaps, each within the limit, that together list every page once.
func TestSitemapIndex(t *testing.T) {
	b, err := prepare(Options{Content: dirSource("../../content"), Templates: dirSource("../../templates"), Static: dirSource("../../static")})
	if err != nil {
		t.Fatal(err)
	}
	pages := b.pages
	for len(pages) <= 2*MaxSitemapURLs {
		pages = append(pages, b.pages...)
	}
	files, err := sitemaps(b.pages[0].Site, pages)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 4 || files[3].Path != "sitemap.xml" || files[2].Path != "sitemaps/3.xml" {
		t.Fatalf("got %d files", len(files))
	}
	index := string(files[3].Data)
	if !strings.Contains(index, "<sitemapindex") || !strings.Contains(index, "<loc>https://plansite.example.org/sitemaps/3.xml</loc>") {
		t.Errorf("sitemap.xml is not an index of the three:\n%s", index)
	}
	total := 0
	for _, f := range files[:3] {
		n := strings.Count(string(f.Data), "<url>")
		if n > MaxSitemapURLs {
			t.Errorf("%s lists %d addresses", f.Path, n)
		}
		total += n
	}
	if want := len(pages) - len(pages)/len(b.pages); total != want { // less the 404 pages
		t.Errorf("the sitemaps list %d addresses, want %d", total, want)
	}
}
