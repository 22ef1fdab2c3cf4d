package document

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"plansite/internal/problem"
	"strings"
	"testing"
	"unicode/utf16"
)

// ole makes the start of an OLE compound file whose directory names the
// streams given, as .doc, .xls and encrypted .docx files have.
func ole(streams ...string) []byte {
	data := make([]byte, 512+128*len(streams))
	copy(data, oleMagic)
	for i, name := range streams {
		entry := data[512+128*i:]
		for j, u := range utf16.Encode([]rune(name)) {
			binary.LittleEndian.PutUint16(entry[2*j:], u)
		}
		binary.LittleEndian.PutUint16(entry[64:], uint16(2*(len(name)+1)))
	}
	return data
}

func TestSniff(t *testing.T) {
	docx := zipOf(t, map[string]string{"word/document.xml": "<x/>"})
	xlsx := zipOf(t, map[string]string{"xl/workbook.xml": "<x/>"})
	odt := zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text"})
	ods := zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet"})
	utf16HTML := append([]byte{0xff, 0xfe}, []byte("<\x00h\x00t\x00m\x00l\x00>\x00")...)
	for _, c := range []struct {
		file string
		data []byte
		want sniffed
	}{
		{"a.docx", docx, sniffed{kind: kindDocx}},
		{"a.doc", docx, sniffed{kind: kindDocx}}, // a .docx named .doc is read as what it is
		{"a.docx", xlsx, sniffed{kind: kindXLSX}},
		{"a.odt", odt, sniffed{kind: kindWriter, ext: "odt", name: "odt", zipped: true}},
		{"a.zip", ods, sniffed{kind: kindCalc, ext: "ods", name: "ods", zipped: true}},
		{"a.xlsx", zipOf(t, map[string]string{"other": ""}), sniffed{kind: kindXLSX}},
		{"a.docx", []byte("%PDF-1.7\n"), sniffed{kind: kindPDF}},
		{"a.pdf", []byte("\r\n%PDF-1.4"), sniffed{kind: kindPDF}},
		{"a.doc", ole("Root Entry", "WordDocument", "1Table"), sniffed{kind: kindWriter, ext: "doc", name: "doc"}},
		{"a.wps", ole("Root Entry", "WordDocument"), sniffed{kind: kindWriter, ext: "doc", name: "wps"}},
		{"a.et", ole("Root Entry", "Workbook"), sniffed{kind: kindCalc, ext: "xls", name: "et"}},
		{"a.xls", ole("Root Entry", "Book"), sniffed{kind: kindCalc, ext: "xls", name: "xls"}},
		{"a.docx", ole("Root Entry", "EncryptionInfo", "EncryptedPackage"), sniffed{kind: kindEncrypted}},
		{"a.xlsx", ole("Root Entry", "EncryptionInfo", "EncryptedPackage"), sniffed{kind: kindEncrypted, name: "workbook"}},
		{"a.docx", []byte("not a zip"), sniffed{kind: kindDocx}},
		{"a.xlsx", []byte("not a zip"), sniffed{kind: kindXLSX}},
		{"a.docx", nil, sniffed{kind: kindEmpty}},
		{"a.txt", []byte("<p>%PDF-1.4 is a version</p>"), sniffed{kind: kindHTML}},
		{"a.doc", ole("Root Entry"), sniffed{kind: kindWriter, ext: "doc", name: "doc"}},
		{"a.bin", ole("Root Entry"), sniffed{}},
		{"a.doc", []byte(`{\rtf1\ansi 任务}`), sniffed{kind: kindWriter, ext: "rtf", name: "rtf"}},
		{"a.doc", []byte("\r\n<html><body><table>"), sniffed{kind: kindHTML}},
		{"a.htm", []byte(`<html xmlns:w="urn:schemas-microsoft-com:office:word"><head><!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->`), sniffed{kind: kindHTML}},
		{"a.xml", []byte(`<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml">`), sniffed{kind: kindWriter, ext: "xml", name: "Word 2003 XML"}},
		{"a.fodt", []byte(`<?xml version="1.0"?><office:document office:mimetype="application/vnd.oasis.opendocument.text">`), sniffed{kind: kindWriter, ext: "fodt", name: "fodt"}},
		{"a.xml", []byte(`<?xml version="1.0"?><office:document office:mimetype="application/vnd.oasis.opendocument.spreadsheet">`), sniffed{kind: kindCalc, ext: "fods", name: "fods"}},
		{"a.html", utf16HTML, sniffed{kind: kindHTML}},
		{"a.htm", []byte("任务"), sniffed{kind: kindHTML}},
		{"a.doc", []byte("MIME-Version: 1.0\r\nContent-Type: multipart/related;"), sniffed{kind: kindMHT}},
		{"a.txt", []byte("\t序号\n\t重点任务\n"), sniffed{}},
		{"a.csv", []byte("序号,主要措施\n"), sniffed{}},
		{"a.DOC", []byte("plain"), sniffed{kind: kindWriter, ext: "doc", name: "doc"}},
	} {
		if got := sniff(c.file, c.data); got != c.want {
			t.Errorf("%s %.20q: %+v, want %+v", c.file, c.data, got, c.want)
		}
	}
}

// readErr reads data as file and checks that the error is one line, a
// *problem.Problem, and begins with want.
func readErr(t *testing.T, file string, data []byte, want string) {
	t.Helper()
	_, err := Read(context.Background(), file, data, Options{Soffice: "no-such-soffice"})
	var pe *problem.Problem
	if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), "\n") {
		t.Errorf("%s: got %v\nwant a one-line error beginning %s", file, err, want)
	}
}

