package check

import (
	"strings"
	"testing"

	"plansite/internal/foldertest"
)

// TestStatusContrast: a status colour too light to read on the page is an
// error of check too, placed at its colour in site.toml.
func TestStatusContrast(t *testing.T) {
	fsys := foldertest.Read(t, "../../examples/progress-demo/content")
	if r := Content(fsys, "content"); r.Errors() != 0 {
		t.Fatalf("the demo has errors: %v", r.Problems)
	}
	var b strings.Builder
	for _, s := range [][2]string{{"未启动", "#9a6700"}, {"推进中", "#0550ae"}, {"已完成", "#1a7f37"}, {"滞后", "#c21a1a"}, {"已调整", "#d0b0ff"}} {
		b.WriteString("\n[[statuses]]\nname = \"" + s[0] + "\"\ncolour = \"" + s[1] + "\"\n")
	}
	fsys["site.toml"].Data = append(fsys["site.toml"].Data, b.String()...)
	r := Content(fsys, "content")
	found := false
	for _, m := range r.Problems {
		found = found || strings.HasPrefix(m.Error(), "content/site.toml:") && strings.Contains(m.Error(), "error: status 已调整: colour #d0b0ff has a contrast of")
	}
	if r.Errors() != 1 || !found {
		t.Errorf("a light status colour: %v", r.Problems)
	}
}
