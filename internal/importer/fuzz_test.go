package importer

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"plansite/internal/document"
	"plansite/internal/load"
)

// FuzzFromDocument takes the task table out of any web page, as plansite
// new does, and fails where what it gives is not a table (rows of one
// width, merges inside it) or loses a cell: every cell with text below the
// heading of a table it read must be in the output, verbatim.
func FuzzFromDocument(f *testing.F) {
	for _, name := range []string{"../document/testdata/chizhou.html", "../document/testdata/longwan.html"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, uint8(0))
	}
	const head = `<tr><td>序号<td>主要措施<td>牵头单位`
	for _, page := range []string{
		`<p>一、甲</p><table>` + head + `<tr><td>1<td>甲。<td>市科技局</table><p>二、乙</p><table>` + head + `<tr><td>2<td>乙。<td rowspan=2>市财政局<tr><td>3<td>丙。</table>`,
		`<table><tr><td colspan=3>附件<tr><td>编号<td>内容<td>单位<tr><td>1<td colspan=2>甲</table>`,
		`<table><tr><td>发布机构:<td>某区政府(办公室)<tr><td>文号:<td>某府办〔2024〕1号</table><p>关于印发某区方案的通知</p><p>某区人民政府办公室</p><p>2024年3月1日</p><table><tr><td colspan=3>附件<tr><td colspan=3>某区重点任务分工表` + head + `<tr><td>1<td>甲。<td>市科技局</table>`,
		`<table><tr><td rowspan=2>序号<td colspan=2>责任单位<tr><td>牵头单位<td>配合单位<tr><td>1<td>甲<td>乙</table><table><tr><td rowspan=2>序号<td colspan=2>责任 单位<tr><td>牵头单位<td>配合单位<tr><td>2<td>丙<td>丁</table>`,
	} {
		f.Add([]byte(`<meta charset="utf-8">`+page), uint8(0))
		f.Add([]byte(`<meta charset="utf-8">`+page), uint8(1))
	}
	f.Fuzz(func(t *testing.T, page []byte, n uint8) {
		// No conversions: an input that sniffs as a .doc or .rtf would
		// start LibreOffice, a second each, and fuzz nothing of this.
		doc, err := document.Read(context.Background(), "f.html", page, document.Options{Soffice: "/nonexistent/soffice"})
		if err != nil {
			return
		}
		tab, err := FromDocument(doc, load.HeaderScore, int(n%4))
		if err != nil {
			return
		}
		// What the document says of itself is as it writes it.
		facts := FactsOf(doc, tab.Index-1)
		if facts.Date != "" && !isoDay.MatchString(facts.Date) {
			t.Fatalf("date %q is not YYYY-MM-DD", facts.Date)
		}
		if facts.Attachment != "" && !strings.HasPrefix(facts.Attachment, "附") {
			t.Fatalf("attachment %q is no attachment's label", facts.Attachment)
		}
		if facts.Title != "" && !strings.Contains(string(page), facts.Title) && !strings.Contains(doc.Title, facts.Title) && !inDocument(doc, facts.Title) {
			t.Fatalf("title %q is not in the document", facts.Title)
		}
		width := len(tab.Rows[0])
		all := map[string]bool{}
		for i, row := range tab.Rows {
			if len(row) != width {
				t.Fatalf("row %d has %d cells, the heading %d", i+1, len(row), width)
			}
			for _, c := range row {
				all[c] = true
			}
		}
		for _, m := range tab.Merges {
			if m.Top < 0 || m.Left < 0 || m.Bottom < m.Top || m.Right < m.Left || m.Bottom >= len(tab.Rows) || m.Right >= width {
				t.Fatalf("merge %s is outside the table of %d rows and %d columns", m.A1(), len(tab.Rows), width)
			}
		}
		for _, p := range tab.Parts {
			tb := &doc.Tables[p-1]
			h := document.FindHeader(tb, load.HeaderScore)
			if len(tab.Parts) == 1 {
				continue // -table N: its heading may be another row
			}
			for r := h.Row + h.Rows; r < len(tb.Rows); r++ {
				for c := 0; c < tb.Cols; c++ {
					o := tb.Origin(r, c)
					if o.OriginRow == r && o.OriginCol == c && strings.TrimFunc(o.Text, unicode.IsSpace) != "" && !all[o.Text] && !repeated(h.Repeats, r) {
						t.Fatalf("table %d, row %d, cell %d: %q is not in the table read", p, r+1, c+1, o.Text)
					}
				}
			}
		}
	})
}

var isoDay = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// inDocument reports whether text is in a paragraph's, a cell's or the
// page title's text, or is two of them joined (a title set on two lines).
func inDocument(doc *document.Document, text string) bool {
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
	texts := []string{squeeze(doc.Title)}
	for _, p := range doc.Paragraphs {
		texts = append(texts, squeeze(p))
	}
	for _, tb := range doc.Tables {
		for r := range tb.Rows {
			for c := 0; c < tb.Cols; c++ {
				texts = append(texts, squeeze(tb.Text(r, c)))
			}
		}
	}
	want := squeeze(text)
	for _, a := range texts {
		if strings.Contains(a, want) {
			return true
		}
		for _, b := range texts {
			if a+b == want {
				return true
			}
		}
	}
	return false
}

func repeated(rows []int, r int) bool {
	for _, x := range rows {
		if x == r {
			return true
		}
	}
	return false
}
