package document

import (
	"context"
	"encoding/csv"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// headings scores as the lead will: one point for each column named as a
// task table's columns are.
func headings(names []string) int {
	known := map[string]bool{"序号": true, "重点任务": true, "主要措施": true, "工作任务": true, "具体要求": true,
		"时间节点": true, "完成时限": true, "时限要求": true, "牵头单位": true, "牵头部门": true, "配合单位": true,
		"配合部门": true, "责任单位": true, "责任科室": true}
	n := 0
	for _, name := range names {
		if known[strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, name)] {
			n++
		}
	}
	return n
}

func tableOf(t *testing.T, html string) *Table {
	t.Helper()
	doc, err := readHTML("t.html", []byte(html), defaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	return &doc.Tables[0]
}

func TestFindHeader(t *testing.T) {
	for _, c := range []struct {
		name, html string
		want       Header
	}{
		{
			name: "the first row",
			html: `<table><tr><td>序号<td>主要措施<td>牵头单位<tr><td>1<td>措施<td>市科技局</table>`,
			want: Header{Row: 0, Rows: 1, Names: []string{"序号", "主要措施", "牵头单位"}, Score: 3},
		},
		{
			name: "below a title row spanning the table",
			html: `<table><tr><td colspan=3>任务分工表<tr><td>序号<td>主要 措施<td>牵头<br>单位<tr><td>1<td>措施<td>市科技局</table>`,
			want: Header{Row: 1, Rows: 1, Names: []string{"序号", "主要 措施", "牵头\n单位"}, Score: 3},
		},
		{
			name: "two rows: a merged heading over its sub-headings",
			html: `<table><tr><td rowspan=2>序号<td rowspan=2>工作任务<td colspan=2>责任单位<td rowspan=2>完成时限
				<tr><td>牵头单位<td>配合单位<tr><td>1<td>任务<td>甲<td>乙<td>年底</table>`,
			want: Header{Row: 0, Rows: 2, Names: []string{"序号", "工作任务", "牵头单位", "配合单位", "完成时限"},
				Groups: []string{"", "", "责任单位", "责任单位", ""}, Score: 5},
		},
		{
			name: "copies written on later pages",
			html: `<table><tr><td>序号<td>主要措施<tr><td>1<td>甲<tr><td>序 号<td>主要措施<tr><td>2<td>乙<tr><td>序号<td>主要措施</table>`,
			want: Header{Row: 0, Rows: 1, Names: []string{"序号", "主要措施"}, Repeats: []int{2, 4}, Score: 2},
		},
		{
			name: "copies of a two-row heading",
			html: `<table><tr><td rowspan=2>序号<td colspan=2>责任单位<tr><td>牵头单位<td>配合单位<tr><td>1<td>甲<td>乙
				<tr><td rowspan=2>序号<td colspan=2>责任单位<tr><td>牵头单位<td>配合单位<tr><td>2<td>丙<td>丁</table>`,
			want: Header{Row: 0, Rows: 2, Names: []string{"序号", "牵头单位", "配合单位"}, Groups: []string{"", "责任单位", "责任单位"},
				Repeats: []int{3, 4}, Score: 3},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := FindHeader(tableOf(t, c.html), headings); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got  %+v\nwant %+v", got, c.want)
			}
		})
	}
}

func TestChoose(t *testing.T) {
	page := `<p>附件</p>
		<table><tr><td>发文机关<td>日期</table>
		<table><tr><td>序号<td>主要措施<tr><td>1<td>甲</table>
		<table><tr><td>序号<td>主要措施<tr><td>1<td>甲<tr><td>2<td>乙</table>`
	doc, err := readHTML("t.html", []byte(page), defaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Choose(doc, headings, 0)
	if err != nil || c.Index != 2 || c.Header.Row != 0 {
		t.Errorf("Choose = %+v, %v; want table 3, the longer of the two with headings", c, err)
	}
	c, err = Choose(doc, headings, 1)
	if err != nil || c.Index != 0 || c.Header.Score != 0 {
		t.Errorf("Choose table 1 = %+v, %v; want table 1, whatever its headings", c, err)
	}
	titled, err := readHTML("t.html", []byte(`<table><tr><td>附件<td><td><tr><td colspan=3>某区实事安排表
		<tr><td>编号<td>实事内容<td>承办部门<tr><td>1<td>甲<td>乙</table>
		<table><tr><td colspan=2>一<tr><td>二<td></table>`), defaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	c, err = Choose(titled, headings, 1)
	if want := []string{"编号", "实事内容", "承办部门"}; err != nil || c.Header.Row != 2 || !reflect.DeepEqual(c.Header.Names, want) {
		t.Errorf("Choose table 1 = %+v, %v; want its row 3, %q, the first that names its columns, below its title", c, err, want)
	}
	c, err = Choose(titled, headings, 2)
	if err != nil || c.Header.Row != 0 {
		t.Errorf("Choose table 2 = %+v, %v; want its first row, no row naming its columns", c, err)
	}
	for _, n := range []int{4, -1} {
		if _, err := Choose(doc, headings, n); err == nil || err.Error() != "t.html: error: there is no table "+itoa(n)+": the document has 3 tables, numbered from 1" {
			t.Errorf("table %d: %v", n, err)
		}
	}
	doc.Tables = doc.Tables[:2]
	doc.Tables[1] = *tableOf(t, `<table><tr><td>甲乙丙丁戊己庚辛壬癸子丑寅卯<td>x</table>`)
	_, err = Choose(doc, headings, 0)
	if want := `t.html: error: no table has the headings of a task table (序号, 主要措施, 牵头单位 …): the document has 2 tables (table 1 begins "发文机关"; table 2 begins "甲乙丙丁戊己庚辛壬癸子丑寅卯"); name the one to read with -table N`; err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	if _, err := Choose(&Document{File: "t.docx"}, headings, 0); err == nil || !strings.HasPrefix(err.Error(), "t.docx: error: the document has no table") {
		t.Errorf("no tables: %v", err)
	}
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	return string(rune('0' + n))
}

// TestChizhouIsTheExample: the real table of chizhou.html reads as the
// example transcribed from the same page, cell for cell, a merged cell's
// text in its first row only (as the example leaves the rows below empty).
func TestChizhouIsTheExample(t *testing.T) {
	doc, err := Open(context.Background(), "testdata/chizhou.html", Options{})
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("../../examples/chizhou-xinfang-gongkai/content/tasks.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	c, err := Choose(doc, headings, 0)
	if err != nil {
		t.Fatal(err)
	}
	tb := &doc.Tables[c.Index]
	if len(tb.Rows) != len(records) || c.Header.Row != 0 {
		t.Fatalf("%d rows, heading at %d; the example has %d, heading first", len(tb.Rows), c.Header.Row, len(records))
	}
	for r, rec := range records {
		for col, want := range rec {
			if got := tb.Rows[r][col].Text; got != want {
				t.Errorf("row %d, cell %d: %q, the example has %q", r+1, col+1, got, want)
			}
		}
	}
}
