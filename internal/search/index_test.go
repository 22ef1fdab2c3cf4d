package search

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf16"

	"plansite/internal/load"
	"plansite/internal/plan"
	"plansite/internal/sitepath"
	"plansite/internal/synth"
)

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"5G", "5g"},
		{"５Ｇ", "5g"},
		{"ＡＩ与ai", "ai与ai"},
		{"（智能网联汽车）", "(智能网联汽车)"},
		{"市科技局\u3000", "市科技局 "},
		{"2020年；\n2022年", "2020年; 2022年"},
		{"无人机、无人船。", "无人机、无人船。"}, // 、 and 。 are not full-width ASCII forms
		{"𠀀😀Ｘ", "𠀀😀x"},
	} {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// Positions must survive folding: one UTF-16 unit for one.
	for r := rune(0); r <= 0x10FFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		if a, b := len(utf16.Encode([]rune{r})), len(utf16.Encode([]rune(Fold(string(r))))); a != b {
			t.Fatalf("Fold(%U) changes length in UTF-16 from %d to %d", r, a, b)
		}
	}
}

func realPlan(t testing.TB) *plan.Plan {
	t.Helper()
	c, _, err := load.Read(os.DirFS("../../content"), "content")
	if err != nil {
		t.Fatal(err)
	}
	return c.Plan
}

func TestHayMatchesFields(t *testing.T) {
	p := realPlan(t)
	for _, task := range p.Tasks {
		d := NewDoc(p, task, nil)
		parts := strings.Split(d.Hay, "\n")
		f := d.fields()
		if len(parts) != len(f) {
			t.Fatalf("task %s: %d parts in the folded text, %d fields", task.ID, len(parts), len(f))
		}
		for i := range f {
			if parts[i] != Fold(f[i]) {
				t.Errorf("task %s field %d: %q, want %q", task.ID, i, parts[i], Fold(f[i]))
			}
		}
		if strings.Join(d.Sentences, "") != task.Measures {
			t.Errorf("task %s: sentences do not give back 主要措施", task.ID)
		}
	}
}

// buildAll collects the files Build emits, the manifest, which it emits
// last, first.
func buildAll(p *plan.Plan) ([]File, error) {
	var files []File
	err := WriteIndex(p, nil, func(f File) error {
		files = append(files, f)
		return nil
	})
	if err != nil || len(files) == 0 {
		return nil, err
	}
	last := len(files) - 1
	return append(files[last:], files[:last]...), nil
}

// shards decodes every shard of an index and checks the manifest's counts.
func shards(t *testing.T, files []File) (Manifest, [][]Doc) {
	t.Helper()
	var m Manifest
	if files[0].Path != sitepath.SearchIndex {
		t.Fatalf("first file is %s, want the manifest", files[0].Path)
	}
	if err := json.Unmarshal(files[0].Data, &m); err != nil {
		t.Fatal(err)
	}
	if len(files) != len(m.Shards)+1 {
		t.Fatalf("%d files for %d shards", len(files), len(m.Shards))
	}
	var all [][]Doc
	for i, s := range m.Shards {
		f := files[i+1]
		if !strings.HasPrefix(s.URL, strings.TrimPrefix(f.Path, sitepath.Search)+"?v=") {
			t.Errorf("shard %d: manifest names %s, file is %s", i, s.URL, f.Path)
		}
		var docs []Doc
		if err := json.Unmarshal(f.Data, &docs); err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		if len(docs) != s.Tasks || len(f.Data) != s.Bytes {
			t.Errorf("%s: %d tasks and %d bytes, manifest says %d and %d", f.Path, len(docs), len(f.Data), s.Tasks, s.Bytes)
		}
		all = append(all, docs)
	}
	return m, all
}

func gzipSize(t *testing.T, data []byte, level int) int {
	var b bytes.Buffer
	w, err := gzip.NewWriterLevel(&b, level)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	w.Close()
	return b.Len()
}

func TestRealTableIsOneShard(t *testing.T) {
	p := realPlan(t)
	files, err := buildAll(p)
	if err != nil {
		t.Fatal(err)
	}
	m, docs := shards(t, files)
	if len(m.Shards) != 1 || len(docs[0]) != len(p.Tasks) || m.Tasks != len(p.Tasks) {
		t.Fatalf("real table: %d shards, want one shard of %d tasks", len(m.Shards), len(p.Tasks))
	}
	for i, d := range docs[0] {
		if d.ID != p.Tasks[i].ID {
			t.Errorf("doc %d is task %s, want %s", i, d.ID, p.Tasks[i].ID)
		}
	}
}

