package load

import (
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"plansite/internal/config"
	"plansite/internal/plan"
)

// hugeFS is a content folder whose file big claims size bytes and, when
// read, gives bytes of a CSV cell up to a megabyte past MaxTableBytes,
// counting them: a table can be refused for its size without a test making
// the bytes.
type hugeFS struct {
	fstest.MapFS
	big  string
	size int64 // what Stat says
	read *int64
}

func (h hugeFS) Open(name string) (fs.File, error) {
	if name != h.big {
		return h.MapFS.Open(name)
	}
	return &endless{h: h}, nil
}

// ReadFile reads big through Open, as fs.ReadFile would without it: the
// MapFS's own would not find it.
func (h hugeFS) ReadFile(name string) ([]byte, error) {
	if name != h.big {
		return h.MapFS.ReadFile(name)
	}
	f, err := h.Open(name)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(f)
}

func (h hugeFS) Stat(name string) (fs.FileInfo, error) {
	if name != h.big {
		return fs.Stat(h.MapFS, name)
	}
	return fileInfo{name, h.size}, nil
}

type endless struct{ h hugeFS }

func (e *endless) Stat() (fs.FileInfo, error) { return fileInfo{e.h.big, e.h.size}, nil }
func (e *endless) Close() error               { return nil }
func (e *endless) Read(p []byte) (int, error) {
	left := MaxTableBytes + 1<<20 - *e.h.read
	if left <= 0 {
		return 0, io.EOF
	}
	p = p[:min(int64(len(p)), left)]
	for i := range p {
		p[i] = 'a'
	}
	*e.h.read += int64(len(p))
	return len(p), nil
}

type fileInfo struct {
	name string
	size int64
}

func (f fileInfo) Name() string       { return f.name }
func (f fileInfo) Size() int64        { return f.size }
func (f fileInfo) Mode() fs.FileMode  { return 0o644 }
func (f fileInfo) ModTime() time.Time { return time.Time{} }
func (f fileInfo) IsDir() bool        { return false }
func (f fileInfo) Sys() any           { return nil }

// A table over MaxTableBytes is refused before it is read when its size is
// known, and after MaxTableBytes+1 bytes when it is not (a file that says
// it is small, or grows); its size is never held in memory twice.
func TestTableTooLarge(t *testing.T) {
	const limit = "plansite reads a table of at most 128 MB (134,217,728 bytes): no real table is that large; is this the wrong file?"
	tests := []struct {
		name string
		file string
		size int64
		want string
	}{
		{"task table", "tasks.csv", 1 << 40, "content/tasks.csv: error: the file has 1,099,511,627,776 bytes; " + limit},
		{"workbook", "tasks.xlsx", MaxTableBytes + 1, "content/tasks.xlsx: error: the file has 134,217,729 bytes; " + limit},
		{"departments", "departments.csv", 300 << 20, "content/departments.csv: error: the file has 314,572,800 bytes; " + limit},
		{"progress file", "progress.csv", 1 << 30, "content/progress.csv: error: the file has 1,073,741,824 bytes; " + limit},
		{"task table that says it is small", "tasks.csv", 100, "content/tasks.csv: error: the file has more than 134,217,728 bytes; " + limit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			read := int64(0)
			fsys := hugeFS{MapFS: files(nil), big: tt.file, size: tt.size, read: &read}
			if tt.file == "tasks.xlsx" {
				delete(fsys.MapFS, "tasks.csv")
			}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, _, err := Read(fsys, "content")
			runtime.ReadMemStats(&after)
			if err == nil || err.Error() != tt.want {
				t.Fatalf("error %v\nwant  %s", err, tt.want)
			}
			if tt.size > MaxTableBytes && read > 0 {
				t.Errorf("read %d bytes of a file whose size says it is too large", read)
			}
			if read > MaxTableBytes+1<<20 {
				t.Errorf("read %d bytes, past the limit", read)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > allocFactor*MaxTableBytes {
				t.Errorf("allocated %d MB", alloc>>20)
			}
		})
	}
}

