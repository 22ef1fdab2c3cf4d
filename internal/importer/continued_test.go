package importer

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"plansite/internal/document"
	"plansite/internal/load"
)

// A task table broken into several under the same heading is read whole:
// a table per section under a paragraph that names the section (the
// paragraph becomes its group row, across the table), or a table broken
// where a page broke, the heading again on top. A table under another
// heading, or nested elsewhere, stays out, and -table N reads one alone.
func TestContinuedTables(t *testing.T) {
	const head = `<tr><td>序号<td>主要措施<td>牵头单位<td>完成时限`
	for _, c := range []struct {
		name, page string
		n          int
		parts      []int
		csv        string
		merges     []Merge
	}{
		{
			name: "a table per section",
			page: `<p>附件</p><p>一、优化营商环境</p><table>` + head + `<tr><td>1<td>推行一件事。<td>市市场监管局<td>2024年6月</table>
				<p>二、扩大有效投资</p><table>` + head + `<tr><td>2<td>推进重大项目。<td>市发展改革委<td>2024年底<tr><td>3<td>发行专项债。<td>市财政局<td>2024年9月</table>`,
			parts: []int{1, 2},
			csv: "序号,主要措施,牵头单位,完成时限\n一、优化营商环境,,,\n1,推行一件事。,市市场监管局,2024年6月\n" +
				"二、扩大有效投资,,,\n2,推进重大项目。,市发展改革委,2024年底\n3,发行专项债。,市财政局,2024年9月\n",
			merges: []Merge{{Top: 1, Bottom: 1, Right: 3}, {Top: 3, Bottom: 3, Right: 3}},
		},
		{
			name: "broken where a page broke, the heading spaced otherwise",
			page: `<p>附件</p><table>` + head + `<tr><td>1<td>推行一件事。<td>市市场监管局<td>2024年6月</table>
				<table><tr><td>序 号<td>主要措施<td>牵头<br>单位<td>完成时限<tr><td>2<td>推进重大项目。<td>市发展改革委<td>2024年底</table>`,
			parts: []int{1, 2},
			csv:   "序号,主要措施,牵头单位,完成时限\n1,推行一件事。,市市场监管局,2024年6月\n2,推进重大项目。,市发展改革委,2024年底\n",
		},
		{
			name: "a paragraph that numbers no section: no group rows",
			page: `<p>一、优化营商环境</p><table>` + head + `<tr><td>1<td>推行一件事。<td>市市场监管局<td>2024年6月</table>
				<p>续表</p><table>` + head + `<tr><td>2<td>推进重大项目。<td>市发展改革委<td>2024年底</table>`,
			parts: []int{1, 2},
			csv:   "序号,主要措施,牵头单位,完成时限\n1,推行一件事。,市市场监管局,2024年6月\n2,推进重大项目。,市发展改革委,2024年底\n",
		},
		{
			name: "another heading, and a table nested in a cell",
			page: `<table>` + head + `<tr><td>1<td>推行一件事。<table>` + head + `<tr><td>9<td>x<td>y<td>z</table><td>市市场监管局<td>2024年6月</table>
				<table><tr><td>序号<td>主要措施<td>牵头单位<tr><td>2<td>推进重大项目。<td>市发展改革委</table>`,
			parts: []int{1},
		},
		{
			name:  "-table N",
			page:  `<table>` + head + `<tr><td>1<td>推行一件事。<td>市市场监管局<td>2024年6月</table><table>` + head + `<tr><td>2<td>推进重大项目。<td>市发展改革委<td>2024年底</table>`,
			n:     2,
			parts: []int{2},
			csv:   "序号,主要措施,牵头单位,完成时限\n2,推进重大项目。,市发展改革委,2024年底\n",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "page.html")
			if err := os.WriteFile(file, []byte(`<html><head><meta charset="utf-8"></head><body>`+c.page+`</body></html>`), 0o644); err != nil {
				t.Fatal(err)
			}
			doc, err := document.Open(context.Background(), file, document.Options{})
			if err != nil {
				t.Fatal(err)
			}
			tab, err := FromDocument(doc, load.HeaderScore, c.n)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(tab.Parts, c.parts) {
				t.Errorf("read tables %v, want %v", tab.Parts, c.parts)
			}
			var b bytes.Buffer
			if err := tab.WriteCSV(&b); err != nil {
				t.Fatal(err)
			}
			if c.csv != "" && b.String() != c.csv {
				t.Errorf("tasks.csv:\n%s\nwant:\n%s", b.String(), c.csv)
			}
			if c.csv != "" && !reflect.DeepEqual(tab.Merges, c.merges) {
				t.Errorf("merges %v, want %v", tab.Merges, c.merges)
			}
			if strings.Contains(b.String(), "x,y,z") {
				t.Error("the nested table's row was read as a task")
			}
		})
	}
}
