// Command plansite-bench times plansite's full build on synthetic tables of
// growing size, side by side with Hugo building the equivalent site (the
// anchor site of ../shared/bench/hugo-anchor) in the same run, and the
// preview server's delay from a one-cell change to the browser showing it.
// `make bench` runs it.
//
//	plansite-bench [-sizes 1000,10000,100000] [-plansite bin/plansite] [-anchor DIR] [-work DIR]
//	               [-hugo BIN,BIN] [-profile] [-portals 10,30,60]
//
// Every build is a separate process, timed from start to exit, with its
// peak resident memory and CPU time from the kernel's accounting
// (getrusage of the child). Each tool writes into an empty folder. Every
// Hugo found is timed and the ratios are to the fastest of them: the
// target is to beat Hugo, whichever version is quicker on the machine.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"plansite/internal/synth"
)

func main() {
	sizes := flag.String("sizes", "1000,10000,100000", "numbers of tasks of the synthetic tables")
	bin := flag.String("plansite", "bin/plansite", "the plansite binary to time")
	anchor := flag.String("anchor", "../shared/bench/hugo-anchor", "the Hugo anchor site (csv2hugo.py and layouts/)")
	work := flag.String("work", "", "folder for tables and outputs (default: a new folder in /dev/shm when there is one, else in the temporary folder; removed at the end)")
	real := flag.String("real", "content", "the real table's content folder")
	realRuns := flag.Int("real-runs", 5, "runs of each tool on the real table (the median is given)")
	serveSize := flag.Int("serve-tasks", 10000, "table size for the preview latency; 0 skips it")
	hugos := flag.String("hugo", "", "Hugo binaries to time, separated by commas (default: hugo on the PATH and in $(go env GOPATH)/bin)")
	flag.BoolVar(&profile, "profile", false, "write a CPU profile of each plansite build and print its top five entries")
	flag.StringVar(&portals, "portals", "10,30,60", "numbers of plans of the synthetic portals, each plan of 20,000/60 tasks; \"\" skips them")
	flag.Parse()
	if err := run(*sizes, *bin, *anchor, *work, *real, *hugos, *realRuns, *serveSize); err != nil {
		fmt.Fprintln(os.Stderr, "plansite-bench:", err)
		os.Exit(1)
	}
}

// profile: each plansite build writes a CPU profile, whose top entries are
// printed.
var profile bool

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

func run(sizeList, bin, anchor, work, real, hugoList string, realRuns, serveSize int) error {
	var sizes []int
	for _, s := range strings.Split(sizeList, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			return fmt.Errorf("-sizes: %q is not a number of tasks", s)
		}
		sizes = append(sizes, n)
	}
	bin, err := filepath.Abs(bin)
	if err != nil {
		return err
	}
	if work == "" {
		// Memory-backed by default: on a shared virtual disk, creating and
		// deleting tens of thousands of files takes wildly varying time that
		// has nothing to do with either tool.
		parent := ""
		if st, err := os.Stat("/dev/shm"); err == nil && st.IsDir() {
			parent = "/dev/shm"
		}
		if work, err = os.MkdirTemp(parent, "plansite-bench-"); err != nil {
			return err
		}
		defer os.RemoveAll(work)
	}
	fmt.Printf("work folder: %s\n", work)
	hugos := hugoAvailable(anchor, hugoList)
	machine(hugos)
	if len(hugos) == 0 {
		fmt.Println("Hugo or the anchor site is missing: timing plansite alone (apt-get install -y hugo; -anchor DIR)")
	}
	fmt.Println()

	const row = "%8s %8s %8s %8s %10s %7s | %-7s %8s %8s %8s | %6s %6s\n"
	fmt.Printf(row, "tasks", "files", "wall", "peak RSS", "CPU/task", "MB/s", "hugo", "files", "wall", "peak RSS", "wall×", "RSS×")
	var profiles []string
	for _, n := range sizes {
		dir := filepath.Join(work, fmt.Sprintf("t%d", n))
		content := filepath.Join(dir, "content")
		if err := synth.Write(content, n, 1); err != nil {
			return err
		}
		prof := ""
		if profile {
			prof = filepath.Join(work, fmt.Sprintf("plansite-%d.prof", n))
			profiles = append(profiles, prof)
		}
		p, err := plansiteBuild(bin, content, filepath.Join(dir, "public"), prof)
		if err != nil {
			return err
		}
		os.RemoveAll(filepath.Join(dir, "public"))
		var hs []result
		for _, hugo := range hugos {
			h, err := hugoBuild(hugo.bin, anchor, filepath.Join(content, "tasks.csv"), dir)
			if err != nil {
				return err
			}
			hs = append(hs, h)
			os.RemoveAll(filepath.Join(dir, "hugo-site"))
			os.RemoveAll(filepath.Join(dir, "hugo-public"))
		}
		fast := fastest(hs)
		cpuPerTask := fmt.Sprintf("%.0f µs", float64(p.cpu.Microseconds())/float64(n))
		rate := fmt.Sprintf("%.0f", float64(p.bytes)/(1<<20)/p.wall.Seconds())
		if len(hs) == 0 {
			fmt.Printf(row, fmt.Sprint(n), fmt.Sprint(p.files), secs(p.wall), mb(p.rssKB), cpuPerTask, rate, "—", "—", "—", "—", "—", "—")
		}
		for i, h := range hs {
			wr, rr := "", ""
			if i == fast {
				wr, rr = fmt.Sprintf("%.3f", p.wall.Seconds()/h.wall.Seconds()), fmt.Sprintf("%.3f", float64(p.rssKB)/float64(h.rssKB))
			}
			if i == 0 {
				fmt.Printf(row, fmt.Sprint(n), fmt.Sprint(p.files), secs(p.wall), mb(p.rssKB), cpuPerTask, rate,
					hugos[i].version, fmt.Sprint(h.files), secs(h.wall), mb(h.rssKB), wr, rr)
			} else {
				fmt.Printf(row, "", "", "", "", "", "", hugos[i].version, fmt.Sprint(h.files), secs(h.wall), mb(h.rssKB), wr, rr)
			}
		}
	}
	fmt.Println("CPU/task: plansite's user and system time over the tasks; MB/s: its output over its wall time;")
	fmt.Println("the ratios are plansite's to the fastest Hugo of each size.")
	fmt.Println()
	for _, prof := range profiles {
		printProfile(bin, prof)
	}

	if err := realTable(bin, hugos, anchor, real, work, realRuns); err != nil {
		return err
	}
	if portals != "" {
		fmt.Println()
		if err := portalBuilds(bin, work, portals); err != nil {
			return err
		}
	}
	if serveSize > 0 {
		fmt.Println()
		return serveLatency(bin, filepath.Join(work, "serve"), serveSize)
	}
	return nil
}

