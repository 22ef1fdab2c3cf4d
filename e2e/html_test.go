//go:build e2e

package e2e

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// vnuMessage is one message of the Nu HTML Checker's JSON output.
type vnuMessage struct {
	Type     string `json:"type"`
	SubType  string `json:"subType"`
	URL      string `json:"url"`
	LastLine int    `json:"lastLine"`
	FirstCol int    `json:"firstColumn"`
	Message  string `json:"message"`
	Extract  string `json:"extract"`
}

// TestHTML validates every HTML file of the built site with the Nu HTML
// Checker: zero errors.
func TestHTML(t *testing.T) {
	var files []string
	err := filepath.WalkDir(env.out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	htmlErrors.ran.Store(true)
	htmlErrors.want.Store(1)
	if len(files) == 0 {
		t.Fatal("the build has no HTML files")
	}
	sort.Strings(files)
	msgs := validateHTML(t, files)
	n := 0
	for _, m := range msgs {
		n++
		file := strings.TrimPrefix(m.URL, "file:")
		if rel, err := filepath.Rel(env.out, file); err == nil {
			file = "public/" + filepath.ToSlash(rel)
		}
		t.Errorf("%s:%d:%d: %s: %s\n    %s", file, m.LastLine, m.FirstCol, m.Type, m.Message, m.Extract)
	}
	htmlErrors.set(int64(n))
	t.Logf("Nu HTML Checker: %d files, %d errors", len(files), n)
}

// validateHTML runs the Nu HTML Checker on files and returns its errors.
func validateHTML(t *testing.T, files []string) []vnuMessage {
	t.Helper()
	args := append([]string{"-jar", env.vnuJar, "--errors-only", "--format", "json"}, files...)
	cmd := exec.Command(env.java, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run() // exit status 1 when there are errors: judged from the report
	var report struct {
		Messages []vnuMessage `json:"messages"`
	}
	out := stderr.Bytes() // vnu writes its report to standard error
	if len(bytes.TrimSpace(out)) == 0 {
		out = stdout.Bytes()
	}
	if err := json.Unmarshal(out, &report); err != nil {
		t.Fatalf("vnu.jar: %v (%v)\n%s%s", err, runErr, stdout.Bytes(), stderr.Bytes())
	}
	var errs []vnuMessage
	for _, m := range report.Messages {
		if m.Type != "info" { // error and non-document-error; info would be a warning
			errs = append(errs, m)
		}
	}
	if len(errs) == 0 && runErr != nil {
		t.Fatalf("vnu.jar exited with %v but reported nothing:\n%s", runErr, stderr.Bytes())
	}
	return errs
}
