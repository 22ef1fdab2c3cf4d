package serve

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"

	"golang.org/x/net/idna"

	"plansite/internal/site"
)

// hosts are the names the preview answers to. A page on another site can
// point its own name at 127.0.0.1 (DNS rebinding) and so read the preview
// of a table that is not published yet; the browser then sends that name
// as Host, which is how such requests are told apart. A Host that is an IP
// address cannot be rebound, but the preview still answers only its own.
type hosts struct {
	names []string // lower case, without a trailing dot; IP addresses in netip's form
	// every is true when the server listens on every interface: the
	// machine's own addresses are then its names too, read at each request
	// because interfaces come and go (Wi-Fi, VPN).
	every bool
}

// newHosts is what a server listening on addr answers to: loopback names
// and addresses, the host of addr, and allow, the -allow-host list.
func newHosts(addr string, allow []string) (*hosts, error) {
	h := &hosts{}
	for _, a := range allow {
		name, err := allowedName(a)
		if err != nil {
			return nil, err
		}
		h.names = append(h.names, name)
	}
	// An addr that does not parse fails net.Listen, which says why.
	if host, _, err := net.SplitHostPort(addr); err == nil {
		ip, err := netip.ParseAddr(host)
		h.every = host == "" || err == nil && ip.IsUnspecified()
		if host != "" {
			h.names = append(h.names, hostName(host))
		}
	}
	return h, nil
}

// allowedName checks one name given to -allow-host and returns it as
// hostName would read it from a Host header.
func allowedName(a string) (string, error) {
	const example = "as preview.example.lan or 192.168.1.20"
	bad := func(what, do string) error { return fmt.Errorf("-allow-host %q: %s; %s", a, what, do) }
	s := strings.TrimSpace(a)
	if s == "" {
		return "", bad("an empty name (two commas in a row, or one at an end)", "give host names separated by commas, "+example)
	}
	if strings.Contains(s, "/") {
		return "", bad("a URL", "give the host name alone, "+example)
	}
	bracketed := strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]")
	if ip, err := netip.ParseAddr(strings.TrimSuffix(strings.TrimPrefix(s, "["), "]")); err == nil {
		return ip.Unmap().WithZone("").String(), nil
	}
	if bracketed {
		return "", bad("not an IPv6 address", "give one such as [fd00::20]")
	}
	if strings.Contains(s, ":") {
		return "", bad("a port", "give the name alone: the preview answers it on any port")
	}
	name := strings.TrimSuffix(strings.ToLower(s), ".")
	if !isASCII(name) {
		// Browsers send a name in another script in its ASCII form.
		if ascii, err := idna.Lookup.ToASCII(name); err == nil {
			name = strings.ToLower(ascii)
		}
	}
	valid := strings.Trim(name, "abcdefghijklmnopqrstuvwxyz0123456789-._") == ""
	for _, label := range strings.Split(name, ".") {
		valid = valid && label != "" && !strings.HasPrefix(label, "-") && !strings.HasSuffix(label, "-")
	}
	if !valid {
		return "", bad("not a host name", "give letters, digits, hyphens and dots, "+example)
	}
	return name, nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// hostName is the name a Host header gives, as the preview compares it:
// without port or brackets, lower case, without the dot a fully qualified
// name may end with, and an IP address in netip's form.
func hostName(h string) string {
	if name, _, err := net.SplitHostPort(h); err == nil {
		h = name
	} else {
		h = strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
	}
	h = strings.TrimSuffix(strings.ToLower(h), ".")
	if ip, err := netip.ParseAddr(h); err == nil {
		return ip.Unmap().WithZone("").String()
	}
	return h
}

// allows says whether the preview answers a request whose Host is h.
func (hs *hosts) allows(h string) bool {
	name := hostName(h)
	if name == "" {
		return false
	}
	for _, n := range hs.names {
		if n == name {
			return true
		}
	}
	ip, err := netip.ParseAddr(name)
	if err != nil {
		return name == "localhost"
	}
	return ip.IsLoopback() || hs.every && ownAddr(ip)
}

// ownAddr says whether ip is an address of one of the machine's interfaces.
func ownAddr(ip netip.Addr) bool {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return false
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok {
			if own, ok := netip.AddrFromSlice(n.IP); ok && own.Unmap() == ip {
				return true
			}
		}
	}
	return false
}

// allowedMethods are the only methods the preview answers: it changes
// nothing, so nothing else has a meaning.
const allowedMethods = "GET, HEAD"

// guard is the preview as the network sees it: every response carries the
// security headers of the built site's _headers, so a page that breaks the
// policy breaks in the preview too; a request for another host gets 421 and
// one with another method 405, before anything of the site is read.
type guard struct {
	hosts   *hosts
	headers []site.Header
	next    http.Handler
}

func newGuard(hs *hosts, next http.Handler) *guard {
	return &guard{hosts: hs, headers: site.SecurityHeaders(), next: next}
}

func (g *guard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	for _, sh := range g.headers {
		h.Set(sh.Name, sh.Value)
	}
	if !g.hosts.allows(r.Host) {
		h.Set("Cache-Control", "no-store")
		http.Error(w, misdirected(r.Host), http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", allowedMethods)
		http.Error(w, "plansite serve answers GET and HEAD only: it is a preview that changes nothing", http.StatusMethodNotAllowed)
		return
	}
	g.next.ServeHTTP(w, r)
}

// misdirected is the body of a 421: which name was refused and how to
// allow it.
func misdirected(host string) string {
	name := hostName(host)
	if name == "" {
		return "plansite serve: the request names no host; open the preview at the address plansite serve printed"
	}
	if strings.Contains(name, ":") {
		name = "[" + name + "]"
	}
	return fmt.Sprintf("plansite serve answers only its own host names, so that other web sites cannot read the preview; to open it as %q, restart it with -allow-host %s", host, name)
}
