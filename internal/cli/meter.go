package cli

import (
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/term"

	"plansite/internal/site"
)

// meterLine, the build's progress meter, shows how many of its files are written, on one line
// redrawn in place, once the build has taken a second: only on a terminal,
// so logs and pipes get no stray lines.
type meterLine struct {
	w     io.Writer
	start time.Time
	last  time.Time
	shown bool
}

// newMeter returns the progress function for a build that logs to w, or
// nil when w is not a terminal. done ends the line.
func newMeter(w io.Writer) (p site.Meter, done func()) {
	if !isTerminal(w) {
		return nil, func() {}
	}
	pl := &meterLine{w: w, start: time.Now()}
	return pl.update, pl.done
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// update is called after each file; it redraws at most ten times a second.
func (p *meterLine) update(n, total int) {
	now := time.Now()
	if now.Sub(p.start) < time.Second || (now.Sub(p.last) < 100*time.Millisecond && n < total) {
		return
	}
	p.last, p.shown = now, true
	fmt.Fprintf(p.w, "\rwriting pages: %d of %d (%d%%)", n, total, n*100/max(total, 1))
}

func (p *meterLine) done() {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
