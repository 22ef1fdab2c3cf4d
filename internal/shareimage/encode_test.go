package shareimage

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"testing"

	"plansite/internal/plan"
)

// encode gives image/png's bytes: for the share image of several plans,
// and for paletted images of every size of palette, odd widths, a
// sub-image, colours with alpha, and noise that fills several IDAT chunks.
func TestEncodeAsImagePNG(t *testing.T) {
	var imgs []*image.Paletted
	pal := PaletteFromCSS([]byte(":root { --brand: #123456; --focus: #fd0; }"))
	for _, p := range []*plan.Plan{
		{Years: []int{2020, 2021, 2022}, Tasks: make([]*plan.Task, 7)},
		{Years: []int{2023}, Tasks: make([]*plan.Task, 123456)},
		{Tasks: make([]*plan.Task, 3), Areas: []*plan.Area{{Tasks: make([]*plan.Task, 2)}, {Tasks: make([]*plan.Task, 1)}}},
	} {
		imgs = append(imgs, drawImage(p, pal))
	}
	r := rand.New(rand.NewPCG(1, 2))
	for n := 1; n <= 20; n++ {
		var pal color.Palette
		for i := range n {
			pal = append(pal, color.NRGBA{uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(i * 40), []uint8{0xff, 0x80, 0}[r.IntN(3)]})
		}
		w, h := 1+r.IntN(700), 1+r.IntN(90)
		img := image.NewPaletted(image.Rect(0, 0, w, h), pal)
		for i := range img.Pix {
			img.Pix[i] = uint8(r.IntN(n))
			if i%5 == 0 {
				img.Pix[i] = img.Pix[max(i-1, 0)] // runs, as a drawing has
			}
		}
		imgs = append(imgs, img, img.SubImage(image.Rect(w/3, h/3, w, h)).(*image.Paletted))
	}
	noise := image.NewPaletted(image.Rect(0, 0, Width, Height), imgs[len(imgs)-1].Palette)
	for i := range noise.Pix {
		noise.Pix[i] = uint8(r.IntN(len(noise.Palette)))
	}
	imgs = append(imgs, noise)
	for i, img := range imgs {
		var want bytes.Buffer
		if err := png.Encode(&want, img); err != nil {
			t.Fatal(err)
		}
		got, err := encode(img)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("image %d (%v, %d colours): %d bytes differ from image/png's %d", i, img.Rect, len(img.Palette), len(got), want.Len())
		}
	}
}
