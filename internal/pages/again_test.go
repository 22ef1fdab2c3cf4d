package pages

import (
	"testing"
	"testing/fstest"

	"plansite/internal/foldertest"
)

// ParseAgain gives the templates parsed before while every file they were
// read from is as it was, and keeps nothing of the sites rendered before.
func TestParseAgain(t *testing.T) {
	folder := foldertest.Read(t, "../../templates")
	// Files the folder may lack, to be added.
	progress := folder["progress.html"]
	delete(folder, "progress.html")
	delete(folder, "labels.toml")
	first, err := ParseAgain(folder, "templates", nil)
	if err != nil {
		t.Fatal(err)
	}
	// What rendering a site leaves, keyed by that site.
	old := &Context{}
	first.frags.cache[fragmentKey{site: old}] = "frame"
	first.frags.items[itemKey{site: old}] = "item"
	first.vals.cache[valueKey{site: old}] = "value"
	again, err := ParseAgain(folder, "templates", first)
	if err != nil {
		t.Fatal(err)
	}
	if again != first {
		t.Fatal("unchanged templates were parsed again")
	}
	if n := len(again.frags.cache) + len(again.frags.items) + len(again.vals.cache); n != 0 {
		t.Errorf("the templates kept %d fragments, items or values of the site before", n)
	}
	if other, err := ParseAgain(folder, "my-templates", first); err != nil || other == first {
		t.Errorf("the templates of another folder name were taken for these (%v)", err)
	}
	task := folder["task.html"]
	labels := []byte("[pages.departments]\nnav = \"责任单位\"\n")
	for _, c := range []struct {
		name   string
		change func()
	}{
		{"a template changed", func() { folder["task.html"] = &fstest.MapFile{Data: append([]byte("{{/* changed */}}"), task.Data...)} }},
		{"a template as it was", func() { folder["task.html"] = task }},
		{"a missing template added", func() { folder["progress.html"] = progress }},
		{"labels added", func() { folder["labels.toml"] = &fstest.MapFile{Data: labels} }},
		{"labels changed", func() { folder["labels.toml"] = &fstest.MapFile{Data: append(labels, "\n"...)} }},
		{"labels removed", func() { delete(folder, "labels.toml") }},
	} {
		prev := again
		c.change()
		if again, err = ParseAgain(folder, "templates", prev); err != nil {
			t.Fatal(err)
		}
		if again == prev {
			t.Errorf("%s: the templates were not parsed again", c.name)
		}
		if same, err := ParseAgain(folder, "templates", again); err != nil || same != again {
			t.Errorf("%s, then nothing: the templates were parsed again (%v)", c.name, err)
		}
	}
}
