package plan

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestSplitDepartments(t *testing.T) {
	tests := []struct {
		name  string
		cell  string
		names []string
		note  string
	}{
		{"one", "市科技局", []string{"市科技局"}, ""},
		{"task 2: 、 and ，", "市工业和信息化局、市财政局，各区政府", []string{"市工业和信息化局", "市财政局", "各区政府"}, ""},
		{"—— is none", "——", nil, ""},
		{"—— with spaces is none", " —— ", nil, ""},
		{"empty is none", "", nil, ""},
		{"task 15: 按职能推进 is a note", "市发展改革委、市科技局、市工业和信息化局按职能推进",
			[]string{"市发展改革委", "市科技局", "市工业和信息化局"}, "按职能推进"},
		{"task 18: 按职能推进 is a note", "市工业和信息化局、市交通运输局、市公安局、市规划和自然资源局按职能推进",
			[]string{"市工业和信息化局", "市交通运输局", "市公安局", "市规划和自然资源局"}, "按职能推进"},
		{"note after a separator", "市科技局、按职能推进", []string{"市科技局"}, "按职能推进"},
		{"note alone", "按职能推进", nil, "按职能推进"},
		{"note inside the list", "市科技局按职能推进、市财政局", []string{"市科技局", "市财政局"}, "按职能推进"},
		{"note then full stop", "市科技局按职能推进。", []string{"市科技局"}, "按职能推进"},
		{"task 4: U+3000 trimmed", "市科技局　", []string{"市科技局"}, ""},
		{"U+3000 around every name", "　市科技局　、　市财政局　", []string{"市科技局", "市财政局"}, ""},
		{"empty parts", "市科技局、、市财政局，", []string{"市科技局", "市财政局"}, ""},
		{"separator only", "、", nil, ""},
		{"ASCII commas", "市科技局,市财政局, 各区政府", []string{"市科技局", "市财政局", "各区政府"}, ""},
		{"line break", "市科技局\n市财政局", []string{"市科技局", "市财政局"}, ""},
		{"—— among names", "市科技局、——", []string{"市科技局"}, ""},
		{"closing full stop", "市科技局、市财政局。", []string{"市科技局", "市财政局"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			names, note := SplitDepartments(tt.cell)
			if !reflect.DeepEqual(names, tt.names) || note != tt.note {
				t.Errorf("SplitDepartments(%q) = %q, %q; want %q, %q", tt.cell, names, note, tt.names, tt.note)
			}
		})
	}
}

