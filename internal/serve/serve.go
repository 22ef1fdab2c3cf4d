// Package serve is plansite's live preview: it builds the site in memory,
// serves it over HTTP, watches the input folders, rebuilds when a file
// changes and tells open pages to reload, by server-sent events, through a
// small script that only served pages carry (a build never writes it).
//
// A rebuild reads the content and lists the pages; each page is rendered
// when a browser asks for it (and kept until the next change), exactly as a
// build would write it, so a change to a table of ten thousand tasks shows
// in well under a second. When the content or a template is broken, every
// page shows the error with its file, line and column, while the last good
// site's stylesheets and images go on being served.
//
// Run serves it only to requests that name one of its own hosts (loopback
// names and addresses, the host it listens on, those the publisher allows,
// and the machine's own addresses when it listens on all of them), only for
// GET and HEAD, and with the security headers of the built site's _headers
// on every response: see guard.
package serve

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"path"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"plansite/internal/problem"
	"plansite/internal/site"
	"plansite/internal/sitepath"
)

// Prefix is the path under which the server serves its own files; no site
// path starts with an underscore.
const Prefix = "/_plansite/"

// Options says what to serve and where.
type Options struct {
	Addr       string       // host:port to listen on
	AllowHosts []string     // host names or IP addresses answered besides its own (-allow-host)
	Site       site.Options // the input folders; BaseURL is set to the server's address
	Log        io.Writer
	Debounce   time.Duration // quiet time after a change before rebuilding; 0: 100 ms
	Timeouts   Timeouts
}

// Timeouts bound what one connection may hold of the server, so that
// clients that send slowly, or connect and send nothing, do not pile up.
// Zero fields take the defaults.
type Timeouts struct {
	ReadHeader time.Duration // to send a request's headers: 10 s
	Read       time.Duration // to send a whole request: 30 s
	// Write is the time to send a response, from the end of its request:
	// 2 min, for a request for the feed or the search index waits while a
	// large table's are made. The event stream is exempt.
	Write time.Duration
	Idle  time.Duration // between two requests on a kept-alive connection: 60 s
}

// maxHeaderBytes is far above what a browser sends, even with the cookies
// of every other local server, and far below net/http's 1 MB.
const maxHeaderBytes = 64 << 10

// httpServer is the server of h with the timeouts t, defaults filled in.
func httpServer(h http.Handler, t Timeouts) *http.Server {
	or := func(d, def time.Duration) time.Duration {
		if d == 0 {
			return def
		}
		return d
	}
	// DisableGeneralOptionsHandler: "OPTIONS *" goes to h, which refuses
	// it like any OPTIONS, instead of net/http's own 200.
	return &http.Server{Handler: h, MaxHeaderBytes: maxHeaderBytes, DisableGeneralOptionsHandler: true,
		ReadHeaderTimeout: or(t.ReadHeader, 10*time.Second), ReadTimeout: or(t.Read, 30*time.Second),
		WriteTimeout: or(t.Write, 2*time.Minute), IdleTimeout: or(t.Idle, 60*time.Second)}
}

// state is one build: the site, or the error that stopped it.
type state struct {
	site  *site.Prepared // nil until a build succeeds
	err   error          // the last build's error, nil when it succeeded
	gen   int            // counts builds, successful or not
	cache sync.Map       // path → []byte, pages rendered for this build
}

// Server serves the latest build and notifies browsers of new ones.
type Server struct {
	opts Options
	id   string // tells one run of the server from another, for the script
	mu   sync.RWMutex
	cur  *state
	good *state // the last successful build, for assets while cur is broken
	// building is closed when the build under way is ready; nil when none is.
	building chan struct{}
	prepare  func(site.Options) (*site.Prepared, error) // site.Prepare; a test's, to hold a build
	subs     map[chan int]bool
	busy     sync.Mutex // one build at a time
}

