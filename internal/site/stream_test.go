package site

import (
	"bytes"
	"encoding/xml"
	"os"
	"path"
	"testing"

	"plansite/internal/render"
	"plansite/internal/synth"
)

// The feed, plan.json and each task's JSON are written as they are made,
// never minified whole (see extras). These tests hold them to what minifying
// them whole would give, on the real table and on a synthetic one.
func streamSites(t *testing.T) map[string]Options {
	t.Helper()
	big := repoSources()
	fsys, err := synth.Content(big.Content.FS, 300)
	if err != nil {
		t.Fatal(err)
	}
	big.Content = Source{FS: fsys, Name: "content"}
	return map[string]Options{"real": repoSources(), "synthetic": big}
}

// TestStreamedFilesAreMinified: minifying a streamed file changes nothing.
func TestStreamedFilesAreMinified(t *testing.T) {
	_, mini := engines()
	for name, o := range streamSites(t) {
		files := generate(t, o)
		checked := 0
		for p, data := range files {
			if p != render.FeedPath && p != render.PlanJSONPath && path.Base(p) != "index.json" {
				continue
			}
			checked++
			m, err := mini.File(p, data)
			if err != nil {
				t.Fatalf("%s: %s: %v", name, p, err)
			}
			if !bytes.Equal(m, data) {
				t.Errorf("%s: %s is %d bytes, %d once minified", name, p, len(data), len(m))
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
		feed := generate(t, o)[render.FeedPath]
		var f render.AtomFeed
		if err := xml.Unmarshal(feed, &f); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(f.Entries) < 23 {
			t.Fatalf("%s: the feed has %d entries", name, len(f.Entries))
		}
		doc, err := xml.MarshalIndent(f, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		whole, err := mini.File(render.FeedPath, append([]byte(xml.Header), doc...))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(whole, feed) {
			t.Errorf("%s: the feed (%d bytes) differs from the whole document minified (%d bytes)", name, len(feed), len(whole))
		}
	}
}

// TestPlanJSONIsTheWholeDocument: plan.json written task by task is the
// encoding of the whole PlanData.
func TestPlanJSONIsTheWholeDocument(t *testing.T) {
	for name, o := range streamSites(t) {
		b, err := prepare(o)
		if err != nil {
			t.Fatal(err)
		}
		s := b.pages[0].Site
		whole, err := render.MarshalData(render.NewPlanData(s))
		if err != nil {
			t.Fatal(err)
		}
		var streamed bytes.Buffer
		if err := render.WritePlanJSON(&streamed, s); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(bytes.TrimSuffix(whole, []byte("\n")), streamed.Bytes()) {
			t.Errorf("%s: plan.json written task by task (%d bytes) differs from the whole encoded (%d bytes)", name, streamed.Len(), len(whole))
		}
	}
}

// TestBuildStreamsWhatGenerateMakes: the files Build streams to disk are
// those Generate makes in memory.
func TestBuildStreamsWhatGenerateMakes(t *testing.T) {
	o := repoSources()
	files := generate(t, o)
	out := t.TempDir() + "/public"
	if _, err := Build(o, out, nil); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{render.FeedPath, render.PlanJSONPath, render.TableCSVPath} {
		disk, err := os.ReadFile(out + "/" + p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(disk, files[p]) {
			t.Errorf("%s: %d bytes on disk, %d made in memory", p, len(disk), len(files[p]))
		}
	}
}
