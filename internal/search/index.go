package search

import (
	"bytes"
	"cmp"
	"compress/flate"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"slices"
	"strings"

	"plansite/internal/column"
	"plansite/internal/jsonenc"
	"plansite/internal/plan"
	"plansite/internal/progress"
	"plansite/internal/sitepath"
)

// MaxCompressed is the most a shard may weigh once gzip-compressed, so that
// a phone on a slow network gets its first results quickly. It is measured
// at gzip's fastest level, the one nginx uses by default, which compresses
// least: any other level gives a smaller file.
const MaxCompressed = 200 << 10

// rawBudget is how much JSON a shard collects before it is closed. Chinese
// JSON compresses about three to one, so shards land well under
// MaxCompressed; a shard that still comes out too heavy is halved.
const rawBudget = 448 << 10

// Doc is one task in the index. The short JSON names keep the index small;
// static/search.js reads them.
type Doc struct {
	ID        string   `json:"i"`           // the task's number, as written
	Slug      string   `json:"u"`           // the task's path segment: tasks/<u>/
	Title     string   `json:"t"`           // title
	Area      string   `json:"a,omitempty"` // area label
	Sentences []string `json:"s"`           // the measures, sentence by sentence: #m1, #m2, …
	Clauses   []string `json:"m,omitempty"` // the timeline, clause by clause
	Lead      []string `json:"l,omitempty"` // lead departments
	Coop      []string `json:"c,omitempty"` // cooperating departments
	Aliases   []string `json:"x,omitempty"` // other names of those departments (市规划和自然局)
	// Other are the task's cells in the table's columns plansite does not
	// read (完成情况, 备注), row by row, each under its column's name: a
	// report's account of what was done is what a reader searches for.
	Other []OtherCell `json:"o,omitempty"`
	// Updates are the task's 落实情况 updates of a site with progress, in
	// the progress file's order: what was reported is searched too.
	Updates []Update `json:"p,omitempty"`
	// Status is the task's current 落实情况 status, for the search page's
	// status filter; only a site with progress has it, so the index of a
	// site without progress stays as it was. Not part of Hay: a status is
	// chosen from the filter's links, not typed.
	Status string `json:"st,omitempty"`
	// Overdue marks a task past its deadline and not done, shown 逾期 in
	// the results; only a site with progress has it.
	Overdue bool `json:"od,omitempty"`
	// Years are the years the task is active in, for the year filter, as
	// ranges: first, last, first, last … Not part of Hay either.
	Years []int `json:"y,omitempty"`
	// Hay is every field above from Title to Updates (the texts of Other
	// and Updates, not their columns' names or dates), folded and joined by
	// "\n", in that order. The script matches the query against it and maps
	// a match back to its field by position. Folding turns every line break
	// of the text into a space, so "\n" only ever separates fields.
	Hay string `json:"h"`
}

// fields lists the searchable fields in the order Hay joins them.
func (d *Doc) fields() []string {
	f := []string{d.Title}
	if d.Area != "" {
		f = append(f, d.Area)
	}
	for _, list := range [][]string{d.Sentences, d.Clauses, d.Lead, d.Coop, d.Aliases} {
		f = append(f, list...)
	}
	for _, c := range d.Other {
		f = append(f, c.Text)
	}
	for _, u := range d.Updates {
		f = append(f, u.Text)
	}
	return f
}

// Update is a 落实情况 update as search shows it: its date, its text, and
// its anchor on the task's page (p1, p2 …).
type Update struct {
	Anchor string `json:"a"`
	Date   string `json:"d"`
	Text   string `json:"t"`
}

// Progress is what a site with progress adds to the index: each task's
// status, or None for a task without updates, whether it is overdue, and
// its updates.
type Progress struct {
	Log  *progress.Log
	None string
}

// OtherCell is a cell of a column plansite does not read, under the
// column's name as the table writes it in running text (plan.Column.Label).
type OtherCell struct {
	Column string `json:"h"`
	Text   string `json:"t"`
}

// otherCells are task t's cells in the columns of cols plansite does not
// read, its own row's and then its sub-items', the empty ones left out,
// and a cell merged over several of its rows once.
func otherCells(cols []plan.Column, t *plan.Task) []OtherCell {
	var out []OtherCell
	for _, r := range t.Rows {
		for i, cell := range r.Cells(cols) {
			if cols[i].Std != column.None || plan.TrimSpace(cell.Text) == "" {
				continue
			}
			if o := (OtherCell{Column: cols[i].Label(), Text: cell.Text}); !slices.Contains(out, o) {
				out = append(out, o)
			}
		}
	}
	return out
}

// NewDoc makes the index entry of task t of plan p, with its progress
// when pr is not nil.
func NewDoc(p *plan.Plan, t *plan.Task, pr *Progress) Doc {
	d := Doc{ID: t.ID, Slug: t.Slug, Title: t.Title, Sentences: t.Sentences, Other: otherCells(p.Columns, t)}
	if pr != nil {
		d.Status, d.Overdue = pr.None, pr.Log.Overdue(t)
		if st := pr.Log.Current(t); st != nil {
			d.Status = st.Name
		}
		for _, u := range pr.Log.For(t) {
			d.Updates = append(d.Updates, Update{Anchor: u.Anchor(), Date: u.Date.String(), Text: u.Text})
		}
	}
	if d.Sentences == nil {
		d.Sentences = []string{}
	}
	if t.Area != nil {
		d.Area = t.Area.Label
	}
	for _, m := range t.Milestones {
		d.Clauses = append(d.Clauses, m.Clause)
	}
	d.Years = yearRanges(t)
	seen := map[string]bool{}
	for _, list := range []struct {
		depts []*plan.Department
		names *[]string
	}{{t.Lead, &d.Lead}, {t.Coop, &d.Coop}} {
		for _, dep := range list.depts {
			*list.names = append(*list.names, dep.Name)
			for _, a := range dep.Aliases {
				if !seen[a] {
					seen[a] = true
					d.Aliases = append(d.Aliases, a)
				}
			}
		}
	}
	f := d.fields()
	for i := range f {
		f[i] = Fold(f[i])
	}
	d.Hay = strings.Join(f, "\n")
	return d
}

