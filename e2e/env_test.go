//go:build e2e

// Package e2e proves the built site in a real browser on a real static
// host: it builds the site for a sub-path, serves it with nginx and
// deploy/nginx.conf on 127.0.0.1, and drives headless Chromium over it
// (chromedp), with axe-core for accessibility and the Nu HTML Checker for
// markup. Run it with `make e2e`, which installs the tools first, and
// runs it twice: on the bundled plan, then on the example portal
// (E2E_CONTENT, portal_test.go).
//
// The build tag keeps it out of `go test ./...`: it needs Chromium, nginx,
// Java and node_modules. Outside CI a missing tool skips the run with a
// message; with CI=true it is a failure.
package e2e

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"plansite/internal/headless"
)

// env is the running test site, set up once by TestMain.
var env struct {
	root     string // the repository
	tmp      string // everything this run makes but the screenshots
	out      string // the built site (served as /plan/)
	port     int
	base     string // http://127.0.0.1:PORT/plan/
	host     string // 127.0.0.1:PORT
	shots    string // screenshot folder
	axeJS    string // node_modules/axe-core/axe.min.js
	vnuJar   string
	chromium string
	nginx    string
	java     string
	browser  context.Context // the one Chromium of the run; each check opens tabs in it
}

// figure is one number of the closing summary: found things in done of
// want checks. A figure whose checks did not all run says so, so that a
// zero is never reported for work that was not done.
type figure struct {
	found, done, want atomic.Int64
	ran               atomic.Bool
}

// set records a figure counted by one check that ran to its end.
func (f *figure) set(n int64) {
	f.ran.Store(true)
	f.found.Store(n)
	f.done.Store(1)
	f.want.Store(1)
}

func (f *figure) String() string {
	switch {
	case !f.ran.Load():
		return "not run"
	case f.done.Load() < f.want.Load():
		return fmt.Sprintf("%d (INCOMPLETE: %d of %d checks ran)", f.found.Load(), f.done.Load(), f.want.Load())
	}
	return fmt.Sprint(f.found.Load())
}

// Figures for the closing summary.
var (
	pagesCrawled, filesChecked, linksChecked                  figure
	axeViolations, htmlErrors, foreignRequests, cspViolations figure
	overflowPages, screenshots                                figure
)

const basePath = "/plan/"

func TestMain(m *testing.M) {
	code, err := run(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		if code == 0 {
			code = 1
		}
	}
	os.Exit(code)
}

// missingTool ends the run: a skip on a developer's machine, a failure in CI.
type missingTool struct{ what []string }

func (e missingTool) Error() string {
	return "missing " + strings.Join(e.what, "; ") + " (make e2e installs them: see e2e/setup.sh)"
}

func run(m *testing.M) (int, error) {
	if err := setup(); err != nil {
		if mt, ok := err.(missingTool); ok && os.Getenv("CI") != "true" {
			fmt.Println("SKIP e2e:", mt.Error())
			return 0, nil
		}
		return 1, err
	}
	defer os.RemoveAll(env.tmp)

	stopNginx, err := startNginx()
	if err != nil {
		return 1, err
	}
	defer stopNginx()

	alloc, cancel := chromedp.NewExecAllocator(context.Background(), headless.Options(env.chromium, filepath.Join(env.tmp, "chromium-profile"))...)
	defer cancel()
	browser, cancelB := chromedp.NewContext(alloc)
	defer cancelB()
	if err := chromedp.Run(browser); err != nil {
		return 1, fmt.Errorf("starting %s: %v", env.chromium, err)
	}
	env.browser = browser

	code := m.Run()
	summary()
	return code, nil
}

func summary() {
	fmt.Printf("e2e summary: pages crawled %s (other files %s, references %s), axe violations %s, HTML errors %s, foreign requests %s, CSP violations %s, pages scrolling sideways at 320px %s, screenshots %s\n",
		&pagesCrawled, &filesChecked, &linksChecked, &axeViolations, &htmlErrors, &foreignRequests, &cspViolations, &overflowPages, &screenshots)
	if screenshots.done.Load() > 0 {
		fmt.Println("e2e screenshots:", env.shots)
	}
}

