//go:build unix

package serve

import (
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"plansite/internal/foldertest"
)

// rebuildWithin rebuilds and fails the test if that does not end.
func rebuildWithin(t *testing.T, s *Server) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- s.Rebuild() }()
	select {
	case err := <-done:
		return err
	case <-time.After(20 * time.Second):
		t.Fatal("the rebuild does not end")
		return nil
	}
}

// A named pipe put into the content folder makes the next rebuild fail at
// once, and every page show it; once it is gone the preview comes back.
func TestNamedPipeThenRecovery(t *testing.T) {
	content := foldertest.Copy(t, "../../content")
	s := New(Options{Site: options(t, content)})
	if err := rebuildWithin(t, s); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(content, "notes.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := rebuildWithin(t, s); err == nil {
		t.Fatal("a rebuild with a named pipe succeeded")
	}
	code, body, _ := get(t, s, "/")
	if code != http.StatusInternalServerError || !strings.Contains(body, `notes.md&#34;: error: it is a named pipe (FIFO)`) {
		t.Errorf("with the pipe: %d, %.300s", code, body)
	}
	os.Remove(fifo)
	if err := rebuildWithin(t, s); err != nil {
		t.Fatalf("after the pipe is gone: %v", err)
	}
	if code, _, _ := get(t, s, "/"); code != http.StatusOK {
		t.Errorf("after the pipe is gone: %d", code)
	}
}

// A large static file is sent as it is read, not held: a 512 MB file costs
// the preview a small part of that.
func TestLargeStaticFileStreamed(t *testing.T) {
	static := foldertest.Copy(t, "../../static")
	const size = 512 << 20
	f, err := os.Create(filepath.Join(static, "video.mp4"))
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(size) // sparse: zeros, no disk
	f.Close()
	o := options(t, foldertest.Copy(t, "../../content"))
	o.Static = dirSource(t, "static", static)
	s := New(Options{Site: o})
	if err := rebuildWithin(t, s); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	w := &countingWriter{header: http.Header{}}
	req, _ := http.NewRequest("GET", "/static/video.mp4", nil)
	s.ServeHTTP(w, req)
	runtime.ReadMemStats(&after)
	if w.n != size || w.code != http.StatusOK || w.header.Get("Content-Type") != "video/mp4" {
		t.Errorf("sent %d bytes, status %d, type %q", w.n, w.code, w.header.Get("Content-Type"))
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > size/4 {
		t.Errorf("serving it allocated %d MB", alloc>>20)
	}
}

// countingWriter is a ResponseWriter that counts the body and keeps none of it.
type countingWriter struct {
	header http.Header
	code   int
	n      int64
}

func (w *countingWriter) Header() http.Header { return w.header }
func (w *countingWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
}
func (w *countingWriter) Write(b []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	w.n += int64(len(b))
	return len(b), nil
}
