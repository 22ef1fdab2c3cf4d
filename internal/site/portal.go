package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"sync"

	"plansite/internal/feed"
	"plansite/internal/opendata"
	"plansite/internal/output"
	"plansite/internal/pages"
	"plansite/internal/plan"
	"plansite/internal/portal"
	"plansite/internal/progress"
	"plansite/internal/search"
	"plansite/internal/shareimage"
	"plansite/internal/sitepath"
)

// A portal (a site of many plans, package portal) is built as one site:
// each plan is the very site it would be alone, made by the same code and
// moved under plans/<id>/ (its base URL the portal's followed by
// plans/<id>/, so every relative link of it still holds), and the portal's
// own pages and files stand at the root. What a plan's site would have at
// the root of a host is the portal's alone: robots.txt, the host files, the
// marker, the 404 page. The static files are the portal's, shared: every
// plan links them at the root, so a reader's browser caches them once.

// preparePortal lists the files of a portal.
func preparePortal(sh *shared, pt *portal.Portal) (*build, error) {
	if lack := sh.tmpl.Lacks(pages.PortalKinds); len(lack) > 0 {
		return nil, fmt.Errorf("%s: a portal's pages need this template, which the templates folder does not have: copy it from plansite's templates/ (README.md, \"Many plans in one site\")", strings.Join(lack, ", "))
	}
	b := &build{portal: pt, tmpl: sh.tmpl, mini: sh.mini, static: sh.static, workers: sh.o.Workers}
	// From a plan's root, the portal's root: plans/<id>/ is two folders
	// down.
	up := strings.Repeat("../", strings.Count(sitepath.PlanDir("x"), "/"))
	assets := make(map[string]string, len(sh.assets))
	for name, link := range sh.assets {
		assets[name] = up + link
	}
	crumb := pages.Link{Label: pt.Config.ShortTitle, Target: up}
	ix := &planIndexes{manifests: make([]*search.Manifest, len(pt.Plans)), pages: make([]int, len(pt.Plans))}
	var planSites []siteFile
	var feeds []feed.Plan
	for i, pl := range pt.Plans {
		at := planSite{assets: assets, basePath: sh.basePath + pl.Dir}
		if sh.baseURL != "" {
			at.baseURL = sh.baseURL + pl.Dir
		}
		pf, err := sh.plan(pl.Content, pl.Name, at)
		if err != nil {
			return nil, err
		}
		for _, pg := range pf.pages {
			if pg.Kind.Anywhere {
				continue // the portal's 404 page answers every address
			}
			ix.pages[i]++
			// Every page of the plan says where it stands: the portal
			// first in its breadcrumbs.
			pg.Crumbs = append([]pages.Link{crumb}, pg.Crumbs...)
			b.pages = append(b.pages, pg)
			b.pageDirs = append(b.pageDirs, pl.Dir)
		}
		for _, f := range pf.static {
			f.path = pl.Dir + f.path
			b.static = append(b.static, f)
		}
		for _, f := range pf.taskFiles {
			f.path = pl.Dir + f.path
			b.taskFiles = append(b.taskFiles, f)
		}
		for _, f := range pf.siteFiles {
			planSites = append(planSites, ix.under(i, pl.Dir, f))
		}
		feeds = append(feeds, feed.Plan{Site: pf.ctx, Pages: pf.pages})
	}
	ix.wg.Add(len(planSites))
	own, err := sh.portalOwn(pt, b, ix, feeds)
	if err != nil {
		return nil, err
	}
	// The portal's own files first, then the plans', then the search
	// manifest, which names the plans' search index files and so waits
	// for them: every maker before it has been started when it is.
	b.siteFiles = append(append(own.files, planSites...), own.searchIndex)
	return b, nil
}

// planIndexes gathers the plans' search manifests as their site files are
// made, for the portal's search to name their shards.
type planIndexes struct {
	wg        sync.WaitGroup // one for each of the plans' site file makers
	mu        sync.Mutex
	manifests []*search.Manifest
	pages     []int // how many pages each plan has in its sitemap
}

// under is the site file maker f of plan i, writing under dir, and
// keeping the plan's search manifest as it passes.
func (ix *planIndexes) under(i int, dir string, f siteFile) siteFile {
	return func(out Sink) error {
		defer ix.wg.Done()
		return f(planSink{out, dir, func(data []byte) error {
			m, err := search.ReadManifest(data)
			if err != nil {
				return err
			}
			ix.mu.Lock()
			ix.manifests[i] = &m
			ix.mu.Unlock()
			return nil
		}})
	}
}

// planSink writes a plan's site-wide files under its folder.
type planSink struct {
	Sink
	dir      string
	manifest func([]byte) error // told the plan's search manifest
}

func (s planSink) Write(f output.File) error {
	if f.Path == sitepath.SearchIndex {
		if err := s.manifest(f.Data); err != nil {
			return err
		}
	}
	f.Path = s.dir + f.Path
	return s.Sink.Write(f)
}

func (s planSink) WriteStream(path string, write func(io.Writer) error) error {
	return s.Sink.WriteStream(s.dir+path, write)
}

// portalFiles are the portal's own site file makers, and the maker of its
// search manifest, which must come after the plans'.
type portalFiles struct {
	files       []siteFile
	searchIndex siteFile
}

