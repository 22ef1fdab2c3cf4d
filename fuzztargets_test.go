package plansite_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestMakeFuzzRunsEveryTarget keeps `make fuzz`, which CI runs, in step
// with the fuzz targets: a target that is only written is never run long
// enough to find anything.
func TestMakeFuzzRunsEveryTarget(t *testing.T) {
	mk, err := os.ReadFile("Makefile")
	if err != nil {
		t.Fatal(err)
	}
	// A line of the fuzz rule: -fuzz '^FuzzName$$' … ./internal/pkg
	rule := regexp.MustCompile(`-fuzz '\^(Fuzz\w+)\$\$' .* \./(\S+)`)
	inMake := map[string]bool{}
	for _, m := range rule.FindAllStringSubmatch(string(mk), -1) {
		inMake[m[2]+" "+m[1]] = true
	}
	decl := regexp.MustCompile(`(?m)^func (Fuzz\w+)\(f \*testing\.F\)`)
	found := 0
	err = filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) && path != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range decl.FindAllStringSubmatch(string(src), -1) {
			found++
			if key := filepath.ToSlash(filepath.Dir(path)) + " " + m[1]; !inMake[key] {
				t.Errorf("%s: %s is not run by make fuzz (the Makefile's fuzz rule has no line for ./%s)", path, m[1], filepath.Dir(path))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found == 0 || len(inMake) == 0 {
		t.Fatalf("found %d fuzz targets and %d lines of the fuzz rule", found, len(inMake))
	}
}
