package document

import (
	"bytes"
	"context"
	"errors"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// convert has LibreOffice convert a document (its bytes, with the
// extension LibreOffice is told) to target, "docx" or "xlsx", and gives the
// result's bytes. It works in a temporary folder of its own, removed after,
// with a LibreOffice profile of its own in it, so that conversions running
// at once do not collide and nothing is left in the user's home; the input
// is a copy under a plain name, so no file name can be taken for an option.
// A conversion that takes longer than the timeout is killed with every
// process it started.
func convert(ctx context.Context, file string, data []byte, ext, target string, opt Options) ([]byte, error) {
	prog := opt.Soffice
	if prog == "" {
		prog = "soffice"
	}
	bin, err := exec.LookPath(prog)
	if err != nil {
		return nil, noSoffice(file, target)
	}
	timeout := opt.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	tmp, err := os.MkdirTemp("", "plansite-convert-")
	if err != nil {
		return nil, fileError(file, "cannot convert the document: %v", err)
	}
	defer os.RemoveAll(tmp)
	in := filepath.Join(tmp, "in", "document."+ext)
	out := filepath.Join(tmp, "out")
	if err := os.Mkdir(filepath.Dir(in), 0o700); err != nil {
		return nil, fileError(file, "cannot convert the document: %v", err)
	}
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return nil, fileError(file, "cannot convert the document: %v", err)
	}
	profile := (&url.URL{Scheme: "file", Path: filepath.Join(tmp, "profile")}).String()
	filter := map[string]string{"docx": "docx:MS Word 2007 XML", "xlsx": "xlsx:Calc MS Excel 2007 XML"}[target]
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation="+profile, "--headless", "--invisible",
		"--norestore", "--nologo", "--nodefault", "--nolockcheck", "--convert-to", filter, "--outdir", out, in)
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), "HOME="+tmp)
	var log limitedBuffer
	cmd.Stdout, cmd.Stderr = &log, &log
	cmd.WaitDelay = 5 * time.Second
	ownGroup(cmd)
	err = cmd.Run()
	killGroup(cmd) // what LibreOffice left running
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return nil, fileError(file, "LibreOffice took more than %v to convert the document, and was stopped; open it in Word or WPS and save it as .%s", timeout, target)
	}
	if ctx.Err() != nil {
		return nil, fileError(file, "the conversion was stopped: %v", ctx.Err())
	}
	result := filepath.Join(out, "document."+target)
	fi, serr := os.Stat(result)
	if serr != nil {
		why := lastLine(log.String())
		if err != nil {
			why = err.Error() + ": " + why
		}
		return nil, fileError(file, "LibreOffice could not convert the document (%s); is it damaged or protected by a password? Open it in Word or WPS and save it as .%s", why, target)
	}
	if fi.Size() > MaxFile {
		return nil, fileError(file, "LibreOffice made a .%s of %s of the document, over the limit of %s: is this the wrong file?", target, byteCount(fi.Size()), megabytes(MaxFile))
	}
	return os.ReadFile(result)
}

func noSoffice(file, target string) error {
	pkg, app := "libreoffice-writer-nogui", "Word or WPS"
	if target == "xlsx" {
		pkg, app = "libreoffice-calc-nogui", "Excel or WPS"
	}
	return fileError(file, "reading this file needs LibreOffice to convert it, and LibreOffice (soffice) is not installed: install it (apt-get install %s), or open the file in %s and save it as .%s", pkg, app, target)
}

// lastLine is the last line of LibreOffice's output that says something.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.TrimSpace(lines[i])
		if l != "" && !strings.Contains(l, "javaldx") {
			return l
		}
	}
	return "it says nothing"
}

// limitedBuffer keeps the first 64 KB written to it: LibreOffice's messages.
type limitedBuffer struct{ bytes.Buffer }

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := 64<<10 - b.Len(); room > 0 {
		b.Buffer.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}
