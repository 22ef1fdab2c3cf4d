package document

import (
	"archive/zip"
	"bytes"
	"io"

	"plansite/internal/plan"
)

// maxDeflateRatio: deflate cannot expand data more than 1032 times, so a
// part that claims more is damaged, and a reader that trusted the claim
// would allocate it.
const maxDeflateRatio = 1032

// openZip reads the zip directory of an office file (what names it in
// messages: "Word file", "workbook") and refuses it, before anything is
// unzipped, when it has too many parts or they would unzip beyond the
// limits. It is internal/load's check of a workbook, for any office file.
func openZip(file, what string, data []byte) (*zip.Reader, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fileError(file, "cannot read the %s: %v; the file is damaged, or not what its name says", what, err)
	}
	if len(zr.File) > MaxParts {
		return nil, fileError(file, "the %s has %d parts, over the limit of %d: is this the wrong file?", what, len(zr.File), MaxParts)
	}
	var total uint64
	for _, zf := range zr.File {
		size := zf.UncompressedSize64
		switch zf.Method {
		case zip.Store:
			if size != zf.CompressedSize64 {
				return nil, fileError(file, "cannot read the %s: its part %s is stored unzipped as %s but claims %s; the file is damaged", what, plan.QuoteCell(zf.Name), byteCount(int64(zf.CompressedSize64)), byteCount(int64(size)))
			}
		case zip.Deflate:
			if size/maxDeflateRatio > zf.CompressedSize64 {
				return nil, fileError(file, "cannot read the %s: its part %s claims to unzip to %s from %s, which no zip file can; the file is damaged", what, plan.QuoteCell(zf.Name), byteCount(int64(size)), byteCount(int64(zf.CompressedSize64)))
			}
		default:
			return nil, fileError(file, "cannot read the %s: its part %s is compressed with method %d, which office files do not use; the file is damaged", what, plan.QuoteCell(zf.Name), zf.Method)
		}
		if size > MaxUnzipped {
			return nil, fileError(file, "the %s's part %s unzips to %s, over the limit of %s: is this the wrong file?", what, plan.QuoteCell(zf.Name), byteCount(int64(size)), megabytes(MaxUnzipped))
		}
		total += size // each part is under the limit: no overflow
	}
	if total > MaxUnzipped {
		return nil, fileError(file, "the %s unzips to %s, over the limit of %s: is this the wrong file?", what, byteCount(int64(total)), megabytes(MaxUnzipped))
	}
	return zr, nil
}

// zipPart finds a part by name, or nil.
func zipPart(zr *zip.Reader, name string) *zip.File {
	for _, zf := range zr.File {
		if zf.Name == name {
			return zf
		}
	}
	return nil
}

// openPart opens a part for reading, never past the size its directory
// entry claims (archive/zip checks that too; this makes it plain).
func openPart(zf *zip.File) (io.ReadCloser, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	return struct {
		io.Reader
		io.Closer
	}{io.LimitReader(rc, int64(zf.UncompressedSize64)), rc}, nil
}
