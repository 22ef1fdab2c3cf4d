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

// BenchmarkSearch measures search in headless Chromium on the real table
// and on a synthetic table of 10,000 tasks (make bench-search): the time to
// load the whole index, then for each query the time from submitting it to
// the results being laid out (the script's 120 ms typing pause excluded),
// as the median of several runs, on this machine's CPU and slowed down four
// times, roughly a mid-range phone.
func BenchmarkSearch(b *testing.B) {
	tables := []struct {
		name string
		n    int // 0: the real table
	}{{"real table", 0}, {"10,000 tasks", 10000}}
	for _, tb := range tables {
		var content fs.FS
		if tb.n > 0 {
			dir := b.TempDir()
			if err := synth.Write(dir, tb.n, 1); err != nil {
				b.Fatal(err)
			}
			content = os.DirFS(dir)
		}
		start := time.Now()
		root, dir, r := serveDir(b, sources(content))
		built := time.Since(start)
		shards, raw, zipped := 0, 0, 0
		entries, err := os.ReadDir(filepath.Join(dir, sitepath.Search))
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".json") && e.Name() != "index.json" {
				data, err := os.ReadFile(filepath.Join(dir, sitepath.Search, e.Name()))
				if err != nil {
					b.Fatal(err)
				}
				shards++
				raw += len(data)
				var z bytes.Buffer
				w := gzip.NewWriter(&z)
				w.Write(data)
				w.Close()
				zipped += z.Len()
			}
		}
		fmt.Printf("\n%s: %d tasks, built in %v; index %d shards, %.1f MB JSON, %.1f MB gzip\n",
			tb.name, len(r.Content.Plan.Tasks), built.Round(time.Millisecond), shards, float64(raw)/1e6, float64(zipped)/1e6)
		for _, slow := range []float64{1, 4} {
			ctx := browser(b, 1280, 900)
			if slow > 1 {
				run(b, ctx, "throttle", chromedp.ActionFunc(func(ctx context.Context) error {
					return emulation.SetCPUThrottlingRate(slow).Do(ctx)
				}))
			}
			first := benchQueries[0]
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
			b.ReportMetric(worst, fmt.Sprintf("ms/query-worst-%s-cpu%gx", strings.ReplaceAll(tb.name, " ", "-"), slow))
		}
	}
}

func jsArray(xs []string) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = jsString(x)
	}
	return "[" + strings.Join(parts, ",") + "]"
}
