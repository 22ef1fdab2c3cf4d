// Command plansite-bench times plansite's full build on synthetic tables of
// growing size beside Hugo building two sites of the same table in the same
// run: the anchor (../shared/bench/hugo-anchor, bare pages) and the
// equal-work site (../shared/bench/hugo-equal, plansite's very pages); it
// measures the floor of the output (floor.go) in the same run, times the
// real table, and the preview server's delay from a one-cell change to the
// browser showing it. `make bench` runs it.
//
//	plansite-bench [-sizes 10000,100000] [-runs 3] [-large 20000] [-large-runs 1]
//	               [-plansite bin/plansite] [-anchor DIR] [-equal DIR] [-work DIR]
//	               [-hugo BIN,BIN] [-profile] [-portals 10,30,60]
//
// Every build is a separate process, timed from start to exit, with its
// peak resident memory and CPU time from the kernel's accounting
// (getrusage of the child). Each tool writes into an empty folder. The
// tools take turns, round after round, and each figure is the median of
// the rounds, so that other work on a shared machine weighs on all alike;
// compare ratios from one run. Every Hugo found is timed and the ratios
// are to the fastest of them on each site.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"plansite/internal/synth"
)

// baseURL is the address every build is made for: the equal-work site
// copies plansite's, canonical links and all.
const baseURL = "https://example.org/p/"

