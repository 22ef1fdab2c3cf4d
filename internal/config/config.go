// Package config reads content/site.toml, the one settings file of a site:
// the plan's title, issuer, dates and source, its years, the address the
// site is published at, the language of its pages, the encoding of its CSV
// files, which file is the task table and what its columns are called.
//
// The file is checked as it is read, and every problem is placed at the
// line and column of the key it concerns: an unknown key is an error (a
// misspelt setting would otherwise do nothing), dates must be days of the
// calendar, addresses absolute http(s) ones, the language a BCP 47 tag. The
// TOML and date helpers that do this serve Markdown front matter too.
package config

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"plansite/internal/column"
	"plansite/internal/inputfs"
	"plansite/internal/plan"
	"plansite/internal/problem"
)

// Config is content/site.toml.
type Config struct {
	Title      string `toml:"title"`
	ShortTitle string `toml:"short_title"`
	SiteName   string `toml:"site_name"`
	Attachment string `toml:"attachment"`
	Issuer     string `toml:"issuer"`
	Number     string `toml:"number"` // the document's number (文号): 某府办〔2023〕1号
	Date       string `toml:"date"`
	Updated    string `toml:"updated"`
	SourceURL  string `toml:"source_url"`
	SourceName string `toml:"source_name"`
	StartYear  int    `toml:"start_year"`
	EndYear    int    `toml:"end_year"`
	BaseURL    string `toml:"base_url"`
	Language   string `toml:"language"`
	Encoding   string `toml:"encoding"` // of the CSV files: auto (default), utf-8 or gb18030
	Table      string `toml:"table"`    // the task table: tasks.csv or tasks.xlsx (default: whichever exists)
	// OtherColumns are headings of columns plansite does not read that
	// the site publishes as written on purpose (备注, 分管领导): no warning.
	OtherColumns []string `toml:"other_columns"`
	// The task table's and the progress file's own column names, read
	// from [columns] and [progress_columns] by columnNames.
	Columns         Columns         `toml:"-"`
	ProgressColumns ProgressColumns `toml:"-"`
	// The vocabulary of the progress file's statuses.
	Statuses []StatusSetting `toml:"statuses"`
	// Searches the site suggests (the first also in every search box); by
	// default, names the table itself gives.
	SearchExamples []string `toml:"search_examples"`
	// The table says 排在第一位的为牵头单位: in each cell of units, the first
	// named leads and the others help.
	FirstUnitLeads bool `toml:"first_unit_leads"`
	// The table says 无牵头单位的，责任单位即为牵头单位: where a task's lead
	// cell is empty, the units of its other cell lead.
	OthersLeadWithoutLead bool `toml:"others_lead_without_lead"`
	// Warnings are what Parse found that builds all the same, located.
	Warnings []problem.Problem `toml:"-"`
}

// TitlePlaceholder is the title plansite new writes when the document
// states none: a site still titled so builds, with a warning at the title.
const TitlePlaceholder = "（请填写计划的完整标题）"

// SettingsLimit is the most site.toml may hold: the bundled one has 2 KB.
var SettingsLimit = inputfs.Limit{Bytes: 1 << 20, What: "site.toml", Advice: "no site.toml is that large; is this the wrong file?"}

// ReadConfig reads and checks site.toml of the content folder fsys. prefix
// is how the folder's files are named in messages, such as "content".
func ReadConfig(fsys fs.FS, prefix string) (Config, error) {
	file := path.Join(prefix, "site.toml")
	data, err := inputfs.ReadFile(fsys, "site.toml", file, SettingsLimit, "cannot read the site configuration: ")
	if err != nil {
		return Config{}, err
	}
	return Parse(file, data)
}

// Parse reads and checks the settings data of file, and fills in the
// defaults of the settings left out.
func Parse(file string, data []byte) (Config, error) {
	var f settingsFile
	src := strings.TrimPrefix(string(data), "\ufeff")
	md, err := DecodeTOML(src, &f)
	cfg := f.Config
	if err == nil {
		cfg.Columns, err = columnNames(md, f.Columns, "columns", column.Task, Columns(nil))
	}
	if err == nil {
		cfg.ProgressColumns, err = columnNames(md, f.ProgressColumns, "progress_columns", column.Progress, ProgressColumns(nil))
	}
	if err != nil {
		line, col, msg := TOMLErrorPos(src, err)
		return cfg, &problem.Problem{File: file, Line: line, Col: col, Msg: msg}
	}
	fail := func(key, format string, args ...any) error {
		line, col := KeyPos(src, strings.Split(key, "."))
		return &problem.Problem{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
	}
	if key := unknownKey(md); key != "" {
		return cfg, fail(key, "unknown setting %q; the settings are documented in README.md", key)
	}
	switch {
	case plan.TrimSpace(cfg.Title) == "":
		return cfg, fail("title", "title is missing")
	case cfg.StartYear != 0 && (cfg.StartYear < 1900 || cfg.StartYear > 2200):
		return cfg, fail("start_year", "start_year %d is not a year between 1900 and 2200", cfg.StartYear)
	case cfg.EndYear != 0 && (cfg.EndYear < 1900 || cfg.EndYear > 2200):
		return cfg, fail("end_year", "end_year %d is not a year between 1900 and 2200", cfg.EndYear)
	case cfg.StartYear != 0 && cfg.EndYear != 0 && cfg.EndYear < cfg.StartYear:
		return cfg, fail("end_year", "end_year %d is before start_year %d", cfg.EndYear, cfg.StartYear)
	}
	if err := checkSettings(&cfg, fail); err != nil {
		return cfg, err
	}
	if err := checkStatuses(src, &cfg, func(line, col int, format string, args ...any) error {
		return &problem.Problem{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
	}); err != nil {
		return cfg, err
	}
	if cfg.Title == TitlePlaceholder {
		line, col := KeyPos(src, []string{"title"})
		cfg.Warnings = append(cfg.Warnings, problem.Problem{File: file, Line: line, Col: col, Severity: problem.Warning,
			Msg: "title is still the placeholder that plansite new wrote, having found no title in the document: every page, citation and the open data show it; write the plan's full title"})
	}
	if cfg.ShortTitle == "" {
		cfg.ShortTitle = cfg.Title
	}
	if cfg.SiteName == "" {
		cfg.SiteName = cfg.ShortTitle
	}
	if cfg.Language == "" {
		cfg.Language = "zh-CN"
	}
	return cfg, nil
}
