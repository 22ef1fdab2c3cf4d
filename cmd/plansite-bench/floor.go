package main

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"
)

// The floor is what any generator of this output must spend at least:
// writing the built site's bytes, held in memory, one open, write and
// close a file on every core, and reading and parsing the table. A build's
// ratio to it says how much of its time is its own work.
type floor struct {
	write time.Duration // making the folders and writing every file
	table time.Duration // plansite check: reading and parsing the table
	// CPU time of each, user and system: the writes' is this process's
	// while it writes.
	writeCPU, tableCPU time.Duration
}

func (f floor) total() time.Duration    { return f.write + f.table }
func (f floor) totalCPU() time.Duration { return f.writeCPU + f.tableCPU }

// selfCPU is the user and system time of this process so far.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// siteFile is one file of a built site, read into memory.
type siteFile struct {
	path string
	data []byte
}

// readSite reads every file of the built site at dir, and lists its
// folders, parents first.
func readSite(dir string) (files []siteFile, dirs []string, err error) {
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if d.IsDir() {
			if rel != "." {
				dirs = append(dirs, rel)
			}
			return nil
		}
		data, err := os.ReadFile(path)
		files = append(files, siteFile{rel, data})
		return err
	})
	return files, dirs, err
}

// writeFloor times writing files into the new folder out: its folders
// first, then the files on GOMAXPROCS goroutines, each one open, write and
// close, as a generator that has the bytes must at least do.
func writeFloor(files []siteFile, dirs []string, out string) (wall, cpu time.Duration, err error) {
	os.RemoveAll(out)
	start, startCPU := time.Now(), selfCPU()
	if err := os.Mkdir(out, 0o755); err != nil {
		return 0, 0, err
	}
	for _, d := range dirs {
		if err := os.Mkdir(filepath.Join(out, d), 0o755); err != nil {
			return 0, 0, err
		}
	}
	next := make(chan siteFile)
	errs := make(chan error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var first error
			for f := range next {
				if first == nil {
					first = os.WriteFile(filepath.Join(out, f.path), f.data, 0o644)
				}
			}
			errs <- first
		}()
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	wall, cpu = time.Since(start), selfCPU()-startCPU
	close(errs)
	for err := range errs {
		if err != nil {
			return 0, 0, err
		}
	}
	os.RemoveAll(out)
	return wall, cpu, nil
}

// measureFloor times writing the site built at public into a new folder
// beside it, and plansite check reading the table of content. The site is
// held and written by a process of its own: a process's peak memory stays
// its peak, and Linux counts the peak of the process that starts a program
// into the program's, so every build timed after would seem to need at
// least the whole site's bytes.
func measureFloor(bin, content, public string) (floor, error) {
	self, err := os.Executable()
	if err != nil {
		return floor{}, err
	}
	var out strings.Builder
	cmd := exec.Command(self, "-floor-write", public)
	cmd.Stdout, cmd.Stderr = &out, os.Stderr
	if err := cmd.Run(); err != nil {
		return floor{}, fmt.Errorf("floor: %v", err)
	}
	var wn, cn int64
	if _, err := fmt.Sscan(out.String(), &wn, &cn); err != nil {
		return floor{}, fmt.Errorf("floor: %q: %v", out.String(), err)
	}
	w, wcpu := time.Duration(wn), time.Duration(cn)
	r, err := timed(exec.Command(bin, "check", "-content", content))
	if err != nil {
		return floor{}, fmt.Errorf("plansite check %s: %v", content, err)
	}
	return floor{write: w, table: r.wall, writeCPU: wcpu, tableCPU: r.cpu}, nil
}

// floorChild is the process that writes the floor: it reads the site at
// public and writes it beside it, printing the wall and CPU time of the
// writing in nanoseconds.
func floorChild(public string) error {
	files, dirs, err := readSite(public)
	if err != nil {
		return err
	}
	w, cpu, err := writeFloor(files, dirs, public+"-floor")
	if err != nil {
		return err
	}
	fmt.Println(int64(w), int64(cpu))
	return nil
}
