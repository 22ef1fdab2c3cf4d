//go:build unix

package inputfs

import (
	"os"
	"syscall"
)

// openFlags open a named pipe without waiting for a writer; for a regular
// file or a folder O_NONBLOCK changes nothing.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
