package render

import (
	"fmt"
	"image"
	"image/color"
	"sync"

	"plansite/internal/plan"
)

// Share images for link previews (og:image), drawn by the build from the
// plan itself, so the site needs no image editor and no third-party service.
// Go's standard library has no CJK font and the site ships none, so the
// images carry only shapes and digits from a 5×7 bitmap font drawn here: the
// words of a preview come from og:title and og:description anyway.
//
// The site image shows the plan's years and, per action area, one block per
// task; a task's image shows its number and the years it is active in.
// image/png encodes deterministically, so builds stay byte-identical.

// TaskShareImage is the site path of a task's share image.
func TaskShareImage(t *plan.Task) string { return TaskPath(t) + "share.png" }

// The palette: a paletted PNG of five colours is a few kilobytes.
const (
	shareBrand uint8 = iota // --brand of style.css
	shareDark               // the masthead's border
	shareWhite
	shareFaint // white over the brand at 1/3
	shareGold  // --focus
)

var sharePalette = color.Palette{
	color.RGBA{0xa4, 0x26, 0x2c, 0xff},
	color.RGBA{0x7a, 0x1c, 0x20, 0xff},
	color.RGBA{0xff, 0xff, 0xff, 0xff},
	color.RGBA{0xc8, 0x67, 0x6c, 0xff},
	color.RGBA{0xff, 0xdd, 0x00, 0xff},
}

// glyphs is a 5×7 bitmap font for the characters a task number or a year
// range can hold.
var glyphs = map[rune][7]string{
	'0': {".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."},
	'1': {"..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."},
	'2': {".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"},
	'3': {"#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."},
	'4': {"...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."},
	'5': {"#####", "#....", "####.", "....#", "....#", "#...#", ".###."},
	'6': {"..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."},
	'7': {"#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."},
	'8': {".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."},
	'9': {".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."},
	'-': {".....", ".....", ".....", "#####", ".....", ".....", "....."},
	'.': {".....", ".....", ".....", ".....", ".....", ".##..", ".##.."},
}

// textWidth is the width of s drawn at scale k (one font pixel = k×k).
func textWidth(s string, k int) int {
	n := len([]rune(s))
	if n == 0 {
		return 0
	}
	return (n*6 - 1) * k
}

// drawText draws s with its top left corner at (x, y); characters the font
// lacks are left blank.
func drawText(img *image.Paletted, s string, x, y, k int, c uint8) {
	for _, r := range s {
		if g, ok := glyphs[r]; ok {
			for row, line := range g {
				for col, px := range line {
					if px == '#' {
						fill(img, x+col*k, y+row*k, k, k, c)
					}
				}
			}
		}
		x += 6 * k
	}
}

// fill paints a rectangle, clipped to the image. The first row is painted
// pixel by pixel and copied to the others, which is several times faster.
func fill(img *image.Paletted, x, y, w, h int, c uint8) {
	r := image.Rect(x, y, x+w, y+h).Intersect(img.Rect)
	if r.Empty() {
		return
	}
	first := img.Pix[img.PixOffset(r.Min.X, r.Min.Y):img.PixOffset(r.Max.X, r.Min.Y)]
	for i := range first {
		first[i] = c
	}
	for yy := r.Min.Y + 1; yy < r.Max.Y; yy++ {
		copy(img.Pix[img.PixOffset(r.Min.X, yy):img.PixOffset(r.Max.X, yy)], first)
	}
}

func outline(img *image.Paletted, x, y, w, h, t int, c uint8) {
	fill(img, x, y, w, t, c)
	fill(img, x, y+h-t, w, t, c)
	fill(img, x, y, t, h, c)
	fill(img, x+w-t, y, t, h, c)
}

// canvas is the common frame: the brand colour with the masthead's darker
// band and a gold rule at the foot.
func canvas() *image.Paletted {
	frameOnce.Do(func() {
		frame = image.NewPaletted(image.Rect(0, 0, ShareWidth, ShareHeight), sharePalette)
		fill(frame, 0, 0, ShareWidth, ShareHeight, shareBrand)
		fill(frame, 0, ShareHeight-48, ShareWidth, 48, shareDark)
		fill(frame, 0, ShareHeight-54, ShareWidth, 6, shareGold)
	})
	img := canvases.Get().(*image.Paletted)
	copy(img.Pix, frame.Pix)
	return img
}

