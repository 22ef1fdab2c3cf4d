package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// plansite check exits 1 when a problem stops the build, 0 with warnings
// only, and prints every problem with its file and line.
func TestCheckExitStatus(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.toml", "title = \"测试\"\nbase_url = \"https://example.org/\"\n")
	write("tasks.csv", "序号,主要措施,时间节点,牵头部门\n1,措施。,2020年。,市甲局、市乙局，市丙局\n")
	var out, errOut bytes.Buffer
	if code := run([]string{"check", "-content", dir}, &out, &errOut); code != 0 {
		t.Errorf("warnings only: exit %d, want 0\n%s%s", code, out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), "tasks.csv:2:14: warning: task 1: 牵头部门 separates names") {
		t.Errorf("output lacks the warning:\n%s", out.String())
	}
	write("tasks.csv", "序号,主要措施,时间节点,牵头部门\n1,措施。,近期完成。,市甲局\n")
	out.Reset()
	if code := run([]string{"check", "-content", dir}, &out, &errOut); code != 1 {
		t.Errorf("an error: exit %d, want 1\n%s", code, out.String())
	}
	if !strings.Contains(out.String(), "tasks.csv:2:7: error: task 1: cannot read timeline clause \"近期完成。\"") {
		t.Errorf("output lacks the error:\n%s", out.String())
	}
}
