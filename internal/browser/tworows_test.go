package browser

import (
	"testing"
	"testing/fstest"
)

// A table whose heading has two rows (责任单位 over 牵头单位 and 配合单位),
// with a task of two rows merged by its 序号: /plan/ and the task's 原表记载
// show both heading rows, and pass axe-core and the layout rules at phone
// width and on a wide screen.
func TestTwoRowHeading(t *testing.T) {
	axe := axeSource(t)
	root, _ := serve(t, sources(fstest.MapFS{
		"site.toml": {Data: []byte("title = \"某市2024年营商环境重点任务清单\"\n")},
		"tasks.csv": {Data: []byte("序号,工作任务,责任单位,,完成时限,备注\n" +
			"序号,工作任务,牵头单位,配合单位,完成时限,备注\n" +
			"一、提升政务服务效能,,,,,\n" +
			"1,推行“高效办成一件事”，年内新增10个主题套餐。,市政务服务数据管理局,市直各有关部门,2024年12月底前,\n" +
			"2,深化工程建设项目审批制度改革。,市住房城乡建设局,市自然资源局、市发展改革委,2024年6月,持续推进\n" +
			"2,推行区域评估。,市住房城乡建设局,市发展改革委,2024年9月,\n")},
		"merges.csv": {Data: []byte("合并单元格\nA1:A2\nB1:B2\nC1:D1\nE1:E2\nF1:F2\nA3:F3\nA5:A6\nC5:C6\n")},
	}))
	kinds := []struct{ name, path string }{{"plan", "plan/"}, {"task", "tasks/2/"}}
	ctx := browser(t, 375, 900)
	for _, m := range []layoutMode{{"375", 375, "", false}, {"1280-contrast", 1280, "", true}} {
		m.apply(t, ctx, root)
		for _, k := range kinds {
			axeCheck(t, ctx, axe, root+k.path, k.name+" at "+m.name)
		}
	}
	checkLayout(t, ctx, root, kinds, []layoutMode{{"320", 320, "", false}, {"320-large-contrast", 320, "l", true}, {"1280", 1280, "", false}})
}
