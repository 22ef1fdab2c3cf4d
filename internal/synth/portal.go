package synth

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"plansite/internal/output"
)

// WritePortal writes into dir (creating it) the content folder of a portal
// of the given number of plans sharing tasks tasks between them, for
// benchmarks: its site.toml and departments.csv (the built-in 213 units,
// which every plan names), and plans/p01/ … each a table of the built-in
// vocabulary with its own seed, issued a month apart from January 2020,
// the older half with a progress file of one update a task.
func WritePortal(dir string, plans, tasks int, seed uint64) error {
	if plans < 1 || tasks < plans {
		return fmt.Errorf("synth: a portal of %d plans cannot share %d tasks", plans, tasks)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	cfg := fmt.Sprintf(`title = "合成市重点工作任务公开：%d个计划，%d项任务"
short_title = "合成市重点工作任务"
issuer = "合成市人民政府办公室"
updated = "2025-06-30"
base_url = "https://plans.example.org/"
`, plans, tasks)
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte(cfg), 0o644); err != nil {
		return err
	}
	if err := output.CreateFile(filepath.Join(dir, "departments.csv"), writeDepartments); err != nil {
		return err
	}
	v := Builtin()
	for k := range plans {
		n := tasks / plans
		if k < tasks%plans {
			n++
		}
		pd := filepath.Join(dir, "plans", fmt.Sprintf("p%02d", k+1))
		if err := os.MkdirAll(pd, 0o755); err != nil {
			return err
		}
		date := fmt.Sprintf("%d-%02d-15", 2020+k/12, k%12+1)
		updated := fmt.Sprintf("%d-%02d-28", 2021+k/12, k%12+1)
		cfg := fmt.Sprintf(`title = "合成市第%d号重点工作任务分解（%d-%d年）"
short_title = "合成市第%d号任务分解"
attachment = "附件 任务分工表"
issuer = "合成市人民政府办公室"
number = "合府办〔%d〕%d号"
date = "%s"
updated = "%s"
start_year = %d
end_year = %d
`, k+1, StartYear, EndYear, k+1, 2020+k/12, k+1, date, updated, StartYear, EndYear)
		if err := os.WriteFile(filepath.Join(pd, "site.toml"), []byte(cfg), 0o644); err != nil {
			return err
		}
		if err := output.CreateFile(filepath.Join(pd, "tasks.csv"), func(w io.Writer) error { return v.Tasks(w, n, seed+uint64(k)) }); err != nil {
			return err
		}
		if k >= plans/2 {
			continue
		}
		if err := output.CreateFile(filepath.Join(pd, "progress.csv"), func(w io.Writer) error { return progressRows(w, n, updated) }); err != nil {
			return err
		}
	}
	return nil
}

// progressRows writes a progress file of one update for each of n tasks,
// on the day date, in the default statuses in turn.
func progressRows(w io.Writer, n int, date string) error {
	statuses := []string{"推进中", "已完成", "滞后", "未启动", "已调整"}
	cw := csv.NewWriter(w)
	cw.Write([]string{"序号", "日期", "状态", "进展"})
	for i := 1; i <= n; i++ {
		cw.Write([]string{fmt.Sprint(i), date, statuses[i%len(statuses)], fmt.Sprintf("第%d项任务的合成进展。", i)})
	}
	cw.Flush()
	return cw.Error()
}
