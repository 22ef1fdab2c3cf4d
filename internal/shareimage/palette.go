package shareimage

import (
	"image/color"
	"regexp"
	"strconv"
)

// Palette is the colours of the image. They are the site's own, read from
// the custom properties of its stylesheet (static/style.css) by
// PaletteFromCSS, so that the image follows the stylesheet rather than a
// second copy of its colours kept in Go: --brand for the ground, --bg for
// the figures and --focus for the rule. The band at the foot and the faint
// marks are mixed from those.
type Palette struct {
	Brand, Background, Focus color.RGBA
}

// neutral stands in for a colour the stylesheet does not define, so that a
// site with a stylesheet of its own still gets an image, in greys.
var neutral = Palette{
	Brand:      color.RGBA{0x50, 0x50, 0x50, 0xff},
	Background: color.RGBA{0xff, 0xff, 0xff, 0xff},
	Focus:      color.RGBA{0xb0, 0xb0, 0xb0, 0xff},
}

// customProperty matches a colour custom property written as #rrggbb or #rgb.
var customProperty = regexp.MustCompile(`--([a-z-]+)\s*:\s*#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b`)

// PaletteFromCSS reads the palette from a stylesheet: the first definition
// of --brand, --bg and --focus, each as #rrggbb or #rgb.
func PaletteFromCSS(css []byte) Palette {
	pal := neutral
	for _, want := range []struct {
		name string
		c    *color.RGBA
	}{{"brand", &pal.Brand}, {"bg", &pal.Background}, {"focus", &pal.Focus}} {
		for _, m := range customProperty.FindAllSubmatch(css, -1) {
			if string(m[1]) == want.name {
				hex := string(m[2])
				if len(hex) == 3 {
					hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
				}
				v, _ := strconv.ParseUint(hex, 16, 32)
				*want.c = color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
				break
			}
		}
	}
	return pal
}

// dark is the band at the foot: the brand colour at three quarters.
func (p Palette) dark() color.RGBA {
	b := p.Brand
	return color.RGBA{uint8(int(b.R) * 3 / 4), uint8(int(b.G) * 3 / 4), uint8(int(b.B) * 3 / 4), 0xff}
}

// faint is the background colour laid over the brand colour at a third.
func (p Palette) faint() color.RGBA {
	mix := func(a, b uint8) uint8 { return uint8((int(a) + 2*int(b)) / 3) }
	b, f := p.Brand, p.Background
	return color.RGBA{mix(f.R, b.R), mix(f.G, b.G), mix(f.B, b.B), 0xff}
}
