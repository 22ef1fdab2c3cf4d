package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"plansite/internal/foldertest"
)

func runArgs(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// usageCommands are the commands the usage text lists, so that a command
// added there is held to the same rules as the others.
func usageCommands(t *testing.T) []string {
	t.Helper()
	var cmds []string
	for _, line := range strings.Split(usage, "\n") {
		// The lines of the list, indented: "  plansite build   [-content DIR] …".
		if rest, ok := strings.CutPrefix(line, "  plansite "); ok {
			cmds = append(cmds, strings.Fields(rest)[0])
		}
	}
	if len(cmds) < 5 {
		t.Fatalf("the usage text lists %d commands: %v", len(cmds), cmds)
	}
	return cmds
}

// Every command's -h (and -help, --help) prints its flags and exits 0, as
// asking for help is no mistake; a flag it does not have exits 2.
func TestHelp(t *testing.T) {
	for _, cmd := range usageCommands(t) {
		for _, h := range []string{"-h", "-help", "--help"} {
			code, stdout, stderr := runArgs(cmd, h)
			if code != 0 || !strings.Contains(stderr, "Usage of plansite "+cmd) || stdout != "" {
				t.Errorf("%s %s: exit %d, stdout %q, stderr %q", cmd, h, code, stdout, stderr)
			}
		}
		if code, _, stderr := runArgs(cmd, "-no-such-flag"); code != 2 || !strings.Contains(stderr, "-no-such-flag") {
			t.Errorf("%s -no-such-flag: exit %d, stderr %q; want 2 and the flag named", cmd, code, stderr)
		}
	}
	if code, out, _ := runArgs("-h"); code != 0 || !strings.Contains(out, "plansite build") {
		t.Errorf("-h: exit %d, %q", code, out)
	}
	if code, _, _ := runArgs("frobnicate"); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
	if code, out, _ := runArgs("version"); code != 0 || !strings.HasPrefix(out, "plansite ") {
		t.Errorf("version: exit %d, %q", code, out)
	}
	// The usage's examples name some commands again.
	listed := slices.Compact(slices.Sorted(slices.Values(usageCommands(t))))
	if named := slices.Sorted(slices.Values(commands)); !slices.Equal(listed, named) {
		t.Errorf("the usage lists the commands %q, the error of a mistyped one names %q", listed, named)
	}
}

// TestMistakesInOneLine: a mistyped command or flag, or a folder or file
// given where the command goes, is said in one line that names what was
// likely meant, with exit status 2.
func TestMistakesInOneLine(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "mysite")
	if err := os.MkdirAll(filepath.Join(site, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(dir, "通知.docx")
	if err := os.WriteFile(doc, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"biuld"}, `unknown command "biuld"; did you mean build?`},
		{[]string{"serv", site}, "did you mean serve?"},
		{[]string{"frobnicate"}, "the commands are build, serve, check, new, import and version"},
		{[]string{"-out", "x", "build"}, "-out is not a command: the command comes first, then its flags, as in plansite build -out …"},
		{[]string{"--version"}, "did you mean version?"},
		{[]string{dir}, "the commands are build"}, // a folder without content/: no site to offer
		{[]string{site}, "is a site folder, not a command: plansite build " + site + " builds its site"},
		{[]string{doc}, "is a file, not a command: if it is a plan's document, plansite new DIR " + doc},
		{[]string{"build", "-ot", "x"}, "plansite build: flag provided but not defined: -ot; did you mean -out? (plansite build -h lists the flags)"},
		{[]string{"serve", "--adr", ":1"}, "did you mean -addr?"},
		{[]string{"build", site, "-templtes", "t"}, "did you mean -templates?"},
		{[]string{"check", "-zzz"}, "plansite check: flag provided but not defined: -zzz (plansite check -h lists the flags)"},
		{[]string{"new", "-table", "x", site}, `plansite new: invalid value "x" for flag -table`},
	} {
		code, stdout, stderr := runArgs(tt.args...)
		if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, tt.want) {
			t.Errorf("plansite %s: exit %d, stdout %q, stderr %q; want exit 2 and one line with %q", strings.Join(tt.args, " "), code, stdout, stderr, tt.want)
		}
	}
}

