package document

import (
	"archive/zip"
	"bytes"
	"errors"
	"plansite/internal/problem"
	"strings"
	"testing"
)

// docxFile makes a .docx whose body is body (WordprocessingML inside
// <w:body>).
func docxFile(t testing.TB, body string) []byte {
	t.Helper()
	return zipOf(t, map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels":         `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":   documentXML(body),
	})
}

func documentXML(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"` +
		` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"` +
		` xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"` +
		` xmlns:v="urn:schemas-microsoft-com:vml"><w:body>` + body + `</w:body></w:document>`
}

func zipOf(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, text := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(text))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Shorthands for WordprocessingML.
func wp(runs ...string) string { return "<w:p>" + strings.Join(runs, "") + "</w:p>" }
func wr(text string) string {
	return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>`
}
func wtc(props string, paras ...string) string {
	if len(paras) == 0 {
		paras = []string{wp()}
	}
	return "<w:tc><w:tcPr>" + props + "</w:tcPr>" + strings.Join(paras, "") + "</w:tc>"
}
func wtr(props string, cells ...string) string {
	return "<w:tr><w:trPr>" + props + "</w:trPr>" + strings.Join(cells, "") + "</w:tr>"
}
func wtbl(rows ...string) string { return "<w:tbl><w:tblPr/>" + strings.Join(rows, "") + "</w:tbl>" }
func cell(text string) string    { return wtc("", wp(wr(text))) }

// compact writes a table a row a line, cells as render writes them,
// separated by " | ".
func compact(t *Table) string {
	var rows []string
	for r := range t.Rows {
		var cells []string
		for c := range t.Rows[r] {
			cells = append(cells, place(t, r, c))
		}
		rows = append(rows, strings.Join(cells, " | "))
	}
	return strings.Join(rows, "\n")
}

func TestDocxTables(t *testing.T) {
	for _, c := range []struct {
		name, body string
		want       string // the first table, compact
		header     int
		warning    string // in the one warning there must be
	}{
		{
			name: "vertical merge of an area and a lead unit",
			body: wtbl(
				wtr("", cell("1"), wtc(`<w:vMerge w:val="restart"/>`, wp(wr("（一）甲"))), cell("措施一"), wtc(`<w:vMerge w:val="restart"/>`, wp(wr("市科技局")))),
				wtr("", cell("2"), wtc(`<w:vMerge/>`), cell("措施二"), wtc(`<w:vMerge w:val="continue"/>`)),
				wtr("", cell("3"), wtc(`<w:vMerge/>`), cell("措施三"), cell("市财政局")),
			),
			want: `"1" | "（一）甲" r3 | "措施一" | "市科技局" r2` + "\n" +
				`"2" | ^ | "措施二" | ^` + "\n" +
				`"3" | ^ | "措施三" | "市财政局"`,
		},
		{
			name: "a group row over the whole width, and a merge over two columns continued down",
			body: wtbl(
				wtr("", cell("序号"), cell("任务"), cell("单位")),
				wtr("", wtc(`<w:gridSpan w:val="3"/>`, wp(wr("一、总体")))),
				wtr("", cell("1"), wtc(`<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>`, wp(wr("宽")))),
				wtr("", cell("2"), wtc(`<w:gridSpan w:val="2"/><w:vMerge/>`)),
			),
			want: `"序号" | "任务" | "单位"` + "\n" +
				`"一、总体" c3 | < | <` + "\n" +
				`"1" | "宽" r2 c2 | <` + "\n" +
				`"2" | ^ | ^`,
		},
		{
			name: "legacy hMerge",
			body: wtbl(wtr("", wtc(`<w:hMerge w:val="restart"/>`, wp(wr("甲"))), wtc(`<w:hMerge/>`), cell("乙"))),
			want: `"甲" c2 | < | "乙"`,
		},
		{
			name: "gridBefore and gridAfter are padding the document asks for",
			body: wtbl(
				wtr("", cell("a"), cell("b"), cell("c")),
				wtr(`<w:gridBefore w:val="1"/><w:gridAfter w:val="1"/>`, cell("中")),
			),
			want: `"a" | "b" | "c"` + "\n" + `_ | "中" | _`,
		},
		{
			name:    "a short row is padded and reported",
			body:    wtbl(wtr("", cell("a"), cell("b"), cell("c")), wtr("", cell("d"))),
			want:    `"a" | "b" | "c"` + "\n" + `"d" | _ | _`,
			warning: "table 1, row 2: the row has fewer cells than the table's 3 columns",
		},
		{
			name:    "a vertical merge that continues nothing is a cell of its own",
			body:    wtbl(wtr("", cell("a"), cell("b")), wtr("", wtc(`<w:gridSpan w:val="2"/><w:vMerge/>`, wp(wr("x"))))),
			want:    `"a" | "b"` + "\n" + `"x" c2 | <`,
			warning: "table 1, row 2, cell 1: the cell continues a vertical merge, but no cell of the same columns is above it",
		},
		{
			name:    "the text of a merge's continuation is not shown",
			body:    wtbl(wtr("", wtc(`<w:vMerge w:val="restart"/>`, wp(wr("上")))), wtr("", wtc(`<w:vMerge/>`, wp(wr("下"))))),
			want:    `"上" r2` + "\n" + `^`,
			warning: `table 1, row 2, cell 1: the cell continues the merged cell above it, so Word does not show its own text "下"`,
		},
		{
			name: "leading rows marked to repeat are the heading; a row marked later is not",
			body: wtbl(
				wtr(`<w:tblHeader/>`, cell("标题")),
				wtr(`<w:tblHeader w:val="1"/>`, cell("序号")),
				wtr("", cell("1")),
				wtr(`<w:tblHeader/>`, cell("序号")),
			),
			want:   `"标题"` + "\n" + `"序号"` + "\n" + `"1"` + "\n" + `"序号"`,
			header: 2,
		},
		{
			name:   "tblHeader off is no heading",
			body:   wtbl(wtr(`<w:tblHeader w:val="false"/>`, cell("序号"))),
			want:   `"序号"`,
			header: 0,
		},
		{
			name: "a deleted row is left out, and a merge runs on past it",
			body: wtbl(
				wtr("", wtc(`<w:vMerge w:val="restart"/>`, wp(wr("甲"))), cell("1")),
				wtr(`<w:del w:id="1" w:author="x"/>`, wtc(`<w:vMerge/>`), cell("删去的行")),
				wtr("", wtc(`<w:vMerge/>`), cell("2")),
			),
			want: `"甲" r2 | "1"` + "\n" + `^ | "2"`,
		},
		{
			name: "cell paragraphs and line breaks are lines",
			body: wtbl(wtr("", wtc("", wp(wr("第一段")), wp(wr("第二段"), `<w:r><w:br/><w:t>换行</w:t><w:cr/><w:t>回车</w:t></w:r>`), wp(), wp(wr("第四段"))))),
			want: `"第一段\n第二段\n换行\n回车\n\n第四段"`,
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc, err := readDocx("t.docx", docxFile(t, c.body), defaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Tables) == 0 {
				t.Fatal("no table")
			}
			tb := &doc.Tables[0]
			if got := compact(tb); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
			if tb.HeaderRows != c.header {
				t.Errorf("HeaderRows = %d, want %d", tb.HeaderRows, c.header)
			}
			checkWarning(t, doc, c.warning)
		})
	}
}

// checkWarning: the document has a warning that contains want, or none
// when want is "".
func checkWarning(t *testing.T, doc *Document, want string) {
	t.Helper()
	if want == "" {
		if len(doc.Warnings) > 0 {
			t.Errorf("unexpected warnings: %v", doc.Warnings)
		}
		return
	}
	for _, w := range doc.Warnings {
		if strings.Contains(w.Error(), want) {
			return
		}
	}
	t.Errorf("warnings %v, want one with %q", doc.Warnings, want)
}

func TestDocxText(t *testing.T) {
	for _, c := range []struct{ name, runs, want string }{
		{"insertions shown, deletions not", wr("甲") + `<w:ins w:id="1"><w:r><w:t>乙</w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText>丙</w:delText></w:r></w:del>` + wr("丁"), "甲乙丁"},
		{"moved text shown where it went", `<w:moveFrom w:id="1"><w:r><w:t>旧</w:t></w:r></w:moveFrom>` + wr("中") + `<w:moveTo w:id="2"><w:r><w:t>新</w:t></w:r></w:moveTo>`, "中新"},
		{"a field's result, not its code",
			`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \@ "yyyy年M月d日" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2023年3月28日</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` + wr("前"),
			"2023年3月28日前"},
		{"a field nested in a field's code shows nothing",
			`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>结果</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`,
			"结果"},
		{"simple fields, hyperlinks, smart tags, content controls and custom XML are read through",
			`<w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple><w:hyperlink r:id="x" xmlns:r="r"><w:r><w:t>链接</w:t></w:r></w:hyperlink><w:smartTag><w:r><w:t>标记</w:t></w:r></w:smartTag><w:sdt><w:sdtPr><w:alias w:val="别名"/><w:placeholder><w:docPart w:val="x"/></w:placeholder></w:sdtPr><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt><w:customXml><w:r><w:t>自定义</w:t></w:r></w:customXml>`,
			"1链接标记控件自定义"},
		{"alternate content is read once: the Choice",
			`<mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t>选择</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>后备</w:t></w:r></mc:Fallback></mc:AlternateContent>`,
			"选择"},
		{"alternate content without a Choice: the Fallback",
			`<mc:AlternateContent><mc:Fallback><w:r><w:t>后备</w:t></w:r></mc:Fallback></mc:AlternateContent>`,
			"后备"},
		{"symbols and hyphens",
			`<w:r><w:t>A</w:t><w:noBreakHyphen/><w:t>B</w:t><w:softHyphen/><w:t>C</w:t><w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="SimSun" w:char="2713"/><w:sym w:char="zz"/></w:r>`,
			"A\u2011B\u00adC\uf0fc✓"},
		{"tabs in runs, not tab stops",
			`<w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/><w:t>丙</w:t></w:r>`,
			"甲\t乙\t丙"},
		{"hidden text is not shown",
			`<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>` + wr("可见") + `<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>也可见</w:t></w:r>`,
			"可见也可见"},
		{"pictures, shapes and text boxes are not text",
			wr("前") + `<w:r><w:drawing><wp:inline xmlns:wp="wp"><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></wp:inline></w:drawing></w:r><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>` + wr("后"),
			"前后"},
		{"ruby text is not the text it annotates",
			`<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>zhù</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>注</w:t></w:r></w:rubyBase></w:ruby></w:r>`,
			"注"},
		{"spaces kept as written, whatever xml:space says",
			`<w:r><w:t> 前 </w:t><w:t xml:space="preserve">  后  </w:t></w:r>`,
			" 前   后  "},
		{"footnote and comment references are marks, not text",
			wr("正文") + `<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:commentReference w:id="0"/></w:r>`,
			"正文"},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc, err := readDocx("t.docx", docxFile(t, "<w:p>"+c.runs+"</w:p>"), defaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(doc.Paragraphs, "|"); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestDocxParagraphs(t *testing.T) {
	body := wp(wr("附件1")) + wp() + wp(wr("任务分工表")) +
		// A deleted paragraph mark joins the paragraph to the next.
		`<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="x"/></w:rPr></w:pPr>` + wr("上半") + `</w:p>` + wp(wr("下半")) +
		wtbl(wtr("", wtc("", wp(wr("外")), wtbl(wtr("", cell("内甲"), cell("内乙"))), wp()))) +
		wp(wr("表后"))
	doc, err := readDocx("t.docx", docxFile(t, body), defaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(doc.Paragraphs, "|"), "附件1|任务分工表|上半下半|表后"; got != want {
		t.Errorf("paragraphs %q, want %q", got, want)
	}
	if len(doc.Tables) != 2 {
		t.Fatalf("%d tables, want the outer and the nested one", len(doc.Tables))
	}
	outer, inner := doc.Tables[0], doc.Tables[1]
	// Word's empty paragraph that must follow the nested table is not text.
	if got, want := compact(&outer), `"外\n内甲\n内乙"`; got != want {
		t.Errorf("outer table %s, want %s", got, want)
	}
	if got, want := compact(&inner), `"内甲" | "内乙"`; got != want || inner.Parent != 1 || outer.Parent != 0 {
		t.Errorf("inner table %s (in table %d), want %s in table 1", got, inner.Parent, want)
	}
	if outer.Before != 3 || inner.Before != 3 {
		t.Errorf("Before = %d and %d, want 3 (paragraphs before the table)", outer.Before, inner.Before)
	}
}

// TestDocxMainPart: the body is found where the package's relationship
// says, whatever its name.
func TestDocxMainPart(t *testing.T) {
	data := zipOf(t, map[string]string{
		"_rels/.rels":        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>`,
		"word/document2.xml": documentXML(wp(wr("正文"))),
	})
	doc, err := readDocx("t.docx", data, defaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Paragraphs) != 1 || doc.Paragraphs[0] != "正文" {
		t.Errorf("paragraphs %q", doc.Paragraphs)
	}
	strict := strings.ReplaceAll(documentXML(wp(wr("严格"))), "http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main")
	doc, err = readDocx("t.docx", zipOf(t, map[string]string{"word/document.xml": strict}), defaultLimits)
	if err != nil || len(doc.Paragraphs) != 1 || doc.Paragraphs[0] != "严格" {
		t.Errorf("strict OOXML: %q, %v", doc.Paragraphs, err)
	}
}

