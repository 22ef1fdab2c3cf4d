package load

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"testing/fstest"

	"plansite/internal/foldertest"
	"plansite/internal/progress"
)

// demo is the progress demo's content folder, read into memory.
func demo(t *testing.T) fstest.MapFS {
	t.Helper()
	return foldertest.Read(t, "../../examples/progress-demo/content")
}

// updates lists a log's updates as comparable text.
func updates(l *progress.Log) []string {
	var out []string
	for _, u := range l.Updates {
		out = append(out, strings.Join([]string{u.Task.ID, u.Anchor(), u.Date.String(), l.StatusOf(u).Name, u.Text, u.Source}, "|"))
	}
	return out
}

// TestProgressXLSXAndColumns reads the demo's progress as progress.xlsx,
// with its own column names mapped by [progress_columns]: the log is the
// one progress.csv gives.
func TestProgressXLSXAndColumns(t *testing.T) {
	fsys := demo(t)
	c, _, err := Read(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	want := updates(c.Progress)
	rows, err := csv.NewReader(bytes.NewReader(fsys[ProgressCSV].Data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, mapped := range []bool{false, true} {
		fsys := demo(t)
		if mapped {
			rows[0] = []string{"任务序号", "报送日期", "当前状态", "工作进展", "资料来源"}
			fsys["site.toml"].Data = append(fsys["site.toml"].Data, []byte("\n[progress_columns]\nid = \"任务序号\"\ndate = \"报送日期\"\nstatus = \"当前状态\"\ntext = \"工作进展\"\nsource = \"资料来源\"\n")...)
		}
		delete(fsys, ProgressCSV)
		fsys[ProgressXLSX] = &fstest.MapFile{Data: workbook(t, rows)}
		c, _, err := Read(fsys, "content")
		if err != nil {
			t.Fatalf("mapped %v: %v", mapped, err)
		}
		if got := updates(c.Progress); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("mapped %v: progress.xlsx gives %d updates differing from progress.csv's %d", mapped, len(got), len(want))
		}
	}
	// Both files at once is an error that names them.
	fsys = demo(t)
	fsys[ProgressXLSX] = &fstest.MapFile{Data: workbook(t, rows[:1])}
	if _, _, err := Read(fsys, "content"); err == nil || !strings.Contains(err.Error(), "keep one of them") {
		t.Errorf("progress.csv and progress.xlsx together: %v", err)
	}
}

// TestDoneThenBack warns about a task marked 已完成 that later goes back to
// 推进中 (or another status that is not done), and not about one that stays
// done.
func TestDoneThenBack(t *testing.T) {
	for _, c := range []struct {
		status string
		warn   bool
	}{{"推进中", true}, {"滞后", true}, {"已完成", false}} {
		fsys := demo(t)
		// Task 4 is marked 已完成 on 2024-05-02.
		fsys[ProgressCSV].Data = append(fsys[ProgressCSV].Data, []byte("4,2024-06-02,"+c.status+",再次报送。,\n")...)
		_, warns, err := Read(fsys, "content")
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, w := range warns {
			found = found || w.Task == "4" && strings.Contains(w.Msg, "marked 已完成")
		}
		if found != c.warn {
			t.Errorf("已完成 then %s: warned %v, want %v (%v)", c.status, found, c.warn, warns)
		}
	}
}
