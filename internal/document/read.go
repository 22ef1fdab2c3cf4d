package document

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf16"
)

// Options are what reading a document may need from outside.
type Options struct {
	// Soffice is LibreOffice's program, which converts .doc, .wps, .rtf,
	// .odt, .xls, .et and .ods files; "" is soffice on the PATH.
	Soffice string
	// Timeout bounds one conversion; 0 is DefaultTimeout.
	Timeout time.Duration
}

// DefaultTimeout bounds a LibreOffice conversion: a task table of a few
// hundred rows converts in about two seconds, most of it LibreOffice
// starting with a new profile.
const DefaultTimeout = 2 * time.Minute

// Formats is what the package reads, for messages.
const Formats = "a Word file (.docx, .doc, .wps, .rtf, .odt), a web page (.html, .htm) or a workbook (.xlsx, .xls, .et, .ods)"

// Open reads the document in the file name. The file is opened without
// waiting (a named pipe would wait for ever), and what was opened is
// checked to be a file.
func Open(ctx context.Context, name string, opt Options) (*Document, error) {
	f, err := os.OpenFile(name, openFlags, 0)
	if err != nil {
		return nil, fileError(name, "cannot read the document: %v", pathless(err))
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fileError(name, "cannot read the document: %v", pathless(err))
	}
	if !fi.Mode().IsRegular() {
		return nil, fileError(name, "cannot read the document: it is %s, not a file", kindOfFile(fi.Mode()))
	}
	if fi.Size() > MaxFile {
		return nil, tooLarge(name, fi.Size())
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFile+1))
	if err != nil {
		return nil, fileError(name, "cannot read the document: %v", pathless(err))
	}
	return Read(ctx, name, data, opt)
}