// New returns a server that has built nothing yet.
func New(o Options) *Server {
	if o.Log == nil {
		o.Log = io.Discard
	}
	o.Log = &lockedWriter{w: o.Log} // rebuilds and their background work both log
	if o.Debounce == 0 {
		o.Debounce = 100 * time.Millisecond
	}
	if o.Site.Memo == nil {
		// Most rebuilds follow a change to a few cells.
		o.Site.Memo = site.NewMemo()
	}
	return &Server{opts: o, id: fmt.Sprint(time.Now().UnixNano()), cur: &state{}, subs: map[chan int]bool{}, prepare: site.Prepare}
}

// Rebuild builds the site again and tells every open page to reload. The
// pages are told as the build starts, and what they ask for meanwhile waits
// for it: a browser takes about as long to begin a reload as a small
// table's build, so the two overlap instead of following each other.
func (s *Server) Rebuild() error {
	s.busy.Lock()
	defer s.busy.Unlock()
	start := time.Now()
	ready := make(chan struct{})
	s.mu.Lock()
	gen := s.cur.gen + 1
	s.building = ready
	for ch := range s.subs {
		select {
		case ch <- gen:
		default: // the page has a reload pending already
		}
	}
	s.mu.Unlock()
	p, err := s.prepare(s.opts.Site)
	s.mu.Lock()
	st := &state{site: p, err: err, gen: gen}
	if err == nil {
		s.good = st
	}
	s.cur = st
	s.building = nil
	s.mu.Unlock()
	close(ready)
	if err != nil {
		problem.Print(s.opts.Log, "plansite serve", err)
		return err
	}
	for _, w := range p.Warnings() {
		fmt.Fprintln(s.opts.Log, w.Error())
	}
	// The pages are ready and the browsers told; the feed, plan.json and
	// the search index are made after a pause (site.SiteFilesPause), and
	// requests for them wait.
	go func() {
		<-p.Done()
		if err := p.Wait(); err != nil {
			problem.Print(s.opts.Log, "plansite serve", err)
			return
		}
		fmt.Fprintf(s.opts.Log, "built %d files in %v\n", len(p.Paths()), time.Since(start).Round(time.Millisecond))
		// The server now waits for the next save: a collection now, not
		// during the next rebuild, where it held a large table's page back
		// by half (the heap ends a rebuild near the memory limit).
		runtime.GC()
	}()
	return nil
}

// waitBuild waits until the build under way, if any, is ready, or the
// request ends (false).
func (s *Server) waitBuild(r *http.Request) bool {
	s.mu.RLock()
	b := s.building
	s.mu.RUnlock()
	if b == nil {
		return true
	}
	select {
	case <-b:
		return true
	case <-r.Context().Done():
		return false
	}
}

func (s *Server) state() (cur, good *state) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.cur, s.good
}

// ServeHTTP serves the site, the reload script and the event stream, to
// any host and for any method: Run puts a guard in front of it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case Prefix + "events":
		s.events(w, r)
		return
	case Prefix + "reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(reloadJS)
		return
	case Prefix + "error.css":
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		w.Write(errorCSS)
		return
	}
	if !s.waitBuild(r) {
		return
	}
	st, good := s.state()
	name, redirect := resolve(st, good, r.URL.Path)
	if redirect {
		target := sitePath(name)
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	html := path.Ext(name) == ".html"
	from := st
	if st.err != nil {
		if html {
			s.errorPage(w, st, st.err)
			return
		}
		from = good // stylesheets and images of the last good site
	}
	if from != nil && from.site != nil {
		if write, ok := from.site.Copied(name); ok {
			// Sent as read, never cached: it may be a video of gigabytes.
			s.headers(w, name)
			if err := write(w); err != nil {
				problem.Print(s.opts.Log, "plansite serve", err)
			}
			return
		}
	}
	data, status, err := s.file(from, name)
	if err != nil {
		s.errorPage(w, st, err)
		return
	}
	if status == http.StatusNotFound {
		if st.err != nil {
			s.errorPage(w, st, st.err)
			return
		}
		name, html = sitepath.NotFound, true
		if data, _, err = s.file(from, name); err != nil {
			s.errorPage(w, st, err)
			return
		}
	}
	s.headers(w, name)
	if html {
		data = inject(data, s.build(st))
	}
	w.WriteHeader(status)
	w.Write(data)
}

