package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// newAndBuild makes a site from a document in a fresh folder, as a
// newcomer would, and builds it; it returns the site's home page.
func newAndBuild(t *testing.T, document string) string {
	t.Helper()
	t.Chdir(t.TempDir())
	code, _, stderr := runArgs("new", "mysite", document)
	if code != 0 {
		t.Fatalf("new: exit %d: %s", code, stderr)
	}
	code, _, stderr = runArgs("build", "mysite")
	if code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "base_url is not set") {
		t.Errorf("build did not say what it leaves out without base_url: %s", stderr)
	}
	home, err := os.ReadFile(filepath.Join("mysite", "public", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	return string(home)
}

// A portal's page, saved as it is served, becomes a site in two commands.
func TestNewFromWebPage(t *testing.T) {
	page, _ := filepath.Abs("../../internal/document/testdata/chizhou.html")
	// The page's text: <wbr> between a title's phrases is not in it.
	home := strings.ReplaceAll(newAndBuild(t, page), "<wbr>", "")
	if !strings.Contains(home, "强化行政规范性文件集中规范公开") || strings.Contains(home, "广州") {
		t.Error("the home page does not show the page's table, or shows the bundled plan")
	}
}

// A Word file saved by a real office suite becomes a site in two commands:
// the 序号 merged over two rows is one task, the group row across the table
// heads the tasks.
func TestNewFromWordFile(t *testing.T) {
	if _, err := exec.LookPath("soffice"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("LibreOffice is not installed, and CI must run this test")
		}
		t.Skip("LibreOffice is not installed")
	}
	src, _ := filepath.Abs("../../internal/document/testdata/tasks.fodt")
	dir := t.TempDir()
	cmd := exec.Command("soffice", "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "docx", "--outdir", dir, src)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v: %s", err, out)
	}
	newAndBuild(t, filepath.Join(dir, "tasks.docx"))
	task, err := os.ReadFile(filepath.Join("mysite", "public", "tasks", "5", "index.html"))
	if err != nil || !strings.Contains(string(task), "北斗产业园二期：完成规划。") {
		t.Errorf("task 5 lacks its second row (%v)", err)
	}
	if _, err := os.Stat(filepath.Join("mysite", "public", "tasks", "9")); err == nil {
		t.Error("the table's six tasks made a ninth page")
	}
}
