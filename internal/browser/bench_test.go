package browser

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"plansite/internal/sitepath"
	"plansite/internal/synth"
)

// benchQueries are typical searches: rare and common words, a department,
// two terms, a single character and a word that is nowhere.
var benchQueries = []string{"无人机", "5G", "区块链", "先导区", "市商务局", "人工智能", "数据 平台", "智", "火星基地"}

// BenchmarkSearch measures search in headless Chromium on the real table,
// on a synthetic table of 10,000 tasks and on a synthetic portal of 60
// plans and 20,000 tasks (make bench-search): the time to load the whole
// index, for the portal the time from the start of the page's loading to
// its first result, then for each query the time from submitting it to the
// results being laid out (the script's 120 ms typing pause excluded), as
// the median of several runs, on this machine's CPU and slowed down four
// times, roughly a mid-range phone.
func BenchmarkSearch(b *testing.B) {
	tables := []struct {
		key, name string // key names its sub-benchmark: -bench BenchmarkSearch/portal
		n         int    // 0: the real table
		plans     int    // a portal of that many plans sharing the n tasks; 0: a site of one plan
	}{{"real", "real table", 0, 0}, {"10000", "10,000 tasks", 10000, 0}, {"portal", "portal of 60 plans, 20,000 tasks", 20000, 60}}
	for _, tb := range tables {
		b.Run(tb.key, func(b *testing.B) { benchSearch(b, tb.name, tb.n, tb.plans) })
	}
}

// benchSearch is BenchmarkSearch of one table: n synthetic tasks (0: the
// real table), in plans plans of a portal (0: a site of one plan).
func benchSearch(b *testing.B, name string, n, plans int) {
	var content fs.FS
	if n > 0 {
		dir := b.TempDir()
		write := func() error { return synth.Write(dir, n, 1) }
		if plans > 0 {
			write = func() error { return synth.WritePortal(dir, plans, n, 1) }
		}
		if err := write(); err != nil {
			b.Fatal(err)
		}
		content = os.DirFS(dir)
	}
	start := time.Now()
	root, dir, r := serveDir(b, sources(content))
	built := time.Since(start)
	shards, raw, zipped := 0, 0, 0
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || filepath.Base(filepath.Dir(p)) != strings.TrimSuffix(sitepath.Search, "/") ||
			!strings.HasSuffix(p, ".json") || e.Name() == "index.json" {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		shards++
		raw += len(data)
		var z bytes.Buffer
		w := gzip.NewWriter(&z)
		w.Write(data)
		w.Close()
		zipped += z.Len()
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	tasks := 0
	if r.Portal != nil {
		tasks = r.Portal.Tasks()
	} else {
		tasks = len(r.Content.Plan.Tasks)
	}
	fmt.Printf("\n%s: %d tasks, built in %v; index %d shards, %.1f MB JSON, %.1f MB gzip\n",
		name, tasks, built.Round(time.Millisecond), shards, float64(raw)/1e6, float64(zipped)/1e6)
	for _, slow := range []float64{1, 4} {
		ctx := browser(b, 1280, 900)
		if slow > 1 {
			run(b, ctx, "throttle", chromedp.ActionFunc(func(ctx context.Context) error {
				return emulation.SetCPUThrottlingRate(slow).Do(ctx)
			}))
		}
		first := benchQueries[0]
		if r.Portal != nil {
			// The first result, from the start of the page's loading,
			// the median of five loads.
			var firsts []float64
			for range 5 {
				var ms string
				run(b, ctx, "first result", chromedp.Navigate(root+"search/?q="+url.QueryEscape(first)),
					waitFor(`document.getElementById('search-app').hasAttribute('data-first-ms')`),
					chromedp.AttributeValue("#search-app", "data-first-ms", &ms, nil))
				f, _ := strconv.ParseFloat(ms, 64)
				firsts = append(firsts, f)
			}
			sort.Float64s(firsts)
			fmt.Printf("  CPU ×%g: first result %.0f ms after the page started loading (median of 5; %.0f–%.0f)\n", slow, firsts[2], firsts[0], firsts[4])
			b.ReportMetric(firsts[2], fmt.Sprintf("ms/first-result-%s-cpu%gx", strings.ReplaceAll(name, " ", "-"), slow))
		}
		t0 := time.Now()
		run(b, ctx, "load", chromedp.Navigate(root+"search/?q="+url.QueryEscape(first)), waitSearch(first))
		fmt.Printf("  CPU ×%g: page and whole index loaded, first query answered in %v\n", slow, time.Since(t0).Round(time.Millisecond))
		// All runs happen inside the page, with no DevTools calls in
		// between: the driver's own DOM tracking would add its cost to
		// every change the script makes.
		type timing struct {
			Count  string    `json:"count"`
			Total  []float64 `json:"total"`
			Script []float64 `json:"script"`
		}
		var res []timing
		run(b, ctx, "queries", chromedp.Evaluate(`(function(qs){
			var input=document.getElementById('q'),app=document.getElementById('search-app');
			return qs.map(function(q){
				var r={count:'',total:[],script:[]};
				for(var i=0;i<9;i++){
					input.value=i%2?q:'';input.form.requestSubmit();void document.body.offsetHeight;
					input.value=q;
					var t0=performance.now();input.form.requestSubmit();void document.body.offsetHeight;
					r.total.push(performance.now()-t0);r.script.push(+app.getAttribute('data-ms'));
					r.count=app.getAttribute('data-count');
					if(app.getAttribute('data-state')!=='done')throw new Error('index not loaded');
				}
				return r;
			})})(`+jsArray(benchQueries)+`)`, &res))
		fmt.Printf("  %-10s %8s %12s %12s %12s\n", "query", "results", "median ms", "max ms", "script ms")
		worst := 0.0
		for i, q := range benchQueries {
			t := res[i]
			sort.Float64s(t.Total)
			sort.Float64s(t.Script)
			med, max := t.Total[len(t.Total)/2], t.Total[len(t.Total)-1]
			if med > worst {
				worst = med
			}
			fmt.Printf("  %-10s %8s %12.2f %12.2f %12.2f\n", q, t.Count, med, max, t.Script[len(t.Script)/2])
		}
		b.ReportMetric(worst, fmt.Sprintf("ms/query-worst-%s-cpu%gx", strings.ReplaceAll(name, " ", "-"), slow))
	}
}

func jsArray(xs []string) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = jsString(x)
	}
	return "[" + strings.Join(parts, ",") + "]"
}
