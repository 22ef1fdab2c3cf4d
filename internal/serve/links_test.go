package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The preview reads its folders through the same os.Root at every rebuild:
// a link leading outside shows as the error of every page, without what it
// leads to; once it is gone, and after a file is saved the way editors do
// (written beside, renamed over), the site is back with the new text.
func TestServeRefusesLinkOutside(t *testing.T) {
	dir, s := built(t)
	const secret = "SECRET-5d1e-never-serve"
	outside := filepath.Join(t.TempDir(), "leak.md")
	if err := os.WriteFile(outside, []byte("+++\ntitle = \"泄露\"\n+++\n"+secret+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "leak.md")
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	if err := s.Rebuild(); err == nil {
		t.Fatal("the link outside built")
	}
	for _, p := range []string{"/tasks/3/", "/leak/"} {
		code, body, _ := get(t, s, p)
		if code != 500 || !strings.Contains(body, "/&#34;leak.md&#34;: error: cannot read: the link leads outside the content folder") {
			t.Errorf("%s: %d, want the error page naming the link: %s", p, code, body)
		}
		if strings.Contains(body, secret) {
			t.Errorf("%s shows the secret", p)
		}
	}

	if err := os.Remove(link); err != nil {
		t.Fatal(err)
	}
	about := filepath.Join(dir, "about.md")
	data, err := os.ReadFile(about)
	if err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(dir, ".about.md.new")
	if err := os.WriteFile(tmp, []byte(strings.Replace(string(data), "关于本站", "关于本站（新）", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, about); err != nil {
		t.Fatal(err)
	}
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	if code, body, _ := get(t, s, "/about/"); code != 200 || !strings.Contains(body, "关于本站（新）") {
		t.Errorf("/about/ after the save: %d, want the new title", code)
	}
}
