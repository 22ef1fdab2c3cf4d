package render

import (
	"bytes"
	"slices"
	"sync"
)

// A picture is a share image kept as what it is drawn from: rectangles of
// palette colours painted in order over a background colour. The images are
// flat blocks (a bitmap font, bars, bands), so their rows come in bands of
// identical rows, and encodePNG writes each band's row once and then
// repeats it, rather than compressing 756,000 pixels a byte at a time: for
// the real table that was a quarter of the build.
type picture struct {
	w, h  int
	bg    uint8
	rects []rect
}

// rect is a filled rectangle, [x0, x1) × [y0, y1), of colour c.
type rect struct {
	x0, y0, x1, y1 int
	c              uint8
}

func newPicture(w, h int, bg uint8) *picture {
	return &picture{w: w, h: h, bg: bg, rects: make([]rect, 0, 512)} // a task's has about 400
}

// fill paints a rectangle, clipped to the picture.
func (p *picture) fill(x, y, w, h int, c uint8) {
	r := rect{max(x, 0), max(y, 0), min(x+w, p.w), min(y+h, p.h), c}
	if r.x0 < r.x1 && r.y0 < r.y1 {
		p.rects = append(p.rects, r)
	}
}

// A band is a run of identical rows, [y0, y1), and the rectangles that
// cross it, in the order they were painted.
type band struct {
	y0, y1 int
	rects  []*rect
}

// bands splits the picture at every rectangle's top and bottom edge.
func (p *picture) bands() []band {
	ys := make([]int, 0, 2+2*len(p.rects))
	ys = append(ys, 0, p.h)
	for _, r := range p.rects {
		ys = append(ys, r.y0, r.y1)
	}
	slices.Sort(ys)
	ys = slices.Compact(ys)
	bs := make([]band, len(ys)-1)
	// Each band's rectangles are a slice of one array, counted first.
	first := make([]int, len(p.rects))
	total := 0
	for k, r := range p.rects {
		first[k], _ = slices.BinarySearch(ys, r.y0)
		for i := first[k]; i < len(bs) && ys[i] < r.y1; i++ {
			bs[i].y1++ // for now, the count
			total++
		}
	}
	all := make([]*rect, total)
	for i := range bs {
		n := bs[i].y1
		bs[i] = band{y0: ys[i], y1: ys[i+1], rects: all[:0:n]}
		all = all[n:]
	}
	for k := range p.rects {
		r := &p.rects[k]
		for i := first[k]; i < len(bs) && bs[i].y0 < r.y1; i++ {
			bs[i].rects = append(bs[i].rects, r)
		}
	}
	return bs
}

// paint paints the band's row into dst, one palette index per pixel, over
// the background bg. solid holds a row of each colour, to copy from.
func (b *band) paint(dst []byte, bg uint8, solid [][]byte) {
	copy(dst, solid[bg])
	for _, r := range b.rects {
		copy(dst[r.x0:r.x1], solid[r.c])
	}
}

// solidRows is a row of each of n colours, w pixels long, made once for
// all the images of a size.
func solidRows(w, n int) [][]byte {
	key := [2]int{w, n}
	if rows, ok := solidCache.Load(key); ok {
		return rows.([][]byte)
	}
	rows := make([][]byte, n)
	for c := range rows {
		rows[c] = bytes.Repeat([]byte{byte(c)}, w)
	}
	solidCache.Store(key, rows)
	return rows
}

var solidCache sync.Map // [2]int{width, colours} → [][]byte
