// Package headless starts Debian's Chromium for the tests and benchmarks
// that drive the built site in a real browser (the browser tests, live
// reload, the end-to-end tests and make bench), all with the same flags.
package headless

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"time"

	"github.com/chromedp/chromedp"
)

// Path returns the browser to drive: $CHROMIUM, else chromium,
// chromium-browser or google-chrome on the PATH; "" when there is none.
func Path() string {
	for _, p := range []string{os.Getenv("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if p == "" {
			continue
		}
		if found, err := exec.LookPath(p); err == nil {
			return found
		}
	}
	return ""
}

// Options are the flags for a headless run as root on a closed network: no
// sandbox (root), no GPU, none of the background connections to Google's
// services that this machine refuses, scrollbars hidden so that widths are
// those of a phone, which draws scrollbars over the content.
func Options(browser, profile string) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browser),
		chromedp.UserDataDir(profile),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("no-pings", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("lang", "zh-CN"),
	)
}

// Browser is a running Chromium.
type Browser struct {
	ctx     context.Context
	cancel  []context.CancelFunc
	profile string
}

// Start starts browser with a fresh profile and a window of width×height
// CSS pixels (0 for Chromium's default) and returns it once it answers.
// Its context is ended with parent.
func Start(parent context.Context, browser string, width, height int) (*Browser, error) {
	if browser == "" {
		return nil, errors.New("no Chromium: install Debian's chromium or set CHROMIUM")
	}
	// Not a test's TempDir: Chromium's helper processes may still write to
	// the profile for a moment after the browser exits, which would fail
	// TempDir's own cleanup. Close removes it with retries.
	profile, err := os.MkdirTemp("", "plansite-chromium-")
	if err != nil {
		return nil, err
	}
	opts := Options(browser, profile)
	if width > 0 && height > 0 {
		opts = append(opts, chromedp.WindowSize(width, height))
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(parent, opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	b := &Browser{ctx: ctx, cancel: []context.CancelFunc{cancelTab, cancelAlloc}, profile: profile}
	if err := chromedp.Run(ctx); err != nil {
		b.Close()
		return nil, err
	}
	return b, nil
}

// Context is the browser's first tab: chromedp.Run(b.Context(), …).
func (b *Browser) Context() context.Context { return b.ctx }

// Close ends the browser and removes its profile.
func (b *Browser) Close() {
	for _, c := range b.cancel {
		c()
	}
	for i := 0; i < 20 && os.RemoveAll(b.profile) != nil; i++ {
		time.Sleep(100 * time.Millisecond)
	}
}
