// Command plansite publishes a plan's task table as a static website.
//
//	plansite build  [DIR] [-out DIR/public] [-base-url URL] [-content DIR] [-templates DIR] [-static DIR]
//	plansite serve  [DIR] [-addr 127.0.0.1:1313] [-allow-host NAME[,NAME]] [-content …] [-templates …] [-static …]
//	plansite check  [DIR] [-content …] [-templates …] [-static …]
//	plansite new    DIR [DOCUMENT] [-table N]
//	plansite import DOCUMENT [-o FILE] [-table N]
//	plansite version
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"plansite"
	"plansite/internal/cli"
	"plansite/internal/problem"
	"plansite/internal/textsim"
)

// version is set at link time: -ldflags "-X main.version=v1.2.3".
var version = "dev"

const usage = `plansite publishes a government plan's task table (任务分工表) as a static website.

Usage:
  plansite build   [DIR] [-out DIR/public] [-base-url URL] [-content DIR] [-templates DIR] [-static DIR]
  plansite serve   [DIR] [-addr 127.0.0.1:1313] [-allow-host NAME[,NAME]] [-content …] [-templates …] [-static …]
  plansite check   [DIR] [-content …] [-templates …] [-static …]
  plansite new     DIR [DOCUMENT] [-table N]
  plansite import  DOCUMENT [-o FILE] [-table N]
  plansite version

DIR is the site folder: it holds content/ (the task table, site.toml, pages) and,
if the site has its own, templates/ and static/. Without DIR, the current folder.
DOCUMENT is the plan as issued: a Word file (.docx, .doc, .wps, .rtf, .odt), a
web page (.html) or a workbook (.xlsx, .xls, .et, .ods); .doc and the like need
LibreOffice. To publish your own table:

  plansite new mysite 通知.docx    # mysite/content/ from the document
  plansite serve mysite            # preview at http://127.0.0.1:1313/
  plansite build mysite            # the site, in mysite/public/

Run "plansite COMMAND -h" for a command's flags.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, args := args[0], args[1:]
	fl := flag.NewFlagSet("plansite "+cmd, flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() {
		fmt.Fprintf(stderr, "Usage of plansite %s:\n", cmd)
		fl.PrintDefaults()
	}
	var err error
	switch cmd {
	case "build":
		var o cli.BuildFlags
		inputFlags(fl, &o.Inputs)
		fl.StringVar(&o.Out, "out", "", "output folder (default: DIR/public): new, empty or holding only what the last build wrote (as its .plansite-build lists); replaced only when the build succeeds")
		fl.StringVar(&o.BaseURL, "base-url", "", "absolute URL the site is published at (default: base_url of site.toml)")
		if code, done := parseSite(fl, args, &o.Dir, stderr); done {
			return code
		}
		ctx, stop := stopOnSignal(o.OutDir(o.Out))
		defer stop()
		err = cli.RunBuild(ctx, o, plansite.Source, version, stderr)
		var in interrupted
		if errors.As(err, &in) {
			problem.Print(stderr, "plansite", err)
			return in.status()
		}
	case "serve":
		var o cli.ServeFlags
		fl.StringVar(&o.Addr, "addr", "127.0.0.1:1313", "address to serve the preview on")
		fl.Func("allow-host", "other host `names` to answer, separated by commas (localhost, loopback addresses, the -addr host and, with -addr on all interfaces, the machine's addresses are answered already)", func(v string) error {
			o.AllowHosts = append(o.AllowHosts, strings.Split(v, ",")...)
			return nil
		})
		inputFlags(fl, &o.Inputs)
		if code, done := parseSite(fl, args, &o.Dir, stderr); done {
			return code
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		err = cli.Serve(ctx, o, plansite.Source, version, stderr)
	case "check":
		var in cli.Inputs
		inputFlags(fl, &in)
		if code, done := parseSite(fl, args, &in.Dir, stderr); done {
			return code
		}
		if err := cli.Check(in, plansite.Source, stdout); err != nil {
			var found cli.ErrFound
			if errors.As(err, &found) {
				return 1 // each problem is printed already
			}
			problem.Print(stderr, "plansite", err)
			return 1
		}
		return 0
	case "import":
		var o cli.ImportFlags
		fl.StringVar(&o.Out, "o", "", "write the CSV to this `FILE` (and merges.csv beside it) instead of standard output")
		fl.IntVar(&o.Table, "table", 0, "read table `N` of the document (from 1) instead of the one whose heading reads like a task table")
		args, code, done := parseArgs(fl, args, "DOCUMENT", 1, 1, stderr)
		if done {
			return code
		}
		o.Document = args[0]
		err = cli.Import(context.Background(), o, stdout, stderr)
	case "new":
		var o cli.NewFlags
		fl.IntVar(&o.Table, "table", 0, "read table `N` of the document (from 1) instead of the one whose heading reads like a task table")
		args, code, done := parseArgs(fl, args, "DIR [DOCUMENT]", 1, 2, stderr)
		if done {
			return code
		}
		o.Dir = args[0]
		if len(args) == 2 {
			o.Document = args[1]
		}
		err = cli.New(context.Background(), o, stderr)
	case "version":
		if code, done := parse(fl, args); done {
			return code
		}
		fmt.Fprintln(stdout, "plansite", version)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
	default:
		fmt.Fprintln(stderr, unknownCommand(cmd))
		return 2
	}
	if err != nil {
		if !errors.As(err, new(cli.ErrFound)) { // else each problem is printed already
			problem.Print(stderr, "plansite", err)
		}
		return 1
	}
	return 0
}

// stopOnSignal returns a context that ends at the first SIGINT or SIGTERM,
// its cause naming the signal, so that the build stops and removes what it
// wrote. A second signal ends the process at once, as it would without
// plansite's handler; the next build removes what that leaves.
func stopOnSignal(out string) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-sigs:
			signal.Stop(sigs)
			cancel(interrupted{s, out})
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		close(done)
		cancel(nil)
	}
}

// interrupted is the cause of a build stopped by a signal.
type interrupted struct {
	sig os.Signal
	out string // the -out folder
}

func (e interrupted) Error() string {
	name := e.sig.String()
	switch e.sig {
	case os.Interrupt:
		name = "SIGINT (Ctrl-C)"
	case syscall.SIGTERM:
		name = "SIGTERM"
	}
	return fmt.Sprintf("build stopped by %s: what it had written is removed, and -out %q is as it was", name, e.out)
}

// status is the exit status of a process a signal ended, as shells report
// it: 128 plus the signal's number (130 for SIGINT, 143 for SIGTERM).
func (e interrupted) status() int {
	if s, ok := e.sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 1
}

// commands are plansite's commands, for the error of one mistyped.
var commands = []string{"build", "serve", "check", "new", "import", "version"}

// unknownCommand is the one line said of a first argument that is no
// command: a site folder or a document given without one, or a typo.
func unknownCommand(cmd string) string {
	if fi, err := os.Stat(cmd); err == nil && cmd != "" {
		if !fi.IsDir() {
			return fmt.Sprintf("plansite: %q is a file, not a command: if it is a plan's document, plansite new DIR %s makes a site of it in DIR", cmd, cmd)
		}
		if fi, err := os.Stat(filepath.Join(cmd, "content")); err == nil && fi.IsDir() {
			return fmt.Sprintf("plansite: %q is a site folder, not a command: plansite build %s builds its site, plansite serve %s previews it", cmd, cmd, cmd)
		}
	}
	if near := textsim.Nearest(cmd, commands, 2); near != "" {
		return fmt.Sprintf("plansite: unknown command %q; did you mean %s? (plansite -h lists the commands)", cmd, near)
	}
	list := strings.Join(commands[:len(commands)-1], ", ") + " and " + commands[len(commands)-1]
	if strings.HasPrefix(cmd, "-") {
		return fmt.Sprintf("plansite: %s is not a command: the command comes first, then its flags, as in plansite build %s …; the commands are %s", cmd, cmd, list)
	}
	return fmt.Sprintf("plansite: unknown command %q; the commands are %s (plansite -h says what each does)", cmd, list)
}

// parse parses a command's flags; done means exit now with code (0 after
// -h, which prints the command's usage). A wrong flag is said in one line,
// with the flag it was likely meant to be, not followed by the usage.
func parse(fl *flag.FlagSet, args []string) (code int, done bool) {
	out, printUsage := fl.Output(), fl.Usage
	fl.SetOutput(io.Discard)
	fl.Usage = func() {}
	err := fl.Parse(args)
	fl.SetOutput(out)
	fl.Usage = printUsage
	switch {
	case errors.Is(err, flag.ErrHelp):
		printUsage()
		return 0, true
	case err != nil:
		fmt.Fprintln(out, flagError(fl, err))
		return 2, true
	}
	return 0, false
}

// flagError is the line said of a flag that could not be parsed.
func flagError(fl *flag.FlagSet, err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		var names []string
		fl.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		if near := textsim.Nearest(name, names, 2); near != "" {
			msg += "; did you mean -" + near + "?"
		}
	}
	return fmt.Sprintf("%s: %s (%s -h lists the flags)", fl.Name(), msg, fl.Name())
}

// inputFlags are the flags that name the input folders, the same for every
// command that reads a site.
func inputFlags(fl *flag.FlagSet, in *cli.Inputs) {
	fl.StringVar(&in.Content, "content", "", "content folder (default: DIR/content)")
	fl.StringVar(&in.Templates, "templates", "", "templates folder (default: DIR/templates if present, else the bundled ones)")
	fl.StringVar(&in.Static, "static", "", "static files folder (default: DIR/static if present, else the bundled ones)")
}

// parseSite parses a command's flags and its one optional argument, the
// site folder; dir is left empty without one.
func parseSite(fl *flag.FlagSet, args []string, dir *string, stderr io.Writer) (code int, done bool) {
	pos, code, done := parseArgs(fl, args, "DIR", 0, 1, stderr)
	if !done && len(pos) == 1 {
		*dir = pos[0]
	}
	return code, done
}

// parseArgs parses a command's flags and from min to max arguments, which
// may come before, between or after the flags. Too many or too few is an
// error in one line, never ignored. done means exit now with code (0 after
// -h).
func parseArgs(fl *flag.FlagSet, args []string, what string, min, max int, stderr io.Writer) (pos []string, code int, done bool) {
	for {
		if code, done := parse(fl, args); done {
			return nil, code, true
		}
		rest := fl.Args()
		if len(rest) == 0 {
			break
		}
		// flag stops at the first argument that is not a flag; the flags
		// after it are parsed in the next round. After "--" everything is
		// an argument.
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
	switch {
	case len(pos) > max:
		fmt.Fprintf(stderr, "%s: takes %s, but was given %d arguments: %s (flags come before or after them)\n", fl.Name(), what, len(pos), strings.Join(quoted(pos), ", "))
		return nil, 2, true
	case len(pos) < min:
		fmt.Fprintf(stderr, "%s: takes %s; see %s -h\n", fl.Name(), what, fl.Name())
		return nil, 2, true
	}
	return pos, 0, false
}

func quoted(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(s)
	}
	return out
}
