package importer

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"plansite/internal/document"
	"plansite/internal/load"
)

// importFile reads the task table of a document as plansite import does.
func importFile(t *testing.T, file string) (csv, merges string) {
	t.Helper()
	doc, err := document.Open(context.Background(), file, document.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tab, err := FromDocument(doc, load.HeaderScore, 0)
	if err != nil {
		t.Fatal(err)
	}
	var c, m bytes.Buffer
	if err := tab.WriteCSV(&c); err != nil {
		t.Fatal(err)
	}
	if err := tab.WriteMerges(&m); err != nil {
		t.Fatal(err)
	}
	return c.String(), m.String()
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// needSoffice skips without LibreOffice, except under CI=true, which must
// run these tests.
func needSoffice(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("soffice"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("LibreOffice is not installed, and CI must run this test")
		}
		t.Skip("LibreOffice is not installed")
	}
}

// A Word table saved by a real office suite as .docx, .doc and .odt gives
// one tasks.csv and one merges.csv, byte for byte the hand-checked ones:
// a group row across the table, 重点任务 merged over seven tasks, a lead unit
// over two, a 序号 over a task's two rows, the heading repeated on every
// page, cells of several paragraphs, U+3000 and a no-break space kept.
func TestOfficeDocuments(t *testing.T) {
	needSoffice(t)
	src, _ := filepath.Abs("../document/testdata/tasks.fodt")
	dir := t.TempDir()
	wantCSV := readFile(t, "testdata/tasks.expected.csv")
	wantMerges := readFile(t, "testdata/tasks.merges.expected.csv")
	for _, format := range []string{"docx", "doc", "odt"} {
		cmd := exec.Command("soffice", "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
			"--convert-to", format, "--outdir", dir, src)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice: %v: %s", err, out)
		}
		t.Run(format, func(t *testing.T) {
			csv, merges := importFile(t, filepath.Join(dir, "tasks."+format))
			if csv != wantCSV {
				t.Errorf("tasks.csv:\n%s\nwant:\n%s", csv, wantCSV)
			}
			if merges != wantMerges {
				t.Errorf("merges.csv:\n%s\nwant:\n%s", merges, wantMerges)
			}
		})
	}
}

// Pages as portals serve them: Word's HTML export in GB2312, with rowspan,
// colspan, <p> and &nbsp; in cells; and real portals' tables: that of
// xfj.chizhou.gov.cn, whose import is the hand-typed examples/ table but
// for the merged 工作任务 cell, which the import writes into both its rows,
// and that of bzqc.gov.cn, whose import is its example's content.
func TestPortalPages(t *testing.T) {
	for _, tc := range []struct{ page, csv, merges string }{
		{"../document/testdata/word-gb2312.html", "testdata/word-gb2312.expected.csv", "testdata/word-gb2312.merges.expected.csv"},
		{"../document/testdata/chizhou.html", "testdata/chizhou.expected.csv", "testdata/chizhou.merges.expected.csv"},
		// A department's extract of a larger table (bzqc.gov.cn), headed
		// 重点工作任务, 主要责任单位, 协同配合单位: found without -table, and
		// imported as its example is.
		{"../document/testdata/qiaocheng.html", "../../examples/qiaocheng-jyj-2025-fenjie/content/tasks.csv", "../../examples/qiaocheng-jyj-2025-fenjie/content/merges.csv"},
		// longwan.gov.cn: the leaders' headings above the table, a heading
		// cell of two lines, the lead marked with a star.
		{"../document/testdata/longwan.html", "../../examples/longwan-2023-fenjie/content/tasks.csv", ""},
	} {
		t.Run(filepath.Base(tc.page), func(t *testing.T) {
			csv, merges := importFile(t, tc.page)
			if want := readFile(t, tc.csv); csv != want {
				t.Errorf("tasks.csv:\n%s\nwant:\n%s", csv, want)
			}
			if tc.merges == "" {
				// No merged cell: the heading of merges.csv alone, which
				// plansite new does not write.
				if lines := strings.Split(strings.TrimSpace(merges), "\n"); len(lines) > 1 {
					t.Errorf("merges.csv:\n%s\nwant no merge", merges)
				}
			} else if want := readFile(t, tc.merges); merges != want {
				t.Errorf("merges.csv:\n%s\nwant:\n%s", merges, want)
			}
		})
	}
}
