package cli

import (
	"bytes"
	"testing"
)

// A build's progress is not printed when the log is not a terminal.
func TestProgressSilentOffTerminal(t *testing.T) {
	var b bytes.Buffer
	p, done := newMeter(&b)
	if p != nil {
		t.Fatal("a buffer got a progress line")
	}
	done()
	if b.Len() != 0 {
		t.Errorf("wrote %q", b.String())
	}
}

// On a terminal the line appears once the build has run a second, and is
// cleared at the end.
func TestProgressLine(t *testing.T) {
	var b bytes.Buffer
	pl := &meterLine{w: &b}
	pl.update(1, 10) // start is long ago: past the first second
	pl.update(10, 10)
	pl.done()
	if got, want := b.String(), "\rwriting pages: 1 of 10 (10%)\rwriting pages: 10 of 10 (100%)\r\033[K"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
