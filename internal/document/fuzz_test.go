package document

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"plansite/internal/problem"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

// fuzzLimits are small, so that fuzzing reaches every limit often.
var fuzzLimits = limits{tables: 20, rows: 200, cols: 20, cells: 2000, cellText: 1000, text: 20000, nesting: 4}

// within runs read and fails the test if it takes longer than a generous
// minute (a hang), panics (said with its stack), or gives what the limits
// forbid: more tables, rows, columns or cells, a longer cell, an
// inconsistent grid, or an error that is not one line naming the file.
func within(t *testing.T, file string, read func() (*Document, error)) {
	type result struct {
		doc   *Document
		err   error
		panic string // what a panic said, with its stack
	}
	done := make(chan result, 1)
	go func() {
		// A panic here would end the fuzzing process before it names the
		// input, so it is caught and reported as the input's failure.
		defer func() {
			if p := recover(); p != nil {
				done <- result{panic: fmt.Sprintf("%v\n%s", p, debug.Stack())}
			}
		}()
		doc, err := read()
		done <- result{doc: doc, err: err}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(time.Minute):
		t.Fatal("the reader still runs after a minute")
	}
	if r.panic != "" {
		t.Fatalf("the reader panicked: %s", r.panic)
	}
	if r.err != nil {
		var pe *problem.Problem
		if !errors.As(r.err, &pe) || pe.File != file || strings.Contains(r.err.Error(), "\n") {
			t.Fatalf("the error is not a one-line *problem.Problem naming %s: %q", file, r.err)
		}
		return
	}
	doc, lim := r.doc, fuzzLimits
	if len(doc.Tables) > lim.tables {
		t.Fatalf("%d tables", len(doc.Tables))
	}
	rows, cells := 0, 0
	for i := range doc.Tables {
		tb := &doc.Tables[i]
		rows += len(tb.Rows)
		if tb.Cols > lim.cols {
			t.Fatalf("table %d has %d columns", i+1, tb.Cols)
		}
		for _, row := range tb.Rows {
			cells += len(row)
			for _, c := range row {
				if len(c.Text) > lim.cellText {
					t.Fatalf("table %d has a cell of %d bytes", i+1, len(c.Text))
				}
			}
		}
		if tb.Parent < 0 || tb.Parent > i {
			t.Fatalf("table %d is in table %d", i+1, tb.Parent)
		}
	}
	if rows > lim.rows || cells > lim.cells {
		t.Fatalf("%d rows and %d cells", rows, cells)
	}
	if s := render(doc, false); broken(s) {
		t.Fatalf("an inconsistent grid:\n%s", s)
	}
}

// FuzzReadDocx feeds the .docx reader any word/document.xml.
func FuzzReadDocx(f *testing.F) {
	for _, body := range []string{
		wtbl(wtr("", cell("1"), wtc(`<w:vMerge w:val="restart"/><w:gridSpan w:val="2"/>`, wp(wr("甲")))), wtr(`<w:gridBefore w:val="1"/>`, wtc(`<w:vMerge/><w:gridSpan w:val="2"/>`))),
		wtbl(wtr(`<w:tblHeader/>`, wtc(`<w:hMerge w:val="restart"/>`, wp(wr("a"))), wtc(`<w:hMerge/>`)), wtr(`<w:del w:id="1"/>`, cell("x"))),
		wp(`<w:pPr><w:rPr><w:del w:id="1"/></w:rPr></w:pPr>`+wr("上")) + wp(wr("下")) + wtbl(wtr("", wtc("", wtbl(wtr("", cell("内"))), wp()))),
		wp(`<w:r><w:fldChar w:fldCharType="begin"/><w:instrText>PAGE</w:instrText><w:fldChar w:fldCharType="separate"/><w:t>1</w:t><w:fldChar w:fldCharType="end"/></w:r><mc:AlternateContent><mc:Choice><w:r><w:t>c</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>f</w:t></w:r></mc:Fallback></mc:AlternateContent>`),
		`<w:tc><w:p/></w:tc><w:tr/><w:tbl><w:tc><w:tbl><w:tr><w:tc>`,
	} {
		f.Add([]byte(documentXML(body)))
	}
	f.Fuzz(func(t *testing.T, xml []byte) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, err := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(xml)
		zw.Close()
		within(t, "f.docx", func() (*Document, error) { return readDocx("f.docx", buf.Bytes(), fuzzLimits) })
	})
}

// FuzzReadHTML feeds the HTML reader any page.
func FuzzReadHTML(f *testing.F) {
	for _, name := range []string{"testdata/word-gb2312.html", "testdata/chizhou.html"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, page := range []string{
		`<table><thead><tr><th rowspan=0>a<th colspan=3>b</thead><tr><td rowspan=3>c<td>d<table><caption>e</caption><tr><td>f</table></table>`,
		`<meta charset=gbk><p>a<br><span style="display:none">b</td><pre> c </pre><![if x]>d<![endif]><script>e</script>`,
		`<table><tr><td colspan=2 rowspan=2>a<tr><td colspan=3>b<tfoot><tr><td>c</table></table><td>d`,
		"<meta http-equiv=content-type content=\"\xff\xff\xff\xffcharset\"><p>\xff",
	} {
		f.Add([]byte(page))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		within(t, "f.html", func() (*Document, error) { return readHTML("f.html", data, fuzzLimits) })
	})
}