// headers are those of a file of the site: never cached, since the next
// change makes a new one, and typed by its name.
func (s *Server) headers(w http.ResponseWriter, name string) {
	w.Header().Set("Cache-Control", "no-store")
	if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
}

// resolve maps a URL path to a file of the site: / and /tasks/7/ to their
// index.html. redirect is true for /tasks/7, which should end in a slash;
// name is then the cleaned path, tasks/7.
func resolve(st, good *state, urlPath string) (name string, redirect bool) {
	p := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if p == "" || p == "." {
		return "index.html", false
	}
	if strings.HasSuffix(urlPath, "/") {
		return p + "/index.html", false
	}
	sp := st.site
	if sp == nil && good != nil {
		sp = good.site
	}
	if sp != nil && !sp.Has(p) && sp.Has(p+"/index.html") {
		return p, true
	}
	return p, false
}

// sitePath is the address of the folder p of the site, on this server:
// one slash, then p, escaped. The request's own path is never echoed, for
// //evil.example/../tasks/7 would send the browser to evil.example, and so
// would /\evil.example: browsers read a backslash as a slash.
func sitePath(p string) string {
	p = strings.TrimLeft(p, `/\`)
	return (&url.URL{Path: "/" + p + "/"}).EscapedPath()
}

// file returns a file of the build st, rendering a page once per build.
func (s *Server) file(st *state, name string) ([]byte, int, error) {
	if st == nil || st.site == nil {
		return nil, http.StatusNotFound, nil
	}
	if d, ok := st.cache.Load(name); ok {
		return d.([]byte), http.StatusOK, nil
	}
	data, ok, err := st.site.File(name)
	if err != nil {
		return nil, 0, err
	}
	if !ok {
		return nil, http.StatusNotFound, nil
	}
	st.cache.Store(name, data)
	return data, http.StatusOK, nil
}

// The server's own files, served under Prefix and never part of a build.
var (
	//go:embed reload.js
	reloadJS []byte
	//go:embed error.css
	errorCSS []byte
)

// build names a build for the reload script: the server's run and the
// build's number.
func (s *Server) build(st *state) string { return fmt.Sprintf("%s-%d", s.id, st.gen) }

// script is the tag that served HTML pages get before </body>. It names
// the build the page comes from, so that the page reloads if a newer one
// was made before its event stream connected.
func script(build string) string {
	return `<script src="` + Prefix + `reload.js" data-build="` + build + `" defer></script>`
}

// inject adds the reload script to an HTML page.
func inject(page []byte, build string) []byte {
	tag := script(build)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

var errorTmpl = template.Must(template.New("error").Parse(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>构建失败 - plansite</title>
<link rel="stylesheet" href="` + Prefix + `error.css">
</head>
<body>
<main>
<h1>构建失败</h1>
<p>修改内容或模板后，网站没有生成。请按下面的位置（文件:行:列）修正，保存后页面会自动刷新。</p>
<pre id="plansite-error">{{.Err}}</pre>
<p class="hint">The site could not be built; fix the file at the position above and save: this page reloads by itself.</p>
</main>
<script src="` + Prefix + `reload.js" data-build="{{.Build}}" defer></script>
</body>
</html>
`))

func (s *Server) errorPage(w http.ResponseWriter, st *state, err error) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusInternalServerError)
	errorTmpl.Execute(w, struct{ Err, Build string }{err.Error(), s.build(st)})
}