func TestDocxErrors(t *testing.T) {
	small := defaultLimits
	small.tables, small.rows, small.cols, small.cellText, small.nesting = 2, 3, 4, 10, 2
	for _, c := range []struct {
		name string
		data []byte
		lim  limits
		want string
	}{
		{"damaged XML", zipOf(t, map[string]string{"word/document.xml": documentXML("<w:p>\n<w:r></w:p>")}), defaultLimits,
			"t.docx: error: cannot read the Word file: its text (word/document.xml) is damaged at line 2"},
		{"no body part", zipOf(t, map[string]string{"xl/workbook.xml": "<x/>"}), defaultLimits,
			`t.docx: error: the file is a zip file without "word/document.xml", so not a Word document`},
		{"not a zip file", []byte("PK\x03\x04 damaged"), defaultLimits, "t.docx: error: cannot read the Word file: "},
		{"too many tables", docxFile(t, wtbl(wtr("", cell("1")))+wtbl(wtr("", cell("2")))+wtbl(wtr("", cell("3")))), small,
			"t.docx: error: the document has more than 2 tables, over the limit"},
		{"too many rows", docxFile(t, wtbl(wtr("", cell("1")), wtr("", cell("2")), wtr("", cell("3")), wtr("", cell("4")))), small,
			"t.docx: error: table 1: the document has more than 3 table rows, over the limit"},
		{"too wide", docxFile(t, wtbl(wtr("", cell("1"), wtc(`<w:gridSpan w:val="9"/>`)))), small,
			"t.docx: error: table 1, row 1: the row reaches past 4 columns"},
		{"cell too long", docxFile(t, wtbl(wtr("", cell("1"), cell("一二三四五六七八九十")))), small,
			"t.docx: error: table 1, row 1, cell 2: the cell holds more than 10 bytes of text"},
		{"nested too deep", docxFile(t, wtbl(wtr("", wtc("", wtbl(wtr("", wtc("", wtbl(wtr("", cell("深"))), wp()))), wp())))), small,
			"t.docx: error: table 2: tables are nested more than 2 deep"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := readDocx("t.docx", c.data, c.lim)
			var pe *problem.Problem
			if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("got %v, want a one-line *problem.Problem beginning %q", err, c.want)
			}
		})
	}
}
