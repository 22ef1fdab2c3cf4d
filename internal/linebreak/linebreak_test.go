package linebreak

import (
	"html"
	"html/template"
	"regexp"
	"slices"
	"testing"
)

var depts = []string{"市工业和信息化局", "市政府各有关部门", "市科技局", "市发展改革委", "广州开发区", "市工信局"}

// The runs a line may not break inside, each as the text it covers.
func TestRuns(t *testing.T) {
	b := New(depts)
	for _, tt := range []struct {
		s    string
		want []string
	}{
		{"牵头单位：市工业和信息化局、市政府各有关部门", []string{"市工业和信息化局", "市政府各有关部门"}},
		{"2020–2022年", []string{"2020–2022年"}},
		{"（2023-2025年）", []string{"2023-2025年"}},
		{"更新于2026-12-05。", []string{"2026-12-05"}},
		{"2023年6月底前完成", []string{"2023年6月底前"}},
		{"安排资金6万元", []string{"6万元"}},
		{"新增学位3.3万个", []string{"3.3万个"}},
		{"共54条，45所学校，增长10%", []string{"共54条", "45所", "10%"}},
		{"任务1 牵头：市科技局", []string{"任务1", "牵头：", "市科技局"}},
		{"广州市新一代人工智能产业", []string{"新一代人工智能"}},
		{"2023年市政府工作报告目标任务", []string{"2023年", "政府工作报告", "目标任务"}},
		{"1.积极推进", nil},
		{"推进5G建设", nil},
		{"", nil},
	} {
		var got []string
		for _, r := range b.Runs(tt.s) {
			got = append(got, tt.s[r.From:r.To])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Runs(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

// Titles break only at the <wbr>s: between phrases, never inside a run,
// beside a one-character phrase or inside punctuation.
func TestTitle(t *testing.T) {
	b := New(depts)
	for _, tt := range []struct{ s, want string }{
		{"广州市关于推进新一代人工智能产业发展的行动计划（2020-2022年）",
			`<span class="brk">广州市<wbr>关于<wbr>推进<wbr><span class="nw">新一代人工智能</span><wbr>产业<wbr>发展的<wbr>行动<wbr>计划<wbr>（<span class="nw">2020-2022年</span>）</span>`},
		{"加强网络和数据安全", `<span class="brk">加强<wbr>网络和<wbr>数据<wbr>安全</span>`},
		// BudouX: 建设|区|级|政务|数|据|共享平|台.
		{"建设区级政务数据共享平台", `<span class="brk">建设<wbr>区级<wbr>政务<wbr>数据<wbr>共享平台</span>`},
		// BudouX: 认真|落实|新|阶段|疫|情防控|措施.
		{"认真落实新阶段疫情防控措施", `<span class="brk">认真<wbr>落实<wbr>新阶段<wbr>疫情防控<wbr>措施</span>`},
		{"推进完善PPP健康运行", `<span class="brk">推进<wbr>完善<wbr>PPP<wbr>健康<wbr>运行</span>`},
		{"市科技局", `<span class="nw">市科技局</span>`},
		{"a<b>&c", "a&lt;b&gt;&amp;c"},
	} {
		if got := string(b.Title(tt.s)); got != tt.want {
			t.Errorf("Title(%q) =\n%s\nwant\n%s", tt.s, got, tt.want)
		}
	}
}

var tag = regexp.MustCompile(`<[^>]*>`)

// Only markup is added: the text of what Keep and Title return is the
// text they were given.
func FuzzSameText(f *testing.F) {
	for _, s := range []string{"牵头：市工业和信息化局、市政府各有关部门", "2023年6月底前新增学位3.3万个", "<&>\"'", "广州市新一代人工智能（2020–2022年）"} {
		f.Add(s)
	}
	b := New(depts)
	f.Fuzz(func(t *testing.T, s string) {
		for _, h := range []string{string(b.Keep(s)), string(b.Title(s))} {
			// As html/template writes s: NUL becomes U+FFFD.
			want := html.UnescapeString(template.HTMLEscapeString(s))
			if got := html.UnescapeString(tag.ReplaceAllString(h, "")); got != want {
				t.Fatalf("text of %q is %q, want %q", h, got, want)
			}
		}
	})
}
