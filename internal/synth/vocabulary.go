package synth

import (
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"plansite/internal/plan"
)

// StartYear and EndYear bound the built-in vocabulary's timelines.
const (
	StartYear = 2020
	EndYear   = 2030
)

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

// department is one row of the built-in departments table.
type department struct {
	Name, Slug string
	Kind       plan.DeptKind
}

// departments are the built-in offices: 200 municipal departments, 11
// district governments and two collective actors.
func departments() []department {
	var ds []department
	for _, s := range suffixes {
		for _, f := range fields {
			ds = append(ds, department{Name: "市" + f + s, Slug: fmt.Sprintf("m%03d", len(ds)+1), Kind: plan.Municipal})
		}
	}
	for i, d := range districts {
		ds = append(ds, department{Name: d + "政府", Slug: fmt.Sprintf("district-%02d", i+1), Kind: plan.District})
	}
	return append(ds, department{Name: "各区政府", Slug: "district-governments", Kind: plan.Collective},
		department{Name: "市各相关部门", Slug: "relevant-departments", Kind: plan.Collective})
}

func writeDepartments(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"名称", "slug", "英文名称", "别名", "类别"})
	for _, d := range departments() {
		cw.Write([]string{d.Name, d.Slug, "", "", string(d.Kind)})
	}
	cw.Flush()
	return cw.Error()
}

// Builtin is the vocabulary of the bench tables: 8 areas, 213 departments
// (the municipal ones lead), and timelines of one to three clauses in
// 2020–2030. Its sentences and timelines are drawn once, with a fixed seed,
// from phrases of the real table's kind.
func Builtin() *Vocabulary {
	r := rand.New(rand.NewPCG(1, 1))
	v := &Vocabulary{Areas: areaNames}
	for range 1000 {
		v.Sentences = append(v.Sentences, sentence(r))
	}
	for range 300 {
		v.Timelines = append(v.Timelines, timeline(r))
	}
	for _, d := range departments() {
		if d.Kind == plan.Municipal {
			v.Leads = append(v.Leads, d.Name)
		}
		v.Departments = append(v.Departments, d.Name)
	}
	return v
}

func sentence(r *rand.Rand) string {
	switch r.IntN(3) {
	case 0:
		return pick(r, verbs) + pick(r, objects) + "。"
	case 1:
		return pick(r, qualifiers) + "，" + pick(r, verbs) + pick(r, objects) + "，" + pick(r, tails) + "。"
	}
	return pick(r, verbs) + pick(r, objects) + "、" + pick(r, objects) + "和" + pick(r, objects) + "，" + pick(r, tails) + "。"
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
