package serve

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/netip"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/idna"

	"plansite/internal/site"
)

// response is what the server answered one raw request.
type response struct {
	status int
	header http.Header
	body   string
}

// send writes one request to the server at addr as a client would, with
// the Host header host (none when host is "-"), and reads the answer. The
// body of an event stream is not read: it never ends.
func send(t *testing.T, addr, method, target, host string) response {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	req := method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n"
	if host == "-" { // HTTP/1.0 may leave the Host out
		req = method + " " + target + " HTTP/1.0\r\n\r\n"
	}
	if _, err := io.WriteString(conn, req); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), &http.Request{Method: method})
	if err != nil {
		t.Fatalf("%s %s (Host %s): %v", method, target, host, err)
	}
	// No Body.Close: it reads to the end, and an event stream has none;
	// closing the connection ends the exchange.
	r := response{status: resp.StatusCode, header: resp.Header}
	if resp.Header.Get("Content-Type") != "text/event-stream" {
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatalf("%s %s (Host %s): %v", method, target, host, err)
		}
		r.body = string(b)
	}
	return r
}

// The preview answers its own names only: a page on another site that
// points its name at this machine (DNS rebinding) gets 421 and nothing of
// the site, the event stream included.
func TestServeAnswersOwnHostsOnly(t *testing.T) {
	idn, err := idna.Lookup.ToASCII("预览.example")
	if err != nil {
		t.Fatal(err)
	}
	addr, _ := serveOn(t, Options{Addr: "127.0.0.1:0", AllowHosts: []string{"preview.example.lan", "192.0.2.7", "预览.example", "[fd00::20]"}})
	_, port, _ := net.SplitHostPort(addr)
	for _, tt := range []struct {
		host string
		ok   bool
	}{
		{addr, true},
		{"127.0.0.1", true},
		{"localhost", true},
		{"localhost:1313", true},
		{"LocalHost.:" + port, true},
		{"[::1]:1313", true},
		{"[::1]", true},
		{"127.8.9.10:1313", true},
		{"[::ffff:127.0.0.1]:1313", true},
		{"preview.example.lan", true},
		{"PREVIEW.Example.lan.:8080", true},
		{"192.0.2.7:" + port, true},
		{"[fd00::20]:" + port, true},
		{idn, true},

		{"attacker.example", false},
		{"attacker.example:" + port, false},
		{"localhost.attacker.example", false},
		{"127.0.0.1.attacker.example", false},
		{"preview.example.lan.attacker.example", false},
		{"evil-preview.example.lan", false},
		{"192.0.2.8", false},
		{"0.0.0.0:" + port, false}, // listening on loopback only
		{"-", false},               // no Host at all
	} {
		paths := []string{"/", "/tasks/7/", Prefix + "reload.js", Prefix + "error.css"}
		if !tt.ok {
			paths = append(paths, Prefix+"events", "/tasks/7", "/no/such/page/")
		}
		for _, p := range paths {
			r := send(t, addr, "GET", p, tt.host)
			if tt.ok {
				if r.status != http.StatusOK {
					t.Errorf("Host %s, %s: %d, want 200", tt.host, p, r.status)
				}
				continue
			}
			if r.status != http.StatusMisdirectedRequest {
				t.Errorf("Host %s, %s: %d, want 421", tt.host, p, r.status)
				continue
			}
			if strings.Contains(r.body, "任务") || strings.Contains(r.body, "EventSource") {
				t.Errorf("Host %s, %s: the 421 gives the site away: %q", tt.host, p, r.body)
			}
			name := hostName(tt.host)
			if tt.host == "-" {
				if !strings.Contains(r.body, "names no host") {
					t.Errorf("no Host: the 421 says %q, want that the request names no host", r.body)
				}
			} else if !strings.Contains(r.body, "-allow-host "+name+"\n") || strings.Contains(name, ":") {
				t.Errorf("Host %s, %s: the 421 should say how to allow %s: %q", tt.host, p, name, r.body)
			}
		}
	}
}

// Listening on all interfaces, the preview answers the machine's own
// addresses too, as other machines on the network name it, and still no
// other name or address.
func TestServeAllInterfaces(t *testing.T) {
	addr, _ := serveOn(t, Options{Addr: "0.0.0.0:0"})
	_, port, _ := net.SplitHostPort(addr)
	allowed := []string{"0.0.0.0:" + port, "localhost:" + port}
	if own := ownAddress(t); own.IsValid() {
		allowed = append(allowed, net.JoinHostPort(own.String(), port))
	} else {
		t.Log("this machine has no address but loopback: only loopback is checked")
	}
	for _, h := range allowed {
		if r := send(t, addr, "GET", "/", h); r.status != http.StatusOK {
			t.Errorf("Host %s: %d, want 200", h, r.status)
		}
	}
	// 203.0.113.0/24 is for documentation: no machine has it.
	for _, h := range []string{"203.0.113.9:" + port, "attacker.example:" + port} {
		if r := send(t, addr, "GET", "/", h); r.status != http.StatusMisdirectedRequest {
			t.Errorf("Host %s: %d, want 421", h, r.status)
		}
	}
}