func main() {
	var c config
	flag.StringVar(&c.sizes, "sizes", "10000,100000", "numbers of tasks of the synthetic tables; \"\" skips them")
	flag.IntVar(&c.runs, "runs", 3, "rounds of every tool on each table (the median is given)")
	flag.IntVar(&c.large, "large", 20000, "tables of more tasks than this get -large-runs rounds")
	flag.IntVar(&c.largeRuns, "large-runs", 1, "rounds on the large tables, whose Hugo builds take minutes")
	flag.StringVar(&c.bin, "plansite", "bin/plansite", "the plansite binary to time")
	flag.StringVar(&c.anchor, "anchor", "../shared/bench/hugo-anchor", "the Hugo anchor site (csv2hugo.py and layouts/)")
	flag.StringVar(&c.equal, "equal", "../shared/bench/hugo-equal", "the Hugo equal-work site (plan2hugo.py and layouts/)")
	flag.StringVar(&c.work, "work", "", "folder for tables and outputs (default: a new folder in /dev/shm when there is one, else in the temporary folder; removed at the end)")
	flag.StringVar(&c.real, "real", "content", "the real table's content folder")
	flag.IntVar(&c.realRuns, "real-runs", 21, "runs of each tool on the real table, taking turns (the median is given): a run is tens of milliseconds, which move by a fifth between runs of 5; 0 skips it")
	flag.IntVar(&c.serveSize, "serve-tasks", 10000, "table size for the preview latency; 0 skips it")
	flag.StringVar(&c.hugos, "hugo", "", "Hugo binaries to time, separated by commas (default: hugo on the PATH and in $(go env GOPATH)/bin)")
	flag.BoolVar(&c.profile, "profile", false, "make a CPU profile of an extra plansite build of each size, not timed, and print its top entries")
	flag.StringVar(&portals, "portals", "10,30,60", "numbers of plans of the synthetic portals, each plan of 20,000/60 tasks; \"\" skips them")
	floorSite := flag.String("floor-write", "", "write the built site in this folder as the floor does, in this process, and print its wall and CPU nanoseconds (the bench runs itself so)")
	flag.Parse()
	if *floorSite != "" {
		if err := floorChild(*floorSite); err != nil {
			fmt.Fprintln(os.Stderr, "plansite-bench:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "plansite-bench:", err)
		os.Exit(1)
	}
}

type config struct {
	sizes, bin, anchor, equal, work, real, hugos string
	runs, large, largeRuns, realRuns, serveSize  int
	profile                                      bool
}

// portals are the sizes, in plans, of the synthetic portals timed.
var portals string

// result is one timed process.
type result struct {
	wall  time.Duration
	cpu   time.Duration // user and system time
	rssKB int64
	files int
	bytes int64
}

func run(c config) error {
	var sizes []int
	for _, s := range strings.Split(c.sizes, ",") {
		if c.sizes == "" {
			break // -sizes "": only the real table, the portals and the preview
		}
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			return fmt.Errorf("-sizes: %q is not a number of tasks", s)
		}
		sizes = append(sizes, n)
	}
	var err error
	if c.bin, err = filepath.Abs(c.bin); err != nil {
		return err
	}
	if c.work == "" {
		// Memory-backed by default: on a shared virtual disk, creating and
		// deleting tens of thousands of files takes wildly varying time that
		// has nothing to do with either tool.
		parent := ""
		if st, err := os.Stat("/dev/shm"); err == nil && st.IsDir() {
			parent = "/dev/shm"
		}
		if c.work, err = os.MkdirTemp(parent, "plansite-bench-"); err != nil {
			return err
		}
		defer os.RemoveAll(c.work)
	}
	fmt.Printf("work folder: %s\n", c.work)
	hugos := hugoAvailable(c.hugos)
	machine(hugos)
	if len(hugos) == 0 {
		fmt.Println("Hugo or Python is missing: timing plansite alone (apt-get install -y hugo)")
	}
	var profiles []string
	for _, n := range sizes {
		runs := c.runs
		if n > c.large {
			runs = c.largeRuns
		}
		prof, err := size(c, hugos, n, max(runs, 1))
		if err != nil {
			return err
		}
		if prof != "" {
			profiles = append(profiles, prof)
		}
	}
	fmt.Println()
	for _, prof := range profiles {
		printProfile(c.bin, prof)
	}
	if c.realRuns > 0 {
		if err := realTable(c.bin, hugos, c.anchor, c.real, c.work, c.realRuns); err != nil {
			return err
		}
	}
	if portals != "" {
		fmt.Println()
		if err := portalBuilds(c.bin, c.work, portals); err != nil {
			return err
		}
	}
	if c.serveSize > 0 {
		fmt.Println()
		return serveLatency(c.bin, filepath.Join(c.work, "serve"), c.serveSize)
	}
	return nil
}

// timings are one tool's rounds on one table.
type timings struct {
	name   string
	rounds []result
}

// med is the median of each figure over the rounds.
func (t timings) med() result {
	var wall, cpu []time.Duration
	var rss []int64
	for _, r := range t.rounds {
		wall, cpu, rss = append(wall, r.wall), append(cpu, r.cpu), append(rss, r.rssKB)
	}
	r := t.rounds[0]
	r.wall, r.cpu, r.rssKB = median(wall), median(cpu), medianInt(rss)
	return r
}

// size times every tool on a table of n tasks, runs rounds, the tools
// taking turns, and prints the medians and ratios. With -profile, it
// first makes a build with a CPU profile, which it returns.
func size(c config, hugos []hugoBin, n, runs int) (prof string, err error) {
	dir := filepath.Join(c.work, fmt.Sprintf("t%d", n))
	defer os.RemoveAll(dir)
	content, public := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	if err := synth.Write(content, n, 1); err != nil {
		return "", err
	}
	pl := timings{name: "plansite"}
	var floors []floor
	var sites []hugoSite
	hs := map[hugoSite]*timings{}
	if c.profile {
		// A build of its own, not timed: the profiler's interrupts and
		// writing the profile at the end would count in the rounds, and
		// a large table has only one.
		prof = filepath.Join(c.work, fmt.Sprintf("plansite-%d.prof", n))
		if _, err := plansiteBuild(c.bin, content, public, prof); err != nil {
			return "", err
		}
	}
	for round := 0; round < runs; round++ {
		r, err := plansiteBuild(c.bin, content, public, "")
		if err != nil {
			return "", err
		}
		pl.rounds = append(pl.rounds, r)
		if round == 0 {
			// The Hugo sites, made once: the equal-work one from this
			// build's plan.json.
			if sites, err = makeSites(c, hugos, content, public, dir); err != nil {
				return "", err
			}
		}
		f, err := measureFloor(c.bin, content, public)
		if err != nil {
			return "", err
		}
		floors = append(floors, f)
		os.RemoveAll(public)
		for _, s := range sites {
			r, err := hugoBuild(s.hugo.bin, s.dir, filepath.Join(dir, "hugo-public"))
			if err != nil {
				return "", err
			}
			if hs[s] == nil {
				hs[s] = &timings{name: fmt.Sprintf("hugo %s %s", s.hugo.version, s.kind)}
			}
			hs[s].rounds = append(hs[s].rounds, r)
		}
	}
	printSize(n, runs, pl.med(), medianFloor(floors), sites, hs)
	return prof, nil
}

// makeSites makes the Hugo sites of the table: the anchor, and the
// equal-work site for each Hugo, from plansite's build in public.
func makeSites(c config, hugos []hugoBin, content, public, dir string) ([]hugoSite, error) {
	var sites []hugoSite
	if len(hugos) > 0 && siteAvailable(c.anchor, "csv2hugo.py") {
		d := filepath.Join(dir, "hugo-anchor")
		if err := makeAnchor(c.anchor, filepath.Join(content, "tasks.csv"), d); err != nil {
			return nil, err
		}
		for _, h := range hugos {
			sites = append(sites, hugoSite{anchorSite, h, d})
		}
	}
	if siteAvailable(c.equal, "plan2hugo.py") {
		for i, h := range hugos {
			d := filepath.Join(dir, fmt.Sprintf("hugo-equal-%d", i))
			if err := makeEqual(c.equal, h.bin, public, d); err != nil {
				return nil, err
			}
			sites = append(sites, hugoSite{equalSite, h, d})
		}
	}
	return sites, nil
}

func medianFloor(fs []floor) floor {
	var w, t, wc, tc []time.Duration
	for _, f := range fs {
		w, t, wc, tc = append(w, f.write), append(t, f.table), append(wc, f.writeCPU), append(tc, f.tableCPU)
	}
	return floor{write: median(w), table: median(t), writeCPU: median(wc), tableCPU: median(tc)}
}

// printSize prints a table's figures: plansite's, the floor's and each
// Hugo site's, with plansite's ratios to them, and the targets.
func printSize(n, runs int, p result, f floor, sites []hugoSite, hs map[hugoSite]*timings) {
	fmt.Printf("\n%d tasks, median of %d round(s), the tools taking turns:\n", n, runs)
	const row = "  %-22s %8s %9s %8s %8s %9s | %6s %6s %6s\n"
	fmt.Printf(row, "", "files", "MB", "wall", "CPU", "peak RSS", "wall×", "CPU×", "RSS×")
	fmt.Printf(row, "plansite", fmt.Sprint(p.files), mbytes(p.bytes), secs(p.wall), secs(p.cpu), mb(p.rssKB), "", "", "")
	fmt.Printf(row, "floor: write", fmt.Sprint(p.files), mbytes(p.bytes), secs(f.write), secs(f.writeCPU), "", "", "", "")
	fmt.Printf(row, "floor: read table", "", "", secs(f.table), secs(f.tableCPU), "", "", "", "")
	fmt.Printf(row, "floor", "", "", secs(f.total()), secs(f.totalCPU()), "", ratio(p.wall, f.total()), ratio(p.cpu, f.totalCPU()), "")
	best := map[string]result{}
	for _, s := range sites {
		r := hs[s].med()
		fmt.Printf(row, hs[s].name, fmt.Sprint(r.files), mbytes(r.bytes), secs(r.wall), secs(r.cpu), mb(r.rssKB),
			ratio(p.wall, r.wall), ratio(p.cpu, r.cpu), fmt.Sprintf("%.3f", float64(p.rssKB)/float64(r.rssKB)))
		if b, ok := best[s.kind]; !ok || r.wall < b.wall {
			best[s.kind] = r
		}
	}
	fmt.Printf("  CPU per task %.0f µs; ×: plansite's figure over the row's\n",
		float64(p.cpu.Microseconds())/float64(n))
	target := func(what string, got, limit float64) {
		verdict := "holds"
		if got > limit {
			verdict = fmt.Sprintf("misses by %.0f%%", (got/limit-1)*100)
		}
		fmt.Printf("  target %-34s at most %.2f: %.3f, %s\n", what, limit, got, verdict)
	}
	target("wall against the floor", p.wall.Seconds()/f.total().Seconds(), 4)
	if e, ok := best[equalSite]; ok {
		target("wall against Hugo, equal work", p.wall.Seconds()/e.wall.Seconds(), 0.10)
		target("peak RSS against Hugo, equal work", float64(p.rssKB)/float64(e.rssKB), 0.25)
	}
}

func ratio(a, b time.Duration) string {
	if b <= 0 {
		return "—"
	}
	return fmt.Sprintf("%.3f", a.Seconds()/b.Seconds())
}
