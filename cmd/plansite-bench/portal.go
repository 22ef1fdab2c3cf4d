package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"plansite/internal/synth"
)

// portalTasks is how many tasks a plan of the synthetic portals has on
// average: 60 plans make 20,000 tasks.
const portalTasks = 20000.0 / 60

// portalBuilds times the build of synthetic portals of each number of
// plans in list, each plan of about 333 tasks, so that the time per task
// shows whether a portal builds in time linear in its tasks.
func portalBuilds(bin, work, list string) error {
	const row = "%6s %8s %8s %8s %8s %10s %7s\n"
	fmt.Printf(row, "plans", "tasks", "files", "wall", "peak RSS", "CPU/task", "MB/s")
	for _, f := range strings.Split(list, ",") {
		plans, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || plans < 1 {
			return fmt.Errorf("-portals: %q is not a number of plans", f)
		}
		tasks := int(float64(plans)*portalTasks + 0.5)
		dir := filepath.Join(work, fmt.Sprintf("portal%d", plans))
		content := filepath.Join(dir, "content")
		if err := synth.WritePortal(content, plans, tasks, 1); err != nil {
			return err
		}
		p, err := plansiteBuild(bin, content, filepath.Join(dir, "public"), "")
		if err != nil {
			return err
		}
		os.RemoveAll(dir)
		fmt.Printf(row, fmt.Sprint(plans), fmt.Sprint(tasks), fmt.Sprint(p.files), secs(p.wall), mb(p.rssKB),
			fmt.Sprintf("%.0f µs", float64(p.cpu.Microseconds())/float64(tasks)), fmt.Sprintf("%.0f", float64(p.bytes)/(1<<20)/p.wall.Seconds()))
	}
	fmt.Println("portals: synthetic plans of about 333 tasks each, all naming the same 213 units (the portal's departments.csv),")
	fmt.Println("the older half with a progress file; CPU/task is the build's user and system time over the tasks.")
	return nil
}
