package output

import (
	"io/fs"

	"golang.org/x/sys/unix"
)

// isMountPoint reports whether the folder dir is a mount point, which
// cannot be renamed: statx says so of a bind mount of the same file system
// too (Linux 5.8 and later); older kernels are asked for the device.
func isMountPoint(dir string) (bool, error) {
	var st unix.Statx_t
	err := unix.Statx(unix.AT_FDCWD, dir, unix.AT_SYMLINK_NOFOLLOW, unix.STATX_BASIC_STATS, &st)
	if err != nil {
		return false, &fs.PathError{Op: "statx", Path: dir, Err: err}
	}
	if st.Attributes_mask&unix.STATX_ATTR_MOUNT_ROOT != 0 {
		return st.Attributes&unix.STATX_ATTR_MOUNT_ROOT != 0, nil
	}
	return otherDevice(dir)
}