func TestReadRefuses(t *testing.T) {
	readErr(t, "通知.pdf", []byte("%PDF-1.7"), "通知.pdf: error: a PDF cannot be read: its table is only lines and text placed on pages; get the Word file: open the PDF in WPS or Word and save it as .docx (另存为)")
	readErr(t, "a.docx", ole("EncryptedPackage"), "a.docx: error: the document is protected by a password; open it in Word or WPS, remove the password")
	readErr(t, "a.xlsx", ole("EncryptedPackage"), "a.xlsx: error: the document is protected by a password; open it in Excel or WPS, remove the password (文件 → 信息 → 保护文档) and save it as .xlsx")
	readErr(t, "a.docx", nil, "a.docx: error: the file is empty; is it the right file, and was it saved completely?")
	readErr(t, "a.docx", []byte("damaged"), "a.docx: error: cannot read the Word file: zip: not a valid zip file; the file is damaged, or not what its name says")
	readErr(t, "a.mht", []byte("MIME-Version: 1.0"), "a.mht: error: a single-file web page (.mht) cannot be read")
	readErr(t, "tasks.csv", []byte("序号,主要措施\n"), "tasks.csv: error: cannot read this kind of file: a task table can be read from a Word file (.docx, .doc, .wps, .rtf, .odt), a web page (.html, .htm) or a workbook (.xlsx, .xls, .et, .ods)")
	readErr(t, "a.doc", ole("WordDocument"), "a.doc: error: reading this file needs LibreOffice to convert it, and LibreOffice (soffice) is not installed: install it (apt-get install libreoffice-writer-nogui), or open the file in Word or WPS and save it as .docx")
	readErr(t, "a.et", ole("Workbook"), "a.et: error: reading this file needs LibreOffice to convert it, and LibreOffice (soffice) is not installed: install it (apt-get install libreoffice-calc-nogui), or open the file in Excel or WPS and save it as .xlsx")
	readErr(t, "big.docx", make([]byte, MaxFile+1), "big.docx: error: the document is 67,108,865 bytes, over the limit of 64 MB")
}

func TestOpenRefuses(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(context.Background(), dir, Options{})
	if err == nil || !strings.Contains(err.Error(), "cannot read the document: it is a folder, not a file") {
		t.Errorf("a folder: %v", err)
	}
	_, err = Open(context.Background(), filepath.Join(dir, "none.docx"), Options{})
	if err == nil || err.Error() != filepath.Join(dir, "none.docx")+": error: cannot read the document: no such file or directory" {
		t.Errorf("a missing file: %v", err)
	}
	// A file over the limit is refused from its size, before it is read.
	big := filepath.Join(dir, "big.docx")
	if err := os.WriteFile(big, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, 1<<40); err != nil {
		t.Skip("no sparse files here:", err)
	}
	_, err = Open(context.Background(), big, Options{})
	if err == nil || !strings.Contains(err.Error(), "the document is 1,099,511,627,776 bytes, over the limit of 64 MB") {
		t.Errorf("a file of a terabyte: %v", err)
	}
}

// rawZip makes a zip file whose directory says what each part claims,
// whatever its data: the reader must refuse it from the directory alone.
func rawZip(t *testing.T, parts ...zip.FileHeader) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, h := range parts {
		w, err := zw.CreateRaw(&h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(make([]byte, h.CompressedSize64))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestZipLimits(t *testing.T) {
	part := func(name string, method uint16, compressed, size uint64) zip.FileHeader {
		return zip.FileHeader{Name: name, Method: method, CompressedSize64: compressed, UncompressedSize64: size}
	}
	many := make([]zip.FileHeader, MaxParts+1)
	for i := range many {
		many[i] = part("word/p"+itoa(i%10), zip.Store, 0, 0)
	}
	for _, c := range []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"a part over the limit", "t.docx", rawZip(t, part("word/document.xml", zip.Deflate, 1<<20, 300<<20)),
			`t.docx: error: the Word file's part "word/document.xml" unzips to 314,572,800 bytes, over the limit of 256 MB`},
		{"parts over the limit together", "t.xlsx", rawZip(t, part("xl/a.xml", zip.Deflate, 1<<20, 200<<20), part("xl/b.xml", zip.Deflate, 1<<20, 200<<20)),
			"t.xlsx: error: the workbook unzips to 419,430,400 bytes, over the limit of 256 MB"},
		{"more than deflate can make", "t.docx", rawZip(t, part("word/document.xml", zip.Deflate, 100, 1<<30)),
			`t.docx: error: cannot read the Word file: its part "word/document.xml" claims to unzip to 1,073,741,824 bytes from 100 bytes, which no zip file can`},
		{"stored, but claims another size", "t.docx", rawZip(t, part("word/document.xml", zip.Store, 10, 1000)),
			`t.docx: error: cannot read the Word file: its part "word/document.xml" is stored unzipped as 10 bytes but claims 1,000 bytes`},
		{"an unknown compression", "t.docx", rawZip(t, part("word/document.xml", 99, 10, 10)),
			`t.docx: error: cannot read the Word file: its part "word/document.xml" is compressed with method 99`},
		{"too many parts", "t.docx", rawZip(t, many...), "t.docx: error: the Word file has 10,001 parts, over the limit of 10,000"},
		{"an .odt bomb is refused before LibreOffice sees it", "t.odt", rawZip(t, part("mimetype", zip.Store, 0, 0), part("content.xml", zip.Deflate, 1<<20, 300<<20)),
			`t.odt: error: the document's part "content.xml" unzips to 314,572,800 bytes`},
	} {
		t.Run(c.name, func(t *testing.T) {
			readErr(t, c.file, c.data, c.want)
		})
	}
}
