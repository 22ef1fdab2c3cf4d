package seed

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"plansite/internal/problem"
	"reflect"
	"strings"
	"testing"
)

func FuzzImport(f *testing.F) {
	if data, err := os.ReadFile(seedPath); err == nil {
		f.Add(data)
	} else {
		f.Error(err)
	}
	good := rowText("1", "（一）甲", "m1", "t1", "l1", "c1")
	for _, s := range []string{
		"",
		title,
		doc(good),
		doc(good, rowText("2", "", "m2", "t2", "l2", "c2")),
		doc("\t1\n\t（一）甲\n\tm\n\t2020年；\n2022年。\n\tl\n\tc\n"),
		doc(good) + "\n\n16\n\n",
		strings.ReplaceAll(doc(good), "\n", "\r\n"),
		"\uFEFF" + doc(good),
		doc(rowText("4", "甲", "m", "t", "l", "市科技局\u3000")),
		doc(rowText("1", "", "m", "t", "l", "c")),
		doc(rowText("x", "a", "m", "t", "l", "c")),
		doc(rowText("1", "a", "m", "t", "l")),
		doc(good, "第二页\n"),
		doc("\t1\n\ta\xff\n\tm\n\tt\n\tl\n\tc\n"),
		doc("\t1\n\ta\r\r\n\tm\n\tt\n\tl\n\tc\n"),
		doc(rowText("1", `a,"b"`, " m", "\\.", "\tl", "c\r")),
	} {
		f.Add([]byte(s))
	}

	const name = "fuzz.txt"
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := Import(name, data)
		if err != nil {
			var e *problem.Problem
			if !errors.As(err, &e) {
				t.Fatalf("error %v is %T, want *problem.Problem", err, err)
			}
			if e.Line < 1 || e.Col < 1 {
				t.Fatalf("error %v has position %d:%d, want both >= 1", err, e.Line, e.Col)
			}
			if !strings.Contains(err.Error(), name) {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		if len(rows) == 0 {
			t.Fatal("Import returned no rows and no error")
		}
		for i, row := range rows {
			if len(row) != len(Header) {
				t.Fatalf("row %d has %d cells", i+1, len(row))
			}
		}

		var buf bytes.Buffer
		if err := WriteCSV(&buf, rows); err != nil {
			t.Fatalf("WriteCSV: %v", err)
		}
		back, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatalf("reading back CSV: %v", err)
		}
		if len(back) == 0 || !reflect.DeepEqual(back[0], Header) {
			t.Fatalf("CSV header = %q, want %q", back[:min(1, len(back))], Header)
		}
		if !reflect.DeepEqual(back[1:], rows) {
			t.Fatalf("CSV round trip changed rows:\n got %q\nwant %q", back[1:], rows)
		}
	})
}
