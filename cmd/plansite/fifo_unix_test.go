//go:build unix

package main

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"plansite/internal/foldertest"
)

// check and build stop at once, with the file named, when the content
// folder holds a named pipe, which would make a reader wait for ever.
func TestNamedPipeStopsCheckAndBuild(t *testing.T) {
	content := foldertest.Copy(t, "../../content")
	if err := syscall.Mkfifo(filepath.Join(content, "notes.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	for _, args := range [][]string{
		{"check", "-content", content},
		{"build", "-content", content, "-templates", "../../templates", "-static", "../../static", "-out", out},
	} {
		done := make(chan struct{})
		var code int
		var stdout, stderr string
		go func() {
			code, stdout, stderr = runArgs(args...)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("%s waits on the pipe", args[0])
		}
		if msg := stdout + stderr; code != 1 || !strings.Contains(msg, `/"notes.md": `) || !strings.Contains(msg, "it is a named pipe (FIFO)") {
			t.Errorf("%s: exit %d, %q", args[0], code, msg)
		}
	}
}
