package document

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// These tests read real office-suite files. Each fixture in testdata is a
// source written by hand (a flat ODF file or an HTML page) and a golden
// written by hand from it; LibreOffice converts the source, at test time,
// into the formats a publisher holds (.docx, .doc, .odt, and LibreOffice's
// own HTML; .xlsx, .xls, .ods), and every one must read as the same golden.
// Reading .doc, .odt, .xls and .ods goes through LibreOffice once more, as
// the package does. Without LibreOffice the tests skip, except under
// CI=true, where they fail: CI must run them.

type fixture struct {
	source, golden string
	// formats are what the source is read as: its own extension is the
	// source itself; "html" of a .fodt is LibreOffice's HTML export.
	formats []string
	// noParagraphs names the formats whose paragraphs outside tables are
	// not compared, and why.
	noParagraphs map[string]string
	pages        bool // the source must run over several pages
}

// libreOfficeHTML is why paragraphs of an HTML page converted by
// LibreOffice are not compared: its HTML import decodes gb2312 as GB2312
// alone (镕 and 𠮷 are garbled) and shows display:none text.
const libreOfficeHTML = "LibreOffice's HTML import reads gb2312 strictly and shows hidden text"

var fixtures = []fixture{
	{source: "tasks.fodt", golden: "tasks.golden", formats: []string{"fodt", "docx", "doc", "odt", "html"}, pages: true},
	{source: "changes.fodt", golden: "changes.golden", formats: []string{"docx", "doc", "odt"}},
	{source: "joined.fodt", golden: "joined.golden", formats: []string{"docx", "odt"}},
	{source: "converted.fodt", golden: "converted.golden", formats: []string{"docx", "doc", "odt", "html"}},
	{source: "word-gb2312.html", golden: "word-gb2312.golden", formats: []string{"html", "docx", "doc", "odt"},
		noParagraphs: map[string]string{"docx": libreOfficeHTML, "doc": libreOfficeHTML, "odt": libreOfficeHTML}},
	{source: "chizhou.html", golden: "chizhou.golden", formats: []string{"html", "docx", "doc", "odt"}},
	{source: "workbook.fods", golden: "workbook.golden", formats: []string{"fods", "xlsx", "xls", "ods"}},
}

// needSoffice skips the test when LibreOffice is missing, or fails it under
// CI=true.
func needSoffice(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("soffice"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("LibreOffice is not installed, and CI must run this test: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui")
		}
		t.Skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui)")
	}
}

// officeFiles converts every fixture once, for all the tests of the
// package: a few calls of soffice, each converting many files.
var officeFiles struct {
	once sync.Once
	dir  string
	took time.Duration
	err  error
}

func converted(t *testing.T) string {
	t.Helper()
	needSoffice(t)
	o := &officeFiles
	o.once.Do(func() {
		start := time.Now()
		o.dir, o.err = convertFixtures()
		o.took = time.Since(start)
	})
	if o.err != nil {
		t.Fatal(o.err)
	}
	return o.dir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if officeFiles.dir != "" {
		os.RemoveAll(officeFiles.dir)
	}
	os.Exit(code)
}

func convertFixtures() (string, error) {
	dir, err := os.MkdirTemp("", "document-test-")
	if err != nil {
		return "", err
	}
	var writer, web, calc []string
	for _, f := range fixtures {
		src, _ := filepath.Abs(filepath.Join("testdata", f.source))
		switch filepath.Ext(f.source) {
		case ".fodt":
			writer = append(writer, src)
		case ".html":
			web = append(web, src)
		case ".fods":
			calc = append(calc, src)
		}
	}
	tasks, _ := filepath.Abs("testdata/tasks.fodt")
	for _, c := range []struct {
		files   []string
		infiler string
		to      []string
	}{
		{writer, "", []string{"docx:MS Word 2007 XML", "doc:MS Word 97", "odt", "html:HTML (StarWriter)"}},
		{[]string{tasks}, "", []string{"pdf"}},
		{web, "HTML (StarWriter)", []string{"docx:MS Word 2007 XML", "doc:MS Word 97", "odt"}},
		{calc, "", []string{"xlsx:Calc MS Excel 2007 XML", "xls:MS Excel 97", "ods"}},
	} {
		for _, to := range c.to {
			args := []string{"--convert-to", to, "--outdir", dir}
			if c.infiler != "" {
				args = append([]string{"--infilter=" + c.infiler}, args...)
			}
			if err := soffice(dir, append(args, c.files...)...); err != nil {
				return dir, err
			}
		}
	}
	return dir, nil
}

// soffice runs LibreOffice with a profile of the test's own; the timeout
// only catches a hang.
func soffice(dir string, args ...string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	profile := (&url.URL{Scheme: "file", Path: filepath.Join(dir, "profile")}).String()
	cmd := exec.CommandContext(ctx, "soffice", append([]string{"-env:UserInstallation=" + profile, "--headless", "--norestore", "--nolockcheck"}, args...)...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("soffice %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return nil
}

// readAs is what the reader reads each format as, after LibreOffice
// converts it when it must.
var readAs = map[string]string{
	"docx": "docx", "doc": "docx", "odt": "docx", "fodt": "docx", "html": "html",
	"xlsx": "xlsx", "xls": "xlsx", "ods": "xlsx", "fods": "xlsx",
}

// TestOfficeFiles reads every fixture in every format and compares it with
// its golden.
func TestOfficeFiles(t *testing.T) {
	dir := converted(t)
	start := time.Now()
	t.Cleanup(func() {
		t.Logf("LibreOffice converted the fixtures in %v; reading them all took %v",
			officeFiles.took.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
	})
	for _, f := range fixtures {
		base := strings.TrimSuffix(f.source, filepath.Ext(f.source))
		for _, format := range f.formats {
			t.Run(f.source+"/"+format, func(t *testing.T) {
				t.Parallel()
				file := filepath.Join(dir, base+"."+format)
				if "."+format == filepath.Ext(f.source) {
					file = filepath.Join("testdata", f.source)
				}
				doc, err := Open(context.Background(), file, Options{})
				if err != nil {
					t.Fatal(err)
				}
				wantConverted := format
				if format == readAs[format] {
					wantConverted = ""
				}
				if doc.Format != readAs[format] || doc.Converted != wantConverted {
					t.Errorf("read as %q converted from %q, want %q from %q", doc.Format, doc.Converted, readAs[format], wantConverted)
				}
				why, skip := f.noParagraphs[format]
				if skip {
					t.Logf("paragraphs not compared: %s", why)
				}
				got, want := render(doc, !skip), golden(t, f.golden, !skip)
				if d := diff(got, want); d != "" {
					t.Errorf("%s reads otherwise than %s, at %s", file, f.golden, d)
				}
			})
		}
	}
}

// TestTableRunsOverPages: tasks.fodt's table breaks across pages, so its
// repeated heading row is what the reader sees in every format.
func TestTableRunsOverPages(t *testing.T) {
	dir := converted(t)
	pdf, err := os.ReadFile(filepath.Join(dir, "tasks.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	pages := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1))
	if pages < 3 {
		t.Fatalf("tasks.fodt prints on %d pages; it must run over several for the test to mean anything", pages)
	}
	docx, err := os.ReadFile(filepath.Join(dir, "tasks.docx"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(context.Background(), "tasks.docx", docx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Tables) != 1 || doc.Tables[0].HeaderRows != 1 || len(doc.Tables[0].Rows) != 9 {
		t.Fatalf("tasks.docx: error: want one table of 9 rows with one heading row, got %+v", doc.Tables)
	}
}
