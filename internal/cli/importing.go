package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"plansite/internal/document"
	"plansite/internal/importer"
	"plansite/internal/load"
	"plansite/internal/seed"
)

// ImportFlags are the flags and argument of plansite import.
type ImportFlags struct {
	Document string // the file to read
	Out      string // -o: the CSV file to write; "" for standard output
	Table    int    // -table: the table's number in the document; 0 finds it
}

// imported is a task table read from a document: the CSV of
// content/tasks.csv, its merged cells as merges.csv ("" when it has none)
// and what was read, for a line of report.
type imported struct {
	csv, merges []byte
	what        string
	table       *importer.Table // nil for a seed text
	doc         *document.Document
}

// readDocument reads the task table out of file: a Word file, a web page or
// a workbook (package document), or the text of a Word table as in seeds/.
func readDocument(ctx context.Context, file string, table int) (*imported, error) {
	if strings.EqualFold(filepath.Ext(file), ".txt") {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		rows, err := seed.Import(filepath.ToSlash(file), data)
		if err != nil {
			return nil, err
		}
		var b bytes.Buffer
		if err := seed.WriteCSV(&b, rows); err != nil {
			return nil, err
		}
		return &imported{csv: b.Bytes(), what: fmt.Sprintf("the table text of %s: %d rows", file, len(rows))}, nil
	}
	doc, err := document.Open(ctx, file, document.Options{})
	if err != nil {
		return nil, err
	}
	t, err := importer.FromDocument(doc, load.HeaderScore, table)
	if err != nil {
		return nil, err
	}
	im := &imported{table: t, doc: doc}
	var b bytes.Buffer
	if err := t.WriteCSV(&b); err != nil {
		return nil, err
	}
	im.csv = b.Bytes()
	if len(t.Merges) > 0 {
		var m bytes.Buffer
		if err := t.WriteMerges(&m); err != nil {
			return nil, err
		}
		im.merges = m.Bytes()
	}
	im.what = fmt.Sprintf("table %d of %d in %s: %d rows below its heading, %d merged cells",
		t.Index, t.Tables, file, len(t.Rows)-t.HeaderRows, len(t.Merges))
	if len(t.Parts) > 1 {
		im.what = fmt.Sprintf("tables %s of %d in %s, one task table under the same heading (-table N reads one alone): %d rows below the heading, %d merged cells",
			listed(t.Parts), t.Tables, file, len(t.Rows)-t.HeaderRows, len(t.Merges))
	}
	return im, nil
}

// warnings prints what reading the document found to warn about.
func (im *imported) warnings(log io.Writer) {
	if im.doc == nil {
		return
	}
	for _, w := range append(im.doc.Warnings, im.table.Warnings...) {
		fmt.Fprintln(log, w.Error())
	}
}

// Import writes the task table of a document as the CSV content/tasks.csv
// holds: on out, or into the file f.Out, with merges.csv beside it when the
// table has merged cells. It never writes over the document.
func Import(ctx context.Context, f ImportFlags, out, log io.Writer) error {
	if f.Out != "" {
		// The same file by any name: a link, ./seed.txt, a hard link.
		in, inErr := os.Stat(f.Document)
		o, outErr := os.Stat(f.Out)
		if inErr == nil && outErr == nil && os.SameFile(in, o) {
			return fmt.Errorf("-o %q is the file being imported, %q; plansite import never writes over its input: name another file, such as content/tasks.csv", f.Out, f.Document)
		}
	}
	im, err := readDocument(ctx, f.Document, f.Table)
	if err != nil {
		return err
	}
	im.warnings(log)
	if f.Out == "" {
		if _, err := out.Write(im.csv); err != nil {
			return err
		}
		if im.merges != nil {
			fmt.Fprintf(log, "plansite: read %s; the merged cells are not written: with -o FILE they go to merges.csv beside it\n", im.what)
		}
		return nil
	}
	if err := os.WriteFile(f.Out, im.csv, 0o644); err != nil {
		return err
	}
	merges := filepath.Join(filepath.Dir(f.Out), load.MergesFile)
	wrote := f.Out
	switch {
	case im.merges != nil:
		if err := os.WriteFile(merges, im.merges, 0o644); err != nil {
			return err
		}
		wrote += " and " + merges
	default:
		// A merges.csv of an earlier table would describe cells this one
		// does not have.
		if err := os.Remove(merges); err == nil {
			wrote += " (and removed the " + merges + " of the table it replaces)"
		}
	}
	fmt.Fprintf(log, "plansite: read %s; wrote %s\n", im.what, wrote)
	return nil
}

// listed writes numbers as a list: "1, 2 and 3".
func listed(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}
