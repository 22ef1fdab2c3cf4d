package progress

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"testing"
)

// The default vocabulary: five statuses in order, numbered by place, only
// 已完成 done, each colour readable on white.
func TestDefaults(t *testing.T) {
	ss := Defaults()
	var names []string
	for i, s := range ss {
		names = append(names, s.Name)
		if s.Index != i || s.Class() != fmt.Sprintf("st-%d", i) {
			t.Errorf("%s: index %d, class %s; want %d", s.Name, s.Index, s.Class(), i)
		}
		if s.Done != (s.Name == "已完成") {
			t.Errorf("%s: done is %v", s.Name, s.Done)
		}
		if r, err := Contrast(s.Colour, "#ffffff"); err != nil || r < MinContrast {
			t.Errorf("%s: %s keeps %.2f:1 on white (%v), want at least %g", s.Name, s.Colour, r, err, MinContrast)
		}
	}
	if got := strings.Join(names, " "); got != "未启动 推进中 已完成 滞后 已调整" {
		t.Errorf("the default statuses are %s", got)
	}
	// Each call gives a vocabulary of its own: a site that changes one
	// changes no other.
	ss[0].Name = "changed"
	if Defaults()[0].Name == "changed" {
		t.Error("Defaults shares its statuses between calls")
	}
}

func TestFindNamesNumber(t *testing.T) {
	ss := Number([]Status{{Name: "甲"}, {Name: "乙"}, {Name: "丙"}})
	for i, s := range ss {
		if s.Index != i {
			t.Errorf("%s numbered %d, want %d", s.Name, s.Index, i)
		}
		if Find(ss, s.Name) != i {
			t.Errorf("Find(%s) = %d, want %d", s.Name, Find(ss, s.Name), i)
		}
	}
	for _, name := range []string{"丁", "", " 甲", "甲 "} {
		if Find(ss, name) != -1 {
			t.Errorf("Find(%q) = %d, want -1: a status is its exact name", name, Find(ss, name))
		}
	}
	if Names(ss) != "甲, 乙, 丙" || Names(nil) != "" {
		t.Errorf("Names: %q, %q", Names(ss), Names(nil))
	}
}

func TestParseColour(t *testing.T) {
	for _, tt := range []struct {
		in      string
		r, g, b uint8
		ok      bool
	}{
		{"#0550ae", 0x05, 0x50, 0xae, true},
		{"#FFFFFF", 255, 255, 255, true},
		{"#abc", 0xaa, 0xbb, 0xcc, true},
		{"#000", 0, 0, 0, true},
		{"0550ae", 0, 0, 0, false},
		{"#0550a", 0, 0, 0, false},
		{"#0550aeff", 0, 0, 0, false},
		{"#05g0ae", 0, 0, 0, false},
		{"#+12345", 0, 0, 0, false},
		{"red", 0, 0, 0, false},
		{"", 0, 0, 0, false},
	} {
		r, g, b, ok := ParseColour(tt.in)
		if ok != tt.ok || ok && (r != tt.r || g != tt.g || b != tt.b) {
			t.Errorf("ParseColour(%q) = %d %d %d %v, want %d %d %d %v", tt.in, r, g, b, ok, tt.r, tt.g, tt.b, tt.ok)
		}
	}
}

// Contrast is WCAG 2's ratio: from 1 (the same colour) to 21 (black on
// white), the same either way round.
func TestContrast(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#fff", "#000", 21},
		{"#777777", "#777777", 1},
		{"#767676", "#ffffff", 4.54}, // the lightest grey WCAG AA allows on white
		{"#777777", "#ffffff", 4.48},
	} {
		got, err := Contrast(tt.a, tt.b)
		if err != nil || math.Abs(got-tt.want) > 0.01 {
			t.Errorf("Contrast(%s, %s) = %.3f, %v; want %.2f", tt.a, tt.b, got, err, tt.want)
		}
	}
	if _, err := Contrast("#12345", "#fff"); err == nil || !strings.Contains(err.Error(), "#12345") {
		t.Errorf("a bad colour: %v, want an error naming it", err)
	}
}

// LowContrast finds the first status too light for any of the
// backgrounds.
func TestLowContrast(t *testing.T) {
	ss := Number([]Status{{Name: "深", Colour: "#000000"}, {Name: "浅", Colour: "#aaaaaa"}, {Name: "更浅", Colour: "#eeeeee"}})
	bad, ratio, bg := LowContrast(ss, []string{"#ffffff", "#f6f6f6"})
	if bad == nil || bad.Name != "浅" || bg != "#ffffff" || ratio >= MinContrast {
		t.Errorf("LowContrast = %v %.2f %s, want 浅 on #ffffff under %g", bad, ratio, bg, MinContrast)
	}
	if bad, _, _ := LowContrast(ss[:1], []string{"#ffffff", "#f6f6f6"}); bad != nil {
		t.Errorf("black on white is too light: %v", bad)
	}
	// A dark background makes black the unreadable one.
	if bad, _, bg := LowContrast(ss, []string{"#111111"}); bad == nil || bad.Name != "深" || bg != "#111111" {
		t.Errorf("on #111111: %v %s, want 深", bad, bg)
	}
}

// The stylesheet gives each status its colour through its class.
func TestCSS(t *testing.T) {
	ss := Defaults()
	css := string(CSS(ss))
	for _, s := range ss {
		want := "." + s.Class() + "{--st:" + s.Colour + "}"
		if strings.Count(css, want) != 1 {
			t.Errorf("the stylesheet does not set %s once", want)
		}
	}
	if n := len(regexp.MustCompile(`\.st-\d+\{--st:`).FindAllString(css, -1)); n != len(ss) {
		t.Errorf("%d status rules for %d statuses", n, len(ss))
	}
	if !strings.HasPrefix(css, string(rules)) {
		t.Error("the statuses' own rules do not come first")
	}
}
