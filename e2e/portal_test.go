//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
)

// The same checks run on a portal (a site of many plans) when E2E_CONTENT
// names its content folder: `make e2e` runs them a second time on
// examples/portal/content, built for and served under the same sub-path
// with the same deploy/nginx.conf.

// contentUnderTest is the content folder to build, absolute, or "" for
// the bundled plan.
func contentUnderTest() string {
	c := os.Getenv("E2E_CONTENT")
	if c == "" || filepath.IsAbs(c) {
		return c
	}
	return filepath.Join(env.root, c)
}

// portalUnderTest tells whether the site under test is a portal: its
// content folder holds plans/.
func portalUnderTest() bool {
	c := contentUnderTest()
	if c == "" {
		return false
	}
	fi, err := os.Stat(filepath.Join(c, "plans"))
	return err == nil && fi.IsDir()
}

// planKind names the kind of a page under a portal's plans/<id>/ by the
// plan's own address (plans/*/tasks/*/, not plans/*/*/*/), so that each
// kind of a plan's pages is checked, not one page for all of a depth.
// Other addresses keep kind k.
func planKind(p, k string) string {
	rest, ok := strings.CutPrefix(p, "plans/")
	if !ok || !portalUnderTest() {
		return k
	}
	_, rest, _ = strings.Cut(rest, "/")
	if rest == "" {
		return "plans/*/"
	}
	return "plans/*/" + kindOf("http://x/"+rest, "/")
}

// wantKinds are the page kinds every build of the site under test has.
func wantKinds() []string {
	if portalUnderTest() {
		return []string{"home", "departments/", "departments/*/", "years/", "years/*/", "progress/", "search/", "data/", "about/", "404",
			"plans/*/", "plans/*/tasks/*/", "plans/*/areas/*/", "plans/*/departments/", "plans/*/departments/*/", "plans/*/years/*/", "plans/*/plan/"}
	}
	return []string{"home", "tasks/*/", "areas/*/", "departments/", "departments/*/", "years/", "years/*/", "about/", "404"}
}

// taskKind is the kind of a task's page.
func taskKind() string {
	if portalUnderTest() {
		return "plans/*/tasks/*/"
	}
	return "tasks/*/"
}

// shotsFolder is the screenshots' folder under screenshots/, one for each
// site under test, so that the second run keeps the first one's.
func shotsFolder() string {
	if portalUnderTest() {
		return "e2e-portal"
	}
	return "e2e"
}