// frame is the common frame, drawn once and copied for each image.
var (
	frameOnce sync.Once
	frame     *image.Paletted
)

// canvases are images of the share size to draw on: a fresh one for each
// task would be three quarters of a megabyte to allocate and clear. Each
// image is returned by done once encoded.
var canvases = sync.Pool{New: func() any {
	return image.NewPaletted(image.Rect(0, 0, ShareWidth, ShareHeight), sharePalette)
}}

// done encodes a canvas and puts it back for the next image.
func done(img *image.Paletted) ([]byte, error) {
	defer canvases.Put(img)
	return encodePNG(img)
}

// yearSpan writes the plan's years as 2020-2022.
func yearSpan(ys []int) string {
	switch len(ys) {
	case 0:
		return ""
	case 1:
		return fmt.Sprint(ys[0])
	}
	return fmt.Sprintf("%d-%d", ys[0], ys[len(ys)-1])
}

// SiteShareImage draws the site's image: the years at the top, the number
// of tasks large on the right, and a column of blocks per area, one block
// per task.
func SiteShareImage(p *plan.Plan) ([]byte, error) {
	img := canvas()
	drawText(img, yearSpan(p.Years), 72, 64, 10, shareWhite)
	total := fmt.Sprint(len(p.Tasks))
	k := 26
	for k > 8 && textWidth(total, k) > 420 {
		k--
	}
	drawText(img, total, ShareWidth-72-textWidth(total, k), 200, k, shareWhite)

	groups := areaCounts(p)
	const left, bottom, maxW = 72, ShareHeight - 120, 640
	colW := 80
	if n := len(groups); n > 0 && n*(colW+24) > maxW {
		colW = maxW/n - 24
	}
	most := 1
	for _, g := range groups {
		most = max(most, g)
	}
	blockH := min(36, 300/most)
	for i, g := range groups {
		x := left + i*(colW+24)
		for j := 0; j < g; j++ {
			fill(img, x, bottom-(j+1)*blockH+4, colW, blockH-6, shareWhite)
		}
		fill(img, x, bottom+6, colW, 4, shareFaint)
	}
	return done(img)
}

// areaCounts is the number of tasks of each area, or of the whole table when
// it has no areas.
func areaCounts(p *plan.Plan) []int {
	if len(p.Areas) == 0 {
		return []int{len(p.Tasks)}
	}
	out := make([]int, len(p.Areas))
	for i, a := range p.Areas {
		out[i] = len(a.Tasks)
	}
	return out
}

// TaskShareImageData draws a task's image: its number large on the left and,
// on the right, one bar per plan year, filled where the task is active.
func TaskShareImageData(p *plan.Plan, t *plan.Task) ([]byte, error) {
	img := canvas()
	k := 40
	for k > 6 && textWidth(t.ID, k) > 520 {
		k--
	}
	drawText(img, t.ID, 72, (ShareHeight-54-7*k)/2, k, shareWhite)

	ys := p.Years
	if len(ys) == 0 {
		return done(img)
	}
	const x0, x1, top = 660, ShareWidth - 72, 110
	rowH := min(110, 400/len(ys))
	for i, y := range ys {
		yy := top + i*rowH
		drawText(img, fmt.Sprint(y), x0, yy+(rowH-20-7*5)/2, 5, shareWhite)
		bx := x0 + textWidth("0000", 5) + 28
		if t.ActiveIn(y) {
			fill(img, bx, yy+8, x1-bx, rowH-28, shareWhite)
		} else {
			outline(img, bx, yy+8, x1-bx, rowH-28, 4, shareFaint)
		}
	}
	return done(img)
}

// MaxTaskShareImages is the largest table whose tasks get images of their
// own. An image costs a few milliseconds; a province's table of 100,000
// tasks would spend minutes on them, so beyond this size every page shares
// the site image.
const MaxTaskShareImages = 500

// HasTaskImages reports whether each task has its own share image.
func (s *Site) HasTaskImages() bool { return len(s.Plan.Tasks) <= MaxTaskShareImages }
