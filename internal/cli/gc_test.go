package cli

import (
	"testing"
	"testing/fstest"
)

// A content folder's size counts every file, a portal's plans' tables too.
func TestContentSize(t *testing.T) {
	for _, c := range []struct {
		name string
		fs   fstest.MapFS
		want int64
	}{
		{"plan", fstest.MapFS{"tasks.csv": {Data: make([]byte, 1000)}, "site.toml": {Data: make([]byte, 10)}}, 1010},
		{"portal", fstest.MapFS{"departments.csv": {Data: make([]byte, 5)},
			"plans/2022/tasks.csv": {Data: make([]byte, 700)}, "plans/2023/tasks.csv": {Data: make([]byte, 300)}}, 1005},
		{"empty", fstest.MapFS{}, 0},
	} {
		if got := contentSize(c.fs); got != c.want {
			t.Errorf("%s: contentSize = %d, want %d", c.name, got, c.want)
		}
	}
}
