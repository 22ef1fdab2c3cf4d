package serve

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"plansite/internal/foldertest"
)

// shortTimeouts make the tests below take well under a second each.
var shortTimeouts = Timeouts{ReadHeader: 300 * time.Millisecond, Read: 300 * time.Millisecond,
	Write: 300 * time.Millisecond, Idle: 300 * time.Millisecond}

// serveReal runs the server on a real listener with short timeouts and
// returns its host:port and content folder.
func serveReal(t *testing.T) (host, dir string) {
	t.Helper()
	return serveOn(t, Options{Addr: "127.0.0.1:0", Timeouts: shortTimeouts})
}

// serveOn runs the server with the options o on a copy of the content, on
// a real listener, and returns its host:port and content folder.
func serveOn(t *testing.T, o Options) (host, dir string) {
	t.Helper()
	dir = foldertest.Copy(t, "../../content")
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan string, 1)
	done := make(chan error, 1)
	o.Site = options(t, dir)
	go func() { done <- Run(ctx, o, func(a string) { addr <- a }) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	select {
	case a := <-addr:
		return strings.TrimSuffix(strings.TrimPrefix(a, "http://"), "/"), dir
	case err := <-done:
		t.Fatal(err)
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not start")
	}
	return "", ""
}

// closedWithin reads conn until the server closes it, and fails unless that
// happens within limit.
func closedWithin(t *testing.T, conn net.Conn, limit time.Duration) string {
	t.Helper()
	start := time.Now()
	conn.SetReadDeadline(start.Add(limit))
	got, err := io.ReadAll(conn)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatalf("the connection is still open after %v", limit)
	}
	return string(got)
}

func TestServerTimeouts(t *testing.T) {
	host, dir := serveReal(t)

	t.Run("slow headers", func(t *testing.T) {
		conn, err := net.Dial("tcp", host)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		io.WriteString(conn, "GET / HTTP/1.1\r\nHost: "+host+"\r\n")
		stop := make(chan struct{})
		defer close(stop)
		go func() { // a header line now and then, never the end of them
			for {
				select {
				case <-stop:
					return
				case <-time.After(50 * time.Millisecond):
					if _, err := io.WriteString(conn, "X-Slow: 1\r\n"); err != nil {
						return
					}
				}
			}
		}()
		if got := closedWithin(t, conn, 1500*time.Millisecond); strings.Contains(got, " 200 ") {
			t.Errorf("a request whose headers never ended was answered: %q", got)
		}
	})

	t.Run("idle connection", func(t *testing.T) {
		conn, err := net.Dial("tcp", host)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		io.WriteString(conn, "GET /_plansite/reload.js HTTP/1.1\r\nHost: "+host+"\r\n\r\n")
		br := bufio.NewReader(conn)
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Close {
			t.Fatalf("status %d, close %v: want 200 on a kept-alive connection", resp.StatusCode, resp.Close)
		}
		closedWithin(t, conn, 1500*time.Millisecond)
	})

	// The event stream is one long response: it outlives the read and
	// write timeouts and still brings the reload.
	t.Run("event stream", func(t *testing.T) {
		resp, err := http.Get("http://" + host + Prefix + "events")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		lines := make(chan string)
		go func() {
			defer close(lines)
			sc := bufio.NewScanner(resp.Body)
			for sc.Scan() {
				lines <- sc.Text()
			}
		}()
		next := func(want string, within time.Duration) {
			t.Helper()
			deadline := time.After(within)
			for {
				select {
				case l, ok := <-lines:
					if !ok {
						t.Fatalf("the stream ended before %q", want)
					}
					if l == want {
						return
					}
				case <-deadline:
					t.Fatalf("no %q within %v", want, within)
				}
			}
		}
		next("event: hello", time.Second)
		time.Sleep(2 * shortTimeouts.Write)
		about := filepath.Join(dir, "about.md")
		data, err := os.ReadFile(about)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(about, append(data, "\n再加一段。\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
		next("event: reload", 1500*time.Millisecond)
	})
}
