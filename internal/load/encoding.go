package load

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"plansite/internal/config"
	"plansite/internal/problem"
)

var (
	bomUTF8    = []byte("\ufeff")
	bomUTF16LE = []byte{0xff, 0xfe}
	bomUTF16BE = []byte{0xfe, 0xff}
)

// decodeText turns the bytes of a CSV file into valid UTF-8 text without a
// byte order mark. With auto, a BOM or valid UTF-8 means UTF-8 and anything
// else is read as GB18030; a file that is neither is an error at the first
// character that cannot be read.
func decodeText(file string, data []byte, enc string) ([]byte, error) {
	if bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE) {
		return nil, &problem.Problem{File: file, Line: 1, Col: 1, Msg: "the file is UTF-16 (Excel's \"Unicode text\"); save it as CSV UTF-8 or as CSV"}
	}
	if bytes.HasPrefix(data, bomUTF8) {
		return data[len(bomUTF8):], checkUTF8(file, data[len(bomUTF8):])
	}
	switch enc {
	case config.EncodingUTF8:
		return data, checkUTF8(file, data)
	case config.EncodingAuto:
		if validUTF8(data) {
			return data, nil
		}
	}
	text, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return nil, &problem.Problem{File: file, Msg: "cannot read the file as GB18030: " + err.Error()}
	}
	// The decoder puts U+FFFD where bytes make no GB18030 character. A real
	// U+FFFD in the file has its own four-byte code; only then is one let by.
	if i := bytes.IndexRune(text, utf8.RuneError); i >= 0 && !bytes.Contains(data, gb18030FFFD) {
		line, col := position(text, i)
		if enc != config.EncodingAuto {
			return nil, &problem.Problem{File: file, Line: line, Col: col, Msg: "not valid GB18030; save the table as CSV (or set encoding in site.toml)"}
		}
		// Neither reads the whole file. The one that reads further is
		// most likely what the file was meant to be, so point at the
		// first character it cannot read.
		if uerr, ok := checkUTF8(file, data).(*problem.Problem); ok && (uerr.Line > line || uerr.Line == line && uerr.Col > col) {
			line, col = uerr.Line, uerr.Col
		}
		return nil, &problem.Problem{File: file, Line: line, Col: col, Msg: "the file is neither UTF-8 nor GB18030 (a mix, or another encoding); save the table as CSV UTF-8 (or set encoding in site.toml)"}
	}
	return text, nil
}

// gb18030FFFD is U+FFFD encoded in GB18030.
var gb18030FFFD = []byte{0x84, 0x31, 0xa4, 0x37}

// position gives the 1-based line and character column of byte offset i.
func position(text []byte, i int) (line, col int) {
	before := text[:i]
	line = bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}
