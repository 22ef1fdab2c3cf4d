package load

import (
	"strings"
	"testing"
)

// A heading scores by the standard columns it names, the required ones
// twice; 责任单位 alone is the lead, as the reader takes it, so a table of
// 序号, 项目内容, 责任单位 … is a task table; a row that names neither
// required column scores 0.
func TestHeaderScore(t *testing.T) {
	for _, tt := range []struct {
		row  string
		want int
	}{
		{"序号,重点任务,主要措施,时间节点,牵头部门,配合部门", 8},
		{"序号,项目内容,责任单位,完成时间,备注", 6},
		{"序号,工作任务,牵头单位,责任单位,完成时限", 7},
		{"序号,任务,责任单位", 3},
		{"序号,任务,配合单位,完成时间", 0},
		{"附件,,,,", 0},
		{"某区2025年民生实事项目责任分工,,,,", 0},
	} {
		if got := HeaderScore(strings.Split(tt.row, ",")); got != tt.want {
			t.Errorf("HeaderScore(%s) = %d, want %d", tt.row, got, tt.want)
		}
	}
}
