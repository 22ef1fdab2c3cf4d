package plan

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// realColumn returns one column of the bundled table, to seed the fuzzers
// with the real cells.
func realColumn(f *testing.F, name string) []string {
	data, err := os.Open("../../content/tasks.csv")
	if err != nil {
		f.Fatal(err)
	}
	defer data.Close()
	recs, err := csv.NewReader(data).ReadAll()
	if err != nil {
		f.Fatal(err)
	}
	col := -1
	for i, h := range recs[0] {
		if h == name {
			col = i
		}
	}
	if col < 0 {
		f.Fatalf("tasks.csv has no column %s", name)
	}
	var out []string
	for _, r := range recs[1:] {
		out = append(out, r[col])
	}
	return out
}

func FuzzSplitDepartments(f *testing.F) {
	for _, col := range []string{"牵头部门", "配合部门"} {
		for _, s := range realColumn(f, col) {
			f.Add(s)
		}
	}
	for _, s := range []string{"", "——", "、", "，，", "按职能推进", "市科技局按职能推进、", "市A按职能推进B", "　市科技局　",
		"a,b;c；d\ne", "市科技局。", "。", "\xff、\xfe", "按职能推进按职责推进", "按职能推进。按职能推进",
		"各县（市、区）人民政府", "市发展改革委（牵头）、市科技局", "各区(市、县)政府 市财政局", "（牵头）", "甲（（牵头））", "甲）（", "（、）", "区财政局*、区发改局", "*", "甲**、乙＊", "★发改局、经信局", "☆ 甲 ★", "州委编办及州直相关单位", "区水务局等部门", "等部门", "局及局", "区财政局和区税务局与区审计局"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, cell string) {
		units, note := SplitDepartments(cell)
		var names []string
		for _, u := range units {
			names = append(names, u.Name)
			if u.Note != "" && !strings.Contains(cell, u.Name+"（"+u.Note) && !strings.Contains(cell, u.Name+"("+u.Note) &&
				!strings.Contains(cell, u.Note) {
				t.Fatalf("SplitDepartments(%q): note %q is not in the cell", cell, u.Note)
			}
			if u.Lead && !strings.Contains(u.Note, "牵头") && !(u.Starred && strings.ContainsAny(cell, leadMarks)) {
				t.Fatalf("SplitDepartments(%q): %+v leads without saying 牵头 or bearing a mark such as *", cell, u)
			}
			if u.Starred && (!u.Lead || strings.Trim(u.Name, leadMarks) != u.Name) {
				t.Fatalf("SplitDepartments(%q): %+v keeps the mark or does not lead", cell, u)
			}
		}
		for _, n := range names {
			if n == "" {
				t.Fatalf("SplitDepartments(%q) gives an empty name: %q", cell, names)
			}
			r, _ := utf8.DecodeRuneInString(n)
			l, _ := utf8.DecodeLastRuneInString(n)
			if unicode.IsSpace(r) || unicode.IsSpace(l) {
				t.Fatalf("SplitDepartments(%q): name %q has leading or trailing space", cell, n)
			}
			if strings.ContainsFunc(outsideBrackets(n), isDepartmentSeparator) {
				t.Fatalf("SplitDepartments(%q): name %q holds a separator outside brackets", cell, n)
			}
			for _, dn := range departmentNotes {
				if strings.Contains(n, dn) {
					t.Fatalf("SplitDepartments(%q): note %q inside name %q", cell, dn, n)
				}
			}
			if !strings.Contains(cell, n) {
				t.Fatalf("SplitDepartments(%q): name %q is not written in the cell", cell, n)
			}
			if noneMarks[n] {
				t.Fatalf("SplitDepartments(%q): %q means none, not a name", cell, n)
			}
		}
		if note != "" && !strings.Contains(cell, strings.Split(note, "、")[0]) {
			t.Fatalf("SplitDepartments(%q): note %q is not in the cell", cell, note)
		}
	})
}

