package browser

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

type look struct {
	Class    string `json:"class"`
	FontSize string `json:"fontSize"`
	BG       string `json:"bg"`
	Pressed  string `json:"pressed"` // the data-size or data-contrast of the pressed buttons
	Shown    bool   `json:"shown"`   // the settings bar is visible
}

var readLook = `(function(){
	var bar = document.getElementById('prefs');
	return {class: document.documentElement.className,
		fontSize: getComputedStyle(document.body).fontSize,
		bg: getComputedStyle(document.body).backgroundColor,
		pressed: Array.from(bar.querySelectorAll('button[aria-pressed="true"]')).map(function(b){return b.getAttribute('data-size')||'contrast'}).join(' '),
		shown: !bar.hidden && bar.getBoundingClientRect().height > 0}})()`

// TestFontSizePersists clicks 大 on one page and finds the larger text on
// the next, then does the same with high contrast, then goes back to 中.
func TestFontSizePersists(t *testing.T) {
	root, _ := serve(t, sources(nil))
	ctx := browser(t, 375, 800)
	var l look
	step := func(what string, actions ...chromedp.Action) look {
		t.Helper()
		run(t, ctx, what, append(actions, chromedp.Evaluate(readLook, &l))...)
		return l
	}
	if l := step("home", chromedp.Navigate(root), chromedp.WaitVisible("#prefs", chromedp.ByID)); l.FontSize != "18px" || l.Pressed != "m" || !l.Shown {
		t.Errorf("home by default: %+v, want 18px body text and 中 pressed", l)
	}
	if l := step("click 大", chromedp.Click(`#prefs button[data-size="l"]`, chromedp.ByQuery)); !strings.Contains(l.Class, "size-l") || l.Pressed != "l" {
		t.Errorf("after 大: %+v", l)
	}
	big := step("task page", chromedp.Navigate(root+"tasks/7/"), chromedp.WaitVisible("#prefs", chromedp.ByID))
	if !strings.Contains(big.Class, "size-l") || big.Pressed != "l" || big.FontSize != "22px" {
		t.Errorf("next page after 大: %+v, want class size-l, 大 pressed, 22px text", big)
	}
	if l := step("click 高对比度", chromedp.Click(`#prefs button[data-contrast]`, chromedp.ByQuery)); !strings.Contains(l.Class, "contrast") || l.Pressed != "l contrast" {
		t.Errorf("after 高对比度: %+v", l)
	}
	l = step("departments", chromedp.Navigate(root+"departments/"), chromedp.WaitVisible("#prefs", chromedp.ByID))
	if !strings.Contains(l.Class, "contrast") || !strings.Contains(l.Class, "size-l") || l.BG != "rgb(0, 0, 0)" || l.Pressed != "l contrast" {
		t.Errorf("next page after 高对比度: %+v, want size-l and contrast, black background", l)
	}
	step("back to 中, contrast off", chromedp.Click(`#prefs button[data-size="m"]`, chromedp.ByQuery), chromedp.Click(`#prefs button[data-contrast]`, chromedp.ByQuery))
	if l := step("years", chromedp.Navigate(root+"years/"), chromedp.WaitVisible("#prefs", chromedp.ByID)); strings.TrimSpace(l.Class) != "" || l.FontSize != "18px" || l.Pressed != "m" {
		t.Errorf("after 中 and contrast off: %+v", l)
	}
	if l := step("小", chromedp.Click(`#prefs button[data-size="s"]`, chromedp.ByQuery)); l.FontSize != "16px" || l.Pressed != "s" {
		t.Errorf("after 小: %+v", l)
	}
}

// TestWithoutJavaScript loads pages with scripts disabled: the reading
// settings stay hidden and the search page explains what to do instead.
func TestWithoutJavaScript(t *testing.T) {
	root, _ := serve(t, sources(nil))
	ctx := browser(t, 375, 800)
	run(t, ctx, "disable scripts", chromedp.ActionFunc(func(ctx context.Context) error {
		return emulation.SetScriptExecutionDisabled(true).Do(ctx)
	}))
	var prefsHidden, appHidden, nojsShown bool
	var q string
	run(t, ctx, "search page",
		chromedp.Navigate(root+"search/?q=%E6%97%A0%E4%BA%BA%E6%9C%BA"),
		chromedp.WaitReady("#search-nojs", chromedp.ByID),
		chromedp.Evaluate(`document.getElementById('prefs').getBoundingClientRect().height === 0`, &prefsHidden),
		chromedp.Evaluate(`document.getElementById('search-app').getBoundingClientRect().height === 0`, &appHidden),
		chromedp.Evaluate(`document.getElementById('search-nojs').getBoundingClientRect().height > 0`, &nojsShown),
		chromedp.Evaluate(`document.getElementById('q').value`, &q),
	)
	if !prefsHidden || !appHidden || !nojsShown {
		t.Errorf("without JavaScript: settings hidden %v, empty results hidden %v, explanation shown %v", prefsHidden, appHidden, nojsShown)
	}
	if q != "" {
		t.Errorf("scripts ran: the query was filled in (%q)", q)
	}
}
