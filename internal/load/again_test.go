package load

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// againBase is a table with what the records of a real one hold: quoted
// cells with commas, quotes and line breaks, blank lines between records,
// lines ended by CRLF, and a last record without a line feed.
func againBase() string {
	var b strings.Builder
	b.WriteString("序号,重点任务,主要措施,完成时限,牵头单位,配合单位\n")
	for i := 1; i <= 40; i++ {
		area := ""
		if i%10 == 1 {
			area = fmt.Sprintf("（%s）领域", []string{"一", "二", "三", "四"}[i/10])
		}
		measures := fmt.Sprintf("措施%d。", i)
		switch i % 4 {
		case 1:
			measures = fmt.Sprintf("\"措施%d，含逗号。\n第二行\"\"引号\"\"。\"", i)
		case 2:
			measures = fmt.Sprintf("\"措施%d。\"", i)
		}
		end := "\n"
		if i%7 == 0 {
			end = "\r\n"
		}
		if i%9 == 0 {
			end += "\n" // a blank line
		}
		if i == 40 {
			end = ""
		}
		fmt.Fprintf(&b, "%d,%s,%s,%d年底前,市科技局,\"市财政局、市发展改革委\"%s", i, area, measures, 2020+i%3, end)
	}
	return b.String()
}

// readBoth reads text with memo and without one, and fails the test when
// the two differ; it returns the error read.
func readBoth(t *testing.T, memo *Memo, text string) error {
	t.Helper()
	const file = "content/tasks.csv"
	got, gotErr := taskText(file, []byte(text), nil, memo)
	want, wantErr := taskText(file, []byte(text), nil, nil)
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
		t.Fatalf("read again: error %v; read afresh: %v", gotErr, wantErr)
	}
	if !reflect.DeepEqual(got, want) {
		for i := range min(len(got.Rows), len(want.Rows)) {
			if !reflect.DeepEqual(got.Rows[i], want.Rows[i]) {
				t.Fatalf("read again, row %d is\n%+v\nread afresh\n%+v", i, got.Rows[i], want.Rows[i])
			}
		}
		t.Fatalf("read again: %d rows, %d warnings; read afresh: %d rows, %d warnings", len(got.Rows), len(got.Warnings), len(want.Rows), len(want.Warnings))
	}
	return gotErr
}

// A table read again after an edit, with the memo of the read before, is
// the table, or the error, of reading it afresh; the records before the
// edit, and after it once the reading meets a record of the read before,
// are taken from that read; and the memo then serves the read after.
func TestReadAgainAfterEdit(t *testing.T) {
	base := againBase()
	at := func(s string) int {
		i := strings.Index(base, s)
		if i < 0 {
			t.Fatalf("%q is not in the table", s)
		}
		return i
	}
	replace := func(old, new string) string { return strings.Replace(base, old, new, 1) }
	edits := []struct {
		name         string
		text         string
		head, tail   bool // the first and the last records taken from the read before
		wantErrorSay string
	}{
		{"unchanged", base, true, false, ""}, // the last record, without a line feed, is read again
		{"a cell", replace("措施12。", "措施12，改过。"), true, true, ""},
		{"a quoted cell's second line", replace("措施21，含逗号。\n第二行", "措施21，含逗号。\n第二行，改"), true, true, ""},
		{"a record added", replace("13,", "13,,新措施。,2021年底前,市科技局,\n13,"), true, true, ""},
		{"a record removed", base[:at("\n17,")] + base[at("\n18,"):], true, true, ""},
		{"blank lines added", replace("\n22,", "\n\n\n22,"), true, true, ""},
		{"a record's first byte", replace("\n25,", "\n26,"), true, true, ""},
		{"a record copied below itself", replace("\n31,", base[at("\n30,"):at("\n31,")]+"\n31,"), true, true, ""},
		{"a quote opened that closes in a later record", replace("措施15。", "\"措施15。"), true, false, "content/tasks.csv"},
		{"too few fields", replace("\n27,,", "\n27,"), true, false, "wrong number of fields"},
		{"a control character", replace("措施28。", "措施\a28。"), true, false, "control character"},
		{"the last record", replace("措施40。", "措施40，改。"), true, false, ""},
		{"a line feed at the end", base + "\n", true, false, ""},
		{"a record at the end", base + "\n41,,措施41。,2022年底前,市科技局,", true, false, ""},
		{"the first record", replace("措施1，含逗号", "措施1，改，含逗号"), false, true, ""},
		{"the header", replace("完成时限", "完成时间"), false, false, ""},
		{"all", "序号,主要措施,牵头单位\n1,措施。,市科技局\n", false, false, ""},
	}
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			memo := NewMemo()
			if err := readBoth(t, memo, base); err != nil {
				t.Fatal(err)
			}
			before := memo.table
			err := readBoth(t, memo, e.text)
			if e.wantErrorSay != "" {
				if err == nil || !strings.Contains(err.Error(), e.wantErrorSay) {
					t.Fatalf("error %v, want one saying %q", err, e.wantErrorSay)
				}
				if memo.table != before {
					t.Fatal("a read that failed replaced the memo's table")
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if err == nil {
				after := memo.table
				first, last := after.recs[1].rec, after.recs[len(after.recs)-1].rec
				if got := &first[0] == &before.recs[1].rec[0]; got != e.head {
					t.Errorf("the first record taken from the read before: %v, want %v", got, e.head)
				}
				if got := &last[0] == &before.recs[len(before.recs)-1].rec[0]; got != e.tail {
					t.Errorf("the last record taken from the read before: %v, want %v", got, e.tail)
				}
			}
			// And back: the memo holds the edited table.
			if err := readBoth(t, memo, base); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// editAt replaces del characters of text at character pos with ins, pos
// taken modulo the text's length.
func editAt(text string, pos, del int, ins string) string {
	rs := []rune(text)
	pos %= len(rs) + 1
	del = min(del, len(rs)-pos)
	return string(rs[:pos]) + ins + string(rs[pos+del:])
}

// Many edits one after another, each read again with the memo of the one
// before, read as afresh: quotes, commas and line breaks put in and taken
// out anywhere.
func TestReadAgainAfterRandomEdits(t *testing.T) {
	pieces := []string{"\"", ",", "\n", "\r\n", "甲", "a", "\"\"", "1,", "", "\n\n",
		"\n99,,新措施。,2021年底前,市科技局,", "\"引,号\""}
	rng := rand.New(rand.NewPCG(1, 2))
	memo := NewMemo()
	text := againBase()
	readBoth(t, memo, text)
	for i := 0; i < 400; i++ {
		if i%50 == 0 {
			text = againBase() // back to a table that reads, now and then
		}
		text = editAt(text, rng.IntN(len(text)), rng.IntN(12), pieces[rng.IntN(len(pieces))])
		readBoth(t, memo, text)
	}
}

func FuzzReadAgain(f *testing.F) {
	f.Add(uint16(300), uint8(0), "\n")
	f.Add(uint16(500), uint8(3), "\"")
	f.Add(uint16(900), uint8(0), "\n41,,措施。,2021年底前,市科技局,\n")
	f.Add(uint16(40), uint8(20), ",")
	f.Fuzz(func(t *testing.T, pos uint16, del uint8, ins string) {
		if !utf8.ValidString(ins) {
			return // decodeText refuses it before
		}
		memo := NewMemo()
		base := againBase()
		readBoth(t, memo, base)
		readBoth(t, memo, editAt(base, int(pos), int(del), ins))
		readBoth(t, memo, base)
	})
}
