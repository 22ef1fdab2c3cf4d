package plan

import (
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
		{"负责落实 closes the list", "市政府各有关部门,各县市区人民政府、功能区管委会负责落实",
			[]string{"市政府各有关部门", "各县市区人民政府", "功能区管委会"}, "负责落实"},
		{"a longer note is not cut by a shorter one", "市科技局、市财政局按职责分工负责落实",
			[]string{"市科技局", "市财政局"}, "按职责分工负责落实"},
		{"note inside the list", "市科技局按职能推进、市财政局", []string{"市科技局", "市财政局"}, "按职能推进"},
		{"note then full stop", "市科技局按职能推进。", []string{"市科技局"}, "按职能推进"},
		{"task 4: U+3000 trimmed", "市科技局　", []string{"市科技局"}, ""},
		{"U+3000 around every name", "　市科技局　、　市财政局　", []string{"市科技局", "市财政局"}, ""},
		{"empty parts", "市科技局、、市财政局，", []string{"市科技局", "市财政局"}, ""},
		{"separator only", "、", nil, ""},
		{"ASCII commas", "市科技局,市财政局, 各区政府", []string{"市科技局", "市财政局", "各区政府"}, ""},
		{"line break", "市科技局\n市财政局", []string{"市科技局", "市财政局"}, ""},
		{"spaces", "市科技局 市财政局\u3000各区政府", []string{"市科技局", "市财政局", "各区政府"}, ""},
		{"、 inside full-width brackets", "各县（市、区）人民政府、市财政局", []string{"各县（市、区）人民政府", "市财政局"}, ""},
		{"、 inside ASCII brackets at the end", "各区(市、县)，市财政局", []string{"各区(市、县)", "市财政局"}, ""},
		{"note in brackets is not the name", "市发展改革委（牵头）、市科技局（按职责分工负责）", []string{"市发展改革委", "市科技局"}, ""},
		{"ASCII note", "市科技局(牵头),市财政局", []string{"市科技局", "市财政局"}, ""},
		{"semicolons", "市科技局；市财政局;各区政府", []string{"市科技局", "市财政局", "各区政府"}, ""},
		{"—— among names", "市科技局、——", []string{"市科技局"}, ""},
		{"及 between two units", "州委编办及州直相关单位", []string{"州委编办", "州直相关单位"}, ""},
		{"及 between collective terms", "市级各有关部门及各县市区政府", []string{"市级各有关部门", "各县市区政府"}, ""},
		{"和 inside a name", "市发展和改革委员会、市住房和城乡建设局", []string{"市发展和改革委员会", "市住房和城乡建设局"}, ""},
		{"和 between two units", "区财政局和区税务局", []string{"区财政局", "区税务局"}, ""},
		{"等部门 after a name", "区水务局等部门", []string{"区水务局"}, ""},
		{"closing full stop", "市科技局、市财政局。", []string{"市科技局", "市财政局"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			units, note := SplitDepartments(tt.cell)
			var names []string
			for _, u := range units {
				names = append(names, u.Name)
			}
			if !reflect.DeepEqual(names, tt.names) || note != tt.note {
				t.Errorf("SplitDepartments(%q) = %q, %q; want %q, %q", tt.cell, names, note, tt.names, tt.note)
			}
		})
	}
}

