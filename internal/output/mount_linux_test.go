package output

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// mountTmpfs mounts a new tmpfs on a new folder, or skips the test where
// that is not allowed (not root, no CAP_SYS_ADMIN).
func mountTmpfs(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(realTemp(t), "mnt")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("plansite-test", dir, "tmpfs", 0, "size=16m"); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			t.Errorf("unmounting %s: %v", dir, err)
		}
	})
	return dir
}

// A real mount point is told as one, and builds into it work: the folder
// stays mounted and what it holds is replaced.
func TestRealMountPoint(t *testing.T) {
	dir := mountTmpfs(t)
	if ok, err := isMountPoint(dir); err != nil || !ok {
		t.Fatalf("isMountPoint(%s) = %v, %v", dir, ok, err)
	}
	if ok, err := isMountPoint(filepath.Dir(dir)); err != nil || ok {
		t.Errorf("isMountPoint(its parent) = %v, %v", ok, err)
	}
	// Renaming it is what the old code did, and what cannot work.
	if err := os.Rename(dir, dir+".moved"); !moveRefused(err) {
		t.Errorf("renaming the mount point: %v", err)
	}
	checkMountSwap(t, dir)
}

// A bind mount of a folder of the same file system has the device of its
// parent; statx still tells it for a mount point.
func TestBindMountPoint(t *testing.T) {
	root := realTemp(t)
	src, dir := filepath.Join(root, "src"), filepath.Join(root, "mnt")
	for _, d := range []string{src, dir} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mount(src, dir, "", syscall.MS_BIND, ""); err != nil {
		t.Skipf("cannot bind-mount here: %v", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			t.Errorf("unmounting %s: %v", dir, err)
		}
	})
	if ok, err := isMountPoint(dir); err != nil || !ok {
		t.Fatalf("isMountPoint(%s) = %v, %v", dir, ok, err)
	}
	checkMountSwap(t, dir)
}
