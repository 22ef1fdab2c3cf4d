//go:build unix && !linux

package output

// isMountPoint reports whether the folder dir is a mount point, which
// cannot be renamed.
func isMountPoint(dir string) (bool, error) { return otherDevice(dir) }
