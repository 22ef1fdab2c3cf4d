package plan

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"plansite/internal/column"
)

// show is a milestone in one line: kind start..end [when] text.
func show(m Milestone) string {
	s := fmt.Sprintf("%s %s..%s [%s] %s", m.DateKind, m.Start, m.End, m.When, m.Text)
	if m.Day != 0 {
		s += fmt.Sprintf(" day %d", m.Day)
	}
	if m.Recurs != "" {
		s += " recurs " + m.Recurs
	}
	if m.Yearless {
		s += " yearless"
	}
	if m.Then != "" {
		s += fmt.Sprintf(" then %s to %d", m.Then, m.To)
	}
	return s
}

func TestParseTimeline(t *testing.T) {
	type plan struct{ start, end int }
	multi, one, none := plan{2020, 2022}, plan{2023, 2023}, plan{0, 0}
	tests := []struct {
		cell string
		plan plan
		want []string // show of each milestone; "unread …" for one that cannot be read
	}{
		// The bundled table.
		{"2022年持续推进。", multi, []string{"year 2022..2022 [2022年] 持续推进"}},
		{"2020年，申报创建国家级人工智能创新试验区，人工智能与数字经济广东省实验室挂牌成立；2021-2022年持续推进。", multi, []string{
			"year 2020..2020 [2020年] 申报创建国家级人工智能创新试验区，人工智能与数字经济广东省实验室挂牌成立",
			"range 2021..2022 [2021-2022年] 持续推进"}},
		{"2020-2021年，重点推动龙头企业布局；\n2022年持续推进。", multi, []string{
			"range 2020..2021 [2020-2021年] 重点推动龙头企业布局", "year 2022..2022 [2022年] 持续推进"}},
		{"2020年，甲；\r\n2022年乙。\r\n", multi, []string{"year 2020..2020 [2020年] 甲", "year 2022..2022 [2022年] 乙"}},
		// Years with 度, 内, 底前, 起, 及以后.
		{"2023年度完成", multi, []string{"year 2023..2023 [2023年度] 完成"}},
		{"2023年内建成", multi, []string{"year 2023..2023 [2023年内] 建成"}},
		{"2023年底前完成", multi, []string{"deadline 2020..2023 [2023年底前] 完成"}},
		{"2023年年底前完成", multi, []string{"deadline 2020..2023 [2023年年底前] 完成"}},
		{"2021年起", multi, []string{"from 2021..2022 [2021年起] "}},
		{"2021年及以后，推广", multi, []string{"from 2021..2022 [2021年及以后] 推广"}},
		// Ranges with -, –, —, ~, 至, 到.
		{"2021—2023年", multi, []string{"range 2021..2023 [2021—2023年] "}},
		{"2021–2022年推进", multi, []string{"range 2021..2022 [2021–2022年] 推进"}},
		{"2021~2022年推进", multi, []string{"range 2021..2022 [2021~2022年] 推进"}},
		{"2020年至2021年，推进", multi, []string{"range 2020..2021 [2020年至2021年] 推进"}},
		{"2020到2021年推进", multi, []string{"range 2020..2021 [2020到2021年] 推进"}},
		{"2020-2022年底前完成", multi, []string{"range 2020..2022 [2020-2022年底前] 完成"}},
		{"2023年6月至2024年6月试点", multi, []string{"range 2023-06..2024-06 [2023年6月至2024年6月] 试点"}},
		{"2023年6-12月", multi, []string{"range 2023-06..2023-12 [2023年6-12月] "}},
		// Months and days: the month is part of the date, never lost.
		{"2023年6月底前", multi, []string{"deadline 2020..2023-06 [2023年6月底前] "}},
		{"2023年6月30日前完成验收", multi, []string{"deadline 2020..2023-06 [2023年6月30日前] 完成验收 day 30"}},
		{"2023年上半年", multi, []string{"year 2023-01..2023-06 [2023年上半年] "}},
		{"2023年下半年，出台政策", multi, []string{"year 2023-07..2023-12 [2023年下半年] 出台政策"}},
		{"2023年第三季度", multi, []string{"year 2023-07..2023-09 [2023年第三季度] "}},
		{"2023年四季度前", multi, []string{"deadline 2020..2023-12 [2023年四季度前] "}},
		{"2023年9月底前动工", multi, []string{"deadline 2020..2023-09 [2023年9月底前] 动工"}},
		{"2023年9月起实施", multi, []string{"from 2023-09..2023 [2023年9月起] 实施"}},
		{"2023年6月", multi, []string{"year 2023-06..2023-06 [2023年6月] "}},
		// Clauses separated by ；, ;, ，, , and line breaks.
		{"2023年9月底前，2024年持续推进", multi, []string{
			"deadline 2020..2023-09 [2023年9月底前] ", "year 2024..2024 [2024年] 持续推进"}},
		{"2021年完成A,2022年完成B", multi, []string{"year 2021..2021 [2021年] 完成A", "year 2022..2022 [2022年] 完成B"}},
		{"2021年完成A;2022年完成B", multi, []string{"year 2021..2021 [2021年] 完成A", "year 2022..2022 [2022年] 完成B"}},
		{"2021年完成A。2022年完成B。", multi, []string{"year 2021..2021 [2021年] 完成A", "year 2022..2022 [2022年] 完成B"}},
		{"2023年6月底前出台方案，12月底前完成", multi, []string{
			"deadline 2020..2023-06 [2023年6月底前] 出台方案", "deadline 2020..2023-12 [12月底前] 完成 yearless"}},
		// No year at all: the plan's one year, or a warning.
		{"12月底前", one, []string{"deadline 2023..2023-12 [12月底前]  yearless"}},
		{"9月投入使用", one, []string{"year 2023-09..2023-09 [9月] 投入使用 yearless"}},
		{"年内", one, []string{"year 2023..2023 [年内]  yearless"}},
		{"年底前完成", one, []string{"deadline 2023..2023 [年底前] 完成 yearless"}},
		{"上半年", one, []string{"year 2023-01..2023-06 [上半年]  yearless"}},
		{"6月30日前", one, []string{"deadline 2023..2023-06 [6月30日前]  day 30 yearless"}},
		{"12月底前", multi, []string{"unread"}},
		{"年内", none, []string{"unread"}},
		// Ongoing and recurring work.
		{"长期坚持。", multi, []string{"ongoing 2020..2022 [长期坚持] "}},
		{"持续推进", multi, []string{"ongoing 2020..2022 [持续推进] "}},
		{"常态化推进", multi, []string{"ongoing 2020..2022 [常态化推进] "}},
		{"每年开展一次评估", multi, []string{"ongoing 2020..2022 [每年] 开展一次评估 recurs 每年"}},
		{"每季度", multi, []string{"ongoing 2020..2022 [每季度]  recurs 每季度"}},
		{"每月", multi, []string{"ongoing 2020..2022 [每月]  recurs 每月"}},
		{"按年度推进", multi, []string{"ongoing 2020..2022 [按年度推进] "}},
		{"立行立改", multi, []string{"ongoing 2020..2022 [立行立改] "}},
		{"长期坚持", none, []string{"unread"}},
		// Full-width digits and Chinese year numerals.
		{"２０２３年６月底前", multi, []string{"deadline 2020..2023-06 [２０２３年６月底前] "}},
		{"二〇二三年十二月底前完成", multi, []string{"deadline 2020..2023-12 [二〇二三年十二月底前] 完成"}},
		{"二〇二三年完成", multi, []string{"year 2023..2023 [二〇二三年] 完成"}},
		// A date anywhere in a clause; a comma before a date splits only a
		// clause that has a date of its own, so the date keeps its subject.
		{"重点领域信息应公开尽公开,1月底前完成;其它事项12月底前取得明显成效并长期坚持", one, []string{
			"deadline 2023..2023-01 [1月底前] 重点领域信息应公开尽公开,1月底前完成 yearless",
			"deadline 2023..2023-12 [12月底前] 其它事项12月底前取得明显成效并长期坚持 yearless then 长期坚持 to 2023"}},
		{"完成平台建设，2023年底前上线，2024年持续推进", multi, []string{
			"deadline 2020..2023 [2023年底前] 完成平台建设，2023年底前上线",
			"year 2024..2024 [2024年] 持续推进"}},
		{"2021年6月底前出台方案并持续推进", multi, []string{"deadline 2020..2021-06 [2021年6月底前] 出台方案并持续推进 then 持续推进 to 2022"}},
		{"建立长期机制，2022年完成", multi, []string{"year 2022..2022 [2022年] 建立长期机制，2022年完成"}},
		// What cannot be read is kept, never guessed.
		{"尽快完成", multi, []string{"unread"}},
		{"2020年，甲；明年乙", multi, []string{"year 2020..2020 [2020年] 甲", "unread"}},
		{"2022-2020年", multi, []string{"unread"}},
		{"2021", multi, []string{"unread"}},
		{"21年完成", multi, []string{"unread"}},
		{"1850年", multi, []string{"unread"}},
		{"2020-9999年", multi, []string{"unread"}},
		{"2023年13月底前", multi, []string{"unread"}},
		{"", multi, nil},
		{" \u3000\n", multi, nil},
	}
	for _, tt := range tests {
		t.Run(tt.cell, func(t *testing.T) {
			ms, errs := ParseTimeline(tt.cell, tt.plan.start, tt.plan.end)
			var got []string
			unread := 0
			for _, m := range ms {
				if !m.Dated() {
					got = append(got, "unread")
					unread++
					continue
				}
				got = append(got, show(m))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("ParseTimeline(%q, %d, %d) =\n\t%s\nwant\n\t%s", tt.cell, tt.plan.start, tt.plan.end,
					strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
			if len(errs) != unread {
				t.Errorf("%d errors for %d unread clauses: %v", len(errs), unread, errs)
			}
			for _, m := range ms {
				if !strings.Contains(tt.cell, m.Clause) || !strings.Contains(m.Clause, m.When) {
					t.Errorf("milestone %+v is not cut from the cell", m)
				}
			}
		})
	}
}

// Every unreadable clause is named in its error, with a reason a person can
// act on.
func TestParseTimelineUnread(t *testing.T) {
	tests := []struct {
		cell, clause, reason string
		start, end           int
	}{
		{"尽快完成", "尽快完成", "holds no date", 2020, 2022},
		{"2022-2020年", "2022-2020年", "backwards", 2020, 2022},
		{"1850年", "1850年", "out of range", 2020, 2022},
		{"长期坚持", "长期坚持", "start_year", 0, 0},
		{"12月底前", "12月底前", "one-year plan", 2020, 2022},
		{"2023年13月", "2023年13月", "no month 13", 2020, 2022},
	}
	for _, tt := range tests {
		ms, errs := ParseTimeline(tt.cell, tt.start, tt.end)
		if len(errs) != 1 || len(ms) != 1 {
			t.Errorf("ParseTimeline(%q) = %+v, %v; want one unread clause", tt.cell, ms, errs)
			continue
		}
		if errs[0].Clause != tt.clause || !strings.Contains(errs[0].Message(), tt.reason) {
			t.Errorf("ParseTimeline(%q): error %q, want clause %q and %q", tt.cell, errs[0].Message(), tt.clause, tt.reason)
		}
		if ms[0].Clause != tt.clause || ms[0].DateKind != Unread {
			t.Errorf("ParseTimeline(%q): milestone %+v, want the clause kept as unread", tt.cell, ms[0])
		}
	}
}

func TestTitleYears(t *testing.T) {
	for _, tt := range []struct {
		title      string
		start, end int
	}{
		{"广州市推动人工智能与实体经济深度融合发展三年行动计划（2020—2022年）", 2020, 2022},
		{"行动方案(2023-2025年)", 2023, 2025},
		{"2021年至2023年工作方案", 2021, 2023},
		{"立山区政府2023年重点工作任务分解和责任分工方案", 2023, 2023},
		{"２０２２年政务公开任务分解责任清单", 2022, 2022},
		{"二〇二四年重点工作", 2024, 2024},
		{"市政府工作报告重点工作责任分解", 0, 0},
		{"落实2022年会议精神的2023年任务", 0, 0}, // two years, no range: which is the plan's?
		{"（2023—2025年）和（2026—2030年）", 0, 0},
		{"2025—2023年", 0, 0},
		{"1850年纪念", 0, 0},
	} {
		s, e := TitleYears(tt.title)
		if s != tt.start || e != tt.end {
			t.Errorf("TitleYears(%q) = %d, %d; want %d, %d", tt.title, s, e, tt.start, tt.end)
		}
	}
}

// A plan whose title names one year places dates without a year, and
// ongoing work, in that year; site.toml's years win over the title's.
func TestOneYearPlanFromTitle(t *testing.T) {
	in := input(
		row(2, "1", "（一）甲", "措施。", "年底前", "市科技局", ""),
		row(3, "2", "", "措施。", "持续推进", "市科技局", ""),
	)
	in.Meta = Meta{Title: "某区2023年重点工作任务"}
	p, warns, err := FromRows(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range warns {
		if strings.Contains(w.Msg, "cannot read the date") {
			t.Errorf("warning: %v", w)
		}
	}
	if !reflect.DeepEqual(p.Years, []int{2023}) {
		t.Errorf("years %v, want [2023]", p.Years)
	}
	in.Meta = Meta{Title: "某区2023年重点工作任务", StartYear: 2023, EndYear: 2024}
	if p, _, err = FromRows(in); err != nil || !reflect.DeepEqual(p.Years, []int{2023, 2024}) {
		t.Errorf("with site.toml's years: %v, %v", p.Years, err)
	}
}

// Beside the years it covers, a clause says the rest of its date and what
// is due, as written: nothing of its date is lost, and it is never empty.
func TestMilestoneDetail(t *testing.T) {
	for cell, want := range map[string][]string{
		"2023年3月启动；9月投入使用；12月底前": {"3月启动", "9月投入使用", "12月底前"},
		"2023年6月底前，完成首批目录。":      {"6月底前，完成首批目录"},
		"2023年底前":             {"年底前"},
		"2020年，申报；2021-2022年": {"申报", "2021-2022年"},
		"2021-2022年持续推进":      {"持续推进"},
		"长期坚持":                {"长期坚持"},
		"２０２３年内建成":            {"年内建成"},
	} {
		ms, errs := ParseTimeline(cell, 2020, 2023)
		if len(errs) > 0 {
			t.Fatalf("%q: %v", cell, errs[0])
		}
		var got []string
		for _, m := range ms {
			got = append(got, m.Detail)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: details %q, want %q", cell, got, want)
		}
	}
}

// A date without a year says why it cannot be read: the plan's years are
// unknown, or they are several.
func TestYearlessReasons(t *testing.T) {
	for _, c := range []struct {
		start, end int
		want       string
	}{
		{0, 0, "the plan's years are not known"},
		{2020, 2022, "the plan covers more than one year"},
	} {
		_, errs := ParseTimeline("8月份", c.start, c.end)
		if len(errs) != 1 || !strings.Contains(errs[0].Reason, c.want) {
			t.Errorf("years %d–%d: %v, want a reason saying %q", c.start, c.end, errs, c.want)
		}
	}
}

// A yearless clause in a plan whose years are unknown but whose date is
// set: the warning says which setting of start_year and end_year the date
// suggests; without a date it does not.
func TestYearlessWarningSuggestsTheDatesYear(t *testing.T) {
	c := func(line, col int, s string) Cell { return Cell{Text: s, Line: line, Col: col} }
	for _, date := range []string{"2016-12-06", ""} {
		in := Input{TasksFile: tasksFile, Meta: Meta{Title: "官渡区稳增长若干政策措施", Date: date}, Rows: []Row{
			mkRow(stdCells{column.ID: c(2, 1, "1"), column.Measures: c(2, 2, "措施。"), column.Timeline: c(2, 3, "5月底前"), column.Lead: c(2, 4, "区发改局")}),
		}}
		_, warns, err := FromRows(in)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, w := range warns {
			if strings.Contains(w.Msg, "5月底前") {
				found = strings.HasSuffix(w.Msg, "; the plan is dated 2016-12-06: for a plan of 2016 alone, start_year = 2016 and end_year = 2016")
			}
		}
		if found != (date != "") {
			t.Errorf("date %q: warnings %v", date, warns)
		}
	}
}
