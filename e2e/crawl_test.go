//go:build e2e

package e2e

import (
	"encoding/xml"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// resource is one URL of the site as nginx served it.
type resource struct {
	url    string
	status int
	ctype  string // media type without parameters
	header http.Header
	body   []byte
	ids    map[string]bool // for HTML pages: every id (and a[name]) in the page
	from   string          // the first page that referred to it
}

// siteMap is what the crawl found.
type siteMap struct {
	res      map[string]*resource // by URL without fragment
	problems []string
	links    int               // distinct internal references checked
	kinds    map[string]string // page kind → the URL that stands for it
	notFound string            // a missing URL, answered with the 404 page
	pages    int64             // HTML pages fetched and loaded (the 404 page included)
	files    int64             // other files fetched
}

var (
	crawlOnce sync.Once
	crawled   *siteMap
)

// crawlSite crawls the site once per run; tests that need the page kinds
// call it too.
func crawlSite(t *testing.T) *siteMap {
	t.Helper()
	crawlOnce.Do(func() {
		pagesCrawled.ran.Store(true)
		pagesCrawled.want.Store(1)
		crawled = doCrawl(t, env.base, env.out)
		pagesCrawled.set(crawled.pages)
		filesChecked.set(crawled.files)
		linksChecked.set(int64(crawled.links))
	})
	if crawled == nil {
		t.Fatal("the crawl did not finish")
	}
	return crawled
}

// ref is one reference found in a page: an element, its attribute and the
// absolute URL the browser resolved it to.
type ref struct {
	Tag   string `json:"tag"`
	Attr  string `json:"attr"`
	Rel   string `json:"rel"`
	URL   string `json:"url"`
	Asset bool   `json:"asset"` // loaded by the page, not followed by the reader
}

// extractJS lists every reference of the page as the browser resolves it,
// and every id a fragment can land on.
const extractJS = `(() => {
  const refs = [];
  const abs = v => { try { return new URL(v, document.baseURI).href; } catch (e) { return 'invalid:' + v; } };
  const add = (el, attr, v, asset) => refs.push({tag: el.localName, attr: attr, rel: el.getAttribute('rel') || '', url: abs(v.trim()), asset: asset});
  const assetRel = /(^|\s)(stylesheet|icon|apple-touch-icon|mask-icon|preload|modulepreload|prefetch|manifest)(\s|$)/i;
  for (const el of document.querySelectorAll('[*|href]')) {
    const v = el.getAttribute('href') ?? el.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
    if (v === null) continue;
    const asset = (el.localName === 'link' && assetRel.test(el.getAttribute('rel') || '')) || el.localName === 'use' || el.localName === 'image';
    add(el, 'href', v, asset);
  }
  for (const el of document.querySelectorAll('[src]')) add(el, 'src', el.getAttribute('src'), el.localName !== 'iframe');
  for (const el of document.querySelectorAll('[srcset]')) {
    for (const part of el.getAttribute('srcset').split(',')) {
      const u = part.trim().split(/\s+/)[0];
      if (u) add(el, 'srcset', u, true);
    }
  }
  for (const el of document.querySelectorAll('form')) add(el, 'action', el.getAttribute('action') ?? '', false);
  for (const el of document.querySelectorAll('object[data]')) add(el, 'data', el.getAttribute('data'), true);
  for (const el of document.querySelectorAll('meta[content]')) {
    const v = el.getAttribute('content');
    if (/^https?:\/\//.test(v)) add(el, 'content', v, false);
  }
  const ids = [...document.querySelectorAll('[id]')].map(e => e.id)
    .concat([...document.querySelectorAll('a[name]')].map(e => e.getAttribute('name')));
  return {refs: refs, ids: ids};
})()`

type extracted struct {
	Refs []ref    `json:"refs"`
	IDs  []string `json:"ids"`
}

var client = &http.Client{
	Timeout: 20 * time.Second,
	// A redirect is reported, never followed: a link must name the final URL.
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

func fetch(u string) (*resource, error) {
	resp, err := client.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	ct, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	return &resource{url: u, status: resp.StatusCode, ctype: ct, header: resp.Header, body: body}, nil
}

var cssURL = regexp.MustCompile(`url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]+))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')`)

// doCrawl crawls the site served at base (an absolute URL ending in /)
// whose files are in the folder dir.
func doCrawl(t *testing.T, base, dir string) *siteMap {
	t.Helper()
	basePath := mustParse(base).Path
	s := &siteMap{res: map[string]*resource{}, kinds: map[string]string{}}
	problem := func(format string, a ...any) { s.problems = append(s.problems, fmt.Sprintf(format, a...)) }

	ctx, cancel := chromedp.NewContext(env.browser)
	defer cancel()
	// Every page must work as plain HTML: links and anchor targets are
	// read from pages whose scripts do not run.
	if err := chromedp.Run(ctx, emulation.SetScriptExecutionDisabled(true)); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}

	type item struct {
		url, from string
		want      int
	}
	queue := []item{{url: base, from: "(start)", want: 200}}
	type anchor struct{ page, frag, from string }
	var anchors []anchor
	seenRef := map[string]bool{}

	// Also start from the sitemap, so that a page no link reaches is
	// still checked (and reported below as unreachable by links).
	if r, err := fetch(base + "sitemap.xml"); err == nil && r.status == 200 {
		var sm struct {
			URLs []struct {
				Loc string `xml:"loc"`
			} `xml:"url"`
		}
		if err := xml.Unmarshal(r.body, &sm); err != nil {
			problem("sitemap.xml: %v", err)
		}
		for _, u := range sm.URLs {
			queue = append(queue, item{url: u.Loc, from: "sitemap.xml", want: 200})
		}
	}
	// A missing address is answered with the site's 404 page, whose links
	// must work from any depth.
	s.notFound = base + "e2e/no/such/page/"
	queue = append(queue, item{url: s.notFound, from: "(404 probe)", want: 404})
	linked := map[string]bool{} // reached by a link, not only by the sitemap

	for len(queue) > 0 {
		it := queue[0]
		queue = queue[1:]
		if _, done := s.res[it.url]; done {
			continue
		}
		r, err := fetch(it.url)
		if err != nil {
			problem("%s → %s: %v", it.from, it.url, err)
			s.res[it.url] = &resource{url: it.url, from: it.from}
			continue
		}
		r.from = it.from
		s.res[it.url] = r
		if r.status != it.want {
			extra := ""
			if loc := r.header.Get("Location"); loc != "" {
				extra = " to " + loc
			}
			problem("%s → %s: HTTP %d%s, want %d", it.from, it.url, r.status, extra, it.want)
			continue
		}
		switch r.ctype {
		case "text/html":
			var x extracted
			if err := chromedp.Run(ctx, chromedp.Navigate(it.url), chromedp.Evaluate(extractJS, &x)); err != nil {
				problem("%s: loading in Chromium: %v", it.url, err)
				continue
			}
			r.ids = map[string]bool{}
			for _, id := range x.IDs {
				r.ids[id] = true
			}
			for _, rf := range x.Refs {
				u, err := url.Parse(rf.URL)
				if err != nil || strings.HasPrefix(rf.URL, "invalid:") {
					problem("%s: <%s %s> %q is not a URL", it.url, rf.Tag, rf.Attr, rf.URL)
					continue
				}
				switch u.Scheme {
				case "mailto", "tel", "data":
					continue
				case "http", "https":
				default:
					problem("%s: <%s %s=%q>: scheme %s", it.url, rf.Tag, rf.Attr, rf.URL, u.Scheme)
					continue
				}
				if u.Host != env.host {
					if rf.Asset {
						problem("%s: <%s %s=%q> loads a file from another host", it.url, rf.Tag, rf.Attr, rf.URL)
					}
					continue // a link out of the site: not followed
				}
				if !strings.HasPrefix(u.Path, basePath) {
					problem("%s: <%s %s=%q> leaves the sub-path %s", it.url, rf.Tag, rf.Attr, rf.URL, basePath)
					continue
				}
				frag := u.Fragment
				u.Fragment, u.RawFragment = "", ""
				target := u.String()
				key := it.url + " " + rf.URL
				if !seenRef[key] {
					seenRef[key] = true
					s.links++
				}
				if frag != "" && !strings.HasPrefix(frag, ":~:") {
					anchors = append(anchors, anchor{target, frag, fmt.Sprintf("%s <%s %s>", it.url, rf.Tag, rf.Attr)})
				}
				if rf.Tag == "a" || rf.Tag == "area" {
					linked[target] = true
				}
				queue = append(queue, item{url: target, from: it.url, want: 200})
			}
		case "text/css":
			for _, m := range cssURL.FindAllSubmatch(r.body, -1) {
				v := ""
				for _, g := range m[1:] {
					if len(g) > 0 {
						v = string(g)
						break
					}
				}
				if v == "" || strings.HasPrefix(v, "data:") || strings.HasPrefix(v, "#") {
					continue
				}
				base, _ := url.Parse(it.url)
				u, err := base.Parse(v)
				if err != nil || u.Host != env.host || !strings.HasPrefix(u.Path, basePath) {
					problem("%s: url(%s) does not stay on the site", it.url, v)
					continue
				}
				s.links++
				queue = append(queue, item{url: u.String(), from: it.url, want: 200})
			}
		}
	}

	for _, a := range anchors {
		r := s.res[a.page]
		id, err := url.PathUnescape(a.frag)
		if err != nil {
			id = a.frag
		}
		switch {
		case r == nil || r.status != 200:
			// reported above
		case r.ids == nil:
			problem("%s → %s#%s: the target is not an HTML page", a.from, a.page, a.frag)
		case !r.ids[id]:
			problem("%s → %s#%s: no element with id %q", a.from, a.page, a.frag, id)
		}
	}

	// Every HTML file of the build must have been reached, and by a link,
	// not only through the sitemap.
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel == "404.html" {
			nf := s.res[s.notFound]
			want, _ := os.ReadFile(p)
			if nf == nil || string(nf.body) != string(want) {
				problem("404.html: a missing URL is not answered with it")
			}
			return nil
		}
		u := base + strings.TrimSuffix(rel, "index.html")
		switch r := s.res[u]; {
		case r == nil:
			problem("%s: no link or sitemap entry reaches it", u)
		case !linked[u] && u != base:
			problem("%s: only the sitemap links to it", u)
		}
		return nil
	})
	if err != nil {
		problem("walking %s: %v", dir, err)
	}

	// Page kinds: by URL pattern, each standing for all pages of its shape.
	// The largest page of a kind stands for it: it has the most to check.
	var pages, files int64
	for u, r := range s.res {
		if r.status == 200 && r.ctype == "text/html" {
			pages++
			k := kindOf(u, basePath)
			if cur, ok := s.kinds[k]; !ok || len(r.body) > len(s.res[cur].body) || (len(r.body) == len(s.res[cur].body) && u < cur) {
				s.kinds[k] = u
			}
		} else if r.status == 200 {
			files++
		}
	}
	if r := s.res[s.notFound]; r != nil && r.status == 404 {
		pages++
		s.kinds["404"] = s.notFound
	}
	s.pages, s.files = pages, files
	sort.Strings(s.problems)
	s.problems = slices.Compact(s.problems)
	return s
}

