// Command plansite-bench times plansite's full build on synthetic tables of
// growing size, side by side with Hugo building the equivalent site (the
// anchor site of ../shared/bench/hugo-anchor) in the same run, and the
// preview server's delay from a one-cell change to the browser showing it.
// `make bench` runs it.
//
//	plansite-bench [-sizes 1000,10000,100000] [-plansite bin/plansite] [-anchor DIR] [-work DIR]
//
// Every build is a separate process, timed from start to exit, with its
// peak resident memory from the kernel's accounting (getrusage of the
// child). Each tool writes into an empty folder.
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
	flag.Parse()
	if err := run(*sizes, *bin, *anchor, *work, *real, *realRuns, *serveSize); err != nil {
		fmt.Fprintln(os.Stderr, "plansite-bench:", err)
		os.Exit(1)
	}
}

// result is one timed process.
type result struct {
	wall  time.Duration
	rssKB int64
	files int
}

func run(sizeList, bin, anchor, work, real string, realRuns, serveSize int) error {
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
	hugo := hugoAvailable(anchor)
	machine()
	if hugo == "" {
		fmt.Println("Hugo or the anchor site is missing: timing plansite alone (apt-get install -y hugo; -anchor DIR)")
	}
	fmt.Println()

	const row = "%8s %9s %9s %9s %12s | %9s %9s %9s | %10s %10s\n"
	fmt.Printf(row, "tasks", "files", "wall", "peak RSS", "ms/1k tasks", "hugo files", "wall", "peak RSS", "wall ratio", "RSS ratio")
	for _, n := range sizes {
		dir := filepath.Join(work, fmt.Sprintf("t%d", n))
		content := filepath.Join(dir, "content")
		if err := synth.Write(content, n, 1); err != nil {
			return err
		}
		p, err := plansiteBuild(bin, content, filepath.Join(dir, "public"))
		if err != nil {
			return err
		}
		os.RemoveAll(filepath.Join(dir, "public"))
		hf, hw, hr, wr, rr := "—", "—", "—", "—", "—"
		if hugo != "" {
			h, err := hugoBuild(hugo, anchor, filepath.Join(content, "tasks.csv"), dir)
			if err != nil {
				return err
			}
			hf, hw, hr = fmt.Sprint(h.files), secs(h.wall), mb(h.rssKB)
			wr, rr = fmt.Sprintf("%.3f", p.wall.Seconds()/h.wall.Seconds()), fmt.Sprintf("%.3f", float64(p.rssKB)/float64(h.rssKB))
			os.RemoveAll(filepath.Join(dir, "hugo-site"))
			os.RemoveAll(filepath.Join(dir, "hugo-public"))
		}
		fmt.Printf(row, fmt.Sprint(n), fmt.Sprint(p.files), secs(p.wall), mb(p.rssKB),
			fmt.Sprintf("%.0f", float64(p.wall.Milliseconds())*1000/float64(n)), hf, hw, hr, wr, rr)
	}
	fmt.Println()

	if err := realTable(bin, hugo, anchor, real, work, realRuns); err != nil {
		return err
	}
	if serveSize > 0 {
		fmt.Println()
		return serveLatency(bin, filepath.Join(work, "serve"), serveSize)
	}
	return nil
}

// realTable times both tools on the real table, several times each.
func realTable(bin, hugo, anchor, content, work string, runs int) error {
	if _, err := os.Stat(filepath.Join(content, "tasks.csv")); err != nil {
		fmt.Printf("real table: %s has no tasks.csv; skipped\n", content)
		return nil
	}
	var pt, ht []time.Duration
	var p, h result
	var err error
	for i := 0; i < runs; i++ {
		out := filepath.Join(work, "real-public")
		if p, err = plansiteBuild(bin, content, out); err != nil {
			return err
		}
		os.RemoveAll(out)
		pt = append(pt, p.wall)
		if hugo != "" {
			if h, err = hugoBuild(hugo, anchor, filepath.Join(content, "tasks.csv"), filepath.Join(work, "real")); err != nil {
				return err
			}
			ht = append(ht, h.wall)
		}
	}
	fmt.Printf("real table (%s, %d files), process start to exit, median of %d: plansite %s", content, p.files, runs, ms(median(pt)))
	if hugo != "" {
		fmt.Printf(", hugo %s (%d files): ratio %.3f", ms(median(ht)), h.files, median(pt).Seconds()/median(ht).Seconds())
	}
	fmt.Println()
	return nil
}

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func plansiteBuild(bin, content, out string) (result, error) {
	os.RemoveAll(out)
	r, err := timed(exec.Command(bin, "build", "-content", content, "-out", out))
	if err != nil {
		return r, fmt.Errorf("plansite build %s: %v", content, err)
	}
	r.files = countFiles(out)
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
	r.files = countFiles(out)
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
	}
	if err != nil {
		return r, fmt.Errorf("%v: %s", err, stderr.String())
	}
	return r, nil
}

func countFiles(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}

func hugoAvailable(anchor string) string {
	h, err := exec.LookPath("hugo")
	if err != nil {
		return ""
	}
	if _, err := os.Stat(filepath.Join(anchor, "csv2hugo.py")); err != nil {
		return ""
	}
	if _, err := exec.LookPath("python3"); err != nil {
		return ""
	}
	return h
}

// machine prints what the figures were measured on.
func machine() {
	fmt.Printf("machine: %d cores (GOMAXPROCS %d), %s memory, %s/%s, %s\n", runtime.NumCPU(), runtime.GOMAXPROCS(0), memTotal(), runtime.GOOS, runtime.GOARCH, runtime.Version())
	if out, err := exec.Command("hugo", "version").Output(); err == nil {
		fmt.Printf("hugo: %s", out)
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