func TestImportMatchesContent(t *testing.T) {
	code, out, stderr := runArgs("import", "../../seeds/000_1cf80931ab39ded8.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want, err := os.ReadFile("../../content/tasks.csv")
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Error("plansite import of the seed differs from content/tasks.csv")
	}
}

func TestBuildErrorExitsOne(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	if err := os.MkdirAll(content, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"site.toml", "departments.csv"} {
		b, err := os.ReadFile("../../content/" + f)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(content, f), b, 0o644)
	}
	os.WriteFile(filepath.Join(content, "tasks.csv"), []byte("序号,主要措施,牵头部门\n1,措施。,市科技局\nx,措施。,市科技局\n"), 0o644)
	out := filepath.Join(dir, "public")
	code, _, stderr := runArgs("build", "-content", content, "-templates", "../../templates", "-static", "../../static", "-out", out)
	if code != 1 || !strings.Contains(stderr, filepath.Join(content, "tasks.csv")+":3:1:") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a failed build created %s", out)
	}
	os.WriteFile(filepath.Join(content, "tasks.csv"), []byte("序号,主要措施,牵头部门\n1,措施。,市科技局\n"), 0o644)
	code, _, stderr = runArgs("build", "-content", content, "-templates", "../../templates", "-static", "../../static", "-out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "tasks", "1", "index.html")); err != nil {
		t.Error(err)
	}
}

// TestBuildBadBaseURLFlag: -base-url is checked as base_url of site.toml
// is, and the message names the flag rather than a file.
func TestBuildBadBaseURLFlag(t *testing.T) {
	tests := []struct{ url, want string }{
		{"http://user:pw@x/", `plansite: -base-url "http://user:pw@x/": must not carry a user name or password (user:pass@)` + "\n"},
		{"https://x:99999/", `plansite: -base-url "https://x:99999/": has port "99999"; a port is a number from 1 to 65535` + "\n"},
		{"example.org/plan/", `plansite: -base-url "example.org/plan/": must be an absolute http(s) address, such as https://example.org/plan/` + "\n"},
	}
	for _, tt := range tests {
		out := filepath.Join(t.TempDir(), "public")
		code, _, stderr := runArgs("build", "-base-url", tt.url, "-out", out)
		if code != 1 || stderr != tt.want {
			t.Errorf("-base-url %s: exit %d, stderr %q; want 1, %q", tt.url, code, stderr, tt.want)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("a failed build created %s", out)
		}
	}
}

// TestDeterministicAcrossCores builds the site three times in separate
// processes, with one and with two cores, and compares every file's hash.
func TestDeterministicAcrossCores(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "plansite")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	var first foldertest.Tree
	for i, procs := range []string{"1", "2", "2"} {
		out := filepath.Join(dir, fmt.Sprintf("public%d", i))
		cmd := exec.Command(bin, "build", "-content", "../../content", "-templates", "../../templates", "-static", "../../static", "-out", out)
		cmd.Env = append(os.Environ(), "GOMAXPROCS="+procs)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("build %d: %v\n%s", i, err, b)
		}
		site := foldertest.Snapshot(t, out)
		if len(site) < 50 {
			t.Fatalf("build %d wrote only %d files", i, len(site))
		}
		if first == nil {
			first = site
			continue
		}
		foldertest.Unchanged(t, fmt.Sprintf("build %d (GOMAXPROCS=%s), from build 0,", i, procs), first, site)
	}
}

