// Package officezip opens the zip file an office document is (a .docx, an
// .xlsx, an .odt) only after reading its directory: a file of a megabyte
// may claim parts of gigabytes, and a reader that trusted the claim would
// allocate them. Too many parts, parts that would unzip beyond the limits,
// or that claim what no zip file can, are refused before anything is
// unzipped.
package officezip

import (
	"archive/zip"
	"bytes"
	"fmt"

	"plansite/internal/plan"
	"plansite/internal/problem"
)

// The limits of one office file: far above any task table's, far below
// what would exhaust a build machine.
const (
	MaxUnzipped = 256 << 20 // what all parts together may claim to unzip to
	MaxParts    = 10_000
	// Deflate cannot expand data more than 1032 times, so a part that
	// claims more is damaged.
	maxDeflateRatio = 1032
)

// Open reads the zip directory of the office file file (what names it in
// messages: "workbook", "Word file") and refuses it, before anything is
// unzipped, when it has too many parts or they would unzip beyond the
// limits.
func Open(file, what string, data []byte) (*zip.Reader, error) {
	fail := func(format string, args ...any) error {
		return &problem.Problem{File: file, Msg: fmt.Sprintf(format, args...)}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fail("cannot read the %s: %v; the file is damaged, or not what its name says", what, err)
	}
	if len(zr.File) > MaxParts {
		return nil, fail("the %s has %s parts, over the limit of %s: is this the wrong file?", what, plan.GroupDigits(len(zr.File)), plan.GroupDigits(MaxParts))
	}
	var total uint64
	for _, zf := range zr.File {
		size := zf.UncompressedSize64
		switch zf.Method {
		case zip.Store:
			if size != zf.CompressedSize64 {
				return nil, fail("cannot read the %s: its part %s is stored unzipped as %s but claims %s; the file is damaged", what, plan.QuoteCell(zf.Name), bytes64(zf.CompressedSize64), bytes64(size))
			}
		case zip.Deflate:
			if size/maxDeflateRatio > zf.CompressedSize64 {
				return nil, fail("cannot read the %s: its part %s claims to unzip to %s from %s, which no zip file can; the file is damaged", what, plan.QuoteCell(zf.Name), bytes64(size), bytes64(zf.CompressedSize64))
			}
		default:
			return nil, fail("cannot read the %s: its part %s is compressed with method %d, which office files do not use; the file is damaged", what, plan.QuoteCell(zf.Name), zf.Method)
		}
		if size > MaxUnzipped {
			return nil, fail("the %s's part %s unzips to %s, over the limit of %d MB: is this the wrong file?", what, plan.QuoteCell(zf.Name), bytes64(size), MaxUnzipped>>20)
		}
		total += size // each part is under the limit: no overflow
	}
	if total > MaxUnzipped {
		return nil, fail("the %s unzips to %s, over the limit of %d MB: is this the wrong file?", what, bytes64(total), MaxUnzipped>>20)
	}
	return zr, nil
}

// bytes64 writes a size as a message does: 1,258,291 bytes.
func bytes64(n uint64) string {
	if n > 1<<62 {
		return fmt.Sprintf("%d bytes", n)
	}
	return plan.GroupDigits(int(n)) + " bytes"
}
