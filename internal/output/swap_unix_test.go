//go:build unix

package output

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"

	"plansite/internal/foldertest"
)

// fakeMount makes the folder dir count as a mount point until the test
// ends.
func fakeMount(t *testing.T, dir string) {
	t.Helper()
	mountPoint = func(d string) (bool, error) { return d == dir, nil }
	t.Cleanup(func() { mountPoint = isMountPoint })
}

// busyRename makes renaming the folder dir itself fail as renaming a mount
// point does (EBUSY), until the test ends.
func busyRename(t *testing.T, dir string) {
	t.Helper()
	rename = func(from, to string) error {
		if from == dir || to == dir {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EBUSY}
		}
		return os.Rename(from, to)
	}
	t.Cleanup(func() { rename = os.Rename })
}

// checkMountSwap builds into dir twice, a failed build between, and checks
// that dir itself stays (a mount point cannot move) while what it holds is
// replaced, and that no temporary folder is left.
func checkMountSwap(t *testing.T, dir string) {
	t.Helper()
	st, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := writeSite(dir, site("1")...); err != nil {
		t.Fatal(err)
	}
	got := foldertest.Snapshot(t, dir)
	if got["index.html"].Data != "home 1" || got["tasks/1/index.html"].Data != "task 1 1" || !strings.HasPrefix(got[MarkerName].Data, header+"index.html\n") {
		t.Fatalf("first build: %q", got)
	}
	// A build that fails leaves it as it was.
	tg, err := CheckTarget(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	w, err := NewWriter(context.Background(), tg)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(File{Path: "index.html", Data: []byte("broken")}); err != nil {
		t.Fatal(err)
	}
	w.Abort()
	foldertest.Unchanged(t, "after a failed build", got, foldertest.Snapshot(t, dir))

	if err := writeSite(dir, append(site("2"), File{Path: "new/index.html", Data: []byte("new")})...); err != nil {
		t.Fatal(err)
	}
	got = foldertest.Snapshot(t, dir)
	if got["index.html"].Data != "home 2" || got["new/index.html"].Data != "new" {
		t.Errorf("second build: %q", got)
	}
	if now, err := os.Stat(dir); err != nil || !os.SameFile(st, now) {
		t.Errorf("the folder itself was replaced: %v", err)
	}
	for _, n := range names(t, dir) {
		if strings.HasPrefix(n, ".plansite.") {
			t.Errorf("%s is left in the folder", n)
		}
	}
	for _, n := range names(t, filepath.Dir(dir)) {
		if strings.Contains(n, ".new-") || strings.Contains(n, ".old-") {
			t.Errorf("%s is left beside the folder", n)
		}
	}
}

// A mount point found before the build: the site is made in a temporary
// folder inside it and swapped in entry by entry.
func TestMountPointContentsSwapped(t *testing.T) {
	dir := filepath.Join(realTemp(t), "mnt")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	fakeMount(t, dir)
	busyRename(t, dir)
	checkMountSwap(t, dir)
}

// A mount point that only the failed rename reveals (EBUSY): the contents
// are swapped from the folder beside it.
func TestRenameBusyFallsBack(t *testing.T) {
	dir := filepath.Join(realTemp(t), "mnt")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	busyRename(t, dir)
	checkMountSwap(t, dir)
}

// A mount point's temporary folders are inside it: those of a build that
// was killed are removed by the next and never count as foreign files;
// another running build's are left.
func TestMountPointStaleTempFolders(t *testing.T) {
	dir := filepath.Join(realTemp(t), "mnt")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	fakeMount(t, dir)
	if err := writeSite(dir, site("1")...); err != nil {
		t.Fatal(err)
	}
	put(t, filepath.Join(dir, ".plansite.new-1", MarkerName), tempHeader)
	put(t, filepath.Join(dir, ".plansite.new-1", "site/index.html"), "half")
	put(t, filepath.Join(dir, ".plansite.old-2", MarkerName), tempHeader)
	lock, err := os.OpenFile(filepath.Join(dir, ".plansite.old-2", MarkerName), os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	if ok, err := tryLock(lock); !ok || err != nil {
		t.Fatalf("locking: %v %v", ok, err)
	}
	if err := writeSite(dir, site("2")...); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".plansite.new-1")); !os.IsNotExist(err) {
		t.Errorf("the stale folder is left: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".plansite.old-2", MarkerName)); err != nil {
		t.Errorf("the running build's folder is gone: %v", err)
	}
	// A folder of that name that is no build's is the user's.
	put(t, filepath.Join(dir, ".plansite.new-mine", "notes.txt"), "mine")
	if err := writeSite(dir, site("3")...); err == nil || !strings.Contains(err.Error(), `holds the folder ".plansite.new-mine"`) {
		t.Errorf("a folder of the user's: %v", err)
	}
}

// Two builds into one folder at once: neither removes the other's folder,
// both commit, and the folder holds one whole site.
func TestTwoBuildsAtOnce(t *testing.T) {
	root := realTemp(t)
	dir := filepath.Join(root, "public")
	a := writeWith(t, dir, site("a"))
	b := writeWith(t, dir, site("b")) // its NewWriter found a's folder live
	if _, err := os.Stat(filepath.Join(a.site, "index.html")); err != nil {
		t.Fatalf("the second build removed the first's folder: %v", err)
	}
	if err := a.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	got := foldertest.Snapshot(t, dir)
	if got["index.html"].Data != "home b" || got["tasks/1/index.html"].Data != "task 1 b" {
		t.Errorf("the site is %q", got)
	}
	if n := names(t, root); len(n) != 1 {
		t.Errorf("beside the site: %q", n)
	}
}

// Temporary folders that stopped builds left are removed by the next build
// when their marker is free; one whose marker a running build holds is left,
// and so is any folder that is not a build's.
func TestRemovesStaleTempFolders(t *testing.T) {
	root := realTemp(t)
	dir := filepath.Join(root, "public")
	if err := writeSite(dir, site("1")...); err != nil {
		t.Fatal(err)
	}
	// A crash leaves the folder, its marker and part of a site, unlocked.
	for _, name := range []string{".public.new-111", ".public.old-222"} {
		put(t, filepath.Join(root, name, MarkerName), tempHeader)
		put(t, filepath.Join(root, name, "site/tasks/1/index.html"), "half")
	}
	os.Mkdir(filepath.Join(root, ".public.new-333"), 0o755) // died before its marker
	// A running build's folder: its marker locked.
	put(t, filepath.Join(root, ".public.new-444", MarkerName), tempHeader)
	lock, err := os.OpenFile(filepath.Join(root, ".public.new-444", MarkerName), os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	if ok, err := tryLock(lock); !ok || err != nil {
		t.Fatalf("locking: %v %v", ok, err)
	}
	// Not a build's: no marker, another marker, or another name.
	put(t, filepath.Join(root, ".public.new-mine", "notes.txt"), "mine")
	put(t, filepath.Join(root, ".public.new-555", MarkerName), "x\n")
	put(t, filepath.Join(root, ".other.new-666", MarkerName), tempHeader)

	if err := writeSite(dir, site("2")...); err != nil {
		t.Fatal(err)
	}
	got := names(t, root)
	want := []string{".other.new-666", ".public.new-444", ".public.new-555", ".public.new-mine", "public"}
	sort.Strings(got)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("left %q\nwant %q", got, want)
	}
}