// events streams a "hello" naming the current build, then a "reload" for
// each new build, until the browser goes away.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	if r.Method == http.MethodHead {
		return // a HEAD has no body, so no stream to wait on
	}
	ch := make(chan int, 1)
	s.mu.Lock()
	s.subs[ch] = true
	gen := s.cur.gen
	if s.building != nil {
		// Its reload was told before this page listened: the build's
		// number makes the page reload, and its request waits for it.
		gen++
	}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.subs, ch)
		s.mu.Unlock()
	}()
	// The stream lasts as long as the page is open: the server's write
	// deadline, meant for one response, would end it. (The read deadline
	// does not: net/http clears it once a bodiless request is read.)
	http.NewResponseController(w).SetWriteDeadline(time.Time{})
	fmt.Fprintf(w, "retry: 500\nevent: hello\ndata: %s-%d\n\n", s.id, gen)
	fl.Flush()
	tick := time.NewTicker(15 * time.Second)
	defer tick.Stop()
	for {
		select {
		case g := <-ch:
			fmt.Fprintf(w, "event: reload\ndata: %s-%d\n\n", s.id, g)
			fl.Flush()
		case <-tick.C:
			io.WriteString(w, ": keep-alive\n\n")
			fl.Flush()
		case <-r.Context().Done():
			return
		}
	}
}

// CheckFlags checks what the flags of plansite serve say (the address, the
// host names), before anything is read, so that a mistake in what was just
// typed is said first and in one line.
func CheckFlags(o Options) error {
	if err := CheckAddr(o.Addr); err != nil {
		return err
	}
	_, err := newHosts(o.Addr, o.AllowHosts)
	return err
}

// CheckAddr refuses an -addr that is not host:port, saying what to write.
func CheckAddr(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("-addr %q: give a host and a port, such as 127.0.0.1:1313 or :1313 (every interface)", addr)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return fmt.Errorf("-addr %q: the port %q is not a number from 0 to 65535", addr, port)
	}
	_ = host
	return nil
}

// listenError says why the preview cannot listen on addr, and what to do.
func listenError(addr string, err error) error {
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		return fmt.Errorf("-addr %q: the port is in use (another plansite serve?); stop that one, or choose another port with -addr", addr)
	case errors.Is(err, syscall.EACCES):
		return fmt.Errorf("-addr %q: not allowed to listen on that port (ports below 1024 need root); choose one such as :1313", addr)
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		return fmt.Errorf("-addr %q: this machine has no such address; use 127.0.0.1, or :PORT for every interface", addr)
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return fmt.Errorf("-addr %q: the host name is not known (%v); use 127.0.0.1, or :PORT for every interface", addr, dns.Err)
	}
	return fmt.Errorf("-addr %q: cannot listen: %v", addr, err)
}

// Run builds the site, serves it on o.Addr and rebuilds on every change
// until ctx ends. ready, when not nil, is told the address once the server
// listens.
func Run(ctx context.Context, o Options, ready func(addr string)) error {
	if err := CheckAddr(o.Addr); err != nil {
		return err
	}
	hs, err := newHosts(o.Addr, o.AllowHosts)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		return listenError(o.Addr, err)
	}
	addr := ln.Addr().(*net.TCPAddr)
	host := addr.IP.String()
	if addr.IP.IsUnspecified() {
		host = "127.0.0.1"
	}
	base := "http://" + net.JoinHostPort(host, fmt.Sprint(addr.Port)) + "/"
	o.Site.BaseURL = base
	s := New(o)
	s.Rebuild() // a broken site is served as its error page
	w, err := newWatcher(s.opts.Site, s.opts.Log)
	if err != nil {
		ln.Close()
		return err
	}
	defer w.close()
	go w.run(ctx, s.opts.Debounce, func() { s.Rebuild() })
	srv := httpServer(newGuard(hs, s), o.Timeouts)
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		srv.Shutdown(shut)
		srv.Close() // event streams do not end by themselves
	}()
	fmt.Fprintf(s.opts.Log, "serving %s (Ctrl+C to stop)\n", base)
	if ready != nil {
		ready(base)
	}
	if err := srv.Serve(ln); err != http.ErrServerClosed {
		return err
	}
	return nil
}

// lockedWriter lets several goroutines write whole lines to one writer.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}
