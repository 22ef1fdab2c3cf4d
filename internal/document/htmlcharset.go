package document

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"plansite/internal/plan"
	"plansite/internal/problem"
)

// prescanLimit is how much of a page is searched for its <meta> charset:
// Word's HTML export puts it first in <head>, but a portal's template may
// put scripts and styles before it.
const prescanLimit = 64 << 10

// decodeHTML turns a page's bytes into UTF-8 text, as a browser chooses the
// encoding: a byte order mark, else the <meta charset> or <meta
// http-equiv="Content-Type"> in its head, else UTF-8 when the bytes are
// valid UTF-8 and GB18030 when not (what a browser set to Chinese assumes).
// GB2312 and GBK are read as GB18030, their superset, as browsers do: pages
// labelled gb2312 routinely hold characters only GBK has. enc is the
// encoding's name, for messages.
func decodeHTML(file string, data []byte) (text string, enc string, err error) {
	var e encoding.Encoding
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data, enc = data[3:], "utf-8"
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		e, enc = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le"
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		e, enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be"
	default:
		label := metaCharset(data[:min(len(data), prescanLimit)])
		if label != "" {
			var lerr error
			e, lerr = htmlindex.Get(label)
			if lerr != nil {
				return "", "", fileError(file, "the page declares the encoding %s, which is not one a browser knows; save the page again as UTF-8 or GB18030", plan.QuoteCell(label))
			}
			enc, _ = htmlindex.Name(e)
		}
		switch enc {
		case "utf-16le", "utf-16be":
			e, enc = nil, "utf-8" // a <meta> cannot declare UTF-16: the bytes were read as ASCII to find it
		case "replacement":
			return "", "", fileError(file, "the page declares the encoding %s, which browsers refuse to show; save the page again as UTF-8 or GB18030", plan.QuoteCell(label))
		case "gbk", "gb18030":
			e, enc = simplifiedchinese.GB18030, "gb18030"
		case "utf-8":
			e = nil
		case "":
			if utf8.Valid(data) {
				enc = "utf-8"
			} else {
				e, enc = simplifiedchinese.GB18030, "gb18030"
			}
		}
	}
	if e == nil {
		if i := invalidUTF8(data); i >= 0 {
			line, col := position(data, i)
			return "", "", &problem.Problem{File: file, Line: line, Col: col, Msg: "the page is not valid UTF-8 here, though it says it is; save it again from the browser or Word"}
		}
		return string(data), enc, nil
	}
	out, derr := e.NewDecoder().Bytes(data)
	if derr != nil {
		return "", "", fileError(file, "cannot read the page as %s: %v", enc, derr)
	}
	// A decoder puts U+FFFD where bytes make no character; a real U+FFFD in
	// the page has its own code, found by encoding it back.
	if i := bytes.IndexRune(out, utf8.RuneError); i >= 0 {
		if own, err := e.NewEncoder().Bytes([]byte("\ufffd")); err != nil || !bytes.Contains(data, own) {
			line, col := position(out, i)
			return "", "", &problem.Problem{File: file, Line: line, Col: col, Msg: "the page is not valid " + strings.ToUpper(enc) + " here, though that is its encoding; save it again from the browser or Word"}
		}
	}
	return string(out), enc, nil
}

// metaCharset finds the encoding a page's head declares, or "".
func metaCharset(data []byte) string {
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
				var charset, equiv, content string
				for more {
					var k, v []byte
					k, v, more = z.TagAttr()
					switch string(k) {
					case "charset":
						charset = string(v)
					case "http-equiv":
						equiv = string(v)
					case "content":
						content = string(v)
					}
				}
				if charset = strings.TrimSpace(charset); charset != "" {
					return charset
				}
				if strings.EqualFold(strings.TrimSpace(equiv), "content-type") {
					if label := contentCharset(content); label != "" {
						return label
					}
				}
			}
		}
	}
}

// contentCharset is the charset of a Content-Type value such as
// "text/html; charset=gb2312", or "". It is read as browsers do, leniently:
// stray semicolons and quotes are common.
func contentCharset(content string) string {
	i := strings.Index(lowerASCII(content), "charset")
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(content[i+len("charset"):], " \t")
	if !strings.HasPrefix(rest, "=") {
		return ""
	}
	rest = strings.Trim(strings.TrimLeft(rest[1:], " \t"), "\"'")
	if end := strings.IndexAny(rest, " \t;\"'"); end >= 0 {
		rest = rest[:end]
	}
	return rest
}

// lowerASCII lowers the ASCII letters of s and leaves every other byte, so
// that an offset in it is the same offset in s (strings.ToLower changes the
// length of İ, of the Kelvin sign and of bytes that are not UTF-8). It is
// also how browsers match the names in a Content-Type.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// invalidUTF8 is the offset of the first byte that is not UTF-8, or -1.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// position gives the 1-based line and character column of byte offset i.
func position(text []byte, i int) (line, col int) {
	before := text[:i]
	line = bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}