func TestCheckExitStatus(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.toml", "title = \"测试\"\nbase_url = \"https://example.org/\"\n")
	write("tasks.csv", "序号,主要措施,时间节点,牵头部门\n1,措施。,尽快完成,市甲局\n")
	var out, errOut bytes.Buffer
	if code := run([]string{"check", "-content", dir}, &out, &errOut); code != 0 {
		t.Errorf("warnings only: exit %d, want 0\n%s%s", code, out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), `tasks.csv:2:7: warning: task 1: cannot read the date of timeline clause "尽快完成"`) {
		t.Errorf("output lacks the warning:\n%s", out.String())
	}
	write("tasks.csv", "序号,主要措施,时间节点,牵头部门\n1,措施。,2020年。,市甲局\n1,措施。,2020年。,市甲局\n")
	out.Reset()
	if code := run([]string{"check", "-content", dir}, &out, &errOut); code != 1 {
		t.Errorf("an error: exit %d, want 1\n%s", code, out.String())
	}
	if !strings.Contains(out.String(), "tasks.csv:3:1: error: 序号 1 appears twice (first on line 2)") {
		t.Errorf("output lacks the error:\n%s", out.String())
	}
}

// build -out refuses, with status 1, before anything is written, every
// folder whose replacement would destroy something that is not a previous
// build; it replaces a previous build and fills an empty folder.
func TestBuildRefusesOutput(t *testing.T) {
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	at := func(p string) string { return filepath.Join(root, filepath.FromSlash(p)) }
	write := func(name, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(at(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(at(name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"site.toml", "departments.csv"} {
		b, err := os.ReadFile("../../content/" + f)
		if err != nil {
			t.Fatal(err)
		}
		write("site/content/"+f, string(b))
	}
	write("site/content/tasks.csv", "序号,主要措施,牵头部门\n1,措施。,市科技局\n")
	// Copies, so that a broken check can never touch the repository's own.
	for _, dir := range []string{"templates", "static"} {
		foldertest.CopyInto(t, "../../"+dir, at("site"))
	}
	templates, static := at("site/templates"), at("site/static")
	write("home/notes.txt", "mine")
	write("other/keep.txt", "mine")
	write("file.txt", "mine")
	if err := os.Mkdir(at("empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(at("site/content"), at("link")); err != nil {
		t.Fatal(err)
	}
	// lnk/../content is site/content to the OS, which follows lnk first.
	if err := os.Symlink("site/templates", at("lnk")); err != nil {
		t.Fatal(err)
	}
	// A folder of other files that holds a forged marker.
	write("forged/user.html", "mine")
	write("forged/.plansite-build", "x\n")
	// Sites an older plansite built, its marker a fixed text that lists
	// nothing: one holds a file of the user's too.
	const oldMarker = "# This folder was made by plansite build.\n# The next build replaces it whole: files added here by hand are deleted.\n"
	write("oldsite/.plansite-build", oldMarker)
	write("oldsite/index.html", "old")
	write("oldsite/user.html", "mine")
	write("oldpublic/.plansite-build", oldMarker)
	write("oldpublic/index.html", "old")
	write("oldpublic/tasks/1/index.html", "old")
	t.Setenv("HOME", at("home"))
	build := func(content, out string) (int, string) {
		t.Helper()
		args := []string{"build", "-templates", templates, "-static", static, "-out", out}
		if content != "" {
			args = append(args, "-content", content)
		}
		code, _, stderr := runArgs(args...)
		return code, stderr
	}
	if code, stderr := build(at("site/content"), at("public")); code != 0 {
		t.Fatalf("first build: exit %d: %s", code, stderr)
	}
	// A web root of other files into which a site was copied whole,
	// marker and all (rsync -a public/ www/).
	write("www/user.html", "mine")
	for p, f := range foldertest.Read(t, at("public")) {
		write("www/"+p, string(f.Data))
	}

	content := at("site/content")
	q := func(p string) string { return fmt.Sprintf("%q", p) }
	cases := []struct {
		name, dir, content, out, want string
	}{
		// Run in site/, where content/ is also the folder used by default.
		{"out is the content folder", "site", "content", "content",
			"plansite: -out \"content\": the output folder is the content folder; it would be deleted. Choose another folder, such as public\n"},
		{"out is ./content, used by default", "site", "", "./content", "the output folder is the content folder"},
		{"out is .", "site", "content", ".", "plansite: -out \".\": the output folder is the current folder; it would be deleted."},
		{"out is inside the content folder", "", content, at("site/content/public"),
			"the output folder is inside the content folder " + q(content) + "; the site would be mixed into the input of the next build"},
		{"the content folder is inside out", "", content, at("site"),
			"plansite: -out " + q(at("site")) + ": the output folder holds the content folder " + q(content) + "; it would be deleted."},
		{"out is the home folder", "", content, at("home"), "the output folder is the home folder; it would be deleted."},
		{"out is a link to the content folder", "", content, at("link"), "-out " + q(at("link")) + ": the output folder is the content folder"},
		{"out is the templates folder", "", content, templates, "the output folder is the templates folder"},
		{"out is not made by plansite", "", content, at("other"),
			"-out " + q(at("other")) + `: the folder is not empty (it holds the file "keep.txt") and has no .plansite-build file, so plansite did not make it; replacing it would delete what it holds.`},
		{"out holds a forged marker", "", content, at("forged"),
			"-out " + q(at("forged")) + `: its .plansite-build file is not a marker plansite wrote, so plansite did not make the folder; replacing the folder would delete the file "user.html" and all else it holds.`},
		{"out holds a copy of a site and other files", "", content, at("www"),
			"-out " + q(at("www")) + `: the folder holds the file "user.html", which the last build did not write (its .plansite-build lists what it wrote); replacing the folder would delete it. Move it out of the folder`},
		{"out holds an older plansite's site and a file of the user's", "", content, at("oldsite"),
			"-out " + q(at("oldsite")) + `: its .plansite-build file was written by an older plansite, which did not list the files it wrote, and it holds the file "user.html", which this build does not write; replacing the folder would delete it.`},
		{"out is inside the content folder reached through a link and ..", ".", "lnk/../content", "site/content/public",
			`-out "site/content/public": the output folder is inside the content folder "lnk/../content"`},
		{"out is a file", "", content, at("file.txt"), "-out " + q(at("file.txt")) + ": it is a file, not a folder; it would be replaced."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.dir != "" {
				t.Chdir(at(tc.dir))
			}
			before := foldertest.Snapshot(t, root)
			code, stderr := build(tc.content, tc.out)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if !strings.Contains(stderr, tc.want) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("stderr %q\nwant one line with %q", stderr, tc.want)
			}
			foldertest.Unchanged(t, root, before, foldertest.Snapshot(t, root))
		})
	}

	// A previous build is replaced, an empty folder filled, and so is a
	// site an older plansite built that holds nothing the build does not
	// write.
	for _, out := range []string{"public", "empty", "oldpublic"} {
		if code, stderr := build(content, at(out)); code != 0 {
			t.Errorf("build into %s: exit %d: %s", out, code, stderr)
		}
		for _, f := range []string{".plansite-build", "tasks/1/index.html"} {
			if _, err := os.Stat(filepath.Join(at(out), filepath.FromSlash(f))); err != nil {
				t.Error(err)
			}
		}
	}
}

// A bad -allow-host stops serve before it listens (the address below, not this machine's, could
// not be listened on either, with another message), naming the name.
func TestServeBadAllowHost(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-allow-host", "preview.lan:1313"}, `plansite: -allow-host "preview.lan:1313": a port; give the name alone`},
		{[]string{"-allow-host", "a.lan,http://b.lan/"}, `plansite: -allow-host "http://b.lan/": a URL;`},
		{[]string{"-allow-host", "a.lan", "-allow-host", "b.lan,,c.lan"}, `plansite: -allow-host "": an empty name`},
	} {
		code, _, stderr := runArgs(append([]string{"serve", "-addr", "192.0.2.1:1313"}, tt.args...)...)
		if code != 1 || !strings.HasPrefix(stderr, tt.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("serve %v: exit %d, stderr %q; want 1, %q…", tt.args, code, stderr, tt.want)
		}
	}
}
