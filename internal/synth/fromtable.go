// This file makes synthetic tables from a real one: every row is built
// from the real table's own text, so that searches behave as on the real
// table, only more often. synth.go makes tables from scratch, shaped by
// parameters, for the build benchmark.

package synth

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io/fs"
	"math/rand"
	"sort"
	"strconv"
	"strings"
	"testing/fstest"

	"plansite/internal/plan"
)

// Header is the header of the tables Table writes.
var Header = []string{"序号", "重点任务", "主要措施", "时间节点", "牵头部门", "配合部门"}

// Table returns a CSV table of n tasks made from base, the rows of a real
// table with the columns of Header (序号 first).
func Table(base [][]string, n int) ([]byte, error) {
	if len(base) == 0 {
		return nil, fmt.Errorf("synth: no rows to start from")
	}
	var sentences []string
	var areaNames []string
	seenArea := map[string]bool{}
	chars := map[rune]bool{}
	for _, r := range base {
		if len(r) < len(Header) {
			return nil, fmt.Errorf("synth: row %q has %d fields, want %d", r[0], len(r), len(Header))
		}
		sentences = append(sentences, plan.Sentences(r[2])...)
		if _, name, ok := plan.ParseAreaLabel(r[1]); ok && !seenArea[name] {
			seenArea[name] = true
			areaNames = append(areaNames, name)
		}
		for _, c := range r[2] {
			if c >= 0x4E00 && c <= 0x9FFF {
				chars[c] = true
			}
		}
	}
	if len(areaNames) == 0 {
		areaNames = []string{"重点任务"}
	}
	pool := make([]rune, 0, len(chars))
	for c := range chars {
		pool = append(pool, c)
	}
	// Map iteration order is random: sort for a stable table.
	sort.Slice(pool, func(i, j int) bool { return pool[i] < pool[j] })

	rng := rand.New(rand.NewSource(int64(n)))
	// About 500 tasks per area, as many areas as Chinese ordinals allow.
	areas := n/500 + 1
	if areas < len(areaNames) {
		areas = len(areaNames)
	}
	if areas > 99 {
		areas = 99
	}
	per := (n + areas - 1) / areas
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(Header)
	for i := 0; i < n; i++ {
		r := base[i%len(base)]
		area := ""
		if i%per == 0 {
			k := i / per
			area = "（" + plan.Numeral(k+1) + "）" + areaNames[k%len(areaNames)]
		}
		// The row's own sentences, one borrowed from elsewhere, and one of
		// its own with a made-up place name, so no two rows are the same.
		own := plan.Sentences(r[2])
		m := strings.Join(own, "")
		m += sentences[rng.Intn(len(sentences))]
		m += fmt.Sprintf("推进%s第%d号试点项目，形成%s示范应用。", word(rng, pool, 3), i+1, word(rng, pool, 2))
		w.Write([]string{strconv.Itoa(i + 1), area, m, r[3], r[4], r[5]})
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

func word(rng *rand.Rand, pool []rune, n int) string {
	rs := make([]rune, n)
	for i := range rs {
		rs[i] = pool[rng.Intn(len(pool))]
	}
	return string(rs)
}

// Content returns a copy of the content folder content whose tasks.csv is a
// synthetic table of n tasks made from its own.
func Content(content fs.FS, n int) (fs.FS, error) {
	out := fstest.MapFS{}
	err := fs.WalkDir(content, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(content, p)
		if err == nil {
			out[p] = &fstest.MapFile{Data: data, Mode: 0o644}
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	f, ok := out["tasks.csv"]
	if !ok {
		return nil, fmt.Errorf("synth: no tasks.csv in the content folder")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(f.Data, []byte("\ufeff")))).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("synth: tasks.csv: %v", err)
	}
	if len(rows) < 2 {
		return nil, fmt.Errorf("synth: tasks.csv has no rows")
	}
	table, err := Table(rows[1:], n)
	if err != nil {
		return nil, err
	}
	out["tasks.csv"] = &fstest.MapFile{Data: table, Mode: 0o644}
	return out, nil
}
