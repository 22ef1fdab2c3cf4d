package site

import (
	"bytes"
	"encoding/xml"
	"os"
	"path"
	"testing"

	"plansite/internal/feed"
	"plansite/internal/sitepath"
	"plansite/internal/synth"
)

// The feed, plan.json and each task's JSON are written as they are made,
// never minified whole (see siteFiles). These tests hold them to what minifying
// them whole would give, on the real table and on a synthetic one.
func streamSites(t *testing.T) map[string]Options {
	t.Helper()
	dir := t.TempDir()
	if err := synth.Write(dir, 300, 1); err != nil {
		t.Fatal(err)
	}
	big := repoSources()
	big.Content.FS = os.DirFS(dir)
	return map[string]Options{"real": repoSources(), "synthetic": big}
}

// TestStreamedFilesAreMinified: minifying a streamed file changes nothing.
func TestStreamedFilesAreMinified(t *testing.T) {
	_, mini := engines()
	for name, o := range streamSites(t) {
		files := generate(t, o)
		checked := 0
		for p, data := range files {
			if p != sitepath.Feed && p != sitepath.PlanJSON && path.Base(p) != "index.json" {
				continue
			}
			checked++
			var m bytes.Buffer
			if err := mini.Minify(&m, p, data); err != nil {
				t.Fatalf("%s: %s: %v", name, p, err)
			}
			if !bytes.Equal(m.Bytes(), data) {
				t.Errorf("%s: %s is %d bytes, %d once minified", name, p, len(data), m.Len())
			}
		}
		if checked < 3 {
			t.Errorf("%s: only %d streamed files found", name, checked)
		}
	}
}

// TestFeedIsTheWholeDocumentMinified: the feed minified entry by entry is
// the feed document minified whole.
func TestFeedIsTheWholeDocumentMinified(t *testing.T) {
	_, mini := engines()
	for name, o := range streamSites(t) {
		built := generate(t, o)[sitepath.Feed]
		var f feed.AtomFeed
		if err := xml.Unmarshal(built, &f); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(f.Entries) < 1 {
			t.Fatalf("%s: the feed has %d entries", name, len(f.Entries))
		}
		doc, err := xml.MarshalIndent(f, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		var whole bytes.Buffer
		if err := mini.Minify(&whole, sitepath.Feed, append([]byte(xml.Header), doc...)); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(whole.Bytes(), built) {
			t.Errorf("%s: the feed (%d bytes) differs from the whole document minified (%d bytes)", name, len(built), whole.Len())
		}
	}
}

// TestBuildStreamsWhatMemoryHolds: the files Build streams to disk are
// those the pipeline makes in memory.
func TestBuildStreamsWhatMemoryHolds(t *testing.T) {
	o := repoSources()
	files := generate(t, o)
	out := t.TempDir() + "/public"
	if _, err := Build(o, out, nil); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{sitepath.Feed, sitepath.PlanJSON, sitepath.TableCSV} {
		disk, err := os.ReadFile(out + "/" + p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(disk, files[p]) {
			t.Errorf("%s: %d bytes on disk, %d made in memory", p, len(disk), len(files[p]))
		}
	}
}
