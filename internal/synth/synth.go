// Package synth makes synthetic task tables shaped like the real one, of any
// size, for benchmarks and scale tests: numbered tasks in areas whose labels
// carry an ordinal, measures of several sentences, timelines of year clauses
// (2020–2030), lead and cooperating departments from about two hundred
// offices (with the real table's mixed 、 and ， separators and collective
// actors), and a departments table that gives each a slug.
//
// The output depends only on the number of tasks and the seed, so the same
// call always writes the same bytes.
package synth

import (
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"plansite/internal/plan"
	"strings"
)

// StartYear and EndYear bound the synthetic plan's timelines.
const (
	StartYear = 2020
	EndYear   = 2030
)

// Areas is the number of action areas of a synthetic table.
const Areas = 8

var areaNames = []string{"基础创新提升行动", "产业培育发展行动", "应用场景拓展行动", "数据要素汇聚行动",
	"人才引育集聚行动", "开放合作深化行动", "发展环境优化行动", "安全保障强化行动"}

var fields = []string{"工业和信息化", "科技", "发展改革", "财政", "商务", "教育", "卫生健康", "交通运输", "公安",
	"住房城乡建设", "水务", "林业园林", "农业农村", "文化广电旅游", "体育", "民政", "司法", "审计", "统计",
	"市场监管", "生态环境", "应急管理", "人力资源社会保障", "规划和自然资源", "城市管理综合执法", "退役军人事务",
	"医疗保障", "政务服务数据管理", "地方金融监管", "国资", "港务", "气象", "知识产权", "供销", "外事", "侨务",
	"信访", "粮食和物资储备", "人防", "海洋", "口岸", "协作", "档案", "机关事务管理", "民族宗教", "科学技术协会",
	"妇女联合", "残疾人联合", "工商业联合", "贸易促进"}

var suffixes = []string{"局", "委", "办", "中心"}

var districts = []string{"越秀区", "海珠区", "荔湾区", "天河区", "白云区", "黄埔区", "番禺区", "花都区", "南沙区", "从化区", "增城区"}

// Department is one row of the synthetic departments table.
type Department struct {
	Name, Slug, Kind string
}

// Departments returns the synthetic plan's offices: municipal departments,
// district governments and two collective actors, about two hundred in all.
func Departments() []Department {
	var ds []Department
	for _, s := range suffixes {
		for _, f := range fields {
			ds = append(ds, Department{Name: "市" + f + s, Slug: fmt.Sprintf("m%03d", len(ds)+1), Kind: "市直部门"})
		}
	}
	for i, d := range districts {
		ds = append(ds, Department{Name: d + "政府", Slug: fmt.Sprintf("district-%02d", i+1), Kind: "区政府"})
	}
	ds = append(ds, Department{Name: "各区政府", Slug: "district-governments", Kind: "统称"},
		Department{Name: "市各相关部门", Slug: "relevant-departments", Kind: "统称"})
	return ds
}

var (
	verbs   = []string{"加快推进", "组织实施", "积极创建", "支持建设", "培育发展", "引进和培育", "完善", "深化", "强化", "推动"}
	objects = []string{"人工智能开放创新平台", "集成电路设计企业", "智能网联汽车测试示范区", "工业互联网标识解析节点",
		"数据交易服务机构", "新型研发机构", "公共技术服务平台", "5G应用示范项目", "智能制造示范工厂", "区块链创新应用试点",
		"无人机物流配送网络", "智慧医疗服务体系", "人才公寓和创新街区", "知识产权运营中心", "产业投资基金"}
	qualifiers = []string{"围绕关键技术重点领域", "面向5G（第五代移动通信）、物联网、汽车电子等领域", "依托国家超算广州中心",
		"结合全市产业布局", "对承担国家重大项目的企业", "在重点园区和产业集聚区", "按照“一区一策”要求", "以企业为主体"}
	tails = []string{"形成一批可复制推广的经验", "按规定给予配套支持", "提升产业核心竞争力", "引领带动产业发展",
		"打造具有国际影响力的产业集群", "实现成果落地转化", "为产业应用场景提供算力支撑"}
	dues = []string{"完成方案制定", "挂牌成立", "建成并投入使用", "形成阶段性成果", "引进一批骨干企业", "推广应用", "开展试点示范"}
)

