package serve

import (
	"bufio"
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"plansite/internal/site"
)

// The open pages are told to reload as a rebuild starts; what they ask for
// meanwhile waits for it and is the new site, and a page that starts
// listening meanwhile is told to reload too.
func TestReloadIsToldAsTheBuildStarts(t *testing.T) {
	dir, s := built(t)
	gate := make(chan struct{})
	s.prepare = func(o site.Options) (*site.Prepared, error) {
		<-gate
		return site.Prepare(o)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	listen := func() *bufio.Scanner {
		req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+Prefix+"events", nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return bufio.NewScanner(resp.Body)
	}
	// next returns the next event's name and data, or fails after a while.
	next := func(sc *bufio.Scanner) (name, data string) {
		got := make(chan [2]string, 1)
		go func() {
			var name string
			for sc.Scan() {
				line := sc.Text()
				if v, ok := strings.CutPrefix(line, "event: "); ok {
					name = v
				}
				if v, ok := strings.CutPrefix(line, "data: "); ok {
					got <- [2]string{name, v}
					return
				}
			}
			close(got)
		}()
		select {
		case e, ok := <-got:
			if !ok {
				t.Fatal("the event stream ended")
			}
			return e[0], e[1]
		case <-time.After(10 * time.Second):
			close(gate) // lets the build end
			t.Fatal("no event within 10 s")
		}
		return "", ""
	}
	open := listen()
	if name, _ := next(open); name != "hello" {
		t.Fatalf("first event %q, want hello", name)
	}
	replaceIn(t, filepath.Join(dir, "tasks.csv"), "创建国家级人工智能创新试验区。", "创建国家级人工智能创新试验区（改）。")
	built := make(chan error, 1)
	go func() { built <- s.Rebuild() }()
	// Told while the build is held at the gate.
	if name, _ := next(open); name != "reload" {
		t.Fatalf("event %q while building, want reload", name)
	}
	late := listen()
	if _, data := next(late); data != s.id+"-2" {
		t.Errorf("a page listening during the second build is told build %q, want %q", data, s.id+"-2")
	}
	page := make(chan string, 1)
	go func() {
		_, body, _ := get(t, s, "/tasks/2/")
		page <- body
	}()
	select {
	case <-page:
		t.Fatal("a page was answered before the build under way was ready")
	case <-time.After(500 * time.Millisecond):
	}
	close(gate)
	if err := <-built; err != nil {
		t.Fatal(err)
	}
	if body := <-page; !strings.Contains(body, "（改）") {
		t.Error("the page asked for during the build is not the new site's")
	}
}