// kindOf names the shape of a page's URL: home, tasks/*/, departments/,
// about/, 404.html …
func kindOf(u, basePath string) string {
	p := strings.TrimPrefix(mustParse(u).Path, basePath)
	if p == "" {
		return "home"
	}
	dir := strings.HasSuffix(p, "/")
	segs := strings.Split(strings.Trim(p, "/"), "/")
	for i := 1; i < len(segs); i++ {
		segs[i] = "*"
	}
	k := strings.Join(segs, "/")
	if dir {
		k += "/"
	}
	return planKind(p, k)
}

func mustParse(u string) *url.URL {
	x, err := url.Parse(u)
	if err != nil {
		panic(err)
	}
	return x
}

// sortedKinds lists the page kinds in a fixed order.
func (s *siteMap) sortedKinds() []string {
	var ks []string
	for k := range s.kinds {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// forEachView runs check as a subtest on every page kind at each width,
// and adds what it finds to fig. A check that stops early (t.Fatal) leaves
// the figure marked incomplete.
func forEachView(t *testing.T, fig *figure, widths []int, check func(t *testing.T, kind, u string, width int) int) {
	fig.ran.Store(true)
	s := crawlSite(t)
	if len(s.kinds) == 0 {
		fig.want.Add(1)
		t.Fatal("the crawl found no pages")
	}
	fig.want.Add(int64(len(s.kinds) * len(widths)))
	for _, k := range s.sortedKinds() {
		u := s.kinds[k]
		t.Run(strings.ReplaceAll(k, "/", "_"), func(t *testing.T) {
			for _, w := range widths {
				fig.found.Add(int64(check(t, k, u, w)))
				fig.done.Add(1)
			}
		})
	}
}

func TestCrawl(t *testing.T) {
	s := crawlSite(t)
	for _, p := range s.problems {
		t.Error(p)
	}
	var kinds []string
	for _, k := range s.sortedKinds() {
		kinds = append(kinds, k+" "+strings.TrimPrefix(s.kinds[k], "http://"+env.host))
	}
	t.Logf("crawled %d pages and %d other files through nginx, %d references; page kinds: %s",
		pagesCrawled.found.Load(), filesChecked.found.Load(), s.links, strings.Join(kinds, ", "))
	// The kinds that every build of the bundled plan (or of the example
	// portal) has.
	for _, k := range wantKinds() {
		if _, ok := s.kinds[k]; !ok {
			t.Errorf("no page of kind %s was reached", k)
		}
	}
}