// portalOwn lists the portal's own pages into b and returns the makers of
// its own site files.
func (sh *shared) portalOwn(pt *portal.Portal, b *build, ix *planIndexes, feeds []feed.Plan) (*portalFiles, error) {
	// The portal's own stylesheet (with the statuses' colours when a plan
	// has progress) and search script, which are not the static folder's:
	// a site of one plan has neither.
	css := pages.PortalCSS
	if pt.HasProgress() {
		css = append(append([]byte{}, css...), progress.CSS(pt.Statuses)...)
	}
	assets := make(map[string]string, len(sh.assets)+1)
	for name, link := range sh.assets {
		assets[name] = link
	}
	var cssLink string
	for _, f := range []struct {
		path, asset string
		data        []byte
	}{{sitepath.PortalCSS, "", css}, {sitepath.PortalScript, "portal-search.js", search.PortalScript}} {
		var min bytes.Buffer
		if err := sh.mini.Minify(&min, f.path, f.data); err != nil {
			return nil, fmt.Errorf("minifying %s: %v", f.path, err)
		}
		sum := sha256.Sum256(min.Bytes())
		link := f.path + "?v=" + hex.EncodeToString(sum[:4])
		if f.asset != "" {
			assets[f.asset] = link
		} else {
			cssLink = link
		}
		b.static = append(b.static, staticFile{path: f.path, text: true, data: min.Bytes()})
	}
	s := &pages.Context{Plan: portalPlan(pt), Config: pt.Config, BaseURL: sh.baseURL, BasePath: sh.basePath,
		Pages: pt.Pages, Assets: assets, Version: sh.o.Version, Labels: sh.tmpl.Labels, Portal: pt, StatusCSS: cssLink}
	s.Config.Updated = pt.Updated()
	s.ShareImage.Width, s.ShareImage.Height = shareimage.Width, shareimage.Height
	list, err := pages.Pages(s, sh.md)
	if err != nil {
		return nil, err
	}
	for _, pg := range list {
		b.pages = append(b.pages, pg)
		b.pageDirs = append(b.pageDirs, "")
	}
	pf := &portalFiles{}
	pf.files = append(pf.files,
		func(out Sink) error {
			files, err := portalSitemaps(s, list, pt, ix.pages)
			if err != nil {
				return err
			}
			for _, f := range files {
				if err := out.Write(f); err != nil {
					return err
				}
			}
			return nil
		},
		func(out Sink) error {
			for _, f := range append([]output.File{{Path: sitepath.Robots, Data: robots(s)}, output.Marker()}, deployFiles()...) {
				if err := out.Write(f); err != nil {
					return err
				}
			}
			return nil
		},
		func(out Sink) error {
			data, err := opendata.PortalJSON(pt, sh.baseURL)
			if err != nil {
				return err
			}
			return out.Write(output.File{Path: sitepath.PortalJSON, Data: data})
		},
		func(out Sink) error {
			data, err := shareimage.Draw(s.Plan, shareimage.PaletteFromCSS(sh.css))
			if err != nil {
				return err
			}
			return out.Write(output.File{Path: sitepath.ShareImage, Data: data})
		})
	if s.HasFeed() {
		pf.files = append(pf.files, func(out Sink) error {
			return out.WriteStream(sitepath.Feed, func(w io.Writer) error {
				// Minified a piece at a time, as a plan's feed is.
				return feed.WritePortal(s, list, feeds, func(piece []byte) error {
					if err := sh.mini.Minify(w, sitepath.Feed, piece); err != nil {
						return fmt.Errorf("minifying %s: %v", sitepath.Feed, err)
					}
					return nil
				})
			})
		})
	}
	pf.searchIndex = func(out Sink) error {
		ix.wg.Wait()
		data, err := portalSearchManifest(pt, ix.manifests)
		if err != nil {
			return err
		}
		return out.Write(output.File{Path: sitepath.SearchIndex, Data: data})
	}
	return pf, nil
}

// portalPlan is the portal seen as one plan, for what is drawn of a plan
// (the share image): every plan's tasks, each plan a group, over the
// years of them all.
func portalPlan(pt *portal.Portal) *plan.Plan {
	p := &plan.Plan{Meta: plan.Meta{Title: pt.Config.Title, ShortTitle: pt.Config.ShortTitle, Issuer: pt.Config.Issuer}}
	lo, hi := 0, 0
	for i := len(pt.Plans) - 1; i >= 0; i-- {
		pl := pt.Plans[i]
		p.Tasks = append(p.Tasks, pl.Tasks()...)
		p.Areas = append(p.Areas, &plan.Area{Ordinal: len(pt.Plans) - i, Label: pl.Content.Config.ShortTitle, Name: pl.Content.Config.ShortTitle, Tasks: pl.Tasks()})
		if ys := pl.Content.Plan.Years; len(ys) > 0 {
			if lo == 0 || ys[0] < lo {
				lo = ys[0]
			}
			hi = max(hi, ys[len(ys)-1])
		}
	}
	for y := lo; lo > 0 && y <= hi; y++ {
		p.Years = append(p.Years, y)
	}
	return p
}