func FuzzParseTimeline(f *testing.F) {
	for _, s := range realColumn(f, "时间节点") {
		f.Add(s, 2020, 2022)
	}
	for _, s := range []string{"", "。", "；", "2023年底前完成", "2021—2023年", "长期坚持", "2020年起", "尽快完成", "明年",
		"2022-2020年", "2020年\r\n2021年", "2021年6月底前", "2020年至2021年", "0000年", "9999年", "2020-2022年底前",
		"2020年，；；\n\n2021年。", "\xff2020年", "2020年\xff",
		"２０２３年６月底前", "二〇二三年十二月底前", "12月底前", "年内", "年底前完成", "2023年第三季度", "每季度", "2023年9月底前，2024年持续推进"} {
		f.Add(s, 2020, 2022)
		f.Add(s, 0, 0)
	}
	f.Add("长期坚持", 2022, 2020)
	f.Add("2023年底前", -5, 1<<40)
	f.Fuzz(func(t *testing.T, cell string, start, end int) {
		ms, errs := ParseTimeline(cell, start, end)
		unread := 0
		for _, m := range ms {
			if m.Clause == "" || !strings.Contains(cell, m.Clause) {
				t.Fatalf("ParseTimeline(%q): clause %q is not in the cell", cell, m.Clause)
			}
			if !strings.Contains(m.Clause, m.When) || !strings.Contains(m.Clause, m.Text) {
				t.Fatalf("ParseTimeline(%q): milestone %+v is not made of its clause", cell, m)
			}
			if !m.Dated() {
				unread++
				continue
			}
			if m.From < 1900 || m.To > 2200 || m.From != m.Start.Year || m.To != m.End.Year && (m.Then == "" || m.To < m.End.Year) {
				t.Fatalf("ParseTimeline(%q, %d, %d): years out of range or apart from the dates: %+v", cell, start, end, m)
			}
			if m.Start.after(m.End) || m.Start.Month > 12 || m.End.Month > 12 {
				t.Fatalf("ParseTimeline(%q, %d, %d): milestone runs backwards or has no such month: %+v", cell, start, end, m)
			}
		}
		if unread != len(errs) {
			t.Fatalf("ParseTimeline(%q): %d unread clauses, %d errors", cell, unread, len(errs))
		}
		for _, e := range errs {
			if e.Clause == "" || !strings.Contains(cell, e.Clause) {
				t.Fatalf("ParseTimeline(%q): error names clause %q, which is not in the cell", cell, e.Clause)
			}
		}
		if len(ms) == 0 && TrimSpace(strings.Trim(cell, "。；;，,\r\n")) != "" && len(clauses(cell)) > 0 {
			t.Fatalf("ParseTimeline(%q): clauses but no milestones", cell)
		}
	})
}

func FuzzSentences(f *testing.F) {
	for _, s := range realColumn(f, "主要措施") {
		f.Add(s)
	}
	for _, s := range []string{"", "。", "。。", "甲。”乙", "“。”", "a\xff。", "\xe3\x80", "甲。 \n", "？！", "）。"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ss := Sentences(text)
		if j := strings.Join(ss, ""); j != text {
			t.Fatalf("Sentences(%q) joined = %q", text, j)
		}
		for _, s := range ss {
			if s == "" {
				t.Fatalf("Sentences(%q) has an empty sentence: %q", text, ss)
			}
		}
		title := DeriveTitle(text)
		if !strings.Contains(text, title) {
			t.Fatalf("DeriveTitle(%q) = %q, not taken from the text", text, title)
		}
	})
}

// FuzzTitleYears: any title gives no years, or a range within 1900–2200
// that starts no later than it ends.
func FuzzTitleYears(f *testing.F) {
	for _, s := range []string{"计划（2020—2022年）", "2023年重点工作", "二〇二四年", "２０２２年", "2021年至2023年",
		"2025—2023年", "落实2022年的2023年任务", "", "年", "9999年", "2023年\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, title string) {
		s, e := TitleYears(title)
		if (s == 0) != (e == 0) || s != 0 && (s < 1900 || e > 2200 || e < s) {
			t.Fatalf("TitleYears(%q) = %d, %d", title, s, e)
		}
	})
}
