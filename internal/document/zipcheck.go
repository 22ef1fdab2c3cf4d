package document

import (
	"archive/zip"
	"io"
	"plansite/internal/officezip"
)

// openZip reads the zip directory of an office file (what names it in
// messages: "Word file", "workbook") and refuses it, before anything is
// unzipped, when its parts would unzip beyond the limits (officezip).
func openZip(file, what string, data []byte) (*zip.Reader, error) {
	return officezip.Open(file, what, data)
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
