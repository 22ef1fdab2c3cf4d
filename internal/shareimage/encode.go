package shareimage

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
)

// encode writes img as image/png writes it, byte for byte (a test holds
// the two to each other). For an image of 5 to 16 colours, the share
// image's, it packs each row straight from the pixels: image/png reads
// such an image a pixel at a time through an interface, which was half of
// its encoding time and a twentieth of a small table's build. Any other
// image goes to image/png.
func encode(img *image.Paletted) ([]byte, error) {
	if n := len(img.Palette); n <= 4 || n > 16 || img.Rect.Empty() {
		var b bytes.Buffer
		err := png.Encode(&b, img)
		return b.Bytes(), err
	}
	w, h := img.Rect.Dx(), img.Rect.Dy()
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 4, 3 // 4 bits a pixel, an index into the palette
	writeChunk(&out, "IHDR", ihdr[:])
	var plte, trns []byte
	opaque := true
	last := 0
	for i, c := range img.Palette {
		c := color.NRGBAModel.Convert(c).(color.NRGBA)
		plte = append(plte, c.R, c.G, c.B)
		trns = append(trns, c.A)
		if c.A != 0xff {
			opaque, last = false, i
		}
	}
	writeChunk(&out, "PLTE", plte)
	if !opaque {
		writeChunk(&out, "tRNS", trns[:last+1])
	}
	// As image/png: the compressed rows go through a 32 KB buffer, each of
	// its writes one IDAT chunk; each row starts with filter 0 (none).
	bw := bufio.NewWriterSize(idat{&out}, 1<<15)
	zw := zlib.NewWriter(bw)
	row := make([]byte, 1+(w+1)/2)
	for y := range h {
		pix := img.Pix[img.PixOffset(img.Rect.Min.X, img.Rect.Min.Y+y):][:w]
		for x := 0; x+1 < w; x += 2 {
			row[1+x/2] = pix[x]<<4 | pix[x+1]
		}
		if w%2 == 1 {
			row[len(row)-1] = pix[w-1] << 4
		}
		if _, err := zw.Write(row); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	if err := bw.Flush(); err != nil {
		return nil, err
	}
	writeChunk(&out, "IEND", nil)
	return out.Bytes(), nil
}

// writeChunk writes a PNG chunk: its length, name, data and checksum.
func writeChunk(out *bytes.Buffer, name string, data []byte) {
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

// idat writes each write as one IDAT chunk.
type idat struct{ out *bytes.Buffer }

func (c idat) Write(b []byte) (int, error) {
	writeChunk(c.out, "IDAT", b)
	return len(b), nil
}
