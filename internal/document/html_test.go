package document

import (
	"errors"
	"plansite/internal/problem"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// cellOf reads a page whose one table has one cell holding inner.
func cellOf(t *testing.T, inner string) string {
	t.Helper()
	doc, err := readHTML("t.html", []byte("<table><tr><td>"+inner+"</td></tr></table>"), defaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	return doc.Tables[0].Rows[0][0].Text
}

func TestHTMLCellText(t *testing.T) {
	for _, c := range []struct{ name, html, want string }{
		{"whitespace collapses to one space", "甲 \t\r\n 乙", "甲 乙"},
		{"none at a line's start or end", "\n  甲  \n", "甲"},
		{"a line break in the source between Chinese characters is a space", "市工业\n和信息化局", "市工业 和信息化局"},
		{"no-break spaces and U+3000 are kept", "&nbsp;甲&nbsp; 乙\u3000", "\u00a0甲\u00a0 乙\u3000"},
		{"full-width punctuation is kept", "２０２３年，（一）：；", "２０２３年，（一）：；"},
		{"paragraphs are lines", "<p>甲</p><p>乙</p>", "甲\n乙"},
		{"an empty paragraph is no line", "<p>甲</p><p></p><p> </p><p>乙</p>", "甲\n乙"},
		{"Word's empty paragraph is a no-break space", "<p>甲</p><p><o:p>&nbsp;</o:p></p><p>乙</p>", "甲\n\u00a0\n乙"},
		{"br ends a line", "甲<br>乙<br/>丙", "甲\n乙\n丙"},
		{"br br leaves an empty line", "甲<br><br>乙", "甲\n\n乙"},
		{"a br at a paragraph's end adds nothing", "<p>甲<br></p><p>乙</p>", "甲\n乙"},
		{"a br between paragraphs is an empty line", "<p>甲</p><br><p>乙</p>", "甲\n\n乙"},
		{"a br at the end of a cell adds nothing", "甲<br>", "甲"},
		{"div, li and headings are blocks", "<div>甲</div><ul><li>乙</li><li>丙</li></ul><h3>丁</h3>", "甲\n乙\n丙\n丁"},
		{"spans, fonts and Word's o:p are read through", `<span lang=EN-US>20</span><font face="宋体">23</font><o:p>年</o:p>`, "2023年"},
		{"script, style, comments and conditional comments are left out",
			"甲<script>var x = '乙';</script><style>p{}</style><!-- 丙 --><!--[if gte mso 9]><xml>丁</xml><![endif]-->戊", "甲戊"},
		{"text between Word's downlevel-revealed markers shows", "<![if !supportLists]>1.<![endif]>甲", "1.甲"},
		{"hidden elements are left out", `甲<span style="display: none !important">乙</span><span style='mso-hide:all;DISPLAY:NONE'>丙</span><b hidden>丁</b><template>戊</template><svg><text>己</text></svg>庚`, "甲庚"},
		{"a hidden element ends where the cell does", `甲<span style="display:none">乙</td><td>丙`, "甲"},
		{"pre keeps its whitespace", "<pre>甲  乙\n丙</pre>", "甲  乙\n丙"},
		{"entities", "&lt;&amp;&gt;&#x4E00;&#20108;&quot;", "<&>一二\""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := cellOf(t, c.html); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestHTMLTables(t *testing.T) {
	for _, c := range []struct {
		name, html, want string
		header           int
		warning          string
	}{
		{
			name: "rowspan and colspan",
			html: `<table><tr><th>序号</th><th>任务</th><th>单位</th></tr>
				<tr><td colspan=3>一、总体</td></tr>
				<tr><td>1</td><td rowspan=2>甲</td><td>a</td></tr>
				<tr><td>2</td><td>b</td></tr></table>`,
			want: `"序号" | "任务" | "单位"` + "\n" + `"一、总体" c3 | < | <` + "\n" + `"1" | "甲" r2 | "a"` + "\n" + `"2" | ^ | "b"`,
		},
		{
			name: "thead first and tfoot last, as shown",
			html: `<table><tfoot><tr><td>脚</td></tr></tfoot><tbody><tr><td>体</td></tr></tbody><thead><tr><td>头</td></tr></thead></table>`,
			want: `"头"` + "\n" + `"体"` + "\n" + `"脚"`, header: 1,
		},
		{
			name: "end tags may be left out",
			html: `<table><tr><td>1<td>2<tr><td>3<td>4</table>`,
			want: `"1" | "2"` + "\n" + `"3" | "4"`,
		},
		{
			name: "rowspan=0 reaches to the end of its group",
			html: `<table><tbody><tr><td rowspan=0>甲</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></tbody><tbody><tr><td>乙</td><td>4</td></tr></tbody></table>`,
			want: `"甲" r3 | "1"` + "\n" + `^ | "2"` + "\n" + `^ | "3"` + "\n" + `"乙" | "4"`,
		},
		{
			name:    "a rowspan past the end of its group stops there",
			html:    `<table><tr><td rowspan=5>甲</td><td>1</td></tr><tr><td>2</td></tr></table>`,
			want:    `"甲" r2 | "1"` + "\n" + `^ | "2"`,
			warning: "table 1, row 1, cell 1: the cell's rowspan reaches 3 rows past the last row of its part of the table; it covers the 2 there are",
		},
		{
			name:    "a colspan overlapping a cell from above is narrowed",
			html:    `<table><tr><td>a</td><td rowspan=2>b</td><td>c</td></tr><tr><td colspan=3>d</td></tr></table>`,
			want:    `"a" | "b" r2 | "c"` + "\n" + `"d" | ^ | _`,
			warning: "table 1, row 2, cell 1: the cell's colspan 3 overlaps a cell reaching down from above; it is read as 1 column wide",
		},
		{
			name:    "a short row is padded and reported",
			html:    `<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>`,
			want:    `"a" | "b"` + "\n" + `"c" | _`,
			warning: "table 1, row 2: the row has fewer cells than the table's 2 columns",
		},
		{
			name: "spans that are not numbers",
			html: `<table><tr><td colspan="2px">a</td><td colspan=x rowspan=-1>b</td><td colspan=0>c</td></tr></table>`,
			want: `"a" c2 | < | "b" | "c"`,
		},
		{
			name: "a table directly in a table ends it",
			html: `<table><tr><td>a</td></tr><table><tr><td>b</td></tr></table>`,
			want: `"a"`,
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc, err := readHTML("t.html", []byte(c.html), defaultLimits)
			if err != nil {
				t.Fatal(err)
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

func TestHTMLPage(t *testing.T) {
	page := `<html><head><title>
	  关于印发  任务分工表的通知
	</title><style>td{}</style></head><body>
	<p>附件1</p><div>广州市工业和信息化局<br>2020年2月27日</div>
	<table><caption>任务 分工表</caption><tr><td>外<table><tr><td>内甲</td><td>内乙</td></tr></table>外后</td></tr></table>
	<p>注：</p></body></html>`
	doc, err := readHTML("t.html", []byte(page), defaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "关于印发 任务分工表的通知" {
		t.Errorf("title %q", doc.Title)
	}
	if got, want := strings.Join(doc.Paragraphs, "|"), "附件1|广州市工业和信息化局|2020年2月27日|注："; got != want {
		t.Errorf("paragraphs %q, want %q", got, want)
	}
	if len(doc.Tables) != 2 {
		t.Fatalf("%d tables", len(doc.Tables))
	}
	outer, inner := doc.Tables[0], doc.Tables[1]
	if got, want := compact(&outer), `"外\n内甲\n内乙\n外后"`; got != want || outer.Caption != "任务 分工表" || outer.Before != 3 {
		t.Errorf("outer %s caption %q before %d, want %s caption \"任务 分工表\" before 3", got, outer.Caption, outer.Before, want)
	}
	if got, want := compact(&inner), `"内甲" | "内乙"`; got != want || inner.Parent != 1 {
		t.Errorf("inner %s in %d, want %s in table 1", got, inner.Parent, want)
	}
}

func TestHTMLEncoding(t *testing.T) {
	gb := func(s string) []byte {
		b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte("<table><tr><td>任务</td></tr></table>"))
	big5, _ := traditionalchinese.Big5.NewEncoder().Bytes([]byte(`<meta charset="big5"><table><tr><td>臺灣</td></tr></table>`))
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"UTF-8 behind a BOM", []byte("\ufeff<table><tr><td>任务</td></tr></table>"), "任务"},
		{"UTF-16 behind a BOM", utf16, "任务"},
		{"meta charset", gb(`<meta charset="gb18030"><table><tr><td>任务</td></tr></table>`), "任务"},
		{"http-equiv, as Word writes it", gb(`<meta http-equiv=Content-Type content="text/html; charset=gb2312"><table><tr><td>任务</td></tr></table>`), "任务"},
		{"gb2312 is read as GB18030: GBK's 镕 and a four-byte 𠮷", gb(`<meta http-equiv="content-type" content="text/html;charset=GB2312;"><table><tr><td>朱镕基𠮷</td></tr></table>`), "朱镕基𠮷"},
		{"GBK", gb(`<meta charset=gbk><table><tr><td>任务</td></tr></table>`), "任务"},
		{"Big5", big5, "臺灣"},
		{"no declaration, UTF-8", []byte("<table><tr><td>任务</td></tr></table>"), "任务"},
		{"no declaration, not UTF-8: GB18030", gb("<table><tr><td>任务</td></tr></table>"), "任务"},
		{"a meta of UTF-16 is read as UTF-8", []byte(`<meta charset="utf-16"><table><tr><td>任务</td></tr></table>`), "任务"},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc, err := readHTML("t.html", c.data, defaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Tables) != 1 || doc.Tables[0].Rows[0][0].Text != c.want {
				t.Errorf("got %v, want one table holding %q", doc.Tables, c.want)
			}
		})
	}
}

// The charset of a Content-Type is found by ASCII letters only, at the
// place it has in the value as written: characters whose lower case is
// longer or shorter (İ, the Kelvin sign K, bytes that are not UTF-8) move
// nothing.
func TestContentCharset(t *testing.T) {
	for _, c := range []struct{ content, want string }{
		{"text/html; charset=gb2312", "gb2312"},
		{"text/html;CHARSET=GBK;", "GBK"},
		{`text/html; charset = "utf-8"`, "utf-8"},
		{"text/html; charset='big5' x", "big5"},
		{"text/html", ""},
		{"text/html; charset", ""},
		{"text/html; charset:gbk", ""},
		{"\xff\xff\xff\xffcharset", ""},
		{"\xff\xffcharset=gbk", "gbk"},
		{"İİİİİİİİcharset", ""},
		{"İcharset=gbk", "gbk"},
		{"\u212acharset=gbk", "gbk"},
		{"\u212a\u212a\u212ahtml; charset=utf-8", "utf-8"},
	} {
		if got := contentCharset(c.content); got != c.want {
			t.Errorf("contentCharset(%q) = %q, want %q", c.content, got, c.want)
		}
	}
}

func TestHTMLEncodingErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"declared UTF-8, is not", []byte("<meta charset=utf-8>\n<p>任务\xb0\xa1</p>"), "t.html:2:6: error: the page is not valid UTF-8 here"},
		{"declared GB18030, is not", []byte("<meta charset=gb2312>\n<p>\x81\x30</p>"), "t.html:2:4: error: the page is not valid GB18030 here"},
		{"an unknown encoding", []byte(`<meta charset="x-klingon"><p>a</p>`), `t.html: error: the page declares the encoding "x-klingon", which is not one a browser knows`},
		{"an encoding browsers refuse", []byte(`<meta charset="hz-gb-2312"><p>a</p>`), `t.html: error: the page declares the encoding "hz-gb-2312", which browsers refuse to show`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := readHTML("t.html", c.data, defaultLimits)
			var pe *problem.Problem
			if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("got %v, want %q", err, c.want)
			}
		})
	}
}

func TestHTMLLimits(t *testing.T) {
	small := defaultLimits
	small.tables, small.rows, small.cols, small.cells, small.cellText, small.nesting = 2, 3, 4, 10, 10, 2
	for _, c := range []struct{ name, html, want string }{
		{"tables", "<table><tr><td>1</table><table><tr><td>2</table><table><tr><td>3</table>", "t.html: error: the document has more than 2 tables"},
		{"rows", "<table><tr><td>1<tr><td>2<tr><td>3<tr><td>4</table>", "t.html: error: table 1: the document has more than 3 table rows"},
		{"columns", "<table><tr><td colspan=5>1</table>", "t.html: error: table 1, row 1: the row reaches past 4 columns"},
		{"cells", "<table><tr><td>1<td>2<td>3<td>4<tr><td rowspan=9 colspan=4>5<tr><tr></table>", "t.html: error: table 1, row 3, cell 4: the document's tables have more than 10 cells"},
		{"cell text", "<table><tr><td>一二三四五六七八九十</table>", "t.html: error: table 1, row 1, cell 1: the cell holds more than 10 bytes of text"},
		{"line breaks", "<table><tr><td>" + strings.Repeat("<br>", 11) + "</table>", "t.html: error: table 1, row 1, cell 1: the cell holds more than 10 bytes of text"},
		{"nesting", "<table><tr><td><table><tr><td><table><tr><td>深</table></table></table>", "t.html: error: table 2: tables are nested more than 2 deep"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := readHTML("t.html", []byte(c.html), small)
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("got %v, want %q", err, c.want)
			}
		})
	}
	if _, err := readHTML("t.html", make([]byte, MaxHTML+1), defaultLimits); err == nil || !strings.Contains(err.Error(), "over the limit of 32 MB for a web page") {
		t.Errorf("a page over MaxHTML: %v", err)
	}
}
