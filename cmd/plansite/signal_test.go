//go:build unix

package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"plansite/internal/foldertest"
	"plansite/internal/synth"
)

// signalSetup builds the plansite binary, a synthetic table large enough
// that writing its site takes seconds, and a previous site in public/ from
// the bundled content.
func signalSetup(t *testing.T) (bin, root, content, out string) {
	t.Helper()
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	bin = filepath.Join(root, "plansite")
	if b, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	content = filepath.Join(root, "content")
	if err := synth.Write(content, 5000, 1); err != nil {
		t.Fatal(err)
	}
	out = filepath.Join(root, "public")
	bundled, err := filepath.Abs("../../content")
	if err != nil {
		t.Fatal(err)
	}
	if b, err := exec.Command(bin, "build", "-content", bundled, "-out", out).CombinedOutput(); err != nil {
		t.Fatalf("the first build: %v\n%s", err, b)
	}
	return bin, root, content, out
}

// startWriting starts a build of the large table and returns once it has
// written its first page into its temporary folder, with that folder.
func startWriting(t *testing.T, bin, root, content, out string, stderr *bytes.Buffer) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(bin, "build", "-content", content, "-out", out)
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Only to catch a hang: the first page comes within seconds.
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		tmps, _ := filepath.Glob(filepath.Join(root, ".public.new-*"))
		for _, tmp := range tmps {
			// The site is in site/ (in the folder itself before
			// temporary folders had their own marker).
			for _, pages := range []string{"site/tasks/*", "tasks/*"} {
				if found, _ := filepath.Glob(filepath.Join(tmp, filepath.FromSlash(pages))); len(found) > 0 {
					return cmd, tmp
				}
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	cmd.Process.Kill()
	cmd.Wait()
	t.Fatalf("the build wrote no page in 2 minutes: %s", stderr)
	return nil, ""
}

// SIGTERM or SIGINT in the middle of writing: the build stops, removes its
// temporary folder, says so in one line and exits with 128 + the signal;
// the previous site is exactly as it was.
func TestBuildStopsOnSignal(t *testing.T) {
	bin, root, content, out := signalSetup(t)
	before := foldertest.Snapshot(t, out)
	for _, tc := range []struct {
		sig  syscall.Signal
		name string
	}{{syscall.SIGTERM, "SIGTERM"}, {syscall.SIGINT, "SIGINT (Ctrl-C)"}} {
		t.Run(tc.name, func(t *testing.T) {
			var stderr bytes.Buffer
			cmd, tmp := startWriting(t, bin, root, content, out, &stderr)
			if err := cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 128+int(tc.sig) {
				t.Errorf("exit: %v, want status %d", err, 128+int(tc.sig))
			}
			want := fmt.Sprintf("plansite: build stopped by %s: what it had written is removed, and -out %q is as it was\n", tc.name, out)
			if stderr.String() != want {
				t.Errorf("stderr %q\nwant %q", stderr.String(), want)
			}
			if _, err := os.Stat(tmp); !os.IsNotExist(err) {
				t.Errorf("the temporary folder %s is left: %v", tmp, err)
			}
			entries, _ := os.ReadDir(root)
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".public.") {
					t.Errorf("%s is left", e.Name())
				}
			}
			foldertest.Unchanged(t, "public/", before, foldertest.Snapshot(t, out))
		})
	}
}

// A build killed outright (SIGKILL, as by the kernel out of memory) cannot
// clean up: its temporary folder stays, marked from its first moment, and
// the next build removes it.
func TestKilledBuildIsCleanedUp(t *testing.T) {
	bin, root, content, out := signalSetup(t)
	before := foldertest.Snapshot(t, out)
	var stderr bytes.Buffer
	cmd, tmp := startWriting(t, bin, root, content, out, &stderr)
	cmd.Process.Kill()
	cmd.Wait()
	b, err := os.ReadFile(filepath.Join(tmp, ".plansite-build"))
	if err != nil || !strings.HasPrefix(string(b), "plansite-build 2 temporary\n") {
		t.Fatalf("the killed build's folder has no marker: %q, %v", b, err)
	}
	foldertest.Unchanged(t, "public/", before, foldertest.Snapshot(t, out))
	bundled, _ := filepath.Abs("../../content")
	if b, err := exec.Command(bin, "build", "-content", bundled, "-out", out).CombinedOutput(); err != nil {
		t.Fatalf("the next build: %v\n%s", err, b)
	}
	if _, err := os.Stat(tmp); !os.IsNotExist(err) {
		t.Errorf("the next build left %s: %v", tmp, err)
	}
}
