//go:build unix

package output

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"syscall"
	"time"
)

// openNoFollow opens the file name for reading, but not through a link.
func openNoFollow(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDONLY|syscall.O_NOFOLLOW, 0)
}

// tryLock takes the exclusive lock of the open file f if no one holds it.
// The lock lasts until f is closed, or the process ends, however it ends:
// a folder whose marker can be locked is no build's.
func tryLock(f *os.File) (bool, error) {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil:
			return true, nil
		case err == syscall.EWOULDBLOCK:
			return false, nil
		case err != syscall.EINTR:
			return false, &fs.PathError{Op: "lock", Path: f.Name(), Err: err}
		}
	}
}

// lockFolder takes the lock of the folder dir, waiting for any other build
// that holds it, until ctx ends. Builds hold it while they make or remove
// temporary folders in dir and while they swap sites, so that no build
// takes another's temporary folder, just made and not yet marked, for a
// stale one, and two swaps do not interleave. On a file system without
// locks (some network ones) the build goes on without it.
func lockFolder(ctx context.Context, dir string) (unlock func(), err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	for {
		ok, err := tryLock(f)
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) && (pe.Err == syscall.ENOLCK || pe.Err == syscall.EOPNOTSUPP || pe.Err == syscall.EBADF || pe.Err == syscall.EINVAL) {
				return func() { f.Close() }, nil
			}
			f.Close()
			return nil, err
		}
		if ok {
			return func() { f.Close() }, nil
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, context.Cause(ctx)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// sameFile reports whether a and b describe one file; known is false when
// their system data cannot tell.
func sameFile(a, b fs.FileInfo) (same, known bool) {
	sa, ok1 := a.Sys().(*syscall.Stat_t)
	sb, ok2 := b.Sys().(*syscall.Stat_t)
	if !ok1 || !ok2 {
		return false, false
	}
	return sa.Dev == sb.Dev && sa.Ino == sb.Ino, true
}

// moveRefused reports whether renaming a folder failed because it is a
// mount point (EBUSY) or the new place is on another mount (EXDEV).
func moveRefused(err error) bool {
	return errors.Is(err, syscall.EBUSY) || errors.Is(err, syscall.EXDEV)
}

// otherDevice reports whether the folder dir is on another device than the
// folder that holds it: a mount point.
func otherDevice(dir string) (bool, error) {
	var st, up syscall.Stat_t
	if err := syscall.Lstat(dir, &st); err != nil {
		return false, &fs.PathError{Op: "lstat", Path: dir, Err: err}
	}
	if err := syscall.Stat(dir+"/..", &up); err != nil {
		return false, &fs.PathError{Op: "stat", Path: dir + "/..", Err: err}
	}
	return st.Dev != up.Dev, nil
}