// yearRanges lists the years task t is active in as ranges, first and
// last of each, in order, touching ranges joined.
func yearRanges(t *plan.Task) []int {
	var spans [][2]int
	for _, m := range t.Milestones {
		if m.Dated() {
			spans = append(spans, [2]int{m.From, m.To})
		}
	}
	slices.SortFunc(spans, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	var out []int
	for _, sp := range spans {
		if n := len(out); n > 0 && sp[0] <= out[n-1]+1 {
			out[n-1] = max(out[n-1], sp[1])
			continue
		}
		out = append(out, sp[0], sp[1])
	}
	return out
}

// Manifest is search/index.json: what the script loads first.
type Manifest struct {
	Version int     `json:"version"` // of this format
	Tasks   int     `json:"tasks"`
	Shards  []Shard `json:"shards"`
}

// Shard names one file of the index, relative to the manifest, with a
// version query from its content so a browser never mixes old and new.
type Shard struct {
	URL   string `json:"url"`
	Tasks int    `json:"tasks"`
	Bytes int    `json:"bytes"` // uncompressed size, for the progress line
}

// File is a file of the index, at a path of the site.
type File struct {
	Path string
	Data []byte
}

// WriteIndex makes the index of the plan, search/0.json, search/1.json, … in
// task order and then search/index.json, which names them, and hands each
// file to emit as soon as it is made: a large table's index is a hundred
// megabytes, of which a shard's worth is held at a time. pr is the site's
// progress; nil for a site without.
func WriteIndex(p *plan.Plan, pr *Progress, emit func(File) error) error {
	m := Manifest{Version: 1, Tasks: len(p.Tasks)}
	var c compressor
	shard := func(part [][]byte) error {
		data := joinArray(part)
		file := sitepath.SearchShard(len(m.Shards))
		sum := sha256.Sum256(data)
		// The manifest names each shard from beside it, in the search
		// page's folder.
		url := path.Base(file) + "?v=" + hex.EncodeToString(sum[:4])
		m.Shards = append(m.Shards, Shard{URL: url, Tasks: len(part), Bytes: len(data)})
		return emit(File{Path: file, Data: data})
	}
	group := func(g [][]byte) error {
		for _, part := range c.split(g) {
			if err := shard(part); err != nil {
				return err
			}
		}
		return nil
	}
	var cur [][]byte
	size := 0
	for _, t := range p.Tasks {
		doc := NewDoc(p, t, pr)
		d, err := jsonenc.Marshal(doc)
		if err != nil {
			return fmt.Errorf("search index, task %s: %v", t.ID, err)
		}
		if len(cur) > 0 && size+len(d)+1 > rawBudget {
			if err := group(cur); err != nil {
				return err
			}
			cur, size = nil, 0
		}
		cur = append(cur, d)
		size += len(d) + 1
	}
	if len(cur) > 0 || len(m.Shards) == 0 {
		if err := group(cur); err != nil {
			return err
		}
	}
	mb, err := jsonenc.Marshal(m)
	if err != nil {
		return err
	}
	return emit(File{Path: sitepath.SearchIndex, Data: mb})
}

// split halves a group of documents until every part compresses under
// MaxCompressed. A single document heavier than that stays alone.
func (c *compressor) split(g [][]byte) [][][]byte {
	if len(g) < 2 || c.fits(joinArray(g)) {
		return [][][]byte{g}
	}
	h := len(g) / 2
	return append(c.split(g[:h]), c.split(g[h:])...)
}

func joinArray(docs [][]byte) []byte {
	return append(append([]byte{'['}, bytes.Join(docs, []byte{','})...), ']')
}

// A compressor measures compressed sizes with one flate writer, which
// holds about a megabyte: a new one for each of a large index's hundreds of
// shards was most of the memory the index took.
type compressor struct {
	w *flate.Writer
	n counter
}

// fits reports whether data compresses under MaxCompressed; data no
// bigger than that fits without compressing it (a small table's whole
// index), which spares the compressor's megabyte.
func (c *compressor) fits(data []byte) bool {
	return len(data)+18 <= MaxCompressed || c.size(data) <= MaxCompressed
}

// size is the size of data gzip-compressed at the fastest level, header
// and trailer included.
func (c *compressor) size(data []byte) int {
	c.n = 0
	if c.w == nil {
		c.w, _ = flate.NewWriter(&c.n, flate.BestSpeed)
	} else {
		c.w.Reset(&c.n)
	}
	c.w.Write(data)
	c.w.Close()
	return int(c.n) + 18 // gzip's header and trailer
}

// counter counts the bytes written to it.
type counter int

func (n *counter) Write(b []byte) (int, error) {
	*n += counter(len(b))
	return len(b), nil
}
