//go:build unix

package document

import (
	"os"
	"os/exec"
	"syscall"
)

// openFlags open a document without waiting: a named pipe would wait for a
// writer for ever.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK

// ownGroup starts the command in a process group of its own: soffice
// starts soffice.bin, and a timeout must stop both.
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}

// killGroup stops whatever of the command's process group still runs.
func killGroup(cmd *exec.Cmd) {
	if cmd.Process != nil {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
