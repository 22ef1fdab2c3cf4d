package load

import (
	"fmt"
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

// TestValidUTF8 holds validUTF8, which checks a large text in two halves
// at once, to utf8.Valid: a valid text, and one broken at its start, at
// its end and at each byte around the middle, where the halves meet.
func TestValidUTF8(t *testing.T) {
	valid := []byte(strings.Repeat("甲乙a😀é", splitMin/12+1))
	mid := len(valid) / 2
	cases := map[string][]byte{"valid": valid, "too short to halve": []byte("甲\xff")}
	for _, at := range []int{0, mid - 3, mid - 2, mid - 1, mid, mid + 1, mid + 2, mid + 3, len(valid) - 1} {
		for _, bad := range []byte{0xff, 0x80, 0xe7} {
			b := slices.Clone(valid)
			b[at] = bad
			cases[fmt.Sprintf("%#x at %d", bad, at)] = b
		}
	}
	cases["cut at the middle"] = slices.Concat(valid[:mid-1], valid[mid+2:])
	// The middle byte at each place in a character.
	for n := 1; n <= 4; n++ {
		cases[fmt.Sprintf("valid, %d more bytes before", n)] = slices.Concat([]byte(strings.Repeat("a", n)), valid)
	}
	for name, b := range cases {
		if got, want := validUTF8(b), utf8.Valid(b); got != want {
			t.Errorf("%s: validUTF8 = %v, utf8.Valid = %v", name, got, want)
		}
	}
}