// realTable times both tools on the real table, several times each.
// The ratio is to the fastest Hugo's median.
func realTable(bin string, hugos []hugoBin, anchor, content, work string, runs int) error {
	if _, err := os.Stat(filepath.Join(content, "tasks.csv")); err != nil {
		fmt.Printf("real table: %s has no tasks.csv; skipped\n", content)
		return nil
	}
	var pt []time.Duration
	ht := make([][]time.Duration, len(hugos))
	hf := make([]int, len(hugos))
	var p result
	var err error
	for i := 0; i < runs; i++ {
		out := filepath.Join(work, "real-public")
		if p, err = plansiteBuild(bin, content, out, ""); err != nil {
			return err
		}
		os.RemoveAll(out)
		pt = append(pt, p.wall)
		for j, hugo := range hugos {
			h, err := hugoBuild(hugo.bin, anchor, filepath.Join(content, "tasks.csv"), filepath.Join(work, "real"))
			if err != nil {
				return err
			}
			ht[j], hf[j] = append(ht[j], h.wall), h.files
		}
	}
	fmt.Printf("real table (%s, %d files), process start to exit, median of %d: plansite %s", content, p.files, runs, ms(median(pt)))
	best := -1
	for j, hugo := range hugos {
		fmt.Printf(", hugo %s %s (%d files)", hugo.version, ms(median(ht[j])), hf[j])
		if best < 0 || median(ht[j]) < median(ht[best]) {
			best = j
		}
	}
	if best >= 0 {
		fmt.Printf(": ratio %.3f", median(pt).Seconds()/median(ht[best]).Seconds())
	}
	fmt.Println()
	return nil
}

// fastest is the index of the shortest wall time, -1 for none.
func fastest(rs []result) int {
	best := -1
	for i, r := range rs {
		if best < 0 || r.wall < rs[best].wall {
			best = i
		}
	}
	return best
}

