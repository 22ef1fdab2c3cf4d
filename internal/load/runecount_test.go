package load

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestRuneCount holds runeCount to utf8.RuneCount on valid UTF-8 of
// characters of every length, at every offset of the eight bytes it
// counts at a time.
func TestRuneCount(t *testing.T) {
	text := strings.Repeat("a甲é😀，1\n乙", 5)
	for from := 0; from < len(text); from++ {
		for to := from; to <= len(text); to++ {
			b := []byte(text[from:to])
			if !utf8.Valid(b) {
				continue
			}
			if got, want := runeCount(b), utf8.RuneCount(b); got != want {
				t.Fatalf("runeCount(%q) = %d, want %d", b, got, want)
			}
		}
	}
}

// TestLineStarts: each line's first byte, a final line without its line
// feed and an empty text.
func TestLineStarts(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []int
	}{
		{"", []int{0}},
		{"甲", []int{0}},
		{"a\nbc\n", []int{0, 2, 5}},
		{"\n\n甲\r\n乙", []int{0, 1, 2, 7}},
	} {
		if got := lineStarts([]byte(tt.text)); !slices.Equal(got, tt.want) {
			t.Fatalf("lineStarts(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
