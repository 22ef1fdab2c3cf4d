package render

import (
	"fmt"
	"image/color"

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
// The encoder (sharepng.go) is deterministic, so builds stay byte-identical.

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
func drawText(p *picture, s string, x, y, k int, c uint8) {
	for _, r := range s {
		if g, ok := glyphs[r]; ok {
			for row, line := range g {
				for col, px := range line {
					if px == '#' {
						p.fill(x+col*k, y+row*k, k, k, c)
					}
				}
			}
		}
		x += 6 * k
	}
}

func outline(p *picture, x, y, w, h, t int, c uint8) {
	p.fill(x, y, w, t, c)
	p.fill(x, y+h-t, w, t, c)
	p.fill(x, y, t, h, c)
	p.fill(x+w-t, y, t, h, c)
}

// canvas is the common frame: the brand colour with the masthead's darker
// band and a gold rule at the foot.
func canvas() *picture {
	p := newPicture(ShareWidth, ShareHeight, shareBrand)
	p.fill(0, ShareHeight-48, ShareWidth, 48, shareDark)
	p.fill(0, ShareHeight-54, ShareWidth, 6, shareGold)
	return p
}

// done encodes a picture.
func done(p *picture) ([]byte, error) { return encodePNG(p, sharePalette) }

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
func SiteShareImage(p *plan.Plan) ([]byte, error) { return done(sitePicture(p)) }

func sitePicture(p *plan.Plan) *picture {
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
			img.fill(x, bottom-(j+1)*blockH+4, colW, blockH-6, shareWhite)
		}
		img.fill(x, bottom+6, colW, 4, shareFaint)
	}
	return img
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
	return done(taskPicture(p, t))
}

func taskPicture(p *plan.Plan, t *plan.Task) *picture {
	img := canvas()
	k := 40
	for k > 6 && textWidth(t.ID, k) > 520 {
		k--
	}
	drawText(img, t.ID, 72, (ShareHeight-54-7*k)/2, k, shareWhite)

	ys := p.Years
	if len(ys) == 0 {
		return img
	}
	const x0, x1, top = 660, ShareWidth - 72, 110
	rowH := min(110, 400/len(ys))
	for i, y := range ys {
		yy := top + i*rowH
		drawText(img, fmt.Sprint(y), x0, yy+(rowH-20-7*5)/2, 5, shareWhite)
		bx := x0 + textWidth("0000", 5) + 28
		if t.ActiveIn(y) {
			img.fill(bx, yy+8, x1-bx, rowH-28, shareWhite)
		} else {
			outline(img, bx, yy+8, x1-bx, rowH-28, 4, shareFaint)
		}
	}
	return img
}

// MaxTaskShareImages is the largest table whose tasks get images of their
// own: each is one more file beside each task's page (a province's table
// of 100,000 tasks would get 100,000 of them), so beyond this size every
// page shares the site image.
const MaxTaskShareImages = 500

// HasTaskImages reports whether each task has its own share image.
func (s *Site) HasTaskImages() bool { return len(s.Plan.Tasks) <= MaxTaskShareImages }
