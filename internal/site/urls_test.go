package site

import (
	"flag"
	"os"
	"sort"
	"strings"
	"testing"
)

var updateURLs = flag.Bool("update-urls", false, "rewrite testdata/urls.golden from the bundled site")

// TestURLContract keeps the full list of files the bundled site publishes.
// Addresses are linked to for years: a change to this list must be a
// decision, reviewed in testdata/urls.golden, never a side effect. Only
// additions are acceptable once a site is published.
func TestURLContract(t *testing.T) {
	r, err := makeSite(repoSources())
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range r.Files {
		paths = append(paths, f.Path)
	}
	sort.Strings(paths)
	got := strings.Join(paths, "\n") + "\n"
	if *updateURLs {
		if err := os.WriteFile("testdata/urls.golden", []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("testdata/urls.golden")
	if err != nil {
		t.Fatal(err)
	}
	wantSet := map[string]bool{}
	for _, p := range strings.Split(strings.TrimSpace(string(want)), "\n") {
		wantSet[p] = true
	}
	gotSet := map[string]bool{}
	for _, p := range paths {
		gotSet[p] = true
		if !wantSet[p] {
			t.Errorf("new file %s: review it and add it to testdata/urls.golden (go test ./internal/site -run URLContract -update-urls)", p)
		}
	}
	for p := range wantSet {
		if !gotSet[p] {
			t.Errorf("%s is no longer published: published addresses must not disappear", p)
		}
	}
}