// TestLargeTableShards builds the index of a synthetic 10,000-task table:
// it must come in several shards, in task order, none over MaxCompressed
// once gzip-compressed at the fastest level (nginx's default) or the usual
// one.
func TestLargeTableShards(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, 10000, 1); err != nil {
		t.Fatal(err)
	}
	c, _, err := load.Read(os.DirFS(dir), "content")
	if err != nil {
		t.Fatal(err)
	}
	files, err := buildAll(c.Plan)
	if err != nil {
		t.Fatal(err)
	}
	m, docs := shards(t, files)
	if len(m.Shards) < 2 {
		t.Errorf("10,000 tasks in %d shard; want it split", len(m.Shards))
	}
	n, raw := 0, 0
	for i, f := range files[1:] {
		for _, level := range []int{gzip.BestSpeed, gzip.DefaultCompression} {
			if z := gzipSize(t, f.Data, level); z > MaxCompressed {
				t.Errorf("%s: %d bytes gzip-compressed at level %d, over %d", f.Path, z, level, MaxCompressed)
			}
		}
		for _, d := range docs[i] {
			if d.ID != c.Plan.Tasks[n].ID {
				t.Fatalf("%s: task %s where %s was expected", f.Path, d.ID, c.Plan.Tasks[n].ID)
			}
			n++
		}
		raw += len(f.Data)
	}
	if n != 10000 || m.Tasks != 10000 {
		t.Errorf("%d tasks in the shards, manifest says %d; want 10000", n, m.Tasks)
	}
	t.Logf("10,000 tasks: %d shards, %.1f MB of JSON", len(m.Shards), float64(raw)/1e6)
}

// The cells of the columns plansite does not read are searched too, each
// under its column's name, the sub-items' rows after the task's own; an
// empty cell adds nothing, the text of a cell merged over two rows counts
// once, and a task without such cells keeps the index as it was.
func TestOtherCellsSearched(t *testing.T) {
	const table = "序号,工作任务,责任单位,进展情况,备注\n" +
		"1,改造校舍。,区教育局,已完成校舍改造,\n" +
		",新建食堂。,区财政局,完成投资60%,资金已到位\n" +
		",维修操场。,区财政局,完成投资60%,\n" +
		"2,建设图书馆。,区文旅局, ,\n"
	c, _, err := load.Read(fstest.MapFS{
		"tasks.csv": {Data: []byte(table)},
		"site.toml": {Data: []byte("title = \"某区2024年民生实事\"\n")},
	}, "content")
	if err != nil {
		t.Fatal(err)
	}
	p := c.Plan
	want := [][]OtherCell{
		{{"进展情况", "已完成校舍改造"}, {"进展情况", "完成投资60%"}, {"备注", "资金已到位"}},
		nil,
	}
	for i, task := range p.Tasks {
		d := NewDoc(p, task, nil)
		if !slices.Equal(d.Other, want[i]) {
			t.Errorf("task %s: other cells %q, want %q", task.ID, d.Other, want[i])
		}
		parts, f := strings.Split(d.Hay, "\n"), d.fields()
		if len(parts) != len(f) || parts[len(parts)-1] != Fold(f[len(f)-1]) {
			t.Errorf("task %s: the folded text %q does not end in the last field %q", task.ID, d.Hay, f[len(f)-1])
		}
		for _, o := range want[i] {
			if !strings.Contains(d.Hay, Fold(o.Text)) {
				t.Errorf("task %s: %q is not searched", task.ID, o.Text)
			}
		}
		js, _ := json.Marshal(d)
		if strings.Contains(string(js), `"o":`) != (want[i] != nil) {
			t.Errorf("task %s: %s", task.ID, js)
		}
	}
}

// A site with progress searches its updates' texts, in the progress
// file's order, each with its date and its anchor on the task's page; a
// task without updates has the status of none.
func TestProgressSearched(t *testing.T) {
	c, _, err := load.Read(fstest.MapFS{
		"tasks.csv":    {Data: []byte("序号,主要措施,牵头部门\n1,建设示范园区。,市科技局\n2,培育企业。,市工信局\n")},
		"progress.csv": {Data: []byte("序号,日期,状态,进展\n1,2023-05-08,推进中,完成选址\n2,2023-06-01,推进中,\"遴选企业\n10家\"\n1,2023-11-08,已完成,竣工验收\n")},
		"site.toml":    {Data: []byte("title = \"某市人工智能产业园建设方案\"\nupdated = \"2023-12-01\"\n")},
	}, "content")
	if err != nil {
		t.Fatal(err)
	}
	pr := &Progress{Log: c.Progress, None: "暂无进展"}
	want := []struct {
		status  string
		updates []Update
	}{
		{"已完成", []Update{{"p1", "2023-05-08", "完成选址"}, {"p2", "2023-11-08", "竣工验收"}}},
		{"推进中", []Update{{"p1", "2023-06-01", "遴选企业\n10家"}}},
	}
	for i, task := range c.Plan.Tasks {
		d := NewDoc(c.Plan, task, pr)
		if d.Status != want[i].status || !slices.Equal(d.Updates, want[i].updates) {
			t.Errorf("task %s: status %q, updates %q; want %q, %q", task.ID, d.Status, d.Updates, want[i].status, want[i].updates)
		}
		for _, u := range want[i].updates {
			if !strings.Contains(d.Hay, Fold(u.Text)) {
				t.Errorf("task %s: %q is not searched", task.ID, u.Text)
			}
		}
		if strings.Contains(d.Hay, "2023") {
			t.Errorf("task %s: an update's date is searched: %q", task.ID, d.Hay)
		}
		if d := NewDoc(c.Plan, task, nil); d.Status != "" || d.Updates != nil {
			t.Errorf("task %s without progress: %+v", task.ID, d)
		}
	}
}
