// Package synth makes synthetic task tables of any size, for benchmarks and
// scale tests. One writer makes every table from a Vocabulary: numbered
// tasks in areas whose labels carry an ordinal, measures of several
// sentences (one of them made for the row, so no two rows are the same),
// timelines, and lead and cooperating departments with the real table's
// mixed 、 and ， separators. The vocabulary is the built-in one, shaped
// like the real table at a larger scale (Write).
//
// The output depends only on the vocabulary, the number of tasks and the
// seed, so the same call always writes the same bytes.
package synth

import (
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"plansite/internal/column"
	"plansite/internal/output"
	"plansite/internal/plan"
)

// Vocabulary is what the rows of a synthetic table are drawn from.
type Vocabulary struct {
	Areas       []string // area names without ordinals, one area each, in order
	Sentences   []string // sentences of the measures
	Timelines   []string // whole timeline cells
	Leads       []string // names that lead tasks
	Departments []string // names that cooperate: the leads and others
}

// columns are the columns of a synthetic table, in its order; its header
// is their standard names.
var columns = []column.Column{column.ID, column.Area, column.Measures, column.Timeline, column.Lead, column.Coop}

// Tasks writes a task table of n rows as CSV (UTF-8, the header the
// standard names of columns), the tasks shared evenly among the areas.
// Every row names its area, so that tools that do not fill merged cells
// down read it too.
func (v *Vocabulary) Tasks(w io.Writer, n int, seed uint64) error {
	if len(v.Areas) == 0 || len(v.Sentences) == 0 || len(v.Timelines) == 0 || len(v.Leads) == 0 || len(v.Departments) == 0 {
		return fmt.Errorf("synth: the vocabulary lacks areas, sentences, timelines or departments")
	}
	r := rand.New(rand.NewPCG(seed, uint64(n)))
	chars := v.chars()
	cw := csv.NewWriter(w)
	cw.Write(column.Names(columns...))
	per := (n + len(v.Areas) - 1) / len(v.Areas)
	for i := 1; i <= n; i++ {
		a := (i - 1) / per
		label := "（" + plan.Numeral(a+1) + "）" + v.Areas[a]
		var m strings.Builder
		for k := 1 + r.IntN(5); k > 0; k-- {
			m.WriteString(pick(r, v.Sentences))
		}
		fmt.Fprintf(&m, "推进%s第%d号试点项目，形成%s示范应用。", word(r, chars, 3), i, word(r, chars, 2))
		cw.Write([]string{strconv.Itoa(i), label, m.String(), pick(r, v.Timelines), v.lead(r), v.coop(r)})
	}
	cw.Flush()
	return cw.Error()
}

// chars are the Chinese characters of the sentences, in order, for the
// made-up names that keep rows apart.
func (v *Vocabulary) chars() []rune {
	seen := map[rune]bool{}
	for _, s := range v.Sentences {
		for _, c := range s {
			if c >= 0x4E00 && c <= 0x9FFF {
				seen[c] = true
			}
		}
	}
	out := make([]rune, 0, len(seen))
	for c := range seen {
		out = append(out, c)
	}
	slices.Sort(out) // map order is random
	return out
}

func word(r *rand.Rand, chars []rune, n int) string {
	rs := make([]rune, n)
	for i := range rs {
		rs[i] = chars[r.IntN(len(chars))]
	}
	return string(rs)
}

func pick(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

func (v *Vocabulary) lead(r *rand.Rand) string {
	names := []string{pick(r, v.Leads)}
	if r.IntN(4) == 0 {
		names = append(names, pick(r, v.Leads))
	}
	s := strings.Join(dedupe(names), "、")
	if r.IntN(20) == 0 {
		s += "按职能推进"
	}
	return s
}

func (v *Vocabulary) coop(r *rand.Rand) string {
	k := r.IntN(5)
	if k == 0 {
		return "——"
	}
	var names []string
	for ; k > 0; k-- {
		names = append(names, pick(r, v.Departments))
	}
	names = dedupe(names)
	if len(names) > 2 && r.IntN(3) == 0 { // the real table's mixed separators
		return strings.Join(names[:len(names)-1], "、") + "，" + names[len(names)-1]
	}
	return strings.Join(names, "、")
}

// dedupe drops repeated strings, keeping the first of each in order.
func dedupe(xs []string) []string {
	var out []string
	for _, x := range xs {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// Write writes site.toml, departments.csv and a tasks.csv of n tasks from
// the built-in vocabulary into dir, creating it.
func Write(dir string, n int, seed uint64) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	cfg := fmt.Sprintf(`title = "合成行动计划（%d-%d年）：%d项任务"
short_title = "合成行动计划"
attachment = "附件1 任务分工表"
issuer = "合成市人民政府"
date = "2020-01-15"
source_url = "https://example.org/plan.html"
source_name = "合成市人民政府网站"
start_year = %d
end_year = %d
base_url = "https://plan.example.org/"
`, StartYear, EndYear, n, StartYear, EndYear)
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte(cfg), 0o644); err != nil {
		return err
	}
	if err := output.CreateFile(filepath.Join(dir, "departments.csv"), writeDepartments); err != nil {
		return err
	}
	v := Builtin()
	return output.CreateFile(filepath.Join(dir, "tasks.csv"), func(w io.Writer) error { return v.Tasks(w, n, seed) })
}
