//go:build unix

package document

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// fakeSoffice writes a shell script that stands in for LibreOffice, and
// sets TMPDIR to a folder of the test's own, which must be empty when the
// test ends: every conversion removes what it made.
func fakeSoffice(t *testing.T, script string) string {
	t.Helper()
	dir := t.TempDir()
	tmp := filepath.Join(dir, "tmp")
	if err := os.Mkdir(tmp, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", tmp)
	t.Cleanup(func() {
		if left, _ := os.ReadDir(tmp); len(left) > 0 {
			t.Errorf("the conversion left %s in the temporary folder", left[0].Name())
		}
	})
	prog := filepath.Join(dir, "soffice")
	if err := os.WriteFile(prog, []byte("#!/bin/sh\n"+script), 0o700); err != nil {
		t.Fatal(err)
	}
	return prog
}

// TestConvertArguments: LibreOffice is given a copy of the document under
// a plain name (a file named like an option cannot become one), a profile
// and a home of the conversion's own, and its result is read.
func TestConvertArguments(t *testing.T) {
	dir := t.TempDir()
	result := filepath.Join(dir, "result.docx")
	if err := os.WriteFile(result, docxFile(t, wp(wr("转换后"))), 0o600); err != nil {
		t.Fatal(err)
	}
	args := filepath.Join(dir, "args")
	prog := fakeSoffice(t, `
for a in "$@"; do echo "$a"; done > `+args+`
echo "HOME=$HOME" >> `+args+`
while [ $# -gt 1 ]; do
	if [ "$1" = --outdir ]; then out=$2; fi
	shift
done
mkdir -p "$out" && cp `+result+` "$out/document.docx"
`)
	doc, err := Read(context.Background(), "-rf.doc", ole("WordDocument"), Options{Soffice: prog})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Converted != "doc" || len(doc.Paragraphs) != 1 || doc.Paragraphs[0] != "转换后" {
		t.Errorf("read %+v", doc)
	}
	data, err := os.ReadFile(args)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	tmp := os.Getenv("TMPDIR")
	in := lines[len(lines)-2]
	home := strings.TrimPrefix(lines[len(lines)-1], "HOME=")
	if !strings.HasPrefix(in, tmp+"/plansite-convert-") || filepath.Base(in) != "document.doc" {
		t.Errorf("LibreOffice was given %q, want a copy named document.doc in a folder of the conversion's own", in)
	}
	if !strings.HasPrefix(lines[0], "-env:UserInstallation=file://"+tmp+"/plansite-convert-") || !strings.HasPrefix(home, tmp+"/plansite-convert-") {
		t.Errorf("profile %q, home %q: want both in the conversion's folder", lines[0], home)
	}
	for _, a := range lines {
		if a == "-rf.doc" {
			t.Errorf("the file's own name reached LibreOffice's command line: %q", lines)
		}
	}
}

func TestConvertFails(t *testing.T) {
	prog := fakeSoffice(t, `echo "Error: source file could not be loaded"`+"\n")
	_, err := Read(context.Background(), "a.wps", ole("WordDocument"), Options{Soffice: prog})
	want := "a.wps: error: LibreOffice could not convert the document (Error: source file could not be loaded); is it damaged or protected by a password? Open it in Word or WPS and save it as .docx"
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

// TestConvertTimeout: a conversion that hangs is stopped at the timeout,
// with the process LibreOffice started (soffice.bin, here a sleep).
func TestConvertTimeout(t *testing.T) {
	pidFile := filepath.Join(t.TempDir(), "pid")
	prog := fakeSoffice(t, "sleep 600 &\necho $! > "+pidFile+"\nwait\n")
	start := time.Now()
	_, err := Read(context.Background(), "a.doc", ole("WordDocument"), Options{Soffice: prog, Timeout: 500 * time.Millisecond})
	if err == nil || !strings.HasPrefix(err.Error(), "a.doc: error: LibreOffice took more than 500ms to convert the document, and was stopped; open it in Word or WPS and save it as .docx") {
		t.Fatalf("got %v", err)
	}
	if took := time.Since(start); took > time.Minute {
		t.Errorf("stopping took %v, well over the timeout", took)
	}
	data, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(time.Minute); syscall.Kill(pid, 0) == nil; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("process %d that the conversion started still runs", pid)
		}
	}
}

// TestOpenFIFO: a named pipe is refused at once, not waited on.
func TestOpenFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "tasks.docx")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("cannot make a named pipe here:", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Open(context.Background(), fifo, Options{})
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || err.Error() != fifo+": error: cannot read the document: it is a named pipe (FIFO), not a file" {
			t.Errorf("got %v", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("Open waits on a named pipe")
	}
}
