package phrase

import (
	"slices"
	"testing"
)

// The phrases BudouX's own parser (budoux@0.9.2, node) gives with the same
// model: the port must cut where the original does.
func TestSameAsBudouX(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want []string
	}{
		{"广州市新一代人工智能产业发展行动计划", []string{"广州", "市", "新", "一", "代", "人", "工智", "能", "产业", "发展", "行动", "计划"}},
		{"2023年市政府工作报告目标任务责任分解方案", []string{"2023年", "市", "政府", "工作", "报告", "目标", "任务", "责任", "分解", "方案"}},
		{"市工业和信息化局", []string{"市", "工业", "和", "信息化局"}},
		{"市政府各有关部门负责落实", []string{"市", "政府", "各", "有关", "部门", "负责", "落实"}},
		{"新增学位3.3万个", []string{"新", "增学", "位", "3.3万", "个"}},
		{"安排资金6万元", []string{"安排", "资金6万", "元"}},
		{"订阅更新", []string{"订阅", "更新"}},
		{"印发日期", []string{"印发日", "期"}},
		{"", nil},
		{"一", []string{"一"}},
	} {
		if got := Phrases(tt.s); !slices.Equal(got, tt.want) {
			t.Errorf("Phrases(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

// Breaks fall between characters, never inside one, whatever the text.
func FuzzBreaks(f *testing.F) {
	f.Add("广州市新一代人工智能")
	f.Add("\xff中文abc")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, b := range Breaks(s) {
			if b <= prev || b >= len(s) {
				t.Fatalf("Breaks(%q): %d after %d", s, b, prev)
			}
			prev = b
		}
	})
}