func TestParseTimeline(t *testing.T) {
	const start, end = 2020, 2022
	tests := []struct {
		name string
		cell string
		want []Milestone
	}{
		{"task 1", "2022年持续推进。", []Milestone{
			{From: 2022, To: 2022, When: "2022年", Text: "持续推进", Clause: "2022年持续推进。"},
		}},
		{"task 2", "2020年，申报创建国家级人工智能创新试验区，人工智能与数字经济广东省实验室挂牌成立；2021-2022年持续推进。", []Milestone{
			{From: 2020, To: 2020, When: "2020年", Text: "申报创建国家级人工智能创新试验区，人工智能与数字经济广东省实验室挂牌成立",
				Clause: "2020年，申报创建国家级人工智能创新试验区，人工智能与数字经济广东省实验室挂牌成立"},
			{From: 2021, To: 2022, When: "2021-2022年", Text: "持续推进", Clause: "2021-2022年持续推进。"},
		}},
		{"task 14: line break", "2020-2021年，重点推动华为、腾讯、百度、京东等人工智能龙头企业在广州布局人工智能软件生态建设；\n2022年持续推进。", []Milestone{
			{From: 2020, To: 2021, When: "2020-2021年", Text: "重点推动华为、腾讯、百度、京东等人工智能龙头企业在广州布局人工智能软件生态建设",
				Clause: "2020-2021年，重点推动华为、腾讯、百度、京东等人工智能龙头企业在广州布局人工智能软件生态建设"},
			{From: 2022, To: 2022, When: "2022年", Text: "持续推进", Clause: "2022年持续推进。"},
		}},
		{"line break without ；", "2020年，甲\n2021-2022年，乙", []Milestone{
			{From: 2020, To: 2020, When: "2020年", Text: "甲", Clause: "2020年，甲"},
			{From: 2021, To: 2022, When: "2021-2022年", Text: "乙", Clause: "2021-2022年，乙"},
		}},
		{"CRLF", "2020年，甲；\r\n2022年乙。\r\n", []Milestone{
			{From: 2020, To: 2020, When: "2020年", Text: "甲", Clause: "2020年，甲"},
			{From: 2022, To: 2022, When: "2022年", Text: "乙", Clause: "2022年乙。"},
		}},
		{"deadline runs from the plan's start", "2023年底前完成", []Milestone{
			{From: 2020, To: 2023, When: "2023年底前", Text: "完成", Clause: "2023年底前完成"},
		}},
		{"deadline with a month", "2021年6月底前，建成平台。", []Milestone{
			{From: 2020, To: 2021, When: "2021年6月底前", Text: "建成平台", Clause: "2021年6月底前，建成平台。"},
		}},
		{"em dash range", "2021—2023年", []Milestone{
			{From: 2021, To: 2023, When: "2021—2023年", Clause: "2021—2023年"},
		}},
		{"range with 年 twice and 至", "2020年至2021年，推进", []Milestone{
			{From: 2020, To: 2021, When: "2020年至2021年", Text: "推进", Clause: "2020年至2021年，推进"},
		}},
		{"range deadline", "2020-2022年底前完成", []Milestone{
			{From: 2020, To: 2022, When: "2020-2022年底前", Text: "完成", Clause: "2020-2022年底前完成"},
		}},
		{"长期坚持 spans the plan", "长期坚持。", []Milestone{
			{From: 2020, To: 2022, Text: "长期坚持", Clause: "长期坚持。"},
		}},
		{"from a year to the plan's end", "2020年起", []Milestone{
			{From: 2020, To: 2022, When: "2020年起", Clause: "2020年起"},
		}},
		{"half year", "2021年上半年，出台政策", []Milestone{
			{From: 2021, To: 2021, When: "2021年上半年", Text: "出台政策", Clause: "2021年上半年，出台政策"},
		}},
		{"empty", "", nil},
		{"spaces only", " \u3000\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseTimeline(tt.cell, start, end)
			if err != nil {
				t.Fatalf("ParseTimeline(%q): %v", tt.cell, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseTimeline(%q) =\n%+v\nwant\n%+v", tt.cell, got, tt.want)
			}
		})
	}
}

func TestParseTimelineErrors(t *testing.T) {
	tests := []struct {
		name       string
		cell       string
		start, end int
		clause     string // the clause the error must name
		reason     string // a part of the reason
	}{
		{"no year", "尽快完成", 2020, 2022, "尽快完成", "must start with a year"},
		{"relative year", "明年", 2020, 2022, "明年", "must start with a year"},
		{"second clause", "2020年，甲；明年乙", 2020, 2022, "明年乙", "must start with a year"},
		{"backwards range", "2022-2020年", 2020, 2022, "2022-2020年", "backwards"},
		{"year without 年", "2021", 2020, 2022, "2021", "must start with a year"},
		{"two-digit year", "21年完成", 2020, 2022, "21年完成", "must start with a year"},
		{"year out of range", "1850年", 2020, 2022, "1850年", "out of range"},
		{"far future", "2020-9999年", 2020, 2022, "2020-9999年", "out of range"},
		{"punctuation only", "。", 2020, 2022, "。", "must start with a year"},
		{"长期坚持 without plan years", "长期坚持", 0, 0, "长期坚持", "start_year"},
		{"长期坚持 with plan years reversed", "长期坚持", 2022, 2020, "长期坚持", "backwards"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, err := ParseTimeline(tt.cell, tt.start, tt.end)
			var te *TimelineError
			if !errors.As(err, &te) {
				t.Fatalf("ParseTimeline(%q) = %+v, %v; want a *TimelineError", tt.cell, ms, err)
			}
			if te.Clause != tt.clause {
				t.Errorf("error names clause %q, want %q", te.Clause, tt.clause)
			}
			if !strings.Contains(te.Reason, tt.reason) {
				t.Errorf("reason %q does not say %q", te.Reason, tt.reason)
			}
			if !strings.Contains(err.Error(), tt.clause) {
				t.Errorf("message %q does not quote the clause", err)
			}
		})
	}
}