// kindOfFile names what a path that is not a file is.
func kindOfFile(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// pathless is an error from os without the file name, which the message
// already starts with.
func pathless(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

func tooLarge(file string, size int64) error {
	return fileError(file, "the document is %s, over the limit of %s: is this the wrong file? (pictures make Word files large: save a copy without them)", byteCount(size), megabytes(MaxFile))
}

// Read reads a document from its bytes; file names it in messages. What it
// is comes from its content first (a .doc that is really a web page or a
// .docx is read as what it is), then from its name.
func Read(ctx context.Context, file string, data []byte, opt Options) (*Document, error) {
	return read(ctx, file, data, opt, defaultLimits)
}

func read(ctx context.Context, file string, data []byte, opt Options, lim limits) (*Document, error) {
	if len(data) > MaxFile {
		return nil, tooLarge(file, int64(len(data)))
	}
	k := sniff(file, data)
	switch k.kind {
	case kindDocx:
		return readDocx(file, data, lim)
	case kindXLSX:
		return readXLSX(file, data, lim)
	case kindHTML:
		return readHTML(file, data, lim)
	case kindWriter, kindCalc:
		target := "docx"
		if k.kind == kindCalc {
			target = "xlsx"
		}
		if k.zipped {
			if _, err := openZip(file, "document", data); err != nil {
				return nil, err
			}
		}
		out, err := convert(ctx, file, data, k.ext, target, opt)
		if err != nil {
			return nil, err
		}
		var doc *Document
		if target == "docx" {
			doc, err = readDocx(file, out, lim)
		} else {
			doc, err = readXLSX(file, out, lim)
		}
		if doc != nil {
			doc.Converted = k.name
		}
		return doc, err
	case kindPDF:
		return nil, fileError(file, "a PDF cannot be read: its table is only lines and text placed on pages; get the Word file: open the PDF in WPS or Word and save it as .docx (另存为), or ask the issuing office for the Word file")
	case kindEncrypted:
		app, ext := "Word or WPS", "docx"
		if k.name == "workbook" {
			app, ext = "Excel or WPS", "xlsx"
		}
		return nil, fileError(file, "the document is protected by a password; open it in %s, remove the password (文件 → 信息 → 保护文档) and save it as .%s", app, ext)
	case kindEmpty:
		return nil, fileError(file, "the file is empty; is it the right file, and was it saved completely?")
	case kindMHT:
		return nil, fileError(file, "a single-file web page (.mht) cannot be read; open it in Word and save it as .docx, or in a browser and save it as a web page (.htm)")
	}
	return nil, fileError(file, "cannot read this kind of file: a task table can be read from %s", Formats)
}

type kind int

const (
	kindUnknown kind = iota
	kindDocx
	kindXLSX
	kindHTML
	kindWriter // converted to .docx by LibreOffice
	kindCalc   // converted to .xlsx by LibreOffice
	kindPDF
	kindEncrypted
	kindMHT
	kindEmpty
)

// sniffed is what a file is: its kind, the extension LibreOffice is given
// to convert it, the format's name (Document.Converted), and whether it is
// a zip file (whose directory is checked before LibreOffice unzips it).
type sniffed struct {
	kind      kind
	ext, name string
	zipped    bool
}

// sniff tells what a file is, from its first bytes, else from its name.
func sniff(file string, data []byte) sniffed {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(file), "."))
	head := data[:min(len(data), 4096)]
	switch {
	case len(data) == 0:
		return sniffed{kind: kindEmpty}
	case bytes.HasPrefix(data, []byte("PK\x03\x04")), bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return sniffZip(data, ext)
	case bytes.HasPrefix(data, oleMagic):
		return sniffOLE(data, ext)
	case bytes.HasPrefix(data, []byte(`{\rtf`)):
		return sniffed{kind: kindWriter, ext: "rtf", name: "rtf"}
	case markup(head) == "" && bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")):
		return sniffed{kind: kindPDF} // a PDF's header may follow other bytes
	}
	if text := markup(head); text != "" {
		// The root element tells: Word's web pages hold <w:WordDocument>
		// in a comment of their head, a flat ODF file may quote HTML.
		html := firstIndex(text, "<html", "<!doctype html", "<table", "<body", "<head", "<meta", "<p>", "<p ", "<div", "<span", "<br")
		odf := firstIndex(text, "<office:document")
		word := firstIndex(text, "<w:worddocument")
		switch {
		case odf >= 0 && (html < 0 || odf < html) && strings.Contains(text, "opendocument.spreadsheet"):
			return sniffed{kind: kindCalc, ext: "fods", name: "fods"}
		case odf >= 0 && (html < 0 || odf < html):
			return sniffed{kind: kindWriter, ext: "fodt", name: "fodt"}
		case word >= 0 && (html < 0 || word < html):
			return sniffed{kind: kindWriter, ext: "xml", name: "Word 2003 XML"}
		case html >= 0:
			return sniffed{kind: kindHTML}
		}
	}
	if text := strings.ToLower(string(head)); strings.HasPrefix(text, "mime-version:") || strings.Contains(text, "multipart/related") {
		return sniffed{kind: kindMHT}
	}
	switch ext {
	case "docx", "docm", "dotx", "dotm":
		return sniffed{kind: kindDocx} // the reader says it is not a zip file
	case "xlsx", "xlsm", "xltx", "xltm":
		return sniffed{kind: kindXLSX}
	case "html", "htm", "xhtml", "shtml":
		return sniffed{kind: kindHTML}
	case "doc", "dot", "wps", "wpt", "rtf", "odt", "ott", "fodt":
		return sniffed{kind: kindWriter, ext: ext, name: ext}
	case "xls", "xlt", "et", "ett", "ods", "ots", "fods":
		return sniffed{kind: kindCalc, ext: ext, name: ext}
	case "pdf":
		return sniffed{kind: kindPDF}
	case "mht", "mhtml":
		return sniffed{kind: kindMHT}
	}
	return sniffed{}
}

