package render

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image/color"
	"math/bits"
)

// encodePNG writes a picture as a 4-bit paletted PNG: IHDR, PLTE (no tRNS:
// the palette is opaque), one IDAT and IEND, the rows unfiltered.
//
// The IDAT stream is written here rather than by compress/zlib, which
// reads every byte of the 380 KB of rows looking for repeats and took
// three quarters of a millisecond an image. The repeats are known
// beforehand: a picture's rows come in bands of identical rows, and a
// band's row in runs of one colour. So the stream is one deflate block with
// the fixed codes of RFC 1951: each band's first row as runs (a byte, then
// a copy of it at distance 1), each further row of the band as a copy of
// the row above, and the zlib checksum computed from the runs. The result
// is about as small as zlib's fastest level and any PNG decoder reads it;
// a test decodes every image with image/png and compares the pixels.
func encodePNG(p *picture, pal color.Palette) ([]byte, error) {
	if len(pal) < 5 || len(pal) > 16 {
		return nil, fmt.Errorf("share image: palette of %d colours, want 5 to 16", len(pal))
	}
	if p.w < 1 || p.h < 1 || 1+(p.w+1)/2 > 32768 {
		// A row is copied from the row above: at most deflate's window away.
		return nil, fmt.Errorf("share image: size %d×%d", p.w, p.h)
	}
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:4], uint32(p.w))
	binary.BigEndian.PutUint32(ihdr[4:8], uint32(p.h))
	ihdr[8], ihdr[9] = 4, 3 // bit depth 4, paletted; then deflate, no filter method, no interlace
	chunk(&out, "IHDR", ihdr[:])

	plte := make([]byte, 0, 3*len(pal))
	for _, c := range pal {
		n := color.NRGBAModel.Convert(c).(color.NRGBA)
		if n.A != 0xff {
			return nil, fmt.Errorf("share image: palette colour %v is not opaque", c)
		}
		plte = append(plte, n.R, n.G, n.B)
	}
	chunk(&out, "PLTE", plte)
	if int(p.bg) >= len(pal) {
		return nil, fmt.Errorf("share image: background colour %d of %d", p.bg, len(pal))
	}
	for _, r := range p.rects {
		if int(r.c) >= len(pal) {
			return nil, fmt.Errorf("share image: colour %d of %d", r.c, len(pal))
		}
	}
	chunk(&out, "IDAT", zlibRows(p, len(pal)))
	chunk(&out, "IEND", nil)
	return out.Bytes(), nil
}

// zlibRows is the zlib stream of the picture's rows, each a filter byte
// (0: none) and the row packed two pixels to a byte. Its colours are
// below colours.
func zlibRows(p *picture, colours int) []byte {
	solid := solidRows(p.w, colours)
	pix := make([]byte, p.w)
	line := make([]byte, 1+(p.w+1)/2)
	var d deflater
	d.out = append(make([]byte, 0, 4<<10), 0x78, 0x01) // zlib: deflate, 32 KB window, fastest
	d.bits(1, 1)                                       // the final block,
	d.bits(1, 2)                                       // with the fixed codes
	a, b := uint64(1), uint64(0)                       // Adler-32
	var runs []run
	for _, bd := range p.bands() {
		bd.paint(pix, p.bg, solid)
		pack4(line[1:], pix)
		runs = appendRuns(runs[:0], line)
		d.runs(runs)
		if more := (bd.y1 - bd.y0 - 1) * len(line); more >= 3 {
			d.repeat(more, len(line), 0)
		} else {
			for y := bd.y0 + 1; y < bd.y1; y++ { // rows of a byte or two
				d.runs(runs)
			}
		}
		// The line's own part of the checksum: the sum of its bytes, and
		// their sum weighted by how far each is from the line's end.
		var sum, weighted uint64
		for _, r := range runs {
			n, c, rest := uint64(r.n), uint64(r.c), uint64(len(line)-r.at)
			sum += n * c
			weighted += c * (n*rest - n*(n-1)/2)
		}
		for y := bd.y0; y < bd.y1; y++ {
			b = (b + uint64(len(line))*a + weighted) % adlerMod
			a = (a + sum) % adlerMod
		}
	}
	d.symbol(256) // end of block
	d.flush()
	return binary.BigEndian.AppendUint32(d.out, uint32(b<<16|a))
}

const adlerMod = 65521

// A deflater writes deflate symbols with the fixed Huffman codes, least
// significant bit first as RFC 1951 packs them.
type deflater struct {
	out []byte
	acc uint64
	n   uint
	// row is the code of a full-length copy of the row above, which makes
	// up most of an image.
	row     code
	rowDist int
}

// code is a run of bits to write: a symbol's code with its extra bits.
type code struct {
	v uint64
	n uint
}

func (d *deflater) bits(v uint64, n uint) {
	d.acc |= v << d.n
	d.n += n
	for d.n >= 8 {
		d.out = append(d.out, byte(d.acc))
		d.acc >>= 8
		d.n -= 8
	}
}

func (d *deflater) flush() {
	if d.n > 0 {
		d.out = append(d.out, byte(d.acc))
		d.acc, d.n = 0, 0
	}
}

// symbol writes a literal/length symbol with its fixed code.
func (d *deflater) symbol(s int) {
	c := fixedCodes[s]
	d.bits(c.v, c.n)
}

