package site

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"plansite/internal/foldertest"

	"golang.org/x/net/html"
)

// progressFixture is the bundled table with a progress file of 120 updates
// written here, and the site's updated date after all of them.
func progressFixture(t *testing.T) (*builtSite, [][]string) {
	t.Helper()
	content := foldertest.Read(t, "../../content")
	content["site.toml"].Data = append(content["site.toml"].Data, []byte("\nupdated = \"2022-06-30\"\n")...)
	statuses := []string{"未启动", "推进中", "已完成", "滞后", "已调整"}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"序号", "日期", "状态", "进展", "来源"})
	var rows [][]string
	for i := 0; i < 120; i++ {
		task := fmt.Sprint(i%20 + 1) // tasks 21 to 23 get none
		date := fmt.Sprintf("%d-%02d-%02d", 2020+i%2, i%12+1, i%28+1)
		if i%7 == 0 {
			date = date[:7] // a month only
		}
		source := []string{"https://example.org/r/" + fmt.Sprint(i), "示例通报（示〔2021〕" + fmt.Sprint(i) + "号）", ""}[i%3]
		r := []string{task, date, statuses[(i*7+i/20)%5], fmt.Sprintf("第%d条进展：<b>原文</b> & “引号”。", i), source}
		rows = append(rows, r)
		w.Write(r)
	}
	w.Flush()
	content["progress.csv"] = &fstest.MapFile{Data: b.Bytes()}
	return buildContent(t, content), rows
}

// squash removes white space, which minifying may change.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u00a0' {
			return -1
		}
		return r
	}, s)
}

func TestProgressPages(t *testing.T) {
	b, rows := progressFixture(t)
	// Every update is on its task's page, verbatim, at its anchor: its
	// place among the task's rows of the file.
	seq := map[string]int{}
	for _, r := range rows {
		seq[r[0]]++
		page := "tasks/" + r[0] + "/index.html"
		li := byID(b.doc(t, page), fmt.Sprintf("p%d", seq[r[0]]))
		if li == nil {
			t.Fatalf("%s has no #p%d", page, seq[r[0]])
		}
		got := fullText(li)
		for _, want := range []string{r[1], r[2], r[3], r[4]} {
			if !strings.Contains(got, want) {
				t.Errorf("%s#p%d: %q does not hold %q", page, seq[r[0]], got, want)
			}
		}
		if strings.HasPrefix(r[4], "https://") {
			links := find(li, func(n *html.Node) bool { h, _ := attr(n, "href"); return n.Data == "a" && h == r[4] })
			if len(links) != 1 {
				t.Errorf("%s#p%d: the source is not a link", page, seq[r[0]])
			} else if rel, _ := attr(links[0], "rel"); rel != "external" {
				t.Errorf("%s#p%d: source link rel %q", page, seq[r[0]], rel)
			}
		}
	}
	// The counts of /progress/, from the CSV: each task's latest row by
	// date (a month before its days), on one date the later row.
	type latest struct{ date, status string }
	cur := map[string]latest{}
	for _, r := range rows {
		if l, ok := cur[r[0]]; !ok || r[1] >= l.date {
			cur[r[0]] = latest{r[1], r[2]}
		}
	}
	n := map[string]int{}
	for _, l := range cur {
		n[l.status]++
	}
	want := "落实情况："
	for _, s := range []string{"未启动", "推进中", "已完成", "滞后", "已调整"} {
		if n[s] > 0 {
			want += fmt.Sprintf("%s%d项", s, n[s])
		}
	}
	want += "暂无进展3项"
	doc := b.doc(t, "progress/index.html")
	counts := find(doc, func(n *html.Node) bool { return hasClass(n, "status-counts") })
	if len(counts) != 1 || squash(fullText(counts[0])) != want {
		t.Errorf("/progress/ counts: want %s", want)
		for _, c := range counts {
			t.Logf("got %s", squash(fullText(c)))
		}
	}
	// Overdue: the bundled timelines end by 2022 at the latest, so with
	// updated = 2022-06-30 a task is overdue when its last deadline lies
	// before July 2022 and it is not 已完成.
	var overdue []string
	for _, task := range loadModel(t).Tasks {
		end := ""
		for _, m := range task.Milestones {
			if m.Dated() {
				mo := m.End.Month
				if mo == 0 {
					mo = 12
				}
				if e := fmt.Sprintf("%d-%02d", m.End.Year, mo); e > end {
					end = e
				}
			}
		}
		if end != "" && end < "2022-07" && cur[task.ID].status != "已完成" {
			overdue = append(overdue, "任务"+task.ID)
		}
	}
	var listed []string
	for _, ol := range find(doc, func(n *html.Node) bool { return hasClass(n, "overdue-list") }) {
		for _, s := range find(ol, func(n *html.Node) bool { return hasClass(n, "task-no") }) {
			listed = append(listed, fullText(s))
		}
	}
	if strings.Join(listed, " ") != strings.Join(overdue, " ") {
		t.Errorf("overdue: listed %v, want %v", listed, overdue)
	}
	// The feed: the newest 100 of the 121 changes, newest first, each
	// linked to its anchor.
	f := parseFeed(t, b.file(t, "feed.xml"))
	if len(f.Entries) != 100 {
		t.Fatalf("feed: %d entries, want 100", len(f.Entries))
	}
	if !sort.SliceIsSorted(f.Entries, func(i, j int) bool { return f.Entries[i].Updated > f.Entries[j].Updated }) {
		t.Error("feed entries are not newest first")
	}
	for _, e := range f.Entries {
		if !strings.Contains(e.ID, "#p") || e.Links[0].Href != e.ID {
			t.Errorf("feed entry %s does not link its update", e.ID)
		}
	}
	// The open data: the file as read, and the JSON internal/opendata makes.
	if csvOut := b.file(t, "data/progress.csv"); !bytes.HasPrefix(csvOut, []byte("\ufeff序号,日期,状态,进展,来源\n")) {
		t.Errorf("data/progress.csv starts %q", csvOut[:40])
	}
	sameOpenData(t, b)
	if !bytes.Contains(b.file(t, "tasks/23/index.json"), []byte(`"status":"","deadline":"2022-12-31","overdue":false,"progress":[]`)) {
		t.Errorf("tasks/23/index.json: error: %s", b.file(t, "tasks/23/index.json"))
	}
}

// Without a progress file no page mentions progress.
func TestNoProgressNoMention(t *testing.T) {
	b := bundled(t)
	for _, p := range b.htmlPages() {
		if p == "data/index.html" || p == "data/fields/index.html" {
			continue // the field list of plan.json describes the format
		}
		if bytes.Contains(b.file(t, p), []byte("落实情况")) || bytes.Contains(b.file(t, p), []byte("progress")) {
			t.Errorf("%s mentions progress", p)
		}
	}
}
