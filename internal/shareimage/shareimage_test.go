package shareimage

import (
	"bytes"
	"image/color"
	"image/png"
	"os"
	"testing"

	"plansite/internal/plan"
)

// The palette comes from the stylesheet's custom properties; one it lacks
// is grey.
func TestPaletteFromCSS(t *testing.T) {
	css, err := os.ReadFile("../../static/style.css")
	if err != nil {
		t.Fatal(err)
	}
	pal := PaletteFromCSS(css)
	want := Palette{Brand: color.RGBA{0xa4, 0x26, 0x2c, 0xff}, Background: color.RGBA{0xff, 0xff, 0xff, 0xff}, Focus: color.RGBA{0xff, 0xdd, 0x00, 0xff}}
	if pal != want {
		t.Errorf("palette %v, want %v", pal, want)
	}
	if got := PaletteFromCSS([]byte(":root { --bg: #000; }")); got.Brand != neutral.Brand || got.Background != (color.RGBA{0, 0, 0, 0xff}) {
		t.Errorf("a stylesheet with --bg only gives %v", got)
	}
}

// The image is a PNG of Width×Height in the brand colour, the same bytes
// every time.
func TestDraw(t *testing.T) {
	p := &plan.Plan{Years: []int{2020, 2021, 2022}, Tasks: make([]*plan.Task, 7)}
	pal := PaletteFromCSS([]byte(":root { --brand: #123456; }"))
	data, err := Draw(p, pal)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != Width || b.Dy() != Height {
		t.Errorf("%v, want %d×%d", b, Width, Height)
	}
	if r, g, b, _ := img.At(2, 2).RGBA(); r>>8 != 0x12 || g>>8 != 0x34 || b>>8 != 0x56 {
		t.Errorf("the corner is %v, want the brand colour", img.At(2, 2))
	}
	again, _ := Draw(p, pal)
	if !bytes.Equal(data, again) {
		t.Error("two drawings of one plan differ")
	}
}
