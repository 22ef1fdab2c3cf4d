// Package shareimage draws the site's share image (/share.png), the picture
// a link preview (og:image) shows for every page, from the plan itself, so
// the site needs no image editor and no third-party service.
//
// Go's standard library has no CJK font and the site ships none, so the
// image carries only shapes and digits from a 5×7 bitmap font drawn here:
// the words of a preview come from og:title and og:description anyway. It
// shows the plan's years, the number of tasks, and per action area one block
// per task. It is encoded as image/png encodes it (encode.go), the same way
// every time, so builds stay byte-identical.
package shareimage

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"

	"plansite/internal/plan"
)

// Width and Height are the size Open Graph consumers expect for a large
// preview (1.91:1). The pages' og:image:width and og:image:height say them.
const (
	Width  = 1200
	Height = 630
)

// glyphs is a 5×7 bitmap font for the characters a number or a year range
// can hold, indexed by character.
var glyphs = [...]struct {
	r    rune
	rows [7]string
}{
	{'0', [7]string{".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."}},
	{'1', [7]string{"..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."}},
	{'2', [7]string{".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"}},
	{'3', [7]string{"#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."}},
	{'4', [7]string{"...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."}},
	{'5', [7]string{"#####", "#....", "####.", "....#", "....#", "#...#", ".###."}},
	{'6', [7]string{"..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."}},
	{'7', [7]string{"#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."}},
	{'8', [7]string{".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."}},
	{'9', [7]string{".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."}},
	{'-', [7]string{".....", ".....", ".....", "#####", ".....", ".....", "....."}},
	{'–', [7]string{".....", ".....", ".....", "#####", ".....", ".....", "....."}},
}

// textWidth is the width of s drawn at scale k (one font pixel = k×k).
func textWidth(s string, k int) int {
	n := len([]rune(s))
	if n == 0 {
		return 0
	}
	return (n*6 - 1) * k
}

// canvas is an image being drawn.
type canvas struct{ img *image.Paletted }

// fill paints a rectangle; draw.Draw clips it to the image.
func (c canvas) fill(x, y, w, h int, col color.Color) {
	draw.Draw(c.img, image.Rect(x, y, x+w, y+h), image.NewUniform(col), image.Point{}, draw.Src)
}

// text draws s with its top left corner at (x, y); characters the font
// lacks are left blank.
func (c canvas) text(s string, x, y, k int, col color.Color) {
	for _, r := range s {
		for _, g := range glyphs {
			if g.r != r {
				continue
			}
			for row, line := range g.rows {
				for i, px := range line {
					if px == '#' {
						c.fill(x+i*k, y+row*k, k, k, col)
					}
				}
			}
		}
		x += 6 * k
	}
}

// yearSpan writes the plan's years as 2020–2022, with the en dash of every
// year range on the site.
func yearSpan(ys []int) string {
	switch len(ys) {
	case 0:
		return ""
	case 1:
		return fmt.Sprint(ys[0])
	}
	return fmt.Sprintf("%d–%d", ys[0], ys[len(ys)-1])
}

// Draw draws the site's image in the colours pal and encodes it as PNG.
func Draw(p *plan.Plan, pal Palette) ([]byte, error) {
	data, err := encode(drawImage(p, pal))
	if err != nil {
		return nil, fmt.Errorf("share image: %v", err)
	}
	return data, nil
}

// drawImage draws the site's image: the brand colour with a darker band
// and a focus-coloured rule at the foot, the years at the top, the number
// of tasks large on the right, and a column of blocks per area, one block
// per task.
func drawImage(p *plan.Plan, pal Palette) *image.Paletted {
	dark, faint := pal.dark(), pal.faint()
	img := canvas{image.NewPaletted(image.Rect(0, 0, Width, Height),
		color.Palette{pal.Brand, dark, pal.Background, faint, pal.Focus})}
	img.fill(0, 0, Width, Height, pal.Brand)
	img.fill(0, Height-48, Width, 48, dark)
	img.fill(0, Height-54, Width, 6, pal.Focus)

	img.text(yearSpan(p.Years), 72, 64, 10, pal.Background)
	total := fmt.Sprint(len(p.Tasks))
	k := 26
	for k > 8 && textWidth(total, k) > 420 {
		k--
	}
	img.text(total, Width-72-textWidth(total, k), 200, k, pal.Background)

	groups := areaCounts(p)
	const left, bottom, maxW = 72, Height - 120, 640
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
			img.fill(x, bottom-(j+1)*blockH+4, colW, blockH-6, pal.Background)
		}
		img.fill(x, bottom+6, colW, 4, faint)
	}
	return img.img
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
