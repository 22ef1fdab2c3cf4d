package load

import (
	"strings"
	"testing"
)

// A missing required column's message offers only a heading that reads
// like it: one that holds a character of the column's hint, and no more of
// another column's (任务 holds the 任 of 责任 but is the measures). Else it
// says what to name the column.
func TestMissingColumnOffers(t *testing.T) {
	const lead = `missing column "牵头部门"`
	for _, tt := range []struct {
		name, site, header string
		want               string // what the message about the lead column says after its first part
	}{
		{"a heading like the column", "", "序号,工作任务,负责人",
			`; if "负责人" is that column, say so in site.toml: [columns] lead = "负责人"`},
		{"a heading like another column", "", "序号,任务,备注",
			`; no heading reads like it: name its column 牵头部门 or 牵头单位, or give its heading in site.toml: [columns] lead = "…"`},
		{"an unrelated heading", "[columns]\nmeasures = \"任务\"\n", "序号,任务,备注",
			`; no heading reads like it: name its column 牵头部门 or 牵头单位, or give its heading in site.toml: [columns] lead = "…"`},
		{"the likest of two", "", "序号,工作任务,说明,承办单位",
			`; if "承办单位" is that column, say so in site.toml: [columns] lead = "承办单位"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			site := siteTOML + tt.site
			_, _, err := Read(files(map[string]*string{"site.toml": &site, "tasks.csv": ptr(tt.header + "\n1,做事。,甲,乙\n")}), "content")
			if err == nil {
				t.Fatal("no error")
			}
			var got string
			for _, line := range strings.Split(err.Error(), "\n") {
				if _, after, ok := strings.Cut(line, lead+"; the header must name 主要措施, 牵头部门"); ok {
					got = after
				}
			}
			if got != tt.want {
				t.Errorf("the message about the lead column ends\n%q\nwant\n%q\n(all: %v)", got, tt.want, err)
			}
		})
	}
}
