package main

import (
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
)

// realTable times plansite and Hugo's anchor site on the real table,
// several times each. The ratio is to the fastest Hugo's median. (The
// equal-work site is made for synthetic tables only.)
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
	site := filepath.Join(work, "real-hugo")
	defer os.RemoveAll(site)
	if len(hugos) > 0 && siteAvailable(anchor, "csv2hugo.py") {
		if err := makeAnchor(anchor, filepath.Join(content, "tasks.csv"), site); err != nil {
			return err
		}
	} else {
		hugos = nil
	}
	for i := 0; i < runs; i++ {
		out := filepath.Join(work, "real-public")
		if p, err = plansiteBuild(bin, content, out, ""); err != nil {
			return err
		}
		os.RemoveAll(out)
		pt = append(pt, p.wall)
		for j, hugo := range hugos {
			h, err := hugoBuild(hugo.bin, site, filepath.Join(work, "real-hugo-public"))
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

func medianInt(ns []int64) int64 {
	s := append([]int64(nil), ns...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
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
	cmd := exec.Command(bin, "build", "-content", content, "-out", out, "-base-url", baseURL)
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
func mbytes(b int64) string       { return fmt.Sprintf("%.1f", float64(b)/1e6) }
