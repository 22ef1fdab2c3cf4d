package load

import (
	"os"
	"testing"

	"plansite/internal/config"
	"plansite/internal/synth"
)

// BenchmarkReadTables reads the task table and departments.csv of a
// 10,000-task synthetic table: the decoder's share of a build or check.
func BenchmarkReadTables(b *testing.B) {
	dir := b.TempDir()
	if err := synth.Write(dir, 10000, 1); err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(dir)
	cfg, err := config.ReadConfig(fsys, "content")
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := ReadTables(fsys, "content", cfg); err != nil {
			b.Fatal(err)
		}
	}
}