// setup finds the tools, picks a port and builds the site for it.
func setup() error {
	wd, err := os.Getwd()
	if err != nil {
		return err
	}
	env.root = filepath.Dir(wd) // go test runs in e2e/
	if _, err := os.Stat(filepath.Join(env.root, "go.mod")); err != nil {
		return fmt.Errorf("cannot find the repository above %s", wd)
	}
	var missing []string
	find := func(dst *string, env, name string, paths ...string) {
		if v := os.Getenv(env); v != "" {
			paths = append([]string{v}, paths...)
		}
		for _, p := range paths {
			if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
				*dst = p
				return
			}
		}
		if p, err := exec.LookPath(name); err == nil {
			*dst = p
			return
		}
		missing = append(missing, name+" (Debian package "+map[string]string{"chromium": "chromium", "nginx": "nginx", "java": "openjdk-17-jre-headless"}[name]+")")
	}
	if env.chromium = headless.Path(); env.chromium == "" {
		missing = append(missing, "chromium (Debian package chromium)")
	}
	find(&env.nginx, "NGINX", "nginx", "/usr/sbin/nginx")
	find(&env.java, "JAVA", "java", "/usr/bin/java")
	env.axeJS = filepath.Join(env.root, "node_modules", "axe-core", "axe.min.js")
	env.vnuJar = filepath.Join(env.root, "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	for _, p := range []string{env.axeJS, env.vnuJar} {
		if _, err := os.Stat(p); err != nil {
			missing = append(missing, p+" (run npm ci)")
		}
	}
	if out, err := exec.Command("fc-list", ":lang=zh-cn", "family").Output(); err != nil || len(strings.TrimSpace(string(out))) == 0 {
		missing = append(missing, "a Chinese font (Debian package fonts-noto-cjk)")
	}
	if len(missing) > 0 {
		return missingTool{missing}
	}

	if env.tmp, err = os.MkdirTemp("", "plansite-e2e-"); err != nil {
		return err
	}
	env.shots = os.Getenv("E2E_SCREENSHOTS")
	if env.shots == "" {
		env.shots = filepath.Join(env.root, "screenshots", shotsFolder())
	}
	if err := os.RemoveAll(env.shots); err != nil {
		return err
	}
	if err := os.MkdirAll(env.shots, 0o755); err != nil {
		return err
	}

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	env.port = l.Addr().(*net.TCPAddr).Port
	l.Close()
	env.host = fmt.Sprintf("127.0.0.1:%d", env.port)
	env.base = "http://" + env.host + basePath

	// The site goes to www/plan/, the folder nginx serves as /plan/.
	env.out = filepath.Join(env.tmp, "www", strings.Trim(basePath, "/"))
	bin := filepath.Join(env.tmp, "plansite")
	build := []string{bin, "build", "-out", env.out, "-base-url", env.base}
	if c := contentUnderTest(); c != "" {
		build = append(build, "-content", c)
	}
	for _, args := range [][]string{
		{"go", "build", "-o", bin, "./cmd/plansite"},
		build,
	} {
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir = env.root
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("%s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	return nil
}

// nginxConf turns the committed deploy/nginx.conf into a configuration
// that nginx can run with, unprivileged paths and all, on the test port.
// Only the listen, server_name and root lines change; each must be there
// exactly once, so the file that is tested is the file that is deployed.
func nginxConf() (string, error) {
	b, err := os.ReadFile(filepath.Join(env.root, "deploy", "nginx.conf"))
	if err != nil {
		return "", err
	}
	conf := string(b)
	for _, r := range []struct{ directive, value string }{
		{"listen", env.host},
		{"server_name", "127.0.0.1"},
		{"root", filepath.Join(env.tmp, "www")},
	} {
		re := regexp.MustCompile(`(?m)^(\s*)` + r.directive + `\s+[^;]*;`)
		if n := len(re.FindAllString(conf, -1)); n != 1 {
			return "", fmt.Errorf("deploy/nginx.conf: want one %q line, found %d", r.directive, n)
		}
		conf = re.ReplaceAllString(conf, "${1}"+r.directive+" "+r.value+";")
	}
	t := env.tmp
	return fmt.Sprintf(`# Made by the e2e tests from deploy/nginx.conf.
daemon off;
master_process off;
pid %[1]s/nginx.pid;
error_log %[1]s/nginx-error.log warn;
events { worker_connections 256; }
http {
    include %[2]s;
    default_type application/octet-stream;
    access_log %[1]s/nginx-access.log;
    client_body_temp_path %[1]s/nginx-body;
    proxy_temp_path %[1]s/nginx-proxy;
    fastcgi_temp_path %[1]s/nginx-fastcgi;
    uwsgi_temp_path %[1]s/nginx-uwsgi;
    scgi_temp_path %[1]s/nginx-scgi;
    sendfile on;
%[3]s
}
`, t, mimeTypes(), conf), nil
}

func mimeTypes() string {
	for _, p := range []string{"/etc/nginx/mime.types", "/usr/local/nginx/conf/mime.types"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return "mime.types"
}

// startNginx runs nginx in the foreground on its own files and waits until
// it answers.
func startNginx() (func(), error) {
	conf, err := nginxConf()
	if err != nil {
		return nil, err
	}
	file := filepath.Join(env.tmp, "nginx.conf")
	if err := os.WriteFile(file, []byte(conf), 0o644); err != nil {
		return nil, err
	}
	// -e: the error log before the configuration is read, which would
	// otherwise go to /var/log/nginx.
	errLog := filepath.Join(env.tmp, "nginx-error.log")
	if out, err := exec.Command(env.nginx, "-t", "-q", "-e", errLog, "-p", env.tmp, "-c", file).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("nginx -t rejects the configuration made from deploy/nginx.conf: %v\n%s", err, out)
	}
	cmd := exec.Command(env.nginx, "-e", errLog, "-p", env.tmp, "-c", file)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	// nginx ends with the test binary, even one killed by a timeout.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	stop := func() {
		cmd.Process.Signal(os.Interrupt) // SIGINT: fast shutdown
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", env.host, 200*time.Millisecond)
		if err == nil {
			c.Close()
			return stop, nil
		}
		select {
		case err := <-done:
			log, _ := os.ReadFile(errLog)
			return nil, fmt.Errorf("nginx exited: %v\n%s", err, log)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			stop()
			return nil, fmt.Errorf("nginx does not answer on %s", env.host)
		}
	}
}
