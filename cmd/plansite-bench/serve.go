package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"plansite/internal/headless"
	"plansite/internal/synth"
)

// serveLatency starts plansite serve on a table of n tasks, opens a task
// page, changes one cell of that task in the table and measures how long
// the page takes to show the new text: in headless Chromium when there is
// one, else through the event stream and a fetch of the page.
func serveLatency(bin, dir string, n int) error {
	content := filepath.Join(dir, "content")
	if err := synth.Write(content, n, 1); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(bin, "serve", "-addr", addr, "-content", content)
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() }()
	base := "http://" + addr + "/"
	task := n / 2
	page := fmt.Sprintf("%stasks/%d/", base, task)
	if err := waitUp(page, 60*time.Second); err != nil {
		return err
	}
	tasks := filepath.Join(content, "tasks.csv")
	const rounds = 5
	var lat []time.Duration
	how := "headless Chromium"
	if browser := headless.Path(); browser != "" {
		lat, err = browserRounds(browser, page, tasks, task, rounds)
	} else {
		how = "event stream and fetch (no Chromium found)"
		lat, err = streamRounds(base, page, tasks, task, rounds)
	}
	if err != nil {
		return err
	}
	var parts []string
	for _, d := range lat {
		parts = append(parts, ms(d))
	}
	fmt.Printf("serve: one cell of a %d-task table changed → the open page shows it (%s), %d rounds: %s; median %s\n",
		n, how, rounds, strings.Join(parts, ", "), ms(median(lat)))
	return nil
}

func waitUp(url string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(url); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("plansite serve did not answer %s within %v", url, timeout)
}

// editCell returns a save of the table with mark appended to the
// measures of task id: the table is read and written out beforehand, so
// that the time measured starts at the save, as an editor's does.
func editCell(file string, id int, mark string) (save func() error, err error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	recs, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		return nil, err
	}
	want := fmt.Sprint(id)
	for _, r := range recs {
		if r[0] == want {
			r[2] += mark
		}
	}
	var b bytes.Buffer
	if err := csv.NewWriter(&b).WriteAll(recs); err != nil {
		return nil, err
	}
	return func() error {
		tmp := file + ".bench"
		if err := os.WriteFile(tmp, b.Bytes(), 0o644); err != nil {
			return err
		}
		return os.Rename(tmp, file) // one change, as an editor's save
	}, nil
}

func browserRounds(browser, page, tasks string, task, rounds int) ([]time.Duration, error) {
	b, err := headless.Start(context.Background(), browser, 0, 0)
	if err != nil {
		return nil, err
	}
	defer b.Close()
	ctx := b.Context()
	if err := chromedp.Run(ctx, chromedp.Navigate(page)); err != nil {
		return nil, err
	}
	var out []time.Duration
	for i := 1; i <= rounds; i++ {
		if err := waitStream(ctx); err != nil {
			return nil, err
		}
		if err := waitIdle(page); err != nil {
			return nil, err
		}
		mark := fmt.Sprintf("（第%d次修改）", i)
		save, err := editCell(tasks, task, mark)
		if err != nil {
			return nil, err
		}
		start := time.Now()
		if err := save(); err != nil {
			return nil, err
		}
		// Looked for in the page, not copied out of it, and the time taken
		// once the frame that shows it is drawn: copying the page's
		// rendered text every few milliseconds laid the page out again
		// each time, which delayed what it measured.
		quoted, _ := json.Marshal(mark)
		shown := `(function () {
  var b = document.body;
  if (!b || b.textContent.indexOf(` + string(quoted) + `) < 0) return false;
  return new Promise(function (done) { requestAnimationFrame(function () { done(true); }); });
})()`
		awaited := func(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams { return p.WithAwaitPromise(true) }
		for {
			var ok bool
			if err := chromedp.Run(ctx, chromedp.Evaluate(shown, &ok, awaited)); err == nil && ok {
				break
			}
			if time.Since(start) > 30*time.Second {
				return nil, fmt.Errorf("the page did not show the change within 30 s")
			}
			time.Sleep(5 * time.Millisecond)
		}
		out = append(out, time.Since(start))
	}
	return out, nil
}

// waitIdle waits until the server has made the whole site of the last
// change: a site-wide file is answered only then. An editor's next change
// comes seconds later, not while the server still works on the one before.
func waitIdle(page string) error {
	u, err := url.Parse(page)
	if err != nil {
		return err
	}
	u.Path = "/sitemap.xml"
	resp, err := http.Get(u.String())
	if err != nil {
		return err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", u, resp.Status)
	}
	return nil
}

// waitStream waits until the open page's event stream is connected.
func waitStream(ctx context.Context) error {
	for i := 0; i < 500; i++ {
		var ok bool
		err := chromedp.Run(ctx, chromedp.Evaluate(`window.plansiteLive === true`, &ok))
		if err == nil && ok {
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return fmt.Errorf("the page's event stream did not connect")
}

func streamRounds(base, page, tasks string, task, rounds int) ([]time.Duration, error) {
	var out []time.Duration
	for i := 1; i <= rounds; i++ {
		if err := waitIdle(page); err != nil {
			return nil, err
		}
		resp, err := http.Get(base + "_plansite/events")
		if err != nil {
			return nil, err
		}
		events := bufio.NewScanner(resp.Body)
		events.Scan() // retry:
		mark := fmt.Sprintf("（第%d次修改）", i)
		save, err := editCell(tasks, task, mark)
		if err != nil {
			resp.Body.Close()
			return nil, err
		}
		start := time.Now()
		if err := save(); err != nil {
			resp.Body.Close()
			return nil, err
		}
		for events.Scan() && events.Text() != "event: reload" {
		}
		resp.Body.Close()
		r, err := http.Get(page)
		if err != nil {
			return nil, err
		}
		body, _ := io.ReadAll(r.Body)
		r.Body.Close()
		if !strings.Contains(string(body), mark) {
			return nil, fmt.Errorf("after the reload event the page lacks the change")
		}
		out = append(out, time.Since(start))
	}
	return out, nil
}
