package site

// Making the sites the tests read: in memory through the pipeline Build
// writes with, or on disk through Build itself, from the repository's
// folders or a changed copy of them.

import (
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"
	"golang.org/x/net/html"

	"plansite/internal/foldertest"
	"plansite/internal/output"
)

// repoSources are the repository's own content, templates and static folders.
func repoSources() Options {
	return Options{
		Content:   Source{FS: os.DirFS("../../content"), Name: "content"},
		Templates: Source{FS: os.DirFS("../../templates"), Name: "templates"},
		Static:    Source{FS: os.DirFS("../../static"), Name: "static"},
		Version:   "test",
	}
}

// made is a site made into memory by the pipeline Build writes with.
type made struct {
	Files []output.File // sorted by path
	*Result
}

// makeSite makes the site of o into memory.
func makeSite(o Options) (*made, error) {
	b, err := prepare(o)
	if err != nil {
		return nil, err
	}
	m := &memory{files: map[string][]byte{}}
	r, err := b.write(m, nil)
	if err != nil {
		return nil, err
	}
	files := make([]output.File, 0, len(m.files))
	for _, p := range m.paths() {
		files = append(files, output.File{Path: p, Data: m.files[p]})
	}
	return &made{files, r}, nil
}

func generate(t *testing.T, o Options) map[string][]byte {
	t.Helper()
	r, err := makeSite(o)
	if err != nil {
		t.Fatal(err)
	}
	return filesMap(r.Files)
}

func filesMap(fs []output.File) map[string][]byte {
	m := make(map[string][]byte, len(fs))
	for _, f := range fs {
		m[f.Path] = f.Data
	}
	return m
}

// siteConfig is the part of content/site.toml the tests build their
// expectations from, read here independently of the loader under test.
type siteConfig struct {
	Title      string `toml:"title"`
	SiteName   string `toml:"site_name"`
	Attachment string `toml:"attachment"`
	Issuer     string `toml:"issuer"`
	Date       string `toml:"date"`
	Updated    string `toml:"updated"`
	BaseURL    string `toml:"base_url"`
}

// builtSite is a site Build wrote, read back into memory, its files by path.
type builtSite struct {
	files   map[string][]byte
	paths   []string // sorted
	cfg     siteConfig
	content fstest.MapFS          // the content folder it was built from
	docs    map[string]*html.Node // parsed pages, by path
}

func (b *builtSite) file(t *testing.T, p string) []byte {
	t.Helper()
	data, ok := b.files[p]
	if !ok {
		t.Fatalf("the site has no file %s", p)
	}
	return data
}

// doc parses an HTML file once; tests must not change the tree.
func (b *builtSite) doc(t *testing.T, p string) *html.Node {
	t.Helper()
	if n, ok := b.docs[p]; ok {
		return n
	}
	n := parseHTML(t, p, b.file(t, p))
	b.docs[p] = n
	return n
}

// htmlPages lists the site's HTML files.
func (b *builtSite) htmlPages() []string {
	var out []string
	for _, p := range b.paths {
		if strings.HasSuffix(p, ".html") {
			out = append(out, p)
		}
	}
	return out
}

// buildContent builds the site from the given content folder and the
// repository's templates and static files.
func buildContent(t *testing.T, content fstest.MapFS) *builtSite {
	t.Helper()
	out := t.TempDir()
	o := repoSources()
	o.Content = Source{FS: content, Name: "content"}
	if _, err := Build(o, out, nil); err != nil {
		t.Fatalf("build: %v", err)
	}
	b := &builtSite{files: map[string][]byte{}, docs: map[string]*html.Node{}, content: content}
	for p, f := range foldertest.Read(t, out) {
		b.files[p] = f.Data
		b.paths = append(b.paths, p)
	}
	sort.Strings(b.paths)
	if _, err := toml.Decode(string(content["site.toml"].Data), &b.cfg); err != nil {
		t.Fatal(err)
	}
	return b
}

var (
	defaultOnce sync.Once
	defaultSite *builtSite
)

// bundled is the default site, built once for all the tests.
func bundled(t *testing.T) *builtSite {
	t.Helper()
	defaultOnce.Do(func() {
		// A failure here fails the first test that asks; the others
		// then report that there is no site.
		defaultSite = buildContent(t, foldertest.Read(t, "../../content"))
	})
	if defaultSite == nil {
		t.Fatal("the bundled site did not build")
	}
	return defaultSite
}