func TestSplitDepartmentsNotes(t *testing.T) {
	units, _ := SplitDepartments("市发展改革委（牵头）、各县（市、区）人民政府（按职责分工负责）、市科技局、区水务局等部门")
	want := []Named{{Name: "市发展改革委", Note: "牵头", Lead: true}, {Name: "各县（市、区）人民政府", Note: "按职责分工负责"}, {Name: "市科技局"}, {Name: "区水务局", Note: "等部门"}}
	if !reflect.DeepEqual(units, want) {
		t.Errorf("got %+v, want %+v", units, want)
	}
	// 带*的为牵头单位: the mark after a name, half- or full-width.
	units, _ = SplitDepartments("区政府办公室*、区财政局,区科技局＊、*")
	want = []Named{{Name: "区政府办公室", Lead: true, Starred: true}, {Name: "区财政局"}, {Name: "区科技局", Lead: true, Starred: true}, {Name: "*"}}
	if !reflect.DeepEqual(units, want) {
		t.Errorf("got %+v, want %+v", units, want)
	}
	// ★ or * before the name, as other tables put it (★发改局、经信局), and
	// ★ after it; a mark alone names no one.
	units, _ = SplitDepartments("★发改局、经信局、☆财政局,*税务局,建设局★、★")
	want = []Named{{Name: "发改局", Lead: true, Starred: true}, {Name: "经信局"}, {Name: "财政局", Lead: true, Starred: true},
		{Name: "税务局", Lead: true, Starred: true}, {Name: "建设局", Lead: true, Starred: true}, {Name: "★"}}
	if !reflect.DeepEqual(units, want) {
		t.Errorf("got %+v, want %+v", units, want)
	}
	// Marks with a space between them, where a space does not part names
	// (inside a bracket the cell leaves open), all go.
	units, _ = SplitDepartments("区发改局（经济科* ＊")
	want = []Named{{Name: "区发改局（经济科", Lead: true, Starred: true}}
	if !reflect.DeepEqual(units, want) {
		t.Errorf("got %+v, want %+v", units, want)
	}
}

// Notes written after a name without brackets say who leads and who helps.
func TestSplitDepartmentsSuffixNotes(t *testing.T) {
	for cell, want := range map[string][]Named{
		"办公室牵头,各科室配合":       {{Name: "办公室", Note: "牵头", Lead: true}, {Name: "各科室", Note: "配合"}},
		"市人力社保局、市农业农村局分别牵头": {{Name: "市人力社保局"}, {Name: "市农业农村局", Note: "分别牵头", Lead: true}},
		"牵头":   {{Name: "牵头"}},
		"市科技局": {{Name: "市科技局"}},
	} {
		if got, _ := SplitDepartments(cell); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %+v, want %+v", cell, got, want)
		}
	}
}

// outsideBrackets is s without the text inside brackets: what separates
// names, for the tests that check a cell's names.
func outsideBrackets(s string) string {
	var b strings.Builder
	bracketDepth(s, func(_ int, r rune, outside bool) {
		if outside {
			b.WriteRune(r)
		}
	})
	return b.String()
}

func TestOutsideBrackets(t *testing.T) {
	if got := outsideBrackets("市发改委、市财政局(第一责任单位为牵头单位,下同)"); got != "市发改委、市财政局" {
		t.Errorf("got %q", got)
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
		{"一、就业促进行动\n(6项指标)", 1, "就业促进行动\n(6项指标)", true}, // a cell wrapped in two lines
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
		// The number a cell gives its item is not the title's; a decimal is.
		{"1.积极推进本中心预算、决算及相关报表公开。", "积极推进本中心预算、决算及相关报表公开"},
		{"2、及时更新网站频道。", "及时更新网站频道"},
		{"(一)“打通断头路 畅通微循环”攻坚专项行动(6条路)", "“打通断头路 畅通微循环”攻坚专项行动(6条路)"},
		{"（三）井盖整治项目", "井盖整治项目"},
		{"十二、强化督查。", "强化督查"},
		{"①完成选址。", "完成选址"},
		{"1.5万亩高标准农田建设。", "1.5万亩高标准农田建设"},
		{"2023年完成。", "2023年完成"},
		{"1.", "1."},
		// A first clause too short to name the task takes the next.
		{"居民签约后，家庭医生团队为其提供基本医疗服务和健康管理，按规定收取签约服务费。", "居民签约后，家庭医生团队为其提供基本医疗服务和健康管理"},
		{"签约后，" + strings.Repeat("字", MaxTitle) + "，后文。", "签约后"},
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

// A heading as running text says it: a table's letter spacing and line
// breaks go, a space between Latin words stays one.
func TestWord(t *testing.T) {
	for in, want := range map[string]string{
		"主 要 工 作 任 务": "主要工作任务",
		"牵头\n单位":      "牵头单位",
		"完　成　情　况":     "完成情况",
		"牵头单位":        "牵头单位",
		"Lead  units": "Lead units",
		"任务 (2023)":   "任务(2023)",
		" 时限 ":        "时限",
	} {
		if got := Word(in); got != want {
			t.Errorf("Word(%q) = %q, want %q", in, got, want)
		}
	}
}