func TestParseAreaLabel(t *testing.T) {
	tests := []struct {
		label   string
		ordinal int
		name    string
		ok      bool
	}{
		{"（二）产业培育发展行动", 2, "产业培育发展行动", true},
		{"（一）基础创新提升行动", 1, "基础创新提升行动", true},
		{"二、产业培育发展行动", 2, "产业培育发展行动", true},
		{"(3) 应用示范行动", 3, "应用示范行动", true},
		{"（十二）其他行动", 12, "其他行动", true},
		{"（二十）其他行动", 20, "其他行动", true},
		{"（二十三）其他行动", 23, "其他行动", true},
		{"（十）其他行动", 10, "其他行动", true},
		{"4. 保障措施", 4, "保障措施", true},
		{"（五）　环境优化行动　", 5, "环境优化行动", true},
		{"产业培育发展行动", 0, "产业培育发展行动", false},
		{"（二）", 0, "（二）", false},
		{"（零）甲", 0, "（零）甲", false},
		{"（一百）甲", 0, "（一百）甲", false},
		{"", 0, "", false},
	}
	for _, tt := range tests {
		ord, name, ok := ParseAreaLabel(tt.label)
		if ord != tt.ordinal || name != tt.name || ok != tt.ok {
			t.Errorf("ParseAreaLabel(%q) = %d, %q, %v; want %d, %q, %v", tt.label, ord, name, ok, tt.ordinal, tt.name, tt.ok)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"", nil},
		{"甲。乙。", []string{"甲。", "乙。"}},
		{"甲！乙？丙。", []string{"甲！", "乙？", "丙。"}},
		{"他说“好。”然后走了。", []string{"他说“好。”", "然后走了。"}},
		{"建设平台（试点。）推进。", []string{"建设平台（试点。）", "推进。"}},
		{"真的吗？！是的。", []string{"真的吗？！", "是的。"}},
		{"甲。乙", []string{"甲。", "乙"}},
		{"没有句号", []string{"没有句号"}},
		{"甲。 \n", []string{"甲。 \n"}},
		{"甲。 乙。", []string{"甲。", " 乙。"}},
		{"。", []string{"。"}},
		{"a\xffb。c", []string{"a\xffb。", "c"}},
	}
	for _, tt := range tests {
		got := Sentences(tt.text)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tt.text, got, tt.want)
		}
		if j := strings.Join(got, ""); j != tt.text {
			t.Errorf("Sentences(%q) joined = %q", tt.text, j)
		}
	}
}

func TestDeriveTitle(t *testing.T) {
	tests := []struct{ measures, want string }{
		{"实施重点领域研发计划。围绕人工智能关键技术重点领域组织实施重大科技专项。", "实施重点领域研发计划"},
		{"组织实施“强芯”工程，加大集成电路设计、专用设备制造、检验检测等关键环节的支持力度，引领带动人工智能产业发展。面向5G。", "组织实施“强芯”工程"},
		{"加快建设一批人工智能开放创新平台和创新载体以及相关的公共服务平台；推进成果转化。", "加快建设一批人工智能开放创新平台和创新载体以及相关的公共服务平台"},
		{"短句，没有句号", "短句，没有句号"},
		{"  创建国家级人工智能创新试验区。  ", "创建国家级人工智能创新试验区"},
		{"", ""},
		// Exactly MaxTitle characters is still short.
		{strings.Repeat("字", MaxTitle) + "。后文", strings.Repeat("字", MaxTitle)},
		{strings.Repeat("字", MaxTitle+1) + "。", strings.Repeat("字", MaxTitle+1)},
	}
	for _, tt := range tests {
		if got := DeriveTitle(tt.measures); got != tt.want {
			t.Errorf("DeriveTitle(%q) = %q, want %q", tt.measures, got, tt.want)
		}
	}
}

func TestMilestoneHelpers(t *testing.T) {
	m := Milestone{From: 2021, To: 2022}
	if !m.Covers(2021) || !m.Covers(2022) || m.Covers(2020) || m.Covers(2023) {
		t.Errorf("Covers is wrong for %+v", m)
	}
	if got := m.Span(); !reflect.DeepEqual(got, []int{2021, 2022}) {
		t.Errorf("Span = %v", got)
	}
	if got := m.Years(); got != "2021–2022" {
		t.Errorf("Years = %q", got)
	}
	if got := (Milestone{From: 2020, To: 2020}).Years(); got != "2020" {
		t.Errorf("Years = %q", got)
	}
}

func TestNumeralRoundTrip(t *testing.T) {
	for n := 1; n <= 99; n++ {
		got, ok := chineseNumber(Numeral(n))
		if !ok || got != n {
			t.Errorf("Numeral(%d) = %q reads back as %d, %v", n, Numeral(n), got, ok)
		}
	}
}