// printProfile prints the five functions a build spent most CPU in, by
// their own time and with what they call.
func printProfile(bin, prof string) {
	for _, order := range [][]string{{}, {"-cum"}} {
		args := append([]string{"tool", "pprof", "-top", "-nodecount=5"}, order...)
		out, err := exec.Command("go", append(args, bin, prof)...).Output()
		if err != nil {
			fmt.Printf("profile %s: %v\n", prof, err)
			return
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		fmt.Printf("profile %s%s:\n", filepath.Base(prof), strings.Join(order, ""))
		for _, l := range lines {
			if strings.HasPrefix(l, "File:") || strings.HasPrefix(l, "Build ID:") || strings.HasPrefix(l, "Type:") ||
				strings.HasPrefix(l, "Time:") || strings.HasPrefix(l, "Dropped") {
				continue
			}
			fmt.Println("  " + l)
		}
	}
	fmt.Println()
}

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

// plansiteBuild times a build; prof, when not empty, is where it writes a
// CPU profile.
func plansiteBuild(bin, content, out, prof string) (result, error) {
	os.RemoveAll(out)
	cmd := exec.Command(bin, "build", "-content", content, "-out", out)
	if prof != "" {
		cmd.Env = append(os.Environ(), "PLANSITE_CPUPROFILE="+prof)
	}
	r, err := timed(cmd)
	if err != nil {
		return r, fmt.Errorf("plansite build %s: %v", content, err)
	}
	r.files, r.bytes = countFiles(out)
	return r, nil
}

// hugoBuild makes the anchor site of a table (not timed) and times Hugo
// building it.
func hugoBuild(hugo, anchor, tasks, dir string) (result, error) {
	siteDir, out := filepath.Join(dir, "hugo-site"), filepath.Join(dir, "hugo-public")
	conv := exec.Command("python3", filepath.Join(anchor, "csv2hugo.py"), tasks, siteDir)
	conv.Stderr = os.Stderr
	if err := conv.Run(); err != nil {
		return result{}, fmt.Errorf("csv2hugo.py %s: %v", tasks, err)
	}
	os.RemoveAll(out)
	r, err := timed(exec.Command(hugo, "--minify", "--quiet", "-s", siteDir, "-d", out))
	if err != nil {
		return r, fmt.Errorf("hugo %s: %v", siteDir, err)
	}
	r.files, r.bytes = countFiles(out)
	return r, nil
}

// timed runs a command to its end and reads its wall time and peak memory.
func timed(cmd *exec.Cmd) (result, error) {
	var stderr strings.Builder
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	start := time.Now()
	err := cmd.Run()
	r := result{wall: time.Since(start)}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.rssKB = ru.Maxrss // kilobytes on Linux
		r.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	if err != nil {
		return r, fmt.Errorf("%v: %s", err, stderr.String())
	}
	return r, nil
}

// countFiles counts the files under dir and their bytes.
func countFiles(dir string) (n int, size int64) {
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
			if info, err := d.Info(); err == nil {
				size += info.Size()
			}
		}
		return nil
	})
	return n, size
}

// hugoBin is a Hugo binary and its version number.
type hugoBin struct{ bin, version, full string }

// hugoAvailable lists the Hugo binaries to time: those named, else hugo on
// the PATH (Debian's) and one installed with go install, each version
// once. None when the anchor site or Python is missing.
func hugoAvailable(anchor, list string) []hugoBin {
	if _, err := os.Stat(filepath.Join(anchor, "csv2hugo.py")); err != nil {
		return nil
	}
	if _, err := exec.LookPath("python3"); err != nil {
		return nil
	}
	var cands []string
	if list != "" {
		cands = strings.Split(list, ",")
	} else {
		cands = append(cands, "hugo")
		if gopath, err := exec.Command("go", "env", "GOPATH").Output(); err == nil {
			cands = append(cands, filepath.Join(strings.TrimSpace(string(gopath)), "bin", "hugo"))
		}
	}
	var hs []hugoBin
	seen := map[string]bool{}
	for _, c := range cands {
		bin, err := exec.LookPath(strings.TrimSpace(c))
		if err != nil {
			continue
		}
		out, err := exec.Command(bin, "version").Output()
		if err != nil {
			continue
		}
		full := strings.TrimSpace(string(out))
		version := full
		if f := strings.Fields(full); len(f) > 1 {
			version = strings.TrimPrefix(strings.SplitN(f[1], "+", 2)[0], "v")
		}
		if !seen[version] {
			seen[version] = true
			hs = append(hs, hugoBin{bin, version, full})
		}
	}
	return hs
}

// machine prints what the figures were measured on.
func machine(hugos []hugoBin) {
	fmt.Printf("machine: %d cores (GOMAXPROCS %d), %s memory, %s/%s, %s\n", runtime.NumCPU(), runtime.GOMAXPROCS(0), memTotal(), runtime.GOOS, runtime.GOARCH, runtime.Version())
	for _, h := range hugos {
		fmt.Printf("hugo: %s (%s)\n", h.full, h.bin)
	}
	if load, err := os.ReadFile("/proc/loadavg"); err == nil {
		fmt.Printf("load average at start: %s", load)
	}
}

func memTotal() string {
	data, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "MemTotal:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return fmt.Sprintf("%.1f GiB", float64(kb)/(1<<20))
		}
	}
	return "unknown"
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }
func ms(d time.Duration) string   { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
func mb(kb int64) string          { return fmt.Sprintf("%.0f MB", float64(kb)/1024) }
