package config

import (
	"fmt"
	"testing"

	"plansite/internal/column"
)

// [columns] and [progress_columns] take exactly the keys of their column
// tables, each naming that column.
func TestColumnSettingsAreTheTables(t *testing.T) {
	for _, tt := range []struct {
		section string
		table   column.Table
		got     func(Config) map[string]string
	}{
		{"columns", column.Task, func(c Config) map[string]string { return c.Columns }},
		{"progress_columns", column.Progress, func(c Config) map[string]string { return c.ProgressColumns }},
	} {
		src := "title = \"计划\"\n[" + tt.section + "]\n"
		for i, s := range tt.table {
			src += fmt.Sprintf("%s = \"列%d\"\n", s.Key, i)
		}
		cfg, err := Parse("site.toml", []byte(src))
		if err != nil {
			t.Fatalf("%s: %v", tt.section, err)
		}
		names := tt.got(cfg)
		for i, s := range tt.table {
			if want := fmt.Sprintf("列%d", i); names[s.Key] != want {
				t.Errorf("[%s] %s = %q, want %q", tt.section, s.Key, names[s.Key], want)
			}
		}
		if len(names) != len(tt.table) {
			t.Errorf("[%s]: %d names for %d columns", tt.section, len(names), len(tt.table))
		}
	}
}

// Every problem of a table of column names is placed at its key and worded
// as the decoder words the other settings'.
func TestColumnSettings(t *testing.T) {
	for _, tt := range []struct {
		name, toml string
		want       string // the error, or the names as %v
	}{
		{"a name", "[columns]\nmeasures = \"任务内容\"", "map[measures:任务内容] map[]"},
		{"a key in capitals, as the decoder matches settings", "[Columns]\nMeasures = \"任务内容\"", "map[measures:任务内容] map[]"},
		{"progress", "[progress_columns]\ndate = \"时间\"", "map[] map[date:时间]"},
		{"an unknown key", "[columns]\nlead = \"牵头单位\"\nfoo = \"x\"", `site.toml:4:1: error: unknown setting "columns.foo"; the settings are documented in README.md`},
		{"the first unknown key in the file", "[columns]\nzz = 1\naa = 2", `site.toml:3:1: error: unknown setting "columns.zz"; the settings are documented in README.md`},
		{"a key of the other table", "[progress_columns]\nlead = \"x\"", `site.toml:3:1: error: unknown setting "progress_columns.lead"; the settings are documented in README.md`},
		{"an unknown table before", "x = 1\n[columns]\nfoo = 1", `site.toml:2:1: error: unknown setting "x"; the settings are documented in README.md`},
		{"an unknown table after", "[columns]\nfoo = 1\n[bar]\nx = 1", `site.toml:3:1: error: unknown setting "columns.foo"; the settings are documented in README.md`},
		{"a table inside", "[columns]\nid = \"编号\"\n[columns.x]\na = 1", `site.toml:4:1: error: unknown setting "columns.x"; the settings are documented in README.md`},
		{"a number", "[columns]\nid = 5", `site.toml:3:1: error: columns.id is text, but the value is a number: write it in quotes, such as id = "…"`},
		{"a date", "[progress_columns]\ndate = 2020-01-01", `site.toml:3:1: error: progress_columns.date: incompatible types: TOML value has type time.Time; destination has type string; write dates in quotes, such as "2020-02-27"`},
		{"an inline table", "[columns]\nid = {a = 1}", `site.toml:3:1: error: columns.id: incompatible types: TOML value has type map[string]any; destination has type string`},
		{"not a table", "columns = 5", `site.toml:2:1: error: columns: type mismatch for config.Columns: expected table but found int64`},
		{"an array of tables", "[[progress_columns]]\nid = \"a\"", `site.toml:2:1: error: progress_columns: type mismatch for config.ProgressColumns: expected table but found []map[string]any`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Parse("site.toml", []byte("title = \"计划\"\n"+tt.toml+"\n"))
			got := fmt.Sprint(map[string]string(cfg.Columns), " ", map[string]string(cfg.ProgressColumns))
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}
