// Package browser holds the tests and the benchmark that drive the built
// site in a real headless Chromium (through chromedp): search, the reading
// settings, reflow, and the live reload of plansite serve. They serve
// public/ from a Go test server on 127.0.0.1, or, for live reload, run
// plansite serve's own server there.
//
// Chromium is found at $CHROMIUM, else as chromium or chromium-browser on
// the PATH. Where it is missing the tests skip, except under CI=true, where
// they fail: CI must run them.
package browser
