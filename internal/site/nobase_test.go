package site

import (
	"encoding/json"
	"strings"
	"testing"

	"plansite/internal/foldertest"
	"plansite/internal/load"
	"plansite/internal/sitepath"
)

// Without base_url the site is made all the same, and the content's
// warning says what it leaves out: no canonical addresses or sharing image,
// no sitemap or feed, relative addresses in the open data. -base-url puts
// them back and drops the warning.
func TestWithoutBaseURL(t *testing.T) {
	o := repoSources()
	content := foldertest.Read(t, "../../content")
	content["site.toml"].Data = []byte(strings.Replace(string(content["site.toml"].Data), "base_url = ", "# base_url = ", 1))
	o.Content.FS = content
	r, err := makeSite(o)
	if err != nil {
		t.Fatal(err)
	}
	warned := false
	for _, w := range r.Warnings {
		warned = warned || w.Msg == load.NoBaseURL
	}
	if !warned {
		t.Error("no warning says the base URL is missing")
	}
	files := filesMap(r.Files)
	for _, p := range []string{sitepath.SitemapXML, sitepath.Feed} {
		if _, ok := files[p]; ok {
			t.Errorf("%s is made without a base URL", p)
		}
	}
	if robots := string(files[sitepath.Robots]); strings.Contains(robots, "Sitemap") {
		t.Errorf("robots.txt names a sitemap: %q", robots)
	}
	for p, data := range files {
		if strings.HasSuffix(p, ".html") && (strings.Contains(string(data), `rel="canonical"`) || strings.Contains(string(data), "og:image\"")) {
			t.Errorf("%s has a canonical link or a sharing image", p)
		}
	}
	var pl struct {
		Tasks []struct{ URL string } `json:"tasks"`
	}
	if err := json.Unmarshal(files[sitepath.PlanJSON], &pl); err != nil || len(pl.Tasks) == 0 || pl.Tasks[0].URL != "tasks/1/" {
		t.Errorf("plan.json's task addresses: %+v, %v", pl.Tasks[:min(1, len(pl.Tasks))], err)
	}

	o.BaseURL = "https://example.org/p/"
	if r, err = makeSite(o); err != nil {
		t.Fatal(err)
	}
	for _, w := range r.Warnings {
		if w.Msg == load.NoBaseURL {
			t.Error("-base-url leaves the warning")
		}
	}
	if _, ok := filesMap(r.Files)[sitepath.SitemapXML]; !ok {
		t.Error("no sitemap with -base-url")
	}
}
