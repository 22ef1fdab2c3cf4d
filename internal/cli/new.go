package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"plansite/internal/check"
	"plansite/internal/column"
	"plansite/internal/config"
	"plansite/internal/importer"
	"plansite/internal/load"
	"plansite/internal/problem"
)

// NewFlags are the flags and arguments of plansite new.
type NewFlags struct {
	Dir      string // the site folder to make
	Document string // the document to read the table from; "" for a starter table
	Table    int
}

// starterTable is the table of a site made without a document: one clearly
// made-up task, under the standard headings, for the publisher to replace.
var starterTable = strings.Join(column.Names(column.ID, column.Area, column.Measures, column.Timeline, column.Lead, column.Coop), ",") + "\n" +
	"1,（一）示例行动,在此填写第一项任务的主要措施（示例，请替换为计划原文）。,2025年底前,示例牵头单位,——\n"

// New makes a site folder that plansite build DIR builds at once:
// DIR/content/tasks.csv from the document (with merges.csv when it has
// merged cells) and site.toml with what the document states of itself.
// DIR must be new or empty: nothing is ever written over.
func New(ctx context.Context, f NewFlags, log io.Writer) error {
	if entries, err := os.ReadDir(f.Dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty: plansite new makes a site in a new or empty folder, and never writes over one", f.Dir)
	} else if err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("%s: %v", f.Dir, err)
	}
	content := filepath.Join(f.Dir, "content")
	files := map[string][]byte{}
	var what string
	var facts importer.Facts
	var choices []config.ColumnChoice
	var unread []string // the table's headings that no column reads
	if f.Document == "" {
		files["tasks.csv"] = []byte(starterTable)
		what = "a starter table of one made-up task: replace it with the plan's table"
	} else {
		im, err := readDocument(ctx, f.Document, f.Table)
		if err != nil {
			return err
		}
		im.warnings(log)
		files["tasks.csv"] = im.csv
		if im.merges != nil {
			files[load.MergesFile] = im.merges
		}
		what = im.what
		if im.table != nil {
			facts = importer.FactsOf(im.doc, im.table.Index-1)
			rows := im.table.Rows
			choices = load.ChooseColumns(rows[im.table.HeaderRows-1], rows[im.table.HeaderRows:])
			unread = load.UnreadHeadings(rows[im.table.HeaderRows-1], choices)
			for _, c := range choices {
				fmt.Fprintf(log, "plansite: site.toml reads column %q as [columns] %s: %s\n", c.Heading, c.Key, c.Why)
			}
		}
	}
	source := f.Document
	if source == "" {
		source = "no document"
	}
	files["site.toml"] = []byte(importer.SiteTOML(facts, filepath.Base(source), choices, unread))
	if err := os.MkdirAll(content, 0o755); err != nil {
		return err
	}
	for _, name := range []string{"tasks.csv", load.MergesFile, "site.toml"} {
		if data, ok := files[name]; ok {
			if err := os.WriteFile(filepath.Join(content, name), data, 0o644); err != nil {
				return err
			}
		}
	}
	if f.Document != "" && facts.Title == "" {
		fmt.Fprintf(log, "plansite: found no title in %s: site.toml's title is %s until you write the plan's full title there\n", f.Document, config.TitlePlaceholder)
	}
	// What new made is read as a build reads it: a table that lacks a
	// column the build needs says so now, not at the first build.
	if r := check.Content(os.DirFS(content), content); r.Errors() > 0 {
		for _, p := range r.Problems {
			if p.Severity == problem.Error {
				fmt.Fprintln(log, p.Error())
			}
		}
		fmt.Fprintf(log, "plansite: made %s from %s, but it does not build yet: correct what is above (each error says where), then: plansite check %s\n",
			content, what, f.Dir)
		return ErrFound{r.Errors()}
	}
	fmt.Fprintf(log, "plansite: made %s from %s\n", content, what)
	fmt.Fprintf(log, "plansite: check %s against the document, then: plansite serve %s (preview), plansite build %s (the site, in %s)\n",
		filepath.Join(content, "site.toml"), f.Dir, f.Dir, filepath.Join(f.Dir, "public"))
	return nil
}
