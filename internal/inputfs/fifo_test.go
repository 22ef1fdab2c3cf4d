//go:build unix

package inputfs

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe never has a writer here: reading it would wait for ever.
// Listing its folder, opening it and reading it each fail at once with the
// file named.
func TestNamedPipe(t *testing.T) {
	dir := mkdirs(t, map[string]string{"a.css": "a"})
	if err := syscall.Mkfifo(filepath.Join(dir, "tasks.csv"), 0o644); err != nil {
		t.Fatal(err)
	}
	fsys, err := Open("content", dir)
	if err != nil {
		t.Fatal(err)
	}
	want := dir + `/"tasks.csv": error: it is a named pipe (FIFO), not a file or a folder`
	for what, call := range map[string]func() error{
		"read": func() error { _, err := fs.ReadFile(fsys, "tasks.csv"); return err },
		"open": func() error {
			f, err := fsys.Open("tasks.csv")
			if err == nil {
				f.Close()
			}
			return err
		},
		"list": func() error { _, err := fs.ReadDir(fsys, "."); return err },
		"walk": func() error { _, err := walked(fsys); return err },
		"limited read": func() error {
			_, err := ReadFile(fsys, "tasks.csv", "content/tasks.csv", Limit{Bytes: 10, What: "x"}, "")
			return err
		},
	} {
		done := make(chan error, 1)
		go func() { done <- call() }()
		select {
		case err := <-done:
			if err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Errorf("%s: %v, want %s…", what, err, want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s waits on the pipe", what)
		}
	}
}

// A device (here /dev/null's kind, made where the test may) is refused
// the same way; a link to one outside the folder was refused already.
func TestDevice(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mknod(filepath.Join(dir, "zero"), syscall.S_IFCHR|0o644, 1<<8|5); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI runs as root, which may make a device:", err)
		}
		t.Skip("cannot make a device here (needs root):", err)
	}
	fsys, err := Open("static", dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = fs.ReadFile(fsys, "zero")
	if want := `/"zero": error: it is a device`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want …%s…", err, want)
	}
	os.Remove(filepath.Join(dir, "zero"))
}