// ownAddress is an address of this machine that is not loopback, or none.
func ownAddress(t *testing.T) netip.Addr {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok {
			ip, ok := netip.AddrFromSlice(n.IP)
			if ip = ip.Unmap(); ok && !ip.IsLoopback() && ip.Is4() {
				return ip
			}
		}
	}
	return netip.Addr{}
}

// Any method but GET and HEAD is refused with 405 and the methods allowed,
// on the site and on the server's own paths alike.
func TestServeMethods(t *testing.T) {
	addr, _ := serveOn(t, Options{Addr: "127.0.0.1:0"})
	paths := []string{"/", "/tasks/7/", "/tasks/7", "/no/such/page/", Prefix + "events", Prefix + "reload.js", Prefix + "error.css"}
	for _, p := range paths {
		for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"} {
			r := send(t, addr, m, p, addr)
			if r.status != http.StatusMethodNotAllowed || r.header.Get("Allow") != "GET, HEAD" {
				t.Errorf("%s %s: %d, Allow %q; want 405, Allow GET, HEAD", m, p, r.status, r.header.Get("Allow"))
			}
		}
		// HEAD is GET without the body, and ends, even for the event stream.
		get, head := send(t, addr, "GET", p, addr), send(t, addr, "HEAD", p, addr)
		if head.status != get.status || head.status == http.StatusMethodNotAllowed || head.body != "" {
			t.Errorf("HEAD %s: %d with %d bytes; GET gives %d", p, head.status, len(head.body), get.status)
		}
	}
	// net/http answers these two itself unless told not to.
	for _, tt := range []struct{ method, target string }{{"OPTIONS", "*"}, {"CONNECT", addr}} {
		if r := send(t, addr, tt.method, tt.target, addr); r.status != http.StatusMethodNotAllowed || r.header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s %s: %d, Allow %q; want 405", tt.method, tt.target, r.status, r.header.Get("Allow"))
		}
	}
}

// Every response of the preview carries the security headers of the built
// site's _headers, the error page of a broken table and the refusals
// included, so a page that breaks the policy breaks in the preview first.
func TestServeSecurityHeaders(t *testing.T) {
	want := site.SecurityHeaders()
	names := map[string]bool{}
	for _, h := range want {
		names[h.Name] = true
	}
	if !names["Content-Security-Policy"] || !names["X-Content-Type-Options"] || !names["Referrer-Policy"] {
		t.Fatalf("the site's security headers are %v", want)
	}
	addr, dir := serveOn(t, Options{Addr: "127.0.0.1:0"})
	check := func(method, p, host string, status int) response {
		t.Helper()
		r := send(t, addr, method, p, host)
		if r.status != status {
			t.Errorf("%s %s (Host %s): %d, want %d", method, p, host, r.status, status)
		}
		for _, h := range want {
			if got := r.header.Values(h.Name); len(got) != 1 || got[0] != h.Value {
				t.Errorf("%s %s (Host %s): %s is %q, want %q", method, p, host, h.Name, got, h.Value)
			}
		}
		return r
	}
	for _, tt := range []struct {
		method, path, host string
		status             int
	}{
		{"GET", "/", addr, 200},
		{"GET", "/tasks/7/", addr, 200},
		{"HEAD", "/tasks/7/", addr, 200},
		{"GET", "/static/style.css", addr, 200},
		{"GET", "/data/plan.json", addr, 200},
		{"GET", "/tasks/7", addr, http.StatusMovedPermanently},
		{"GET", "/no/such/page/", addr, http.StatusNotFound},
		{"GET", Prefix + "reload.js", addr, 200},
		{"GET", Prefix + "error.css", addr, 200},
		{"GET", Prefix + "events", addr, 200},
		{"POST", "/", addr, http.StatusMethodNotAllowed},
		{"GET", "/", "attacker.example", http.StatusMisdirectedRequest},
	} {
		check(tt.method, tt.path, tt.host, tt.status)
	}

	// The error page of a broken table, and the last good build's files
	// served beside it.
	tasks := filepath.Join(dir, "tasks.csv")
	replaceIn(t, tasks, "\n2,（一）", "\n1,（一）")
	for end := time.Now().Add(15 * time.Second); send(t, addr, "GET", "/tasks/3/", addr).status != 500; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatal("the preview did not show the broken table")
		}
	}
	page := check("GET", "/tasks/3/", addr, 500)
	check("GET", "/static/style.css", addr, 200)
	check("GET", "/no/such/page/", addr, 500)
	if !strings.Contains(page.body, "序号 1 appears twice") {
		t.Errorf("the error page lacks the error: %s", page.body)
	}
	// What the policy allows: no inline script or style, scripts and
	// styles from this server only (the browser test runs the page).
	for _, bad := range []string{"<script>", "<style", " style=", "javascript:", `src="//`, `href="//`, "http://", "https://"} {
		if strings.Contains(page.body, bad) {
			t.Errorf("the error page holds %q, which the policy forbids", bad)
		}
	}
	for _, link := range []string{`<link rel="stylesheet" href="` + Prefix + `error.css">`, `<script src="` + Prefix + `reload.js"`} {
		if !strings.Contains(page.body, link) {
			t.Errorf("the error page lacks %s", link)
		}
	}
}

