package plan

import (
	"reflect"
	"testing"

	"plansite/internal/column"
)

// memoTable is a table with a heading row, a sub-item row, a cell naming
// units with a note and a timeline clause whose date cannot be read.
func memoTable() []Row {
	return []Row{
		row(2, "1", "（一）基础创新提升行动", "实施重点领域研发计划。强化联动。", "2022年持续推进；择机开展。", "市科技局（牵头）", "市工业和信息化局"),
		row(3, "", "", "补充措施。再补一句。", "2021年，完成。", "", "各区政府"),
		row(4, "2", "", "创建试验区。", "2020年，申报；2021-2022年持续推进。", "市科技局", "市工业和信息化局、各区政府"),
		row(5, "3", "（二）产业培育发展行动", "建设先导区。", "2021年，认定。", "市工业和信息化局", "——"),
	}
}

// spoil changes plan p everywhere a slice shared with another plan would
// carry the change over to it.
func spoil(p *Plan) {
	for _, task := range p.Tasks {
		for i := range task.Milestones {
			task.Milestones[i].Text += "改"
		}
		for i := range task.Sentences {
			task.Sentences[i] += "改"
		}
		for i := range task.Lead {
			task.Lead[i] = nil
		}
	}
}

// A table read with a memo, again and after a cell changed, is the plan
// and the warnings read without one, and shares nothing with the plan of
// the read before.
func TestMemoReadsAsWithout(t *testing.T) {
	changes := []struct {
		name   string
		change func(rs []Row)
	}{
		{"unchanged", func([]Row) {}},
		{"measures", func(rs []Row) {
			rs[2].Set(column.Measures, Cell{Text: "创建试验区。新增一句。", Line: 4, Col: 5})
		}},
		{"timeline", func(rs []Row) {
			rs[0].Set(column.Timeline, Cell{Text: "2023年，完成；某时开展。", Line: 2, Col: 7})
		}},
		{"units", func(rs []Row) { rs[1].Set(column.Coop, Cell{Text: "市科技局、各区政府", Line: 3, Col: 11}) }},
		{"same text, other place", func(rs []Row) {
			rs[3].Set(column.Timeline, Cell{Text: "2022年持续推进；择机开展。", Line: 5, Col: 7})
		}},
	}
	for _, c := range changes {
		t.Run(c.name, func(t *testing.T) {
			m := NewMemo()
			in := input(memoTable()...)
			in.Memo = m
			before, _, err := FromRows(in)
			if err != nil {
				t.Fatal(err)
			}
			rows := memoTable()
			c.change(rows)
			m.Turn()
			in = input(rows...)
			in.Memo = m
			got, gotWarns, err := FromRows(in)
			if err != nil {
				t.Fatal(err)
			}
			spoil(before)
			want, wantWarns, err := FromRows(input(rows...))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("with a memo the plan differs from the one read without")
				for i := range want.Tasks {
					if !reflect.DeepEqual(got.Tasks[i], want.Tasks[i]) {
						t.Errorf("task %s: got %+v\nwant %+v", want.Tasks[i].ID, *got.Tasks[i], *want.Tasks[i])
					}
				}
			}
			if !reflect.DeepEqual(gotWarns, wantWarns) {
				t.Errorf("warnings with a memo %v, without %v", gotWarns, wantWarns)
			}
		})
	}
}

// A memo holds the cells of the latest two reads only.
func TestMemoForgets(t *testing.T) {
	m := NewMemo()
	in := input(memoTable()...)
	in.Memo = m
	if _, _, err := FromRows(in); err != nil {
		t.Fatal(err)
	}
	c := &m.cells
	if len(c.timelines) == 0 || len(c.units) == 0 || len(c.sentences) == 0 || len(c.titles) == 0 {
		t.Fatalf("the memo kept nothing of the read: %d timelines, %d unit cells, %d sentences, %d titles",
			len(c.timelines), len(c.units), len(c.sentences), len(c.titles))
	}
	m.Turn()
	if len(c.timelines) == 0 {
		t.Fatalf("the read before was forgotten at once")
	}
	m.Turn()
	if n := len(c.timelines) + len(c.units) + len(c.sentences) + len(c.titles); n != 0 {
		t.Errorf("two turns later the memo still holds %d cells", n)
	}
}
