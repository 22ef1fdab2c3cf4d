package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// import never writes over the file it imports, whatever name -o gives it,
// and leaves it as it was.
func TestImportKeepsItsInput(t *testing.T) {
	dir := t.TempDir()
	seed, err := os.ReadFile("../../seeds/000_1cf80931ab39ded8.txt")
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "seed.txt")
	os.WriteFile(in, seed, 0o644)
	os.Symlink("seed.txt", filepath.Join(dir, "link.txt"))
	for _, out := range []string{in, filepath.Join(dir, ".", "seed.txt"), filepath.Join(dir, "link.txt")} {
		code, _, stderr := runArgs("import", "-o", out, in)
		if code != 1 || !strings.Contains(stderr, "never writes over its input") || strings.Count(stderr, "\n") != 1 {
			t.Errorf("-o %s: exit %d, %q", out, code, stderr)
		}
		if data, _ := os.ReadFile(in); string(data) != string(seed) {
			t.Fatalf("-o %s changed the input", out)
		}
	}
	if code, _, stderr := runArgs("import", "-o", filepath.Join(dir, "tasks.csv"), in); code != 0 {
		t.Errorf("into another file: exit %d, %s", code, stderr)
	}
}

// Flags after the document are read, not ignored.
func TestImportFlagsAfterDocument(t *testing.T) {
	out := filepath.Join(t.TempDir(), "tasks.csv")
	code, _, stderr := runArgs("import", "../../seeds/000_1cf80931ab39ded8.txt", "-o", out)
	want, _ := os.ReadFile("../../content/tasks.csv")
	got, err := os.ReadFile(out)
	if code != 0 || err != nil || string(got) != string(want) {
		t.Errorf("exit %d (%s): %v", code, stderr, err)
	}
}