// hostName reads a Host header as the preview compares it with its names.
func TestHostName(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"localhost", "localhost"},
		{"localhost:1313", "localhost"},
		{"LocalHost.", "localhost"},
		{"Preview.Example.Lan.:80", "preview.example.lan"},
		{"127.0.0.1:1313", "127.0.0.1"},
		{"[::1]:1313", "::1"},
		{"[::1]", "::1"},
		{"[0:0::1]", "::1"},
		{"[::ffff:127.0.0.1]:8", "127.0.0.1"},
		{"[fe80::1%25eth0]:8", "fe80::1"}, // the zone names an interface of the client
		{"a:b:c", "a:b:c"},
		{"", ""},
	} {
		if got := hostName(tt.in); got != tt.want {
			t.Errorf("hostName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// What a server listening on an address answers, -allow-host aside.
func TestHostsOfAddr(t *testing.T) {
	for _, tt := range []struct {
		addr  string
		yes   []string
		no    []string
		every bool
	}{
		{"127.0.0.1:1313", []string{"127.0.0.1", "localhost:1", "[::1]", "127.1.2.3"}, []string{"0.0.0.0", "example.com", "192.0.2.1"}, false},
		{"preview.lan:1313", []string{"preview.lan:1313", "PREVIEW.LAN", "localhost"}, []string{"lan", "x.preview.lan"}, false},
		{"192.0.2.5:1313", []string{"192.0.2.5:9", "localhost"}, []string{"192.0.2.6"}, false},
		{"[::1]:1313", []string{"[::1]:1313", "127.0.0.1"}, []string{"[::2]"}, false},
		{"0.0.0.0:1313", []string{"0.0.0.0", "localhost"}, []string{"203.0.113.9", "example.com"}, true},
		{"[::]:1313", []string{"[::]", "localhost"}, []string{"203.0.113.9"}, true},
		{":1313", []string{"localhost", "127.0.0.1"}, []string{"203.0.113.9", ""}, true},
	} {
		hs, err := newHosts(tt.addr, nil)
		if err != nil {
			t.Fatalf("%s: %v", tt.addr, err)
		}
		if hs.every != tt.every {
			t.Errorf("%s: every interface %v, want %v", tt.addr, hs.every, tt.every)
		}
		for _, h := range tt.yes {
			if !hs.allows(h) {
				t.Errorf("%s: Host %q refused", tt.addr, h)
			}
		}
		for _, h := range tt.no {
			if hs.allows(h) {
				t.Errorf("%s: Host %q answered", tt.addr, h)
			}
		}
	}
}

// -allow-host takes names and addresses as a browser's Host gives them,
// and refuses anything else with the value and what to give instead.
func TestAllowHostFlag(t *testing.T) {
	idn, _ := idna.Lookup.ToASCII("预览.example")
	for _, tt := range []struct{ in, want string }{
		{"preview.lan", "preview.lan"},
		{" Preview.LAN. ", "preview.lan"},
		{"my_box", "my_box"},
		{"192.0.2.7", "192.0.2.7"},
		{"[fd00::20]", "fd00::20"},
		{"fd00::20", "fd00::20"},
		{"::ffff:192.0.2.7", "192.0.2.7"},
		{"预览.example", idn},
	} {
		got, err := allowedName(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("allowedName(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, tt := range []struct{ in, why string }{
		{"", "an empty name"},
		{"http://preview.lan/", "a URL; give the host name alone"},
		{"preview.lan/x", "a URL"},
		{"preview.lan:1313", "a port; give the name alone"},
		{"[preview.lan]", "not an IPv6 address"},
		{"pre view.lan", "not a host name"},
		{"*.preview.lan", "not a host name"},
		{"preview..lan", "not a host name"},
		{"-preview.lan", "not a host name"},
		{"preview-.lan", "not a host name"},
		{"a\x00b", "not a host name"},
	} {
		_, err := newHosts("127.0.0.1:1313", []string{"ok.lan", tt.in})
		if err == nil {
			t.Errorf("-allow-host %q accepted", tt.in)
			continue
		}
		if msg := err.Error(); !strings.HasPrefix(msg, "-allow-host "+strconv.Quote(tt.in)+": "+tt.why) || strings.Contains(msg, "\n") {
			t.Errorf("-allow-host %q: %q, want %q on one line", tt.in, msg, tt.why)
		}
	}
}
