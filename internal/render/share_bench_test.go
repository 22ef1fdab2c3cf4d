package render

import (
	"bytes"
	"image"
	"image/png"
	"math/rand/v2"
	"testing"

	"plansite/internal/plan"
)

// BenchmarkTaskShareImage times a task's share image of an eleven-year plan,
// after checking that encodePNG writes what image/png writes: for a drawn
// share image, and for noise of an odd width (the packing's tail, and rows
// deflate cannot shorten).
func BenchmarkTaskShareImage(b *testing.B) {
	p := &plan.Plan{Years: []int{2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030}}
	t := &plan.Task{ID: "17", Milestones: []plan.Milestone{{From: 2022, To: 2025}}}
	p.Tasks = []*plan.Task{t}

	drawn := canvas()
	drawText(drawn, "1234567890-.", 72, 64, 10, shareWhite)
	fill(drawn, 100, 300, 640, 100, shareFaint)
	noise := image.NewPaletted(image.Rect(0, 0, 1203, 77), sharePalette)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range noise.Pix {
		noise.Pix[i] = uint8(r.IntN(len(sharePalette)))
	}
	for _, img := range []*image.Paletted{drawn, noise} {
		var want bytes.Buffer
		if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&want, img); err != nil {
			b.Fatal(err)
		}
		got, err := encodePNG(img)
		if err != nil {
			b.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			b.Fatalf("encodePNG wrote %d bytes unlike image/png's %d for a %v image", len(got), want.Len(), img.Rect)
		}
	}

	for b.Loop() {
		if _, err := TaskShareImageData(p, t); err != nil {
			b.Fatal(err)
		}
	}
}
