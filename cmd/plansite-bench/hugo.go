package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Two Hugo sites are timed for each table: the anchor, bare pages of the
// same tasks (../shared/bench/hugo-anchor, made from tasks.csv), and the
// equal-work site, which renders plansite's very pages file for file
// (../shared/bench/hugo-equal, made from the data/plan.json of plansite's
// build). Neither conversion is timed.
const (
	anchorSite = "anchor"
	equalSite  = "equal"
)

// hugoSite is a Hugo site made for one table and one Hugo binary.
type hugoSite struct {
	kind string // anchorSite or equalSite
	hugo hugoBin
	dir  string
}

// makeAnchor makes the anchor site of the table tasks in dir.
func makeAnchor(anchor, tasks, dir string) error {
	conv := exec.Command("python3", filepath.Join(anchor, "csv2hugo.py"), tasks, dir)
	conv.Stderr = os.Stderr
	if err := conv.Run(); err != nil {
		return fmt.Errorf("csv2hugo.py %s: %v", tasks, err)
	}
	return nil
}

// makeEqual makes the equal-work site, for the Hugo binary hugo, of the
// plansite build in public, in dir.
func makeEqual(equal, hugo, public, dir string) error {
	conv := exec.Command("python3", filepath.Join(equal, "plan2hugo.py"), "--hugo", hugo, public, dir)
	conv.Stdout, conv.Stderr = os.Stderr, os.Stderr
	if err := conv.Run(); err != nil {
		return fmt.Errorf("plan2hugo.py %s: %v", public, err)
	}
	return nil
}

// hugoBuild times Hugo building the site in dir into out, each time from
// nothing: without its resources cache, into an empty folder.
func hugoBuild(hugo, dir, out string) (result, error) {
	os.RemoveAll(out)
	os.RemoveAll(filepath.Join(dir, "resources"))
	r, err := timed(exec.Command(hugo, "--minify", "--quiet", "-s", dir, "-d", out))
	if err != nil {
		return r, fmt.Errorf("hugo %s: %v", dir, err)
	}
	r.files, r.bytes = countFiles(out)
	os.RemoveAll(out)
	return r, nil
}

// hugoBin is a Hugo binary and its version number.
type hugoBin struct{ bin, version, full string }

// hugoAvailable lists the Hugo binaries to time: those named, else hugo on
// the PATH (Debian's) and one installed with go install, each version
// once. None when Python is missing.
func hugoAvailable(list string) []hugoBin {
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

// siteAvailable reports whether the Hugo site folder has its converter.
func siteAvailable(dir, converter string) bool {
	_, err := os.Stat(filepath.Join(dir, converter))
	return err == nil
}