// Write writes site.toml, tasks.csv and departments.csv for a table of n
// tasks into dir, creating it.
func Write(dir string, n int, seed uint64) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	cfg := fmt.Sprintf(`title = "合成行动计划（%d-%d年）：%d项任务"
short_title = "合成行动计划"
attachment = "附件1 任务分工表"
issuer = "合成市人民政府"
date = "2020-01-15"
source_url = "https://example.org/plan.html"
source_name = "合成市人民政府网站"
start_year = %d
end_year = %d
base_url = "https://plan.example.org/"
`, StartYear, EndYear, n, StartYear, EndYear)
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte(cfg), 0o644); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(dir, "departments.csv"), writeDepartments); err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, "tasks.csv"), func(w io.Writer) error { return Tasks(w, n, seed) })
}

func writeFile(name string, fill func(io.Writer) error) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := fill(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func writeDepartments(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"名称", "slug", "英文名称", "别名", "类别"})
	for _, d := range Departments() {
		cw.Write([]string{d.Name, d.Slug, "", "", d.Kind})
	}
	cw.Flush()
	return cw.Error()
}

// Tasks writes a task table of n rows as CSV (UTF-8, header 序号, 重点任务,
// 主要措施, 时间节点, 牵头部门, 配合部门). Every row names its area, so that
// tools that do not fill merged cells down read it too.
func Tasks(w io.Writer, n int, seed uint64) error {
	r := rand.New(rand.NewPCG(seed, uint64(n)))
	depts := Departments()
	municipal := depts[:len(fields)*len(suffixes)]
	cw := csv.NewWriter(w)
	cw.Write([]string{"序号", "重点任务", "主要措施", "时间节点", "牵头部门", "配合部门"})
	per := (n + Areas - 1) / Areas
	for i := 1; i <= n; i++ {
		a := (i - 1) / per
		label := fmt.Sprintf("（%s）%s", plan.Numeral(a+1), areaNames[a%len(areaNames)])
		cw.Write([]string{fmt.Sprint(i), label, measures(r), timeline(r), lead(r, municipal, depts), coop(r, depts)})
	}
	cw.Flush()
	return cw.Error()
}

func pick(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

func measures(r *rand.Rand) string {
	var b strings.Builder
	for k := 2 + r.IntN(5); k > 0; k-- {
		switch r.IntN(3) {
		case 0:
			fmt.Fprintf(&b, "%s%s。", pick(r, verbs), pick(r, objects))
		case 1:
			fmt.Fprintf(&b, "%s，%s%s，%s。", pick(r, qualifiers), pick(r, verbs), pick(r, objects), pick(r, tails))
		default:
			fmt.Fprintf(&b, "%s%s、%s和%s，%s。", pick(r, verbs), pick(r, objects), pick(r, objects), pick(r, objects), pick(r, tails))
		}
	}
	return b.String()
}

func timeline(r *rand.Rand) string {
	y := StartYear + r.IntN(EndYear-StartYear-2)
	switch r.IntN(5) {
	case 0:
		return fmt.Sprintf("%d年持续推进。", y)
	case 1:
		return fmt.Sprintf("%d年底前%s。", y+1, pick(r, dues))
	case 2:
		return fmt.Sprintf("%d年，%s；%d-%d年持续推进。", y, pick(r, dues), y+1, min(y+2+r.IntN(3), EndYear))
	case 3:
		return fmt.Sprintf("%d年，%s；\n%d年，%s。", y, pick(r, dues), y+1, pick(r, dues))
	}
	return fmt.Sprintf("%d-%d年，%s；长期坚持。", y, y+1, pick(r, dues))
}

func lead(r *rand.Rand, municipal, all []Department) string {
	names := []string{pick2(r, municipal)}
	if r.IntN(4) == 0 {
		names = append(names, pick2(r, all[:len(all)-2]))
	}
	s := strings.Join(dedupe(names), "、")
	if r.IntN(20) == 0 {
		s += "按职能推进"
	}
	return s
}

func coop(r *rand.Rand, all []Department) string {
	k := r.IntN(5)
	if k == 0 {
		return "——"
	}
	var names []string
	for ; k > 0; k-- {
		names = append(names, pick2(r, all))
	}
	names = dedupe(names)
	if len(names) > 2 && r.IntN(3) == 0 { // the real table's mixed separators
		return strings.Join(names[:len(names)-1], "、") + "，" + names[len(names)-1]
	}
	return strings.Join(names, "、")
}

func pick2(r *rand.Rand, ds []Department) string { return ds[r.IntN(len(ds))].Name }

func dedupe(xs []string) []string {
	var out []string
	for _, x := range xs {
		seen := false
		for _, y := range out {
			seen = seen || x == y
		}
		if !seen {
			out = append(out, x)
		}
	}
	return out
}
