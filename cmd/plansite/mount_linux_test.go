package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A mount point (a Docker volume, a tmpfs) as -out: plansite cannot rename
// it, so it swaps what it holds, and the next build does the same.
func TestBuildIntoMountPoint(t *testing.T) {
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	mnt := filepath.Join(root, "mnt")
	if err := os.Mkdir(mnt, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("plansite-test", mnt, "tmpfs", 0, "size=64m"); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(mnt, 0); err != nil {
			t.Errorf("unmounting %s: %v", mnt, err)
		}
	})
	args := []string{"build", "-content", "../../content", "-templates", "../../templates", "-static", "../../static", "-out", mnt}
	for i := 1; i <= 2; i++ {
		if code, _, stderr := runArgs(args...); code != 0 {
			t.Fatalf("build %d: exit %d: %s", i, code, stderr)
		}
		if _, err := os.Stat(filepath.Join(mnt, "tasks", "1", "index.html")); err != nil {
			t.Errorf("build %d: %v", i, err)
		}
		entries, _ := os.ReadDir(mnt)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".plansite.") {
				t.Errorf("build %d left %s", i, e.Name())
			}
		}
	}
}
