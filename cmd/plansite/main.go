// Command plansite publishes a plan's task table as a static website.
//
//	plansite build  [-content DIR] [-templates DIR] [-static DIR] [-out DIR] [-base-url URL]
//	plansite serve  [-addr 127.0.0.1:1313] [-allow-host NAME[,NAME]] [-content DIR] [-templates DIR] [-static DIR]
//	plansite check  [-content DIR]
//	plansite import [-o FILE] SEED.txt
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
	"strings"
	"syscall"

	"plansite"
	"plansite/internal/cli"
	"plansite/internal/problem"
)

// version is set at link time: -ldflags "-X main.version=v1.2.3".
var version = "dev"

const usage = `plansite publishes a government plan's task table (任务分工表) as a static website.

Usage:
  plansite build   [-content DIR] [-templates DIR] [-static DIR] [-out DIR] [-base-url URL]
  plansite serve   [-addr 127.0.0.1:1313] [-allow-host NAME[,NAME]] [-content DIR] [-templates DIR] [-static DIR]
  plansite check   [-content DIR]
  plansite import  [-o FILE] SEED.txt
  plansite version

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
		inputFlags(fl, &o.Content, &o.Templates, &o.Static)
		fl.StringVar(&o.Out, "out", "public", "output folder: new, empty or holding only what the last build wrote (as its .plansite-build lists); replaced only when the build succeeds")
		fl.StringVar(&o.BaseURL, "base-url", "", "absolute URL the site is published at (default: base_url of site.toml)")
		if code, done := parse(fl, args); done {
			return code
		}
		ctx, stop := stopOnSignal(o.Out)
		defer stop()
		err = cli.Build(ctx, o, plansite.Source, version, stderr)
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
		inputFlags(fl, &o.Content, &o.Templates, &o.Static)
		if code, done := parse(fl, args); done {
			return code
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		err = cli.Serve(ctx, o, plansite.Source, version, stderr)
	case "check":
		content := fl.String("content", "", "content folder (default: ./content if present, else the bundled plan)")
		if code, done := parse(fl, args); done {
			return code
		}
		if err := cli.Check(*content, plansite.Source, stdout); err != nil {
			var found cli.ErrFound
			if errors.As(err, &found) {
				return 1 // each problem is printed already
			}
			problem.Print(stderr, "plansite", err)
			return 1
		}
		return 0
	case "import":
		out := fl.String("o", "", "write the CSV to this file instead of standard output")
		if code, done := parse(fl, args); done {
			return code
		}
		if fl.NArg() != 1 {
			fmt.Fprintln(stderr, "usage: plansite import [-o FILE] SEED.txt")
			return 2
		}
		err = cli.Import(fl.Arg(0), *out, stdout)
	case "version":
		if code, done := parse(fl, args); done {
			return code
		}
		fmt.Fprintln(stdout, "plansite", version)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
	default:
		fmt.Fprintf(stderr, "plansite: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	if err != nil {
		problem.Print(stderr, "plansite", err)
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

// parse parses a command's flags; done means exit now with code (0 after -h).
func parse(fl *flag.FlagSet, args []string) (code int, done bool) {
	err := fl.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0, true
	case err != nil:
		return 2, true
	}
	return 0, false
}

// inputFlags are the flags that name the input folders, the same for every
// command that builds.
func inputFlags(fl *flag.FlagSet, content, templates, static *string) {
	fl.StringVar(content, "content", "", "content folder (default: ./content if present, else the bundled plan)")
	fl.StringVar(templates, "templates", "", "templates folder (default: ./templates if present, else the bundled ones)")
	fl.StringVar(static, "static", "", "static files folder (default: ./static if present, else the bundled ones)")
}
