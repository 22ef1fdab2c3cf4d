package plan

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"
)

func TestSimilar(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"市规划和自然局", "市规划和自然资源局", true},
		{"市科技局", "市科学技术局", true},
		{"市财政局", "市财政厅", true},
		{"市工业和信息化局", "市工业和信息化委", true},
		{"市科技局", "市教育局", false},
		{"黄埔区政府", "番禺区政府", false},
		{"黄埔区政府", "各区政府", false},
		{"增城区人民政府", "从化区人民政府", false},
		{"市商务局", "市公安局", false},
	} {
		if got := similar(tt.a, tt.b); got != tt.want {
			t.Errorf("similar(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// The index finds exactly the names that comparing every pair finds.
func TestNameIndexFindsEveryPair(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	chars := []rune("市区县局委办科技教育财政规划自然资源交通运输和工业信息化人民政府")
	seen := map[string]bool{}
	var names []string
	for len(names) < 400 {
		n := make([]rune, 3+rng.IntN(8))
		for i := range n {
			n[i] = chars[rng.IntN(len(chars))]
		}
		if s := string(n); !seen[s] {
			seen[s] = true
			names = append(names, s)
		}
	}
	sort.Strings(names)
	x := newNameIndex(names)
	for _, a := range names {
		var want []string
		for _, b := range names {
			if a != b && similar(a, b) {
				want = append(want, b)
			}
		}
		if got := x.alike(a); !reflect.DeepEqual(got, want) {
			t.Fatalf("alike(%s) = %v, want %v", a, got, want)
		}
	}
}

// BenchmarkLintNames is check on a table naming 10,000 departments that
// the departments table does not list.
func BenchmarkLintNames(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	var rows []Row
	for i := range 10000 {
		n := make([]rune, 6)
		for k := range n {
			n[k] = rune(0x4E00 + rng.IntN(3000))
		}
		id := fmt.Sprint(i + 1)
		rows = append(rows, Row{ID: Cell{id, i + 2, 1}, Measures: Cell{"措施。", i + 2, 2}, Lead: Cell{string(n) + "局", i + 2, 3}})
	}
	for b.Loop() {
		if _, _, err := Build(Input{TasksFile: "content/tasks.csv", Rows: rows}); err != nil {
			b.Fatal(err)
		}
	}
}
