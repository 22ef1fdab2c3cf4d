package render

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math/rand/v2"
	"testing"

	"plansite/internal/plan"
)

// checkPNG decodes data with image/png, which also checks every chunk's CRC
// and the zlib checksum, and compares it pixel by pixel with the picture.
func checkPNG(t *testing.T, name string, p *picture, data []byte) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	got, ok := img.(*image.Paletted)
	if !ok {
		t.Fatalf("%s: decoded as %T, want a paletted image", name, img)
	}
	want := p.paletted(sharePalette)
	if got.Rect != want.Rect || len(got.Palette) != len(sharePalette) {
		t.Fatalf("%s: %v with %d colours, want %v with %d", name, got.Rect, len(got.Palette), want.Rect, len(sharePalette))
	}
	for i, c := range sharePalette {
		if r1, g1, b1, a1 := c.RGBA(); true {
			r2, g2, b2, a2 := got.Palette[i].RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				t.Fatalf("%s: palette colour %d is %v, want %v", name, i, got.Palette[i], c)
			}
		}
	}
	for y := 0; y < want.Rect.Dy(); y++ {
		g, w := got.Pix[y*got.Stride:][:want.Rect.Dx()], want.Pix[y*want.Stride:][:want.Rect.Dx()]
		if !bytes.Equal(g, w) {
			t.Fatalf("%s: row %d differs from the picture", name, y)
		}
	}
}

// randomPicture is a picture of random size and rectangles, some reaching
// past its edges.
func randomPicture(r *rand.Rand) *picture {
	p := newPicture(1+r.IntN(700), 1+r.IntN(90), uint8(r.IntN(len(sharePalette))))
	for n := r.IntN(40); n > 0; n-- {
		p.fill(r.IntN(p.w+20)-10, r.IntN(p.h+20)-10, r.IntN(p.w/2+3), r.IntN(p.h/2+3), uint8(r.IntN(len(sharePalette))))
	}
	return p
}

// TestEncodePNG: random pictures of odd and tiny sizes, many colour runs
// and bands of one row, decode to what was drawn.
func TestEncodePNG(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for i := 0; i < 400; i++ {
		p := randomPicture(r)
		data, err := encodePNG(p, sharePalette)
		if err != nil {
			t.Fatal(err)
		}
		checkPNG(t, fmt.Sprintf("picture %d (%d×%d, %d rects)", i, p.w, p.h, len(p.rects)), p, data)
	}
	// Noise: every pixel its own run, every row its own band.
	p := newPicture(1203, 40, shareBrand)
	for y := 0; y < p.h; y++ {
		for x := 0; x < p.w; x++ {
			p.fill(x, y, 1, 1, uint8(r.IntN(len(sharePalette))))
		}
	}
	data, err := encodePNG(p, sharePalette)
	if err != nil {
		t.Fatal(err)
	}
	checkPNG(t, "noise", p, data)
}

// TestShareImagesDecode: the images of a plan decode to what was drawn,
// and are less than twice the size zlib's fastest level makes them.
func TestShareImagesDecode(t *testing.T) {
	pl := &plan.Plan{Years: []int{2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030}}
	for _, id := range []string{"1", "17", "234", "1.2", "99999"} {
		pl.Tasks = append(pl.Tasks, &plan.Task{ID: id, Milestones: []plan.Milestone{{From: 2022, To: 2025}}})
	}
	for _, task := range pl.Tasks {
		p := taskPicture(pl, task)
		data, err := encodePNG(p, sharePalette)
		if err != nil {
			t.Fatal(err)
		}
		checkPNG(t, "task "+task.ID, p, data)
		var z bytes.Buffer
		if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&z, p.paletted(sharePalette)); err != nil {
			t.Fatal(err)
		}
		if len(data) >= z.Len()*2 {
			t.Errorf("task %s: %d bytes, image/png at its fastest %d", task.ID, len(data), z.Len())
		}
	}
	site := sitePicture(pl)
	data, err := encodePNG(site, sharePalette)
	if err != nil {
		t.Fatal(err)
	}
	checkPNG(t, "site", site, data)
}

// TestZlibRowsChecksum reads the IDAT stream with compress/zlib, which
// checks the Adler-32 at its end.
func TestZlibRowsChecksum(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	for i := 0; i < 50; i++ {
		p := randomPicture(r)
		zr, err := zlib.NewReader(bytes.NewReader(zlibRows(p, len(sharePalette))))
		if err != nil {
			t.Fatal(err)
		}
		raw, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("picture %d: %v", i, err)
		}
		if want := p.h * (1 + (p.w+1)/2); len(raw) != want {
			t.Fatalf("picture %d: %d bytes of rows, want %d", i, len(raw), want)
		}
	}
}

// paletted paints the whole picture pixel by pixel, the plain way, for
// tests to compare with what encodePNG wrote.
func (p *picture) paletted(pal color.Palette) *image.Paletted {
	img := image.NewPaletted(image.Rect(0, 0, p.w, p.h), pal)
	for y := 0; y < p.h; y++ {
		row := img.Pix[y*img.Stride:][:p.w]
		for i := range row {
			row[i] = p.bg
		}
		for _, r := range p.rects {
			if y >= r.y0 && y < r.y1 {
				for x := r.x0; x < r.x1; x++ {
					row[x] = r.c
				}
			}
		}
	}
	return img
}