// firstIndex is where the first of the markers occurs in s, or -1.
func firstIndex(s string, markers ...string) int {
	first := -1
	for _, m := range markers {
		if i := strings.Index(s, m); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	return first
}

// markup is the lower-cased start of a file that starts like markup (after
// a byte order mark and spaces), UTF-16 decoded, or "".
func markup(head []byte) string {
	var s string
	switch {
	case bytes.HasPrefix(head, []byte("\xff\xfe")), bytes.HasPrefix(head, []byte("\xfe\xff")):
		var order binary.ByteOrder = binary.LittleEndian
		if head[0] == 0xfe {
			order = binary.BigEndian
		}
		u := make([]uint16, (len(head)-2)/2)
		for i := range u {
			u[i] = order.Uint16(head[2+2*i:])
		}
		s = string(utf16.Decode(u))
	default:
		s = string(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")))
	}
	s = strings.ToLower(strings.TrimLeft(s, " \t\r\n\f"))
	if !strings.HasPrefix(s, "<") {
		return ""
	}
	return s
}

// sniffZip tells a zip file's kind from its parts.
func sniffZip(data []byte, ext string) sniffed {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return sniffed{kind: kindDocx} // the reader says what is wrong
	}
	for _, zf := range zr.File {
		switch {
		case strings.HasPrefix(zf.Name, "word/"):
			return sniffed{kind: kindDocx}
		case strings.HasPrefix(zf.Name, "xl/"):
			return sniffed{kind: kindXLSX}
		case zf.Name == "mimetype" && zf.UncompressedSize64 < 100:
			rc, err := zf.Open()
			if err != nil {
				break
			}
			b, _ := io.ReadAll(io.LimitReader(rc, 100))
			rc.Close()
			switch mt := string(b); {
			case strings.HasPrefix(mt, "application/vnd.oasis.opendocument.text"):
				return sniffed{kind: kindWriter, ext: "odt", name: "odt", zipped: true}
			case strings.HasPrefix(mt, "application/vnd.oasis.opendocument.spreadsheet"):
				return sniffed{kind: kindCalc, ext: "ods", name: "ods", zipped: true}
			}
		}
	}
	switch ext {
	case "xlsx", "xlsm", "xltx", "xltm":
		return sniffed{kind: kindXLSX}
	case "odt", "ott":
		return sniffed{kind: kindWriter, ext: ext, name: ext, zipped: true}
	case "ods", "ots":
		return sniffed{kind: kindCalc, ext: ext, name: ext, zipped: true}
	}
	return sniffed{kind: kindDocx}
}

// oleMagic starts an OLE compound file: a .doc, .wps, .xls or .et file, or
// a password-protected .docx or .xlsx.
var oleMagic = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}

// sniffOLE tells an OLE file's kind from the names of its streams.
func sniffOLE(data []byte, ext string) sniffed {
	switch {
	case hasStream(data, "EncryptedPackage"):
		switch ext {
		case "xlsx", "xlsm", "xls", "et":
			return sniffed{kind: kindEncrypted, name: "workbook"}
		}
		return sniffed{kind: kindEncrypted}
	case hasStream(data, "WordDocument"):
		return sniffed{kind: kindWriter, ext: "doc", name: orDefault(ext, "doc")}
	case hasStream(data, "Workbook"), hasStream(data, "Book"):
		return sniffed{kind: kindCalc, ext: "xls", name: orDefault(ext, "xls")}
	}
	switch ext {
	case "doc", "dot", "wps", "wpt":
		return sniffed{kind: kindWriter, ext: ext, name: ext}
	case "xls", "xlt", "et", "ett":
		return sniffed{kind: kindCalc, ext: ext, name: ext}
	}
	return sniffed{}
}

func orDefault(ext, def string) string {
	if ext == "" {
		return def
	}
	return ext
}

// hasStream tells whether an OLE file's directory has an entry of this
// name. Entries are 128 bytes, aligned to 128 bytes in the file (sectors
// are 512 or 4096 bytes and the header one sector): the name in UTF-16LE
// padded to 64 bytes, then its length in bytes with the closing zero. A
// search for that shape needs no parser, so a damaged file cannot make it
// loop.
func hasStream(data []byte, name string) bool {
	var entry [66]byte
	for i, r := range name {
		binary.LittleEndian.PutUint16(entry[2*i:], uint16(r))
	}
	binary.LittleEndian.PutUint16(entry[64:], uint16(2*(len(name)+1)))
	for off := 512; off+len(entry) <= len(data); off += 128 {
		if bytes.Equal(data[off:off+len(entry)], entry[:]) {
			return true
		}
	}
	return false
}