func (d *deflater) literal(c byte) { d.symbol(int(c)) }

// fixedCodes are the fixed literal/length codes (RFC 1951 3.2.6), bit
// reversed: a Huffman code goes out highest bit first.
var fixedCodes = func() (t [286]code) {
	rev := func(v, n uint) code { return code{uint64(bits.Reverse16(uint16(v)) >> (16 - n)), n} }
	for s := range t {
		switch {
		case s < 144:
			t[s] = rev(uint(0x30+s), 8)
		case s < 256:
			t[s] = rev(uint(0x190+s-144), 9)
		case s < 280:
			t[s] = rev(uint(s-256), 7)
		default:
			t[s] = rev(uint(0xc0+s-280), 8)
		}
	}
	return t
}()

// Lengths and distances (RFC 1951 3.2.5): the first value of each code and
// its number of extra bits.
var (
	lengthBase  = [...]int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthExtra = [...]uint{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	distBase    = [...]int{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	distExtra   = [...]uint{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
)

// matchCode is the code of a copy of n bytes (3 to 258) from dist bytes
// back (1 to 32,768): length symbol, its extra bits, distance code (five
// bits, reversed), its extra bits; at most 9+5+5+13 bits.
func matchCode(n, dist int) code {
	i := len(lengthBase) - 1
	for lengthBase[i] > n {
		i--
	}
	j := len(distBase) - 1
	for distBase[j] > dist {
		j--
	}
	c := fixedCodes[257+i]
	c.v |= uint64(n-lengthBase[i]) << c.n
	c.n += lengthExtra[i]
	c.v |= uint64(bits.Reverse8(uint8(j))>>3) << c.n
	c.n += 5
	c.v |= uint64(dist-distBase[j]) << c.n
	c.n += distExtra[j]
	return c
}

// runCodes are the codes of copies at distance 1, by length.
var runCodes = func() (t [259]code) {
	for n := 3; n <= 258; n++ {
		t[n] = matchCode(n, 1)
	}
	return t
}()

func (d *deflater) match(n, dist int) {
	var c code
	switch {
	case dist == 1:
		c = runCodes[n]
	case n == 258 && dist == d.rowDist:
		c = d.row
	default:
		c = matchCode(n, dist)
		if n == 258 {
			d.row, d.rowDist = c, dist
		}
	}
	d.bits(c.v, c.n)
}

// A run is n bytes c from offset at of a line.
type run struct {
	at, n int
	c     byte
}

// appendRuns appends the runs of one byte of b to rs. A run is skipped
// eight bytes at a time while it lasts that long: most are long.
func appendRuns(rs []run, b []byte) []run {
	for j := 0; j < len(b); {
		k := j + 1
		word := uint64(b[j]) * 0x0101010101010101
		for k+8 <= len(b) && binary.LittleEndian.Uint64(b[k:]) == word {
			k += 8
		}
		for k < len(b) && b[k] == b[j] {
			k++
		}
		rs = append(rs, run{j, k - j, b[j]})
		j = k
	}
	return rs
}

// runs writes each run as its byte and a copy of it at distance 1.
func (d *deflater) runs(rs []run) {
	for _, r := range rs {
		d.literal(r.c)
		d.repeat(r.n-1, 1, r.c)
	}
}

// repeat writes n bytes that repeat those dist bytes back, as copies of 3
// to 258 bytes. Fewer than 3 bytes are written as literals of c, which
// must then be the byte dist back: for dist 1, the byte repeated.
func (d *deflater) repeat(n, dist int, c byte) {
	if n < 3 {
		for ; n > 0; n-- {
			d.literal(c)
		}
		return
	}
	for n > 258 {
		k := 258
		if n-k < 3 {
			k = n - 3
		}
		d.match(k, dist)
		n -= k
	}
	d.match(n, dist)
}

// pack4 packs pixels of a palette of up to 16 colours two to a byte, the
// first in the high nibble, as PNG's 4-bit rows have them: eight pixels at a
// time, in a word, then one by one.
func pack4(dst, pix []byte) {
	x, i := 0, 0
	for ; x+8 <= len(pix); x, i = x+8, i+4 {
		v := binary.LittleEndian.Uint64(pix[x:])
		// Each 16-bit lane holds two pixels, the first in its low byte:
		// make its low byte first<<4 | second, then gather the low bytes.
		v = (v&0x000F000F000F000F)<<4 | (v>>8)&0x000F000F000F000F
		v = (v | v>>8) & 0x0000FFFF0000FFFF
		v = (v | v>>16) & 0xFFFFFFFF
		binary.LittleEndian.PutUint32(dst[i:], uint32(v))
	}
	for ; x+1 < len(pix); x, i = x+2, i+1 {
		dst[i] = pix[x]<<4 | pix[x+1]&0xF
	}
	if x < len(pix) {
		dst[i] = pix[x] << 4
	}
}

// chunk appends one PNG chunk: length, type, data and the CRC of type and data.
func chunk(out *bytes.Buffer, name string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	out.Write(n[:])
	out.WriteString(name)
	out.Write(data)
	crc := crc32.NewIEEE()
	crc.Write([]byte(name))
	crc.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	out.Write(n[:])
}