// A header of more columns than MaxColumns is refused at the first column
// over the limit, CSV or workbook, before its columns are read one by one.
func TestTooManyColumns(t *testing.T) {
	heading := func(n int) string {
		h := []string{"序号", "主要措施", "牵头部门"}
		for i := len(h); i < n; i++ {
			h = append(h, fmt.Sprintf("备注%d", i))
		}
		return strings.Join(h, ",")
	}
	const limit = "plansite reads at most 64: is this the wrong file, or a row of data where the header should be?"
	tests := []struct {
		name string
		file string
		data []byte
		want string // "" for a table that loads
	}{
		{"at the limit", "tasks.csv", []byte(heading(MaxColumns) + "\n1,措施。,市科技局" + strings.Repeat(",", MaxColumns-3) + "\n"), ""},
		{"one over", "tasks.csv", []byte(heading(MaxColumns+1) + "\n"), "content/tasks.csv:1:312: error: the table has 65 columns; " + limit},
		// A 1.4 MB header: checking each of its columns took 30 s.
		{"a hundred thousand", "tasks.csv", []byte(heading(100_000) + "\n"), "content/tasks.csv:1:312: error: the table has 100,000 columns; " + limit},
		{"departments.csv", "departments.csv", []byte("名称,slug" + strings.Repeat(",x", 200) + "\n"), "content/departments.csv:1:133: error: the table has 202 columns; " + limit},
		{"workbook", "tasks.xlsx", workbook(t, [][]string{strings.Split(heading(MaxColumns+1), ",")}), "content/tasks.xlsx:1:65: error: Sheet1!BM1: the table has 65 columns; " + limit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := files(nil)
			fsys[tt.file] = &fstest.MapFile{Data: tt.data}
			if tt.file == "tasks.xlsx" {
				delete(fsys, "tasks.csv")
			}
			var err error
			withDeadline(t, 20*time.Second, func() { _, err = ReadTables(fsys, "content", config.Config{Encoding: config.EncodingAuto}) })
			switch {
			case tt.want == "" && err != nil:
				t.Fatal(err)
			case tt.want != "" && (err == nil || err.Error() != tt.want):
				t.Fatalf("error %.300v\nwant  %s", err, tt.want)
			}
		})
	}
}

// counted is a rowSource of a header and rows copies of one row, counting
// the rows given: a table can be refused for its rows without a test
// making them.
type counted struct {
	header, row []string
	rows, given int
}

func (c *counted) record() int          { return c.given }
func (c *counted) merges() []plan.Merge { return nil }

func (c *counted) next() ([]string, []plan.Cell, error) {
	if c.given > c.rows {
		return nil, nil, io.EOF
	}
	c.given++
	if c.given == 1 {
		return c.header, cellRow(1, len(c.header)), nil
	}
	return c.row, cellRow(c.given, len(c.row)), nil
}

// A table of more rows than MaxRows is refused at the first row over the
// limit, as the rows are read: none below it is read.
func TestTooManyRows(t *testing.T) {
	src := &counted{header: []string{"名称", "slug"}, row: []string{"市科技局", "science"}, rows: MaxRows + 1000}
	_, err := records("content/departments.csv", src, tableKind{cols: departmentColumns})
	want := "content/departments.csv:200002:1: error: the table has more than 200,000 rows below its header; plansite reads at most 200,000: is this the wrong file?"
	if err == nil || err.Error() != want {
		t.Fatalf("error %v\nwant  %s", err, want)
	}
	if src.given != MaxRows+2 {
		t.Errorf("%d rows read; want the header and %d", src.given, MaxRows+1)
	}

	at := &counted{header: []string{"名称", "slug"}, row: []string{"市科技局", "science"}, rows: MaxRows}
	tab, err := records("content/departments.csv", at, tableKind{cols: departmentColumns})
	if err != nil || len(tab.rows) != MaxRows {
		t.Fatalf("a table at the limit: %v", err)
	}

	// A CSV file, through the whole reader.
	var b strings.Builder
	b.WriteString(header)
	for i := range MaxRows + 10 {
		fmt.Fprintf(&b, "%d,,措施。,,市科技局,\n", i+1)
	}
	_, err = ReadTables(files(map[string]*string{"tasks.csv": ptr(b.String())}), "content", config.Config{Encoding: config.EncodingAuto})
	want = "content/tasks.csv:200002:1: error: the table has more than 200,000 rows below its header; plansite reads at most 200,000: is this the wrong file?"
	if err == nil || err.Error() != want {
		t.Fatalf("error %v\nwant  %s", err, want)
	}
}

// withDeadline fails the test if fn has not returned within d: a guard
// against a hang, far above the time fn takes, not a measure of speed.
func withDeadline(t *testing.T, d time.Duration, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("not done after %v", d)
	}
}
