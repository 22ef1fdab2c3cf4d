//go:build !unix

package output

import (
	"context"
	"io/fs"
	"os"
)

func openNoFollow(name string) (*os.File, error) { return os.Open(name) }

// tryLock cannot lock here: every temporary folder counts as another
// build's, and none is removed.
func tryLock(f *os.File) (bool, error) { return false, nil }

func lockFolder(ctx context.Context, dir string) (func(), error) { return func() {}, nil }

func sameFile(a, b fs.FileInfo) (same, known bool) { return os.SameFile(a, b), true }

func moveRefused(err error) bool { return false }

func isMountPoint(dir string) (bool, error) { return false, nil }
